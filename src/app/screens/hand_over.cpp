// Handing the device over: the person is told, in their language, that their answers are
// theirs alone; when every question is answered the device comes back showing nothing of
// them, and only the person's tap shows the result (or erases it all). The worker's lines are
// beneath, in the worker's language. Neither screen has a way back into the answers.
#include "screens.h"

#include "app/theme.h"
#include "app/ui.h"

namespace screens {

void HandOver(app::App&) {
  using app::T;
  ui::AsideText(app::Beneath("handover.worker"), "handover.worker");
  ui::Spacer(theme::kGap);
  ui::Heading(T("handover.title"));
  ui::Paragraph(T("handover.private"));
  ui::Paragraph(T("safety.exit"));
  ui::Spacer(theme::kGap);
  if (ui::Button("handover.begin", T("handover.begin"), ui::Style::primary))
    app::Go(app::Screen::safety);
}

void HandedBack(app::App& a) {
  using app::T;
  ui::Heading(T("handback.title"));
  ui::Paragraph(T("handback.private"));
  ui::Spacer(theme::kGap);
  if (ui::Button("handback.show", T("handback.show"), ui::Style::primary)) {
    a.model.SetHandedOver(false);  // shown by choice: from here the worker may read along
    app::Go(app::Screen::result);
  }
  if (ui::Button("handback.erase", T("handback.erase"), ui::Style::secondary)) {
    a.model.Wipe();
    app::Go(app::Screen::end);
  }
  ui::Spacer(theme::kGap);
  ui::AsideText(app::Beneath("handback.worker"), "handback.worker");
}

}  // namespace screens
