// The look (see theme.h).
#include "theme.h"

namespace theme {

namespace {
constexpr ImU32 Rgb(unsigned r, unsigned g, unsigned b) { return IM_COL32(r, g, b, 255); }
}  // namespace

const Colors& colors() {
  // Paper-like background and dark ink: readable in sunlight on a cheap screen, and looks
  // like any ordinary information site to someone glancing over a shoulder.
  static const Colors c = {
      .background = Rgb(0xF6, 0xF4, 0xEF),
      .text = Rgb(0x1D, 0x23, 0x2E),
      .muted = Rgb(0x4A, 0x52, 0x5E),
      .accent = Rgb(0x1E, 0x5A, 0x84),
      .accent_text = Rgb(0xFF, 0xFF, 0xFF),
      .surface = Rgb(0xFF, 0xFF, 0xFF),
      .border = Rgb(0x8C, 0x96, 0xA3),
      .selected_border = Rgb(0x1E, 0x5A, 0x84),
      .exit_bg = Rgb(0x2B, 0x34, 0x40),
      .exit_text = Rgb(0xFF, 0xFF, 0xFF),
      .pressed = Rgb(0xDC, 0xE6, 0xEF),
      .danger_bg = Rgb(0xFB, 0xE9, 0xE7),
  };
  return c;
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
  col[ImGuiCol_NavCursor] = ImGui::ColorConvertU32ToFloat4(c.accent);
  col[ImGuiCol_TextSelectedBg] = ImGui::ColorConvertU32ToFloat4(c.pressed);
}

}  // namespace theme
