// Platform backend for the browser (see platform_web.h).
// Index
// - [SECTION] State
// - [SECTION] Display and frames
// - [SECTION] Touch
// - [SECTION] Mouse
// - [SECTION] Keyboard
// - [SECTION] Init

#include "platform_web.h"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <emscripten/html5_webgl.h>
#include <imgui.h>

#include "theme.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <string>

namespace platform {

//-----------------------------------------------------------------------------
// [SECTION] State
//-----------------------------------------------------------------------------

namespace {

// ImGui needs a few frames after an event to settle hover, popups and auto-sized layout.
constexpr int kSettleFrames = 3;
// A finger that moves less than this between down and up is a tap, not a scroll.
constexpr float kTapSlop = 10.0f;

struct TouchState {
  long id = -1;  // the one finger being followed; -1 when none
  float start_x = 0, start_y = 0;
  float last_y = 0;
  bool dragging = false;
};

struct State {
  std::string canvas;  // a copy: the caller's string does not outlive Init()
  FrameFn frame = nullptr;
  int frames_left = 0;
  bool frame_requested = false;
  bool in_frame = false;
  bool hidden = false;
  bool text_input = false;
  double last_time = 0.0;
  float drag_scroll = 0.0f;
  TouchState touch;
};

State g;

//-----------------------------------------------------------------------------
// [SECTION] Display and frames
//-----------------------------------------------------------------------------

void RunOneFrame() {
  // An event that arrives during a frame is picked up by the next one; one that arrives
  // while the tab is hidden waits in ImGui's queue for the frames that showing it again asks for.
  if (g.in_frame || g.hidden)
    return;
  g.in_frame = true;
  g.frame();
  g.in_frame = false;
}

void ScheduleFrame();

EM_BOOL OnAnimationFrame(double, void*) {
  g.frame_requested = false;
  RunOneFrame();
  if (--g.frames_left > 0)
    ScheduleFrame();
  return EM_FALSE;
}

void ScheduleFrame() {
  if (g.frame_requested || g.hidden)
    return;
  g.frame_requested = true;
  emscripten_request_animation_frame(OnAnimationFrame, nullptr);
}

EM_BOOL OnResize(int, const EmscriptenUiEvent*, void*) {
  RequestRedraw();
  return EM_FALSE;
}

EM_BOOL OnVisibility(int, const EmscriptenVisibilityChangeEvent* e, void*) {
  g.hidden = e->hidden;
  if (!g.hidden)
    RequestRedraw();
  return EM_FALSE;
}

//-----------------------------------------------------------------------------
// [SECTION] Touch
//-----------------------------------------------------------------------------

// One finger taps or scrolls. The press is only given to ImGui when the finger lifts
// without having moved, so a drag never presses the button it started on.
const EmscriptenTouchPoint* FollowedTouch(const EmscriptenTouchEvent* e) {
  for (int i = 0; i < e->numTouches; ++i)
    if (e->touches[i].identifier == g.touch.id && e->touches[i].isChanged)
      return &e->touches[i];
  return nullptr;
}

EM_BOOL OnTouchStart(int, const EmscriptenTouchEvent* e, void*) {
  if (g.touch.id == -1 && e->numTouches > 0) {
    const EmscriptenTouchPoint& t = e->touches[0];
    g.touch = {t.identifier, static_cast<float>(t.targetX), static_cast<float>(t.targetY),
               static_cast<float>(t.targetY), false};
  }
  return EM_TRUE;  // no emulated mouse events, no browser zoom or scroll of the page
}

EM_BOOL OnTouchMove(int, const EmscriptenTouchEvent* e, void*) {
  const EmscriptenTouchPoint* t = FollowedTouch(e);
  if (t == nullptr)
    return EM_TRUE;
  const float x = static_cast<float>(t->targetX);
  const float y = static_cast<float>(t->targetY);
  if (!g.touch.dragging &&
      std::hypot(x - g.touch.start_x, y - g.touch.start_y) > kTapSlop) {
    g.touch.dragging = true;
    g.touch.last_y = g.touch.start_y;
  }
  if (g.touch.dragging) {
    g.drag_scroll += g.touch.last_y - y;
    g.touch.last_y = y;
    RequestRedraw();
  }
  return EM_TRUE;
}

EM_BOOL OnTouchEnd(int type, const EmscriptenTouchEvent* e, void*) {
  const EmscriptenTouchPoint* t = FollowedTouch(e);
  if (t == nullptr)
    return EM_TRUE;
  const bool tap = type == EMSCRIPTEN_EVENT_TOUCHEND && !g.touch.dragging;
  g.touch = TouchState{};
  if (tap) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(static_cast<float>(t->targetX), static_cast<float>(t->targetY));
    io.AddMouseButtonEvent(0, true);
    io.AddMouseButtonEvent(0, false);
    // Frame 1 sees the press, frame 2 the release (the click), still inside the gesture;
    // frame 3 draws what the click changed, without waiting for the next animation frame.
    RunFramesNow(3);
    // A finger leaves no pointer behind: no hover state may stick to the last button.
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  }
  RequestRedraw();
  return EM_TRUE;
}

//-----------------------------------------------------------------------------
// [SECTION] Mouse
//-----------------------------------------------------------------------------

EM_BOOL OnMouse(int type, const EmscriptenMouseEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
  io.AddMousePosEvent(static_cast<float>(e->targetX), static_cast<float>(e->targetY));
  if (e->button <= 2 && (type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP)) {
    // DOM buttons: 0 left, 1 middle, 2 right; ImGui: 0 left, 1 right, 2 middle.
    static constexpr int kMap[3] = {0, 2, 1};
    io.AddMouseButtonEvent(kMap[e->button], type == EMSCRIPTEN_EVENT_MOUSEDOWN);
    if (type == EMSCRIPTEN_EVENT_MOUSEUP)
      RunFramesNow(3);
  }
  if (type == EMSCRIPTEN_EVENT_MOUSELEAVE)
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  RequestRedraw();
  return type != EMSCRIPTEN_EVENT_MOUSEMOVE;
}

EM_BOOL OnWheel(int, const EmscriptenWheelEvent* e, void*) {
  // ImGui scrolls 5 lines per wheel unit; a pixel delta of ~100 is one notch.
  const float scale = e->deltaMode == DOM_DELTA_PIXEL ? 100.0f : e->deltaMode == DOM_DELTA_LINE ? 3.0f : 1.0f;
  ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-e->deltaX) / scale,
                                    static_cast<float>(-e->deltaY) / scale);
  RequestRedraw();
  return EM_TRUE;
}

