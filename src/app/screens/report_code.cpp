// The follow-up code: shown once, large, in groups; the person types it again to prove they
// have it. Only then does the report carry the code's lookup tag and reply key.
#include "screens.h"

#include "app/theme.h"
#include "app/ui.h"
#include "core/follow_up.h"

namespace screens {

void ReportCode(app::App& a) {
  using app::T;
  app::Outgoing& o = a.outgoing;
  if (!app::EnsureFollowUpCode()) {  // the sealer is on its way
    ui::Heading(T("report.preparing"), "report.preparing");
    return;
  }
  ui::Heading(T("follow_up.title"), "follow_up.title");
  ui::Paragraph(T("follow_up.show"));
  ui::Spacer(theme::kGap);
  ui::Code("follow_up.code", o.code);
  ui::Spacer(theme::kGap);
  ui::Paragraph(T("follow_up.retype"), false, 0.0f, "follow_up.retype");
  if (ui::TextField("field.code", T("follow_up.retype"), &o.code_retyped, signaal::kFollowUpCodeSymbols + 8, 1))
    o.code_mismatch = false;
  if (o.code_mismatch)
    ui::Paragraph(T("follow_up.mismatch"), false, 0.0f, "follow_up.mismatch");
  ui::Spacer(theme::kGap);
  if (ui::Button("follow_up.confirm", T("follow_up.confirm"), ui::Style::primary))
    app::ConfirmFollowUp();
  if (ui::Button("follow_up.cancel", T("follow_up.cancel"), ui::Style::secondary)) {
    app::DropFollowUp();
    app::Go(app::Screen::report_consent);
  }
}

}  // namespace screens
