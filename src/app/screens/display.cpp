// Text size and contrast, reachable from the start and language screens: for people who see
// poorly or read on a dim, cracked or sunlit screen. Nothing is stored, so the choice lasts
// as long as the page (the browser's own zoom is remembered by the browser, and works too).
#include "screens.h"

#include <cmath>
#include <string>

#include "app/platform_web.h"
#include "app/theme.h"
#include "app/ui.h"

namespace screens {

void Display(app::App& a) {
  using app::T;
  ui::Heading(T("display.title"));
  ui::Paragraph(T("display.size"));
  const int current = static_cast<int>(std::lround(theme::TextScale() * 100.0f));
  for (const int percent : {100, 125, 150, 175, 200}) {
    const std::string p = std::to_string(percent);
    if (ui::Button("display.size." + p, a.model.Format("display.size.option", {{"percent", p}}), ui::Style::option,
                   percent == current, ui::Role::option)) {
      theme::SetTextScale(static_cast<float>(percent) / 100.0f);
      platform::RequestRedraw();
    }
  }
  ui::Spacer(theme::kGap);
  if (ui::Button("display.contrast", T("display.contrast"), ui::Style::option, theme::HighContrast(),
                 ui::Role::checkbox)) {
    theme::SetHighContrast(!theme::HighContrast());
    platform::RequestRedraw();
  }
  ui::Paragraph(T("display.not_kept"), true);
  if (ui::Button("nav.back", T("nav.back"), ui::Style::quiet))
    app::Go(a.before_display);
}

// The way in, on the start and language screens.
void DisplayButton(app::App& a) {
  if (ui::Button("display", app::T("display.open"), ui::Style::quiet)) {
    a.before_display = a.screen;
    app::Go(app::Screen::display);
  }
}

}  // namespace screens
