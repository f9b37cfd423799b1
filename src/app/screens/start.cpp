// The start screen: nothing here names exploitation, so a glance over the shoulder shows
// an ordinary questionnaire. Languages are listed in their own names and scripts.
#include "screens.h"

#include "app/theme.h"
#include "app/ui.h"
#include "app/web_bridge.h"

namespace screens {

// Each language in its own name and direction. Returns the code of the one pressed, or "".
std::string LanguageGrid(app::App& a, std::string_view selected, std::string_view left_out) {
  std::vector<ui::Choice> choices;
  std::vector<std::string> codes;
  for (const signaal::LocaleInfo& info : a.model.Offered()) {
    if (info.code == left_out)
      continue;
    choices.push_back({"lang." + info.code, info.name, info.code == selected, info.code,
                       info.dir == signaal::TextDirection::rtl});
    codes.push_back(info.code);
  }
  const int pressed = ui::ChoiceGrid(choices, 2);
  return pressed >= 0 ? codes[static_cast<std::size_t>(pressed)] : std::string();
}

// The language of the whole app. An unreviewed machine translation says so, in that
// language, once it is chosen.
void LanguageList(app::App& a) {
  const std::string& current = a.model.Locale().code;
  const std::string pressed = LanguageGrid(a, current, "");
  if (!pressed.empty() && pressed != current)
    app::ChangeLanguage(pressed);
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
