// The application (see app.h).
// Index
// - [SECTION] Actions
// - [SECTION] Top bar
// - [SECTION] Frame

#include "app.h"

#include <emscripten/emscripten.h>
#include <imgui.h>

#include <algorithm>

#include "fonts.h"
#include "platform_web.h"
#include "sealing.h"
#include "renderer_webgl2.h"
#include "screens/screens.h"
#include "speech.h"
#include "theme.h"
#include "ui.h"
#include "web_bridge.h"

namespace app {

namespace {
constexpr double kEscapeWindowMs = 2000.0;  // two presses of Escape within this leave at once

const char* ScreenName(Screen s) {
  switch (s) {
    case Screen::start: return "start";
    case Screen::safety: return "safety";
    case Screen::question: return "question";
    case Screen::emergency: return "emergency";
    case Screen::result: return "result";
    case Screen::end: return "end";
    case Screen::error: return "error";
    case Screen::language: return "language";
    case Screen::report_consent: return "report_consent";
    case Screen::report_code: return "report_code";
    case Screen::reply: return "reply";
    case Screen::report_sending: return "report_sending";
    case Screen::report_refused: return "report_refused";
    case Screen::report_sent: return "report_sent";
    case Screen::report_kept: return "report_kept";
    case Screen::report_failed: return "report_failed";
    case Screen::display: return "display";
    case Screen::two_languages: return "two_languages";
    case Screen::hand_over: return "hand_over";
    case Screen::handed_back: return "handed_back";
  }
  return "start";
}

bool Rtl() { return Get().model.HasCatalog() && Get().model.Locale().dir == signaal::TextDirection::rtl; }

void UpdateDocument() {
  App& a = Get();
  bridge::SetDocument(a.model.Locale().code, Rtl(), T("app.title"));
}
}  // namespace

App& Get() {
  static App app;
  return app;
}

std::string T(std::string_view key) { return Get().model.Text(key); }

const char* AudienceKey() {
  return Get().model.Audience() == signaal::Audience::professional ? "professional" : "self";
}

ui::Aside Beneath(std::string_view key) {
  const signaal::Catalog* second = Get().model.Second();
  if (second == nullptr)
    return {};
  return {second->text(key), second->info().code, second->info().dir == signaal::TextDirection::rtl};
}

//-----------------------------------------------------------------------------
// [SECTION] Actions
//-----------------------------------------------------------------------------

void Go(Screen screen) {
  App& a = Get();
  // The result part that failed is said when the result needs it; one still on its way is
  // waited for on the result screen (PartReady comes back here).
  // Whoever sees a result or opens the reply screen may need the sealer: fetch it now.
  if (screen == Screen::result || screen == Screen::reply)
    sealing::Load();
  if (screen == Screen::result && a.model.ResultPartFailed())
    return ShowError();
  if (screen == Screen::result && a.model.ResultPartLoaded()) {
    try {
      a.result = a.model.Assess();
    } catch (const std::exception& e) {
      a.model.FileFailed("content/indicators.json", e.what());
      screen = Screen::error;
    }
  }
  a.screen = screen;
  a.why_open = false;
  speech::Stop();  // reading the last screen aloud makes no sense on the next one
  ui::ScrollToTop();
  platform::RequestRedraw();
}

void ShowError() {
  App& a = Get();
  // The error is said in the person's language when that loaded, else in English.
  if (!a.model.HasText("error.title"))
    a.model.SetLocale("en");
  Go(Screen::error);
}

void Start(const std::string& locale) {
  App& a = Get();
  const bool loaded = a.model.Load();
  const bool has_locale = a.model.SetLocale(locale) || a.model.SetLocale("en");
  if (!fonts::HasAny()) {
    // No font arrived: the canvas cannot write a word, so the page says what failed instead.
    if (!a.model.HasText("error.title"))
      a.model.SetLocale("en");
    std::string text = T("error.title") + "\n" + T("error.body") + "\n\n" + T("error.details");
    for (const signaal::Finding& f : a.model.Findings())
      text += "\n" + signaal::to_string(f);
    bridge::ShowFatal(text);
    return;
  }
  a.started = true;
  if (!loaded || !has_locale)
    ShowError();
  else
    Go(Screen::start);
  if (a.model.HasCatalog())
    UpdateDocument();
  platform::RequestRedraw();
}

void ChangeLanguage(const std::string& code) { bridge::RequestLocale(code); }

void LocaleReady(const std::string& code) {
  App& a = Get();
  if (!a.model.SetLocale(code)) {
    ShowError();
    return;
  }
  UpdateDocument();
  if (a.pairing) {
    a.pairing = false;
    Go(a.model.HandedOver() ? Screen::hand_over : Screen::safety);
  } else if (a.screen == Screen::language) {
    Go(a.before_language);
  }
  platform::RequestRedraw();
}

void PartReady(const std::string& part) {
  App& a = Get();
  if (part == "result") {
    a.model.LoadResultPart();  // what failed is said when the result needs it (Go)
    if (a.screen == Screen::result)
      Go(Screen::result);  // it was waited for
  }
  platform::RequestRedraw();
}

void AnswerInTwoLanguages(const std::string& person_locale, bool handed_over) {
  App& a = Get();
  a.model.Begin(signaal::Audience::self);  // the person answers about themselves
  if (!a.model.SetSecondLocale(a.model.Locale().code)) {
    ShowError();
    return;
  }
  a.model.SetHandedOver(handed_over);
  a.pairing = true;
  ChangeLanguage(person_locale);
}

void QuickExit() {
  App& a = Get();
  a.model.Wipe();
  a.multi.clear();
  a.person_locale.clear();
  a.result = signaal::Assessment{};
  ForgetReport();
  ForgetReply();
  speech::Stop();
  a.published.clear();
  bridge::QuickExit();  // zeroes the whole wasm memory, then replaces the page
}

//-----------------------------------------------------------------------------
// [SECTION] Top bar
//-----------------------------------------------------------------------------

namespace {

// App name at the start side; the language switch and the quick exit at the end side, the
// exit last so that it sits in the corner a thumb finds without looking. When large text or
// browser zoom leaves too little width for both buttons, the language switch takes a second
// row under the exit. Returns the bar's height.
float DrawTopBar() {
  App& a = Get();
  const theme::Colors& c = theme::colors();
  const float w = ImGui::GetIO().DisplaySize.x;
  const bool rtl = Rtl();
  const float pad = 8.0f;
  const float row = theme::kBarHeight;
  const float h = row - 2.0f * pad;
  ImFont* bold = fonts::Get(fonts::Face::bold);
  const auto button_width = [&](const std::string& label) {
    return std::min(ui::TextWidth(bold, theme::kBodySize, label) + 2.0f * theme::kPad, w - 2.0f * pad);
  };
  const std::string exit_label = T("bar.exit");
  const float exit_w = button_width(exit_label);
  const float exit_x = rtl ? pad : w - pad - exit_w;
  // Not on the screens the language screen leads to or comes from: their back would loop.
  const bool has_language = a.screen != Screen::start && a.screen != Screen::language &&
                            a.screen != Screen::error && a.screen != Screen::display;
  const std::string lang_label = has_language ? T("bar.language") : std::string();
  const float lang_w = has_language ? button_width(lang_label) : 0.0f;
  const bool two_rows = has_language && exit_w + lang_w + 3.0f * pad > w;
  const float height = two_rows ? 2.0f * row - pad : row;

  ImDrawList* list = ImGui::GetWindowDrawList();
  list->AddRectFilled(ImVec2(0, 0), ImVec2(w, height), c.surface);
  list->AddLine(ImVec2(0, height - 1.0f), ImVec2(w, height - 1.0f), c.border);

  // Drawn (and so mirrored, and reached with Tab) in reading order: language then exit on
  // one row, exit then language on two.
  float start_end = rtl ? w - (exit_x + exit_w) : exit_x;  // how far the app name may reach
  const auto language_button = [&] {
    const float lang_x = two_rows ? (rtl ? pad : w - pad - lang_w)
                                  : (rtl ? exit_x + exit_w + pad : exit_x - pad - lang_w);
    const float lang_y = two_rows ? row - pad : pad;
    if (ui::BarButton("language", lang_label, ui::Style::secondary, ImVec2(lang_x, lang_y), ImVec2(lang_w, h))) {
      a.before_language = a.screen;
      Go(Screen::language);
    }
    if (!two_rows)
      start_end = rtl ? w - (lang_x + lang_w) : lang_x;
  };
  if (has_language && !two_rows)
    language_button();
  if (ui::BarButton("exit", exit_label, ui::Style::exit, ImVec2(exit_x, pad), ImVec2(exit_w, h)))
    QuickExit();
  if (has_language && two_rows)
    language_button();
  const std::string name = T("app.name");
  const float name_w = ui::TextWidth(bold, theme::kBodySize, name);
  if (name_w + 2.0f * theme::kPad < start_end) {
    const float x = rtl ? w - theme::kPad - name_w : theme::kPad;
    ui::DrawText(list, bold, theme::kBodySize, ImVec2(x, (row - theme::kBodySize * 1.3f) * 0.5f), name_w + 1.0f, name,
                 c.text);
  }
  return height;
}

void CheckEscape() {
  if (!ImGui::IsKeyPressed(ImGuiKey_Escape, false))
    return;
  App& a = Get();
  const double now = emscripten_get_now();
  if (now - a.last_escape <= kEscapeWindowMs)
    QuickExit();
  else
    a.last_escape = now;
}

void Publish() {
  App& a = Get();
  const std::string json = ui::DescribeJson(ScreenName(a.screen), a.model.HasCatalog() ? a.model.Locale().code : "", Rtl());
  if (json != a.published) {
    a.published = json;
    bridge::PublishDescription(json);
  }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Frame
//-----------------------------------------------------------------------------

void Frame() {
  App& a = Get();
  if (!a.started)
    return;  // before Start, or without a font (the page speaks then)
  platform::NewFrame();
  ImGui::NewFrame();
  ui::BeginFrame(Rtl());

  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(display);
  ImGui::Begin("##signaal", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
  const Screen shown = a.screen;
  const float bar_height = DrawTopBar();
  ui::BeginContent("##content", bar_height, 0.0f);
  switch (shown) {
    case Screen::start: screens::Start(a); break;
    case Screen::safety: screens::Safety(a); break;
    case Screen::question: screens::Question(a); break;
    case Screen::emergency: screens::Emergency(a); break;
    case Screen::result: screens::Result(a); break;
    case Screen::end: screens::End(a); break;
    case Screen::error: screens::Error(a); break;
    case Screen::language: screens::Language(a); break;
    case Screen::report_consent: screens::ReportConsent(a); break;
    case Screen::report_code: screens::ReportCode(a); break;
    case Screen::reply: screens::Reply(a); break;
    case Screen::report_sending: screens::ReportSending(a); break;
    case Screen::report_refused: screens::ReportRefused(a); break;
    case Screen::report_sent: screens::ReportSent(a); break;
    case Screen::report_kept: screens::ReportKept(a); break;
    case Screen::report_failed: screens::ReportFailed(a); break;
    case Screen::display: screens::Display(a); break;
    case Screen::two_languages: screens::TwoLanguages(a); break;
    case Screen::hand_over: screens::HandOver(a); break;
    case Screen::handed_back: screens::HandedBack(a); break;
  }
  ui::EndContent();
  ImGui::End();
  CheckEscape();
  ImGui::Render();
  renderer::RenderDrawData(ImGui::GetDrawData());

  // A screen that changed mid-frame is described (and marked) from its own first frame.
  if (a.screen != shown)
    return;
  Publish();
  if (!a.marked_ready && (shown == Screen::start || shown == Screen::error)) {
    a.marked_ready = true;
    bridge::Mark("signaal-ready");
  }
  if (!a.marked_first_question && shown == Screen::question) {
    a.marked_first_question = true;
    bridge::Mark("first-question");
  }
  if (!a.result_part_asked && shown == Screen::question) {
    a.result_part_asked = true;
    bridge::RequestPart("result");
  }
  ui::TextRequest text;
  if (ui::TakeTextRequest(&text)) {
    if (text.active && !a.typing_part_asked) {
      a.typing_part_asked = true;
      bridge::RequestPart("typing");
    }
    platform::SetTextInputActive(text.active);
    bridge::SetTextInput(text.active, text.value, text.selection_start, text.selection_end, text.rect.x, text.rect.y,
                         text.rect.z, text.rect.w);
  }
}

}  // namespace app
