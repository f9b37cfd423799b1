// The upload failed after the page's retries (no connection, the intake refused or is down).
// The sealed report stays in memory only for "try again"; going back forgets it.
#include "screens.h"

#include "app/ui.h"

namespace screens {

void ReportFailed(app::App&) {
  using app::T;
  ui::Heading(T("report.failed.title"), "report.failed");
  ui::Paragraph(T("report.failed.body"));
  if (ui::Button("report.retry", T("report.retry"), ui::Style::primary))
    app::RetryReport();
  if (ui::Button("report.back", T("report.back"), ui::Style::secondary)) {
    app::ForgetReport();
    app::Go(app::Screen::result);
  }
}

}  // namespace screens
