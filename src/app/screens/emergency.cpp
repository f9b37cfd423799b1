// Shown when an emergency question is answered yes: help first, questions after.
#include "screens.h"

#include "app/ui.h"
#include "app/web_bridge.h"

namespace screens {

void Emergency(app::App&) {
  using app::T;
  ui::Heading(T("emergency.title"));
  ui::Paragraph(T("emergency.body"));
  if (ui::Button("call.112", T("safety.call_112"), ui::Style::call, false, ui::Role::link))
    bridge::Call("112");
  if (ui::Button("emergency.continue", T("emergency.continue"), ui::Style::secondary))
    app::Go(app::Screen::question);
}

}  // namespace screens
