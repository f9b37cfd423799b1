// Before any report exists on the wire: every field it would carry, in the person's language
// (each answer as question and answer, the result, the coarse date, the language, who filled
// it in), and what the organisation can and cannot see. Nothing is sealed before "Send".
#include "screens.h"

#include "app/theme.h"
#include "app/ui.h"

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
  ui::Paragraph(a.model.Format("report.consent.date", {{"date", r.date}}), false, 0.0f, "consent.date");
  ui::Paragraph(a.model.Format("report.consent.language", {{"language", a.model.Locale().name}}), false, 0.0f,
                "consent.locale");
  const bool professional = a.model.Audience() == signaal::Audience::professional;
  ui::Paragraph(a.model.Format("report.consent.who",
                               {{"who", T(professional ? "start.who.professional" : "start.who.self")}}),
                false, 0.0f, "consent.audience");
  ui::Spacer(theme::kGap);

  ui::Heading(T("report.consent.privacy"), "report.privacy");
  ui::Paragraph(T("report.consent.can_see"));
  ui::Paragraph(T("report.consent.cannot_see"));
  ui::Spacer(theme::kGap);
  if (ui::Button("report.send", T("report.send"), ui::Style::primary))
    app::SendReport();
  if (ui::Button("report.dont", T("report.dont"), ui::Style::secondary)) {
    app::ForgetReport();
    app::Go(app::Screen::result);
  }
}

}  // namespace screens
