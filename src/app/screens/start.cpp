// The start screen: nothing here names exploitation, so a glance over the shoulder shows
// an ordinary questionnaire. Languages are listed in their own names and scripts.
#include "screens.h"

#include "app/theme.h"
#include "app/ui.h"
#include "app/web_bridge.h"

namespace screens {

// Each language in its own name and direction; an unreviewed machine translation says so, in
// that language, once it is chosen.
void LanguageList(app::App& a) {
  const std::string& current = a.model.Locale().code;
  std::vector<ui::Choice> choices;
  for (const signaal::LocaleInfo& info : a.model.Offered())
    choices.push_back({"lang." + info.code, info.name, info.code == current, info.code,
                       info.dir == signaal::TextDirection::rtl});
  const int pressed = ui::ChoiceGrid(choices, 2);
  if (pressed >= 0 && !choices[static_cast<std::size_t>(pressed)].selected)
    app::ChangeLanguage(a.model.Offered()[static_cast<std::size_t>(pressed)].code);
  if (a.model.Locale().machine_translated && !a.model.Locale().reviewed)
    ui::Paragraph(app::T("language.unreviewed"), true, theme::kSmallSize, "language.unreviewed");
}

void Start(app::App& a) {
  using app::T;
  ui::Heading(T("start.title"));
  DisplayButton(a);
  ui::Paragraph(T("start.intro"));
  ui::Paragraph(T("start.private"), true);
  // A worker's sealed reports still waiting: first thing they see, above the long language list.
  if (a.outbox_waiting > 0) {
    ui::Spacer(theme::kGap);
    ui::Paragraph(a.model.Format("outbox.waiting", {{"count", std::to_string(a.outbox_waiting)}}), false, 0.0f,
                  "outbox.waiting");
    if (ui::Button("outbox.send", T("outbox.send"), ui::Style::secondary))
      bridge::FlushOutbox();
  }
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
  if (!a.model.GetConfig().replies_url.empty()) {
    ui::Spacer(theme::kGap);
    if (ui::Button("start.reply", T("start.reply"), ui::Style::quiet))
      app::Go(app::Screen::reply);
  }
}

}  // namespace screens
