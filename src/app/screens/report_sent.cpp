// The intake accepted the report: what happens next. Nothing of it is left on the device.
#include "screens.h"

#include "app/ui.h"

namespace screens {

void ReportSent(app::App& a) {
  using app::T;
  ui::Heading(T("report.sent.title"), "report.sent");
  ui::Paragraph(T("report.sent.body"));
  ui::Paragraph(T(a.sent.contact ? "report.sent.next_contact" : "report.sent.next"));
  if (a.sent.follow_up)
    ui::Paragraph(T("report.sent.follow_up"), false, 0.0f, "report.sent.follow_up");
  if (ui::Button("report.back", T("report.back"), ui::Style::secondary))
    app::Go(app::Screen::result);
  if (ui::Button("result.done", T("result.done"), ui::Style::primary))
    app::Go(app::Screen::end);
}

}  // namespace screens
