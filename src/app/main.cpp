// The wasm program's entry points, called by web/boot.js: it hands over every file as text
// (and the fonts as bytes), then starts the app. There is no main(): nothing runs until the
// page has everything.
#include <emscripten/emscripten.h>
#include <imgui.h>

#include <string>

#include "app.h"
#include "fonts.h"
#include "reply.h"
#include "report.h"
#include "platform_web.h"
#include "renderer_webgl2.h"
#include "sealing.h"
#include "speech.h"
#include "theme.h"
#include "ui.h"

namespace {
// Settings may arrive from the page before the app has started (and has a frame to draw).
void RedrawIfStarted() {
  if (app::Get().started)
    platform::RequestRedraw();
}

// Fonts arrive before the start call, so the context exists from the first entry point on.
void EnsureContext() {
  if (ImGui::GetCurrentContext() != nullptr)
    return;
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing is ever written anywhere
  io.LogFilename = nullptr;
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would need frames while idle
  // Cheap phones' GPUs take 2048 x 2048 textures at most; at that size the atlas makes room by
  // dropping the baked sizes that went unused for a few frames instead of growing.
  io.Fonts->TexMaxWidth = 2048;
  io.Fonts->TexMaxHeight = 2048;
  theme::Apply(ImGui::GetStyle());
}
}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void signaal_add_file(const char* name, const char* text) {
  app::Get().model.AddFile(name, text);
}

EMSCRIPTEN_KEEPALIVE void signaal_file_failed(const char* name, const char* reason) {
  app::Get().model.FileFailed(name, reason);
}

// `data` comes from malloc; the font atlas owns it from here on.
EMSCRIPTEN_KEEPALIVE int signaal_add_font(int bold, void* data, int size) {
  EnsureContext();
  return fonts::Add(bold ? fonts::Face::bold : fonts::Face::regular, data, size) ? 1 : 0;
}

// Returns 0 when WebGL2 is missing or the shaders fail: the page then shows its own message.
EMSCRIPTEN_KEEPALIVE int signaal_start(const char* canvas, const char* locale) {
  EnsureContext();
  if (!platform::Init(canvas, app::Frame) || !renderer::Init())
    return 0;
  app::Start(locale);
  return 1;
}

EMSCRIPTEN_KEEPALIVE void signaal_locale_ready(const char* code) { app::LocaleReady(code); }

// The sealer (sealing.h) loaded, or could not be: the screens waiting for it go on.
EMSCRIPTEN_KEEPALIVE void signaal_sealer_ready(int ok) {
  sealing::Loaded(ok != 0);
  platform::RequestRedraw();
}

// A later part of the site ("result", "typing") was handed over (or its failures were).
EMSCRIPTEN_KEEPALIVE void signaal_part_ready(const char* part) { app::PartReady(part); }

// The DOM mirror (screen readers, keyboard) pressed a widget; this runs inside that click.
EMSCRIPTEN_KEEPALIVE void signaal_activate(const char* id) {
  ui::Activate(id);
  platform::RunFramesNow(2);  // the click, then the screen it leads to
  platform::RequestRedraw();
}

// The mirror's keyboard focus moved to the widget `id`, or left the mirror (""): the canvas
// draws the focus ring there. Keyboard focus itself lives in the DOM (web/mirror.js).
EMSCRIPTEN_KEEPALIVE void signaal_focus(const char* id) {
  ui::SetFocus(id);
  RedrawIfStarted();
}

// The person's system asks for more contrast (prefers-contrast: more), or stopped asking.
EMSCRIPTEN_KEEPALIVE void signaal_prefer_contrast(int more) {
  theme::SetHighContrast(more != 0);
  RedrawIfStarted();
}

// The languages the device can read aloud with a voice of its own ("nl,en"; web/speech.js).
EMSCRIPTEN_KEEPALIVE void signaal_set_voices(const char* languages) {
  speech::SetVoices(languages);
  RedrawIfStarted();
}

// The hidden textarea changed (typing, IME, paste, selection): its whole value and selection
// as UTF-8 byte offsets. The focused text field takes them in its next frame.
EMSCRIPTEN_KEEPALIVE void signaal_text_edit(const char* value, int selection_start, int selection_end) {
  ui::TextEdited(value, selection_start, selection_end);
  platform::RequestRedraw();
}

EMSCRIPTEN_KEEPALIVE void signaal_text_blur() {
  ui::TextBlurred();
  platform::RequestRedraw();
}

// The page's upload of the report ended: 1 accepted by the intake, 0 failed after retries,
// 2 kept in the outbox.
EMSCRIPTEN_KEEPALIVE void signaal_upload_done(int outcome) {
  app::UploadDone(outcome == 1 ? app::UploadOutcome::sent
                  : outcome == 2 ? app::UploadOutcome::kept
                                 : app::UploadOutcome::failed);
  platform::RequestRedraw();
}

// How many sealed envelopes wait in the outbox (professional mode), after every change.
EMSCRIPTEN_KEEPALIVE void signaal_outbox_count(int count) {
  app::Get().outbox_waiting = count;
  platform::RequestRedraw();
}

// The intake's answer to a reply lookup: its bytes, or (nullptr, 0) when it could not be reached.
EMSCRIPTEN_KEEPALIVE void signaal_reply_done(const unsigned char* data, int size) {
  app::ReplyArrived(data, static_cast<std::size_t>(size));
  platform::RequestRedraw();
}

// How many answers the session holds: 0 after a wipe (tests check the quick exit with it).
EMSCRIPTEN_KEEPALIVE int signaal_answer_count() {
  signaal::Session* s = app::Get().model.GetSession();
  return s != nullptr ? static_cast<int>(s->visible_answers().size()) : 0;
}

}  // extern "C"
