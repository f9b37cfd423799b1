// The look: calm colours with strong contrast, large type, targets well above 44x44 CSS px.
// Sizes are CSS px; ImGui renders them at the display's density.
#pragma once

#include <imgui.h>

namespace theme {

inline constexpr float kBodySize = 19.0f;
inline constexpr float kHeadingSize = 25.0f;
inline constexpr float kSmallSize = 16.0f;
inline constexpr float kMinTarget = 52.0f;   // every tappable thing is at least this tall
inline constexpr float kBarHeight = 64.0f;   // top bar with the quick exit
inline constexpr float kMaxColumn = 640.0f;  // readable line length on tablets
inline constexpr float kGap = 12.0f;
inline constexpr float kPad = 16.0f;
inline constexpr float kRounding = 10.0f;

struct Colors {
  ImU32 background, text, muted, accent, accent_text, surface, border, selected_border, exit_bg,
      exit_text, pressed, danger_bg;
};

const Colors& colors();
void Apply(ImGuiStyle& style);

}  // namespace theme
