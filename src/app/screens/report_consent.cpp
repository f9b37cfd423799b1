// Before any report exists on the wire: every field it would carry, in the person's language
// (each answer as question and answer, the result with its signs and reasons, the coarse date,
// the language, who filled it in), the optional additions (own words, contact details after
// an explanation, a reply code), and what the organisation can and cannot see. Nothing is
// sealed before "Send".
#include "screens.h"

#include "app/theme.h"
#include "app/ui.h"
#include "reasons.h"

namespace screens {

namespace {

std::string AnswerLabel(const app::Model& m, const signaal::Question& q, const std::string& value) {
  if (q.type == signaal::QuestionType::yesno || value == signaal::kPreferNot)
    return m.Text("answer." + value);
  return m.Text("q." + q.id + ".opt." + value);
}

std::string Joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts)
    out += (out.empty() ? "" : ", ") + p;
  return out;
}

std::string Counter(const app::Model& m, const std::string& text, std::size_t max) {
  return m.Format("field.counter", {{"count", std::to_string(signaal::count_text_code_points(text).value_or(0))},
                                     {"max", std::to_string(max)}});
}

// What the person may add, each optional and removable: their own words, contact details
// (only after saying what they cost), a reply code.
void Additions(app::App& a) {
  using app::T;
  app::Outgoing& o = a.outgoing;
  ui::Heading(T("report.free_text.title"), "report.free_text");
  ui::Paragraph(T("report.free_text.hint"), true, theme::kSmallSize);
  ui::TextField("field.free_text", T("report.free_text.title"), &o.free_text, signaal::kFreeTextMaxCodePoints, 4);
  ui::Paragraph(Counter(a.model, o.free_text, signaal::kFreeTextMaxCodePoints), true, theme::kSmallSize,
                "counter.free_text");
  if (!o.free_text.empty() && ui::Button("free_text.remove", T("report.free_text.remove"), ui::Style::quiet))
    o.free_text.clear();
  ui::Spacer(theme::kGap);

  ui::Heading(T("report.contact.title"), "report.contact");
  ui::Paragraph(T("report.contact.explain"));
  if (!o.contact_open) {
    if (ui::Button("contact.add", T("report.contact.add"), ui::Style::secondary))
      o.contact_open = true;
  } else {
    ui::Paragraph(T("report.contact.label"), true, theme::kSmallSize);
    ui::TextField("field.contact", T("report.contact.label"), &o.contact, signaal::kContactMaxCodePoints, 1);
    ui::Paragraph(Counter(a.model, o.contact, signaal::kContactMaxCodePoints), true, theme::kSmallSize,
                  "counter.contact");
    if (ui::Button("contact.remove", T("report.contact.remove"), ui::Style::quiet)) {
      o.contact.clear();
      o.contact_open = false;
    }
  }
  ui::Spacer(theme::kGap);

  if (a.model.GetConfig().replies_url.empty())
    return;
  ui::Heading(T("report.follow_up.title"), "report.follow_up");
  if (o.content.follow_up) {
    ui::Paragraph(T("report.follow_up.added"), false, 0.0f, "consent.follow_up");
    if (ui::Button("follow_up.remove", T("report.follow_up.remove"), ui::Style::quiet))
      app::DropFollowUp();
  } else {
    ui::Paragraph(T("report.follow_up.explain"));
    if (ui::Button("follow_up.add", T("report.follow_up.add"), ui::Style::secondary))
      app::StartFollowUp();
  }
  ui::Spacer(theme::kGap);
}

}  // namespace

void ReportConsent(app::App& a) {
  using app::T;
  signaal::ReportContent& r = a.outgoing.content;
  r.locale = a.model.Locale().code;  // the language shown is the language sent
  ui::Heading(T("report.consent.title"));
  ui::Paragraph(T("report.consent.intro"));
  ui::Spacer(theme::kGap);

  ui::Heading(T("report.consent.answers"), "report.answers");
  for (const signaal::Question* q : a.model.GetSession()->route()) {
    const auto it = r.answers.find(q->id);
    if (it == r.answers.end())
      continue;
    std::vector<std::string> labels;
    for (const std::string& v : it->second.values)
      labels.push_back(AnswerLabel(a.model, *q, v));
    ui::Paragraph(a.model.QuestionText(*q), true, theme::kSmallSize, "consent.q." + q->id);
    ui::Paragraph(Joined(labels), false, 0.0f, "consent.a." + q->id);
  }
  ui::Spacer(theme::kGap);

  ui::Heading(T("report.consent.about"), "report.about");
  const std::string level = std::to_string(a.result.level);
  ui::Paragraph(a.model.Format("report.consent.level",
                               {{"level", T("result.level." + level + "." + app::AudienceKey() + ".title")}}),
                false, 0.0f, "consent.level." + level);
  if (!a.result.categories.empty()) {
    std::vector<std::string> names;
    for (const std::string& c : a.result.categories)
      names.push_back(T("category." + c));
    ui::Paragraph(a.model.Format("report.consent.categories", {{"categories", Joined(names)}}), false, 0.0f,
                  "consent.categories");
  }
  if (!a.result.flags.empty()) {
    std::vector<std::string> flags;
    for (const std::string& f : a.result.flags)
      flags.push_back(T("flag." + f));
    ui::Paragraph(a.model.Format("report.consent.flags", {{"flags", Joined(flags)}}), false, 0.0f, "consent.flags");
  }
  if (!a.result.reasons.empty()) {
    ui::Paragraph(T("report.consent.reasons"), true, theme::kSmallSize, "consent.reasons");
    Reasons(a);
  }
  ui::Paragraph(a.model.Format("report.consent.date", {{"date", r.date}}), false, 0.0f, "consent.date");
  ui::Paragraph(a.model.Format("report.consent.language", {{"language", a.model.Locale().name}}), false, 0.0f,
                "consent.locale");
  const bool professional = a.model.Audience() == signaal::Audience::professional;
  ui::Paragraph(a.model.Format("report.consent.who",
                               {{"who", T(professional ? "start.who.professional" : "start.who.self")}}),
                false, 0.0f, "consent.audience");
  ui::Spacer(theme::kGap);

  Additions(a);

  ui::Heading(T("report.consent.privacy"), "report.privacy");
  ui::Paragraph(T("report.consent.can_see"));
  ui::Paragraph(T(a.outgoing.contact.empty() ? "report.consent.cannot_see" : "report.consent.cannot_see_contact"));
  ui::Spacer(theme::kGap);
  if (professional && ui::Button("report.outbox", T("report.outbox.option"), ui::Style::option,
                                 a.outgoing.keep_in_outbox, ui::Role::checkbox))
    a.outgoing.keep_in_outbox = !a.outgoing.keep_in_outbox;
  if (ui::Button("report.send", T("report.send"), ui::Style::primary))
    app::SendReport();
  if (ui::Button("report.dont", T("report.dont"), ui::Style::secondary)) {
    app::ForgetReport();
    app::Go(app::Screen::result);
  }
}

}  // namespace screens
