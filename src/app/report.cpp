// The anonymous report (see report.h).
#include "report.h"

#include <sodium.h>

#include "app.h"
#include "core/envelope_types.h"
#include "core/report_date.h"
#include "platform_web.h"
#include "sealing.h"
#include "web_bridge.h"

namespace app {

namespace {
// Of each frame, this long goes to the proof of work: the screen keeps drawing while it
// searches, and a phone's time goes to hashing rather than to frames.
constexpr double kPowSliceMs = 40.0;

void Wipe(std::string* s) {
  sodium_memzero(s->data(), s->size());
  s->clear();
}

// The code exists only while the code screen shows it: no copy survives.
void DropFollowUpCode() {
  Outgoing& o = Get().outgoing;
  Wipe(&o.code);
  Wipe(&o.code_retyped);
  o.code_mismatch = false;
}

// "self_minor" tells the organisation the person said they are under 18 (or did not say).
std::string ReportAudience(const Model& m, const signaal::Session& s) {
  if (m.Audience() == signaal::Audience::professional)
    return "professional";
  return s.profile().age_group == signaal::AgeGroup::adult ? "self" : "self_minor";
}

void Refuse(std::string reason) {
  Get().outgoing.refusal = std::move(reason);
  Go(Screen::report_refused);
}

// The sealer picks the key at this moment and seals; the proof of work follows.
void Seal() {
  App& a = Get();
  Outgoing& o = a.outgoing;
  o.content.free_text = o.free_text.empty() ? std::nullopt : std::optional<std::string>(o.free_text);
  o.content.contact = o.contact.empty() ? std::nullopt : std::optional<std::string>(o.contact);
  bridge::Mark("report-seal-start");
  const nlohmann::json answer =
      sealing::Call("seal", {{"report", o.content},  // its content hash: the sealer's to fill in
                             {"content", a.model.ContentTexts()},
                             {"config", a.model.ConfigJson()},
                             {"now", static_cast<std::int64_t>(bridge::NowSeconds())}});
  bridge::Mark("report-sealed");
  if (answer.value("status", "") != "ok")
    return Refuse(answer.value("status", "malformed"));
  o.sealed = true;
  o.pow_difficulty = answer.value("difficulty", 0);
}
}  // namespace

void PrepareReport() {
  App& a = Get();
  ForgetReport();
  const signaal::Session& s = *a.model.GetSession();
  signaal::ReportContent& r = a.outgoing.content;
  const signaal::Questionnaire& q = a.model.GetQuestionnaire();
  r.questionnaire_id = q.id;
  r.questionnaire_version = q.version;
  r.audience = ReportAudience(a.model, s);
  r.locale = a.model.Locale().code;
  r.age_group = std::string(signaal::age_group_name(s.profile().age_group));
  r.answers = s.visible_answers();
  r.assessment = a.result;
  r.report_nonce = signaal::new_report_nonce();
  // Coarse on purpose: a week for the person themselves, the day for a professional's case.
  const auto now = static_cast<std::int64_t>(bridge::NowSeconds());
  r.date = a.model.Audience() == signaal::Audience::professional ? signaal::report_day(now)
                                                                   : signaal::report_iso_week(now);
  sealing::Load();  // usually there already: the result screen asked for it
  Go(Screen::report_consent);
}

void StartFollowUp() {
  DropFollowUp();
  sealing::Load();
  Go(Screen::report_code);
}

bool EnsureFollowUpCode() {
  Outgoing& o = Get().outgoing;
  if (o.code.empty() && sealing::GetState() == sealing::State::ready) {
    nlohmann::json answer = sealing::Call("new_code");
    if (auto code = answer.find("code"); code != answer.end() && code->is_string()) {
      o.code = code->get<std::string>();
      Wipe(&code->get_ref<std::string&>());
    }
  } else if (o.code.empty() && sealing::GetState() == sealing::State::failed) {
    Refuse("sealer_unavailable");
  }
  return !o.code.empty();
}

void ConfirmFollowUp() {
  Outgoing& o = Get().outgoing;
  const nlohmann::json answer = sealing::Call("follow_up", {{"shown", o.code}, {"typed", o.code_retyped}});
  const auto tag = signaal::hex_array<32>(answer.value("lookup_tag", ""));
  const auto reply_key = signaal::hex_array<32>(answer.value("reply_public_key", ""));
  if (answer.value("status", "") != "ok" || !tag || !reply_key) {
    o.code_mismatch = true;
    return;
  }
  o.content.follow_up = signaal::ReportFollowUp{*tag, *reply_key};
  DropFollowUpCode();
  Go(Screen::report_consent);
}

void DropFollowUp() {
  Get().outgoing.content.follow_up.reset();
  DropFollowUpCode();
}

void SendReport() {
  Outgoing& o = Get().outgoing;
  o.sending = true;
  sealing::Load();
  Go(Screen::report_sending);
}

void ContinueReport() {
  Outgoing& o = Get().outgoing;
  if (!o.sending || o.solved)
    return;
  if (!o.sealed) {
    if (sealing::GetState() == sealing::State::failed)
      return Refuse("sealer_unavailable");
    if (sealing::GetState() == sealing::State::ready)
      Seal();
    return;  // the sealer's arrival draws the next frame
  }
  const nlohmann::json answer = sealing::Call("solve", {{"ms", kPowSliceMs}});
  o.pow_attempts = answer.value("attempts", std::uint64_t{0});
  if (answer.value("solved", false)) {
    bridge::Mark("report-solved");
    o.solved = true;
    bridge::UploadSealed(o.keep_in_outbox);
  }
  platform::RequestRedraw();  // the next slice, or the screen that says it is uploading
}

void RetryReport() {
  Outgoing& o = Get().outgoing;
  if (!o.solved)
    return;
  Go(Screen::report_sending);
  bridge::UploadSealed(o.keep_in_outbox);
}

void UploadDone(UploadOutcome outcome) {
  App& a = Get();
  if (!a.outgoing.solved)
    return;  // forgotten meanwhile (quick exit): nothing to show
  if (outcome == UploadOutcome::kept) {
    ForgetReport();  // the page holds the sealed copy now
    Go(Screen::report_kept);
  } else if (outcome == UploadOutcome::sent) {
    a.sent.contact = a.outgoing.content.contact.has_value();
    a.sent.follow_up = a.outgoing.content.follow_up.has_value();
    ForgetReport();
    Go(Screen::report_sent);
  } else {
    Go(Screen::report_failed);
  }
}

void ForgetReport() {
  Outgoing& o = Get().outgoing;
  if (o.sealed && sealing::GetState() == sealing::State::ready)
    sealing::Call("forget");
  Wipe(&o.free_text);
  Wipe(&o.contact);
  if (o.content.free_text)
    Wipe(&*o.content.free_text);
  if (o.content.contact)
    Wipe(&*o.content.contact);
  DropFollowUpCode();
  o = Outgoing{};
}

}  // namespace app
