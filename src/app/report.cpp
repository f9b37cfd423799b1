// The anonymous report (see report.h).
#include "report.h"

#include <sodium.h>

#include "app.h"
#include "core/key_bundle.h"
#include "core/report_date.h"
#include "platform_web.h"
#include "web_bridge.h"

namespace app {

namespace {
// About 4 ms of BLAKE2b per frame in a phone's wasm: the screen keeps drawing while searching.
constexpr std::uint64_t kPowSliceAttempts = 4096;

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
}  // namespace

void PrepareReport() {
  App& a = Get();
  ForgetReport();
  const signaal::Session& s = *a.model.GetSession();
  signaal::ReportContent& r = a.outgoing.content;
  const signaal::Questionnaire& q = a.model.GetQuestionnaire();
  r.questionnaire_id = q.id;
  r.questionnaire_version = q.version;
  r.questionnaire_hash = a.model.ContentHash();
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
  Go(Screen::report_consent);
}

void StartFollowUp() {
  Outgoing& o = Get().outgoing;
  DropFollowUp();
  o.code = signaal::generate_follow_up_code();
  Go(Screen::report_code);
}

void ConfirmFollowUp() {
  Outgoing& o = Get().outgoing;
  std::string typed, shown;
  signaal::FollowUpKeys keys;
  if (signaal::normalise_follow_up_code(o.code_retyped, &typed) != signaal::FollowUpStatus::ok ||
      signaal::normalise_follow_up_code(o.code, &shown) != signaal::FollowUpStatus::ok || typed != shown ||
      signaal::derive_follow_up_keys(shown, &keys) != signaal::FollowUpStatus::ok) {
    o.code_mismatch = true;
    return;
  }
  o.content.follow_up = signaal::ReportFollowUp{keys.lookup_tag, keys.reply_public_key};
  sodium_memzero(typed.data(), typed.size());
  sodium_memzero(shown.data(), shown.size());
  DropFollowUpCode();
  Go(Screen::report_consent);
}

void DropFollowUp() {
  Get().outgoing.content.follow_up.reset();
  DropFollowUpCode();
}

void SendReport() {
  App& a = Get();
  Outgoing& o = a.outgoing;
  o.content.free_text = o.free_text.empty() ? std::nullopt : std::optional<std::string>(o.free_text);
  o.content.contact = o.contact.empty() ? std::nullopt : std::optional<std::string>(o.contact);
  signaal::RecipientKey recipient;
  std::string detail;
  const signaal::KeyBundleStatus key = signaal::select_recipient_key(
      a.model.ConfigJson(), static_cast<std::int64_t>(bridge::NowSeconds()), &recipient, &detail);
  if (key != signaal::KeyBundleStatus::ok) {
    o.refusal = std::string(signaal::status_name(key));
    Go(Screen::report_refused);
    return;
  }
  bridge::Mark("report-seal-start");
  const signaal::EnvelopeStatus sealed =
      signaal::seal_report(o.content, recipient, signaal::kPowDifficulty, &o.envelope, &detail);
  bridge::Mark("report-sealed");
  if (sealed != signaal::EnvelopeStatus::ok ||
      signaal::begin_pow_search(o.envelope, &o.pow) != signaal::PowStatus::ok) {
    o.refusal = std::string(signaal::status_name(sealed));
    Go(Screen::report_refused);
    return;
  }
  Go(Screen::report_sending);
}

void ContinueReport() {
  Outgoing& o = Get().outgoing;
  if (o.solved || o.envelope.empty())
    return;
  if (signaal::continue_pow_search(&o.pow, kPowSliceAttempts, o.envelope) == signaal::PowStatus::ok) {
    bridge::Mark("report-solved");
    o.solved = true;
    bridge::Upload(o.envelope, o.keep_in_outbox);
  }
  platform::RequestRedraw();  // the next slice, or the screen that says it is uploading
}

void RetryReport() {
  Outgoing& o = Get().outgoing;
  if (!o.solved)
    return;
  Go(Screen::report_sending);
  bridge::Upload(o.envelope, o.keep_in_outbox);
}

void UploadDone(UploadOutcome outcome) {
  App& a = Get();
  if (a.outgoing.envelope.empty())
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
  if (!o.envelope.empty())
    sodium_memzero(o.envelope.data(), o.envelope.size());
  Wipe(&o.free_text);
  Wipe(&o.contact);
  DropFollowUpCode();
  o = Outgoing{};
}

}  // namespace app
