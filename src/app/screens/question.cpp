// One question per screen: progress, the question in the wording for this person, "why we
// ask" for sensitive questions, large answer buttons (always with "prefer not to say") and
// back. A tap on an answer moves on; a multi question is confirmed with "next".
#include "screens.h"

#include <algorithm>

#include "app/speech.h"
#include "app/theme.h"
#include "app/ui.h"

namespace screens {

namespace {

void Answered(app::App& a, const signaal::Question& q, const std::vector<std::string>& values) {
  signaal::Session& s = *a.model.GetSession();
  s.answer(values);
  s.next();
  a.multi.clear();
  a.multi_for.clear();
  if (q.emergency && values.front() == "yes")
    app::Go(app::Screen::emergency);
  else if (s.finished())
    app::Go(app::Screen::result);
  else
    app::Go(app::Screen::question);
}

// The labels of a question's answers, in the order they are shown (Choices below).
std::vector<std::string> AnswerLabels(const signaal::Question& q) {
  using app::T;
  std::vector<std::string> labels;
  if (q.type == signaal::QuestionType::yesno)
    for (const char* v : {"yes", "no", "unsure"})
      labels.push_back(T(std::string("answer.") + v));
  else
    for (const signaal::Option& o : q.options)
      labels.push_back(T("q." + q.id + ".opt." + o.value));
  labels.push_back(T("answer.prefer_not"));
  return labels;
}

// Shown only when the device has a voice of its own for this language (web/speech.js).
void ReadAloud(app::App& a, const signaal::Question& q) {
  const std::string& lang = a.model.Locale().code;
  if (!speech::CanSpeak(lang))
    return;
  if (!ui::Button("question.read_aloud", app::T("question.read_aloud"), ui::Style::quiet))
    return;
  std::string text = a.model.QuestionText(q);
  for (const std::string& label : AnswerLabels(q))
    text += "\n" + label;
  speech::Say(lang, text);
}

void Choices(app::App& a, const signaal::Question& q, const signaal::Answer* given) {
  using app::T;
  const auto chosen = [&](const std::string& v) { return given != nullptr && given->has(v); };
  if (q.type == signaal::QuestionType::yesno) {
    for (const char* v : {"yes", "no", "unsure"})
      if (ui::Button(std::string("answer.") + v, T(std::string("answer.") + v), ui::Style::option, chosen(v),
                     ui::Role::option))
        return Answered(a, q, {v});
  } else if (q.type == signaal::QuestionType::choice) {
    for (const signaal::Option& o : q.options)
      if (ui::Button("answer." + o.value, T("q." + q.id + ".opt." + o.value), ui::Style::option, chosen(o.value),
                     ui::Role::option))
        return Answered(a, q, {o.value});
  } else {
    if (a.multi_for != q.id) {  // coming back to it: start from the kept answer
      a.multi_for = q.id;
      a.multi.clear();
      if (given != nullptr && !given->has(signaal::kPreferNot))
        a.multi = given->values;
    }
    for (const signaal::Option& o : q.options) {
      auto it = std::find(a.multi.begin(), a.multi.end(), o.value);
      if (ui::Button("answer." + o.value, T("q." + q.id + ".opt." + o.value), ui::Style::option, it != a.multi.end(),
                     ui::Role::checkbox)) {
        if (it != a.multi.end())
          a.multi.erase(it);
        else
          a.multi.push_back(o.value);
      }
    }
    if (!a.multi.empty() && ui::Button("question.next", T("question.next"), ui::Style::primary))
      return Answered(a, q, a.multi);
  }
  ui::Spacer(theme::kGap * 0.5f);
  if (ui::Button("answer.prefer_not", T("answer.prefer_not"), ui::Style::option, chosen(signaal::kPreferNot),
                 ui::Role::option))
    Answered(a, q, {signaal::kPreferNot});
}

}  // namespace

void Question(app::App& a) {
  using app::T;
  signaal::Session* s = a.model.GetSession();
  const signaal::Question* q = s != nullptr ? s->current() : nullptr;
  if (q == nullptr) {
    app::Go(s != nullptr ? app::Screen::result : app::Screen::start);
    return;
  }
  const signaal::Session::Progress p = s->progress();
  ui::Progress("progress", p.total > 0 ? static_cast<float>(p.position - 1) / static_cast<float>(p.total) : 0.0f,
               a.model.Format("question.progress",
                              {{"position", std::to_string(p.position)}, {"total", std::to_string(p.total)}}));
  ui::Paragraph(T("section." + q->section), true, theme::kSmallSize);
  ui::Heading(a.model.QuestionText(*q), "q." + q->id);
  ReadAloud(a, *q);
  if (q->sensitive) {
    if (ui::Button("why", T("question.why"), ui::Style::quiet))
      a.why_open = !a.why_open;
    if (a.why_open)
      ui::Paragraph(T("q." + q->id + ".why"), true);
  }
  ui::Spacer(theme::kGap * 0.5f);
  Choices(a, *q, s->answer_of(q->id));
  ui::Spacer(theme::kGap);
  if (ui::Button("nav.back", T("nav.back"), ui::Style::quiet)) {
    a.multi_for.clear();
    if (s->back())
      app::Go(app::Screen::question);
    else
      app::Go(app::Screen::safety);
  }
}

}  // namespace screens
