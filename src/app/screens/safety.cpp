// The safety check, before any question: is this a safe moment, how to leave in one tap,
// that nothing is kept, and 112 for danger right now. In two-language mode the person reads it
// in their own language.
#include "screens.h"

#include "app/theme.h"
#include "app/ui.h"
#include "app/web_bridge.h"

namespace screens {

void Safety(app::App& a) {
  using app::T;
  const std::string aud = app::AudienceKey();
  ui::Heading(T("safety.title"));
  ui::Paragraph(T("safety.body." + aud));
  ui::Paragraph(T("safety.exit"));
  ui::Paragraph(T("safety.nothing_kept"), true);
  ui::Spacer(theme::kGap);
  ui::Paragraph(T("safety.danger"));
  if (ui::Button("call.112", T("safety.call_112"), ui::Style::call, false, ui::Role::link))
    bridge::Call("112");
  ui::Spacer(theme::kGap);
  if (ui::Button("safety.continue", T("safety.continue"), ui::Style::primary)) {
    app::Go(app::Screen::question);
  }
  // A worker whose person reads another language lets them answer in it (two_languages.cpp).
  if (a.model.Audience() == signaal::Audience::professional && a.model.Offered().size() > 1 &&
      ui::Button("safety.two_languages", T("safety.two_languages"), ui::Style::secondary))
    app::Go(app::Screen::two_languages);
  if (ui::Button("nav.back", T("nav.back"), ui::Style::quiet)) {
    a.model.Wipe();
    app::Go(app::Screen::start);
  }
}

}  // namespace screens
