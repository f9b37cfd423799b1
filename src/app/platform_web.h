// Platform backend for the browser: feeds ImGui with the canvas size and devicePixelRatio,
// touch, mouse and keyboard input from html5.h, and runs frames only on demand (after input
// or a state change, plus a few settling frames; never while the tab is hidden).
// Text entry goes through the page's hidden textarea (see ui::TextField).
#pragma once

namespace platform {

using FrameFn = void (*)();

// Creates the WebGL2 context on `canvas_selector` and registers the input callbacks.
// `frame` builds and renders one ImGui frame (it calls NewFrame() below first).
bool Init(const char* canvas_selector, FrameFn frame);
void NewFrame();  // display size, density, time, touch-drag scrolling

// Asks for frames: now, and ImGui's settling frames after it. Cheap to call often.
void RequestRedraw();
// Runs frames at once, inside the current input event: opening a link, the keyboard or a
// call only works while the browser still counts the event as a user gesture.
void RunFramesNow(int count);

// While a text field has the keyboard, keys belong to the page's textarea (its own editing,
// selection, shortcuts and IME); only Escape still reaches the app (the quick exit).
void SetTextInputActive(bool active);

// Vertical distance (CSS px) the finger dragged since the last frame; the screen's scroll
// region consumes it. Positive when the finger moved up (content should scroll down).
float TakeDragScroll();

}  // namespace platform
