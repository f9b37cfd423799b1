// While the report is made ready (sealed once the sealer is there, then the proof of work, a
// slice of time per frame so the screen stays alive) and then uploaded by the page.
#include "screens.h"

#include <cmath>

#include "app/ui.h"

namespace screens {

void ReportSending(app::App& a) {
  using app::T;
  app::ContinueReport();
  const app::Outgoing& o = a.outgoing;
  ui::Heading(T(o.solved ? "report.uploading" : "report.preparing"));
  // The search is geometric: show the chance that it would be done by now, never a promise.
  const double expected = std::ldexp(1.0, o.pow_difficulty);
  const float done = o.solved ? 1.0f : static_cast<float>(1.0 - std::exp(-static_cast<double>(o.pow_attempts) / expected));
  ui::Progress("report.progress", done, T("report.wait"));
}

}  // namespace screens
