// No key to seal to (missing, unsigned or badly signed bundle, expired or not yet valid):
// nothing was sealed or sent, and the person is told so plainly.
#include "screens.h"

#include "app/theme.h"
#include "app/ui.h"

namespace screens {

void ReportRefused(app::App& a) {
  using app::T;
  ui::Heading(T("report.refused.title"), "report.refused");
  ui::Paragraph(T("report.refused.body"));
  // For the people who run the site: which check failed (a status name, no content).
  ui::Paragraph(a.outgoing.refusal, true, theme::kSmallSize, "report.refused.reason");
  if (ui::Button("report.back", T("report.back"), ui::Style::primary)) {
    app::ForgetReport();
    app::Go(app::Screen::result);
  }
}

}  // namespace screens
