// The end: nothing was kept; start again (answers wiped) or leave.
#include "screens.h"

#include "app/ui.h"

namespace screens {

void End(app::App& a) {
  using app::T;
  ui::Heading(T("end.title"));
  ui::Paragraph(T("end.body"));
  if (ui::Button("end.again", T("end.again"), ui::Style::secondary)) {
    a.model.Wipe();
    app::Go(app::Screen::start);
  }
  if (ui::Button("end.leave", T("end.leave"), ui::Style::primary))
    app::QuickExit();
}

}  // namespace screens
