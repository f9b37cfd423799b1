// The look: calm colours with strong contrast, large type, targets well above 44x44 CSS px.
// Sizes are CSS px; ImGui renders them at the display's density.
#pragma once

#include <imgui.h>

namespace theme {

// Text sizes follow the person's text-size setting (100% to 200%); everything else is fixed.
// They are read through these references so that every screen sees the current size.
struct TextSizes {
  float body, heading, small, bar_height;
};
namespace detail {
inline TextSizes sizes = {19.0f, 25.0f, 16.0f, 64.0f};
}  // namespace detail
inline const float& kBodySize = detail::sizes.body;
inline const float& kHeadingSize = detail::sizes.heading;
inline const float& kSmallSize = detail::sizes.small;
inline const float& kBarHeight = detail::sizes.bar_height;  // top bar with the quick exit

inline constexpr float kMinTextScale = 1.0f, kMaxTextScale = 2.0f;
void SetTextScale(float scale);  // clamped to [kMinTextScale, kMaxTextScale]
float TextScale();

inline constexpr float kMinTarget = 52.0f;   // every tappable thing is at least this tall
inline constexpr float kMaxColumn = 640.0f;  // readable line length on tablets
inline constexpr float kGap = 12.0f;
inline constexpr float kPad = 16.0f;
inline constexpr float kRounding = 10.0f;
inline constexpr float kFocusRing = 3.0f;  // width of the keyboard focus ring, drawn outside the widget

struct Colors {
  ImU32 background, text, muted, accent, accent_text, surface, border, selected_border, exit_bg, exit_text,
      pressed, focus;
};

const Colors& colors();
bool HighContrast();
// Switches the palette (src/app/palette.h); applies it to ImGui's style when a context exists.
void SetHighContrast(bool on);
void Apply(ImGuiStyle& style);

}  // namespace theme
