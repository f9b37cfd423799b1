// Two languages, for an outreach worker whose person reads another language: the worker picks
// that language, then either stays beside the person (each text in the worker's language
// beneath the person's) or hands the device over (the same, and the result stays hidden until
// the person chooses to show it). Either way the person answers about themselves.
#include "screens.h"

#include "app/theme.h"
#include "app/ui.h"

namespace screens {

void TwoLanguages(app::App& a) {
  using app::T;
  ui::Heading(T("pair.title"));
  ui::Paragraph(T("pair.intro"));
  const std::string pressed = LanguageGrid(a, a.person_locale, a.model.Locale().code);
  if (!pressed.empty())
    a.person_locale = pressed;
  ui::Spacer(theme::kGap);
  if (!a.person_locale.empty() && !a.pairing) {
    if (ui::Button("pair.together", T("pair.together"), ui::Style::primary))
      app::AnswerInTwoLanguages(a.person_locale, false);
    ui::Paragraph(T("pair.hand_over_note"), true);
    if (ui::Button("pair.hand_over", T("pair.hand_over"), ui::Style::secondary))
      app::AnswerInTwoLanguages(a.person_locale, true);
  }
  if (ui::Button("nav.back", T("nav.back"), ui::Style::quiet)) {
    a.person_locale.clear();
    app::Go(app::Screen::safety);
  }
}

}  // namespace screens
