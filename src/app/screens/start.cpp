// The start screen: nothing here names exploitation, so a glance over the shoulder shows
// an ordinary questionnaire. Languages are listed in their own names and scripts.
#include "screens.h"

#include "app/theme.h"
#include "app/ui.h"
#include "app/web_bridge.h"

namespace screens {

void LanguageList(app::App& a) {
  for (const signaal::LocaleInfo& info : a.model.Offered()) {
    const bool current = info.code == a.model.Locale().code;
    const bool pressed = ui::Button("lang." + info.code, info.name, ui::Style::option, current, ui::Role::option);
    ui::MarkLanguage(info.code, info.dir == signaal::TextDirection::rtl);  // each name is in its own language
    if (pressed && !current)
      app::ChangeLanguage(info.code);
  }
}

void Start(app::App& a) {
  using app::T;
  ui::Heading(T("start.title"));
  DisplayButton(a);
  ui::Paragraph(T("start.intro"));
  ui::Paragraph(T("start.private"), true);
  ui::Spacer(theme::kGap);
  if (a.model.Offered().size() > 1) {
    ui::Paragraph(T("start.language"));
    LanguageList(a);
    ui::Spacer(theme::kGap);
  }
  ui::Paragraph(T("start.who"));
  if (ui::Button("who.self", T("start.who.self"), ui::Style::option)) {
    a.model.Begin(signaal::Audience::self);
    app::Go(app::Screen::safety);
  }
  if (ui::Button("who.professional", T("start.who.professional"), ui::Style::option)) {
    a.model.Begin(signaal::Audience::professional);
    app::Go(app::Screen::safety);
  }
  if (a.outbox_waiting > 0) {
    ui::Spacer(theme::kGap);
    ui::Paragraph(a.model.Format("outbox.waiting", {{"count", std::to_string(a.outbox_waiting)}}), false, 0.0f,
                  "outbox.waiting");
    if (ui::Button("outbox.send", T("outbox.send"), ui::Style::secondary))
      bridge::FlushOutbox();
  }
  if (!a.model.GetConfig().replies_url.empty()) {
    ui::Spacer(theme::kGap);
    if (ui::Button("start.reply", T("start.reply"), ui::Style::quiet))
      app::Go(app::Screen::reply);
  }
}

}  // namespace screens
