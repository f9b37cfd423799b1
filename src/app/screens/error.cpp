// Content or configuration that failed to load or validate: say so plainly, then list each
// finding as the core names it (file: /json/pointer: what is wrong) for whoever maintains
// the site. Never a blank canvas.
#include "screens.h"

#include "app/theme.h"
#include "app/ui.h"

namespace screens {

void Error(app::App& a) {
  using app::T;
  ui::Heading(T("error.title"), "error.title");
  ui::Paragraph(T("error.body"));
  ui::Spacer(theme::kGap);
  ui::Paragraph(T("error.details"), true, theme::kSmallSize);
  for (const signaal::Finding& f : a.model.Findings())
    ui::Paragraph(signaal::to_string(f), true, theme::kSmallSize);
  if (a.model.GetSession() != nullptr && a.model.Loaded())
    if (ui::Button("nav.back", T("nav.back"), ui::Style::quiet))
      app::Go(app::Screen::question);
}

}  // namespace screens