//-----------------------------------------------------------------------------
// [SECTION] Keyboard
//-----------------------------------------------------------------------------

// The page's DOM mirror (web/mirror.js) owns keyboard focus: Tab and Shift+Tab move between
// its real buttons, Enter and Space press them (which calls signaal_activate), so those keys
// must reach the browser untouched. The canvas only takes Escape (the quick exit) and the
// keys that scroll a page; while a text field has the keyboard, even those belong to its
// textarea, except Escape. An arrow key that moves the focus within a group of answers never
// gets here: the mirror's own window listener runs first and stops it.
float ScrollStep(const char* key) {
  const float page = std::max(ImGui::GetIO().DisplaySize.y - theme::kBarHeight, 0.0f) * 0.85f;
  constexpr float kLine = 48.0f;
  constexpr float kAll = 1e6f;  // clamped to the content by the scroll region
  if (std::strcmp(key, "ArrowDown") == 0) return kLine;
  if (std::strcmp(key, "ArrowUp") == 0) return -kLine;
  if (std::strcmp(key, "PageDown") == 0) return page;
  if (std::strcmp(key, "PageUp") == 0) return -page;
  if (std::strcmp(key, "End") == 0) return kAll;
  if (std::strcmp(key, "Home") == 0) return -kAll;
  return 0.0f;
}

EM_BOOL OnKey(int type, const EmscriptenKeyboardEvent* e, void*) {
  const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
  if (std::strcmp(e->key, "Escape") == 0) {
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, down);
    RequestRedraw();
    return EM_TRUE;
  }
  if (g.text_input || e->ctrlKey || e->metaKey || e->altKey || !down)
    return EM_FALSE;
  const float step = ScrollStep(e->key);
  if (step == 0.0f)
    return EM_FALSE;
  // Applied at once: Home or End must not add up with the next key before a frame sees them.
  g.drag_scroll += step;
  RunFramesNow(1);
  RequestRedraw();
  return EM_TRUE;
}

}  // namespace

