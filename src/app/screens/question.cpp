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
    app::Go(a.model.HandedOver() ? app::Screen::handed_back : app::Screen::result);
  else
    app::Go(app::Screen::question);
}

// The text keys of a question's answers, in the order they are shown (Choices below).
std::string AnswerKey(const signaal::Question& q, std::string_view value) {
  if (value == signaal::kPreferNot)
    return "answer.prefer_not";
  if (q.type == signaal::QuestionType::yesno)
    return "answer." + std::string(value);
  return "q." + q.id + ".opt." + std::string(value);
}

std::vector<std::string> AnswerValues(const signaal::Question& q) {
  std::vector<std::string> values;
  if (q.type == signaal::QuestionType::yesno)
    values = {"yes", "no", "unsure"};
  else
    for (const signaal::Option& o : q.options)
      values.push_back(o.value);
  return values;
}

// An answer's button: its label, and the worker's words for it beneath in two-language mode.
bool AnswerButton(const signaal::Question& q, const std::string& value, bool selected, ui::Role role) {
  const std::string key = AnswerKey(q, value);
  return ui::Button("answer." + value, app::T(key), ui::Style::option, selected, role, app::Beneath(key));
}

// Shown only when the device has a voice of its own for this language (web/speech.js).
void ReadAloud(app::App& a, const signaal::Question& q) {
  const std::string& lang = a.model.Locale().code;
  if (!speech::CanSpeak(lang))
    return;
  if (!ui::Button("question.read_aloud", app::T("question.read_aloud"), ui::Style::quiet))
    return;
  std::string text = a.model.QuestionText(q);
  std::vector<std::string> values = AnswerValues(q);
  values.push_back(signaal::kPreferNot);
  for (const std::string& value : values)
    text += "\n" + app::T(AnswerKey(q, value));
  speech::Say(lang, text);
}

void Choices(app::App& a, const signaal::Question& q, const signaal::Answer* given) {
  using app::T;
  const auto chosen = [&](const std::string& v) { return given != nullptr && given->has(v); };
  if (q.type != signaal::QuestionType::multi) {
    for (const std::string& v : AnswerValues(q))
      if (AnswerButton(q, v, chosen(v), ui::Role::option))
        return Answered(a, q, {v});
  } else {
    if (a.multi_for != q.id) {  // coming back to it: start from the kept answer
      a.multi_for = q.id;
      a.multi.clear();
      if (given != nullptr && !given->has(signaal::kPreferNot))
        a.multi = given->values;
    }
    for (const std::string& v : AnswerValues(q)) {
      auto it = std::find(a.multi.begin(), a.multi.end(), v);
      if (AnswerButton(q, v, it != a.multi.end(), ui::Role::checkbox)) {
        if (it != a.multi.end())
          a.multi.erase(it);
        else
          a.multi.push_back(v);
      }
    }
    if (!a.multi.empty() && ui::Button("question.next", T("question.next"), ui::Style::primary))
      return Answered(a, q, a.multi);
  }
  ui::Spacer(theme::kGap * 0.5f);
  if (AnswerButton(q, signaal::kPreferNot, chosen(signaal::kPreferNot), ui::Role::option))
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
  ui::AsideText(app::Beneath(a.model.QuestionKey(*q)), "q." + q->id + ".beneath");
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
