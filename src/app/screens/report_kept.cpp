// Professional mode, no connection: the sealed report waits in the page's outbox and goes
// out by itself once there is a connection (or from "send now" on the start screen).
#include "screens.h"

#include "app/ui.h"

namespace screens {

void ReportKept(app::App&) {
  using app::T;
  ui::Heading(T("report.outbox.saved.title"), "report.kept");
  ui::Paragraph(T("report.outbox.saved.body"));
  if (ui::Button("report.back", T("report.back"), ui::Style::secondary))
    app::Go(app::Screen::result);
  if (ui::Button("result.done", T("result.done"), ui::Style::primary))
    app::Go(app::Screen::end);
}

}  // namespace screens
