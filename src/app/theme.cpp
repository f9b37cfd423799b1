// The look (see theme.h).
#include "theme.h"

#include <algorithm>
#include <cmath>

#include "palette.h"

namespace theme {

namespace {

struct State {
  float text_scale = 1.0f;
  bool high_contrast = false;
  Colors colors;
};

ImU32 ToImU32(palette::Rgb c) { return IM_COL32(c.r, c.g, c.b, 255); }

Colors FromPalette(const palette::Palette& p) {
  return {ToImU32(p.background), ToImU32(p.text),   ToImU32(p.muted),           ToImU32(p.accent),
          ToImU32(p.accent_text), ToImU32(p.surface), ToImU32(p.border),         ToImU32(p.selected_border),
          ToImU32(p.exit_bg),     ToImU32(p.exit_text), ToImU32(p.pressed),      ToImU32(p.focus)};
}

State& Get() {
  static State s{1.0f, false, FromPalette(palette::kStandard)};
  return s;
}

}  // namespace

void SetTextScale(float scale) {
  const float s = std::clamp(scale, kMinTextScale, kMaxTextScale);
  Get().text_scale = s;
  // The bar holds one line of body text in buttons with 8 px around and 13 px inside them.
  detail::sizes = {19.0f * s, 25.0f * s, 16.0f * s, std::max(64.0f, std::ceil(2.0f * 19.0f * s + 26.0f))};
  if (ImGui::GetCurrentContext() != nullptr)
    ImGui::GetStyle().FontSizeBase = kBodySize;
}

float TextScale() { return Get().text_scale; }

const Colors& colors() { return Get().colors; }

bool HighContrast() { return Get().high_contrast; }

void SetHighContrast(bool on) {
  State& s = Get();
  s.high_contrast = on;
  s.colors = FromPalette(on ? palette::kHighContrast : palette::kStandard);
  if (ImGui::GetCurrentContext() != nullptr)
    Apply(ImGui::GetStyle());
}

void Apply(ImGuiStyle& style) {
  const Colors& c = colors();
  style.WindowPadding = ImVec2(0.0f, 0.0f);
  style.WindowBorderSize = 0.0f;
  style.WindowRounding = 0.0f;
  style.ChildBorderSize = 0.0f;
  style.FrameRounding = kRounding;
  style.FramePadding = ImVec2(kPad, 12.0f);
  style.ItemSpacing = ImVec2(kGap, kGap);
  style.ScrollbarSize = 6.0f;
  style.ScrollbarRounding = 3.0f;
  style.FontSizeBase = kBodySize;
  ImVec4* col = style.Colors;
  col[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(c.background);
  col[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  col[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(c.text);
  col[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(c.muted);
  col[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(c.surface);
  col[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(c.border);
  col[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  col[ImGuiCol_ScrollbarGrab] = ImGui::ColorConvertU32ToFloat4(c.border);
  col[ImGuiCol_TextSelectedBg] = ImGui::ColorConvertU32ToFloat4(c.pressed);
}

}  // namespace theme
