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

void SendReport() {
  App& a = Get();
  Outgoing& o = a.outgoing;
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
    bridge::Upload(o.envelope);
  }
  platform::RequestRedraw();  // the next slice, or the screen that says it is uploading
}

void RetryReport() {
  Outgoing& o = Get().outgoing;
  if (!o.solved)
    return;
  Go(Screen::report_sending);
  bridge::Upload(o.envelope);
}

void UploadDone(bool ok) {
  App& a = Get();
  if (a.outgoing.envelope.empty())
    return;  // forgotten meanwhile (quick exit): nothing to show
  if (ok) {
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
  o = Outgoing{};
}

}  // namespace app