void NewFrame() {
  ImGuiIO& io = ImGui::GetIO();
  double css_w = 0.0, css_h = 0.0;
  emscripten_get_element_css_size(g.canvas.c_str(), &css_w, &css_h);
  const double dpr = emscripten_get_device_pixel_ratio();
  // The backing store holds every device pixel, so text is crisp at any devicePixelRatio.
  const int fb_w = static_cast<int>(std::lround(css_w * dpr));
  const int fb_h = static_cast<int>(std::lround(css_h * dpr));
  int cur_w = 0, cur_h = 0;
  emscripten_get_canvas_element_size(g.canvas.c_str(), &cur_w, &cur_h);
  if (cur_w != fb_w || cur_h != fb_h)
    emscripten_set_canvas_element_size(g.canvas.c_str(), fb_w, fb_h);
  io.DisplaySize = ImVec2(static_cast<float>(css_w), static_cast<float>(css_h));
  if (css_w > 0.0 && css_h > 0.0)
    io.DisplayFramebufferScale = ImVec2(static_cast<float>(fb_w / css_w), static_cast<float>(fb_h / css_h));

  // Real time, even across long idle gaps: ImGui's double-click and repeat timers must see
  // that two taps a second apart are a second apart.
  const double now = emscripten_get_now() / 1000.0;
  io.DeltaTime = g.last_time > 0.0 ? static_cast<float>(now - g.last_time) : 1.0f / 60.0f;
  if (io.DeltaTime <= 0.0f)
    io.DeltaTime = 1.0f / 1000.0f;
  g.last_time = now;
}

void RequestRedraw() {
  g.frames_left = kSettleFrames;
  ScheduleFrame();
}

void RunFramesNow(int count) {
  for (int i = 0; i < count; ++i)
    RunOneFrame();
}

void SetTextInputActive(bool active) { g.text_input = active; }

float TakeDragScroll() {
  const float d = g.drag_scroll;
  g.drag_scroll = 0.0f;
  return d;
}

//-----------------------------------------------------------------------------
// [SECTION] Init
//-----------------------------------------------------------------------------

bool Init(const char* canvas_selector, FrameFn frame) {
  g.canvas = canvas_selector;
  g.frame = frame;

  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = EM_FALSE;
  attrs.depth = EM_FALSE;
  attrs.stencil = EM_FALSE;
  attrs.antialias = EM_FALSE;  // ImGui anti-aliases its own shapes
  attrs.powerPreference = EM_WEBGL_POWER_PREFERENCE_LOW_POWER;
  const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE ctx = emscripten_webgl_create_context(canvas_selector, &attrs);
  if (ctx <= 0)
    return false;
  emscripten_webgl_make_context_current(ctx);

  ImGuiIO& io = ImGui::GetIO();
  io.BackendPlatformName = "signaal_web";

  emscripten_set_touchstart_callback(canvas_selector, nullptr, EM_TRUE, OnTouchStart);
  emscripten_set_touchmove_callback(canvas_selector, nullptr, EM_TRUE, OnTouchMove);
  emscripten_set_touchend_callback(canvas_selector, nullptr, EM_TRUE, OnTouchEnd);
  emscripten_set_touchcancel_callback(canvas_selector, nullptr, EM_TRUE, OnTouchEnd);
  emscripten_set_mousedown_callback(canvas_selector, nullptr, EM_TRUE, OnMouse);
  emscripten_set_mouseup_callback(canvas_selector, nullptr, EM_TRUE, OnMouse);
  emscripten_set_mousemove_callback(canvas_selector, nullptr, EM_TRUE, OnMouse);
  emscripten_set_mouseleave_callback(canvas_selector, nullptr, EM_TRUE, OnMouse);
  emscripten_set_wheel_callback(canvas_selector, nullptr, EM_TRUE, OnWheel);
  emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, OnKey);
  emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, OnKey);
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, OnResize);
  emscripten_set_visibilitychange_callback(nullptr, EM_FALSE, OnVisibility);

  EmscriptenVisibilityChangeEvent vis;
  if (emscripten_get_visibility_status(&vis) == EMSCRIPTEN_RESULT_SUCCESS)
    g.hidden = vis.hidden;
  return true;
}

}  // namespace platform
