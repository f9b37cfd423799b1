// The language screen, reachable from the top bar at any point: the answers are values,
// not texts, so they all stay when the language changes.
#include "screens.h"

#include "app/theme.h"
#include "app/ui.h"

namespace screens {

void Language(app::App& a) {
  using app::T;
  ui::Heading(T("language.title"));
  ui::Paragraph(T("language.answers_kept"), true);
  LanguageList(a);
  ui::Spacer(theme::kGap);
  DisplayButton(a);
  if (ui::Button("nav.back", T("nav.back"), ui::Style::quiet))
    app::Go(a.before_language);
}

}  // namespace screens
