// The result: the level in words for this audience, what it means, why (the reasons that
// fired), and who can help, with tap-to-call and links that open outside the app.
#include "screens.h"

#include "app/theme.h"
#include "app/ui.h"
#include "app/web_bridge.h"
#include "reasons.h"

namespace screens {

namespace {

bool Has(const std::vector<std::string>& list, const char* v) {
  for (const std::string& s : list)
    if (s == v)
      return true;
  return false;
}

void HelpEntry(app::App& a, const app::HelpEntry& h) {
  using app::T;
  ui::Heading(h.name, "help." + h.id);
  ui::Paragraph(T("help." + h.id + ".description"));
  if (!h.hours.empty())
    ui::Paragraph(a.model.Format("result.hours", {{"hours", h.hours}}), true, theme::kSmallSize);
  if (!h.phone.empty() &&
      ui::Button("call." + h.id, a.model.Format("result.call", {{"phone", h.phone}}), ui::Style::call, false,
                 ui::Role::link))
    bridge::Call(h.phone);
  if (!h.web.empty() && ui::Button("web." + h.id, T("result.website"), ui::Style::secondary, false, ui::Role::link))
    bridge::OpenExternal(h.web);
  ui::Spacer(theme::kGap);
}

}  // namespace

void Result(app::App& a) {
  using app::T;
  if (!a.model.ResultPartLoaded()) {  // still on its way (app::PartReady assesses then)
    ui::Paragraph(T("result.title"), true, theme::kSmallSize);
    ui::Heading(T("result.waiting"), "result.waiting");
    return;
  }
  const signaal::Assessment& r = a.result;
  const std::string aud = app::AudienceKey();
  if (Has(r.flags, "URGENT")) {
    ui::Heading(T("emergency.title"), "urgent");
    ui::Paragraph(T("emergency.body"));
    if (ui::Button("call.112", T("safety.call_112"), ui::Style::call, false, ui::Role::link))
      bridge::Call("112");
    ui::Spacer(theme::kGap);
  }
  const std::string level = "result.level." + std::to_string(r.level) + "." + aud;
  ui::Paragraph(T("result.title"), true, theme::kSmallSize);
  ui::Heading(T(level + ".title"), "result.level." + std::to_string(r.level));
  ui::AsideText(app::Beneath(level + ".title"), "result.level.beneath");
  ui::Paragraph(T(level + ".body"));
  ui::AsideText(app::Beneath(level + ".body"), "result.body.beneath");
  for (const std::string& flag : r.flags)
    if (flag != "URGENT")
      ui::Paragraph(T("result.flag." + flag + "." + aud));
  if (!r.reasons.empty()) {
    ui::Spacer(theme::kGap);
    ui::Heading(T("result.reasons"), "reasons");
    Reasons(a);
  }
  const std::vector<const app::HelpEntry*> help = a.model.HelpFor(r);
  if (!help.empty()) {
    ui::Spacer(theme::kGap);
    ui::Heading(T("result.help"), "help");
    for (const app::HelpEntry* h : help)
      HelpEntry(a, *h);
  }
  if (ui::Button("result.report", T("result.report"), ui::Style::secondary))
    app::PrepareReport();
  if (ui::Button("result.done", T("result.done"), ui::Style::primary))
    app::Go(app::Screen::end);
  if (ui::Button("nav.back", T("result.review"), ui::Style::quiet) && a.model.GetSession()->back())
    app::Go(app::Screen::question);
}

}  // namespace screens
