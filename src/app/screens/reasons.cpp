// The reasons behind the result (see reasons.h).
#include "reasons.h"

#include <algorithm>

#include "app/ui.h"

namespace screens {

void Reasons(app::App& a) {
  std::vector<std::string> shown;
  for (const signaal::Reason& reason : a.result.reasons) {
    const std::string text = app::T("reason." + reason.rule + "." + app::AudienceKey());
    if (std::find(shown.begin(), shown.end(), text) != shown.end())
      continue;
    shown.push_back(text);
    ui::Paragraph(app::T("result.bullet") + text, false, 0.0f, "reason." + reason.rule);
  }
}

}  // namespace screens
