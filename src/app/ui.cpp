// The semantic widget layer (see ui.h).
// Index
// - [SECTION] State
// - [SECTION] Text layout
// - [SECTION] Frame and content column
// - [SECTION] Widgets
// - [SECTION] Description

#include "ui.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cfloat>

#include "fonts.h"
#include "platform_web.h"
#include "theme.h"

namespace ui {

//-----------------------------------------------------------------------------
// [SECTION] State
//-----------------------------------------------------------------------------

namespace {

struct State {
  bool rtl = false;
  float column_x = 0.0f;
  float column_w = 0.0f;
  bool scroll_to_top = false;
  float scroll_y = 0.0f;    // the content's scroll position and limit, as of the last frame
  float scroll_max = 0.0f;
  std::vector<Node> nodes;
  std::string activate;  // id the DOM mirror pressed
};

State g;

constexpr float kLineSpacing = 1.3f;

ImVec4 VisibleRect(ImVec2 min, ImVec2 max) {
  const ImVec2 clip_min = ImGui::GetWindowDrawList()->GetClipRectMin();
  const ImVec2 clip_max = ImGui::GetWindowDrawList()->GetClipRectMax();
  const float x0 = std::max(min.x, clip_min.x), y0 = std::max(min.y, clip_min.y);
  const float x1 = std::min(max.x, clip_max.x), y1 = std::min(max.y, clip_max.y);
  if (x1 <= x0 || y1 <= y0)
    return ImVec4(0, 0, 0, 0);
  return ImVec4(x0, y0, x1 - x0, y1 - y0);
}

Node& Record(Role role, std::string_view id, std::string_view label, ImVec2 min, ImVec2 max) {
  Node n;
  n.role = role;
  n.id = id;
  n.label = label;
  n.rect = VisibleRect(min, max);
  g.nodes.push_back(std::move(n));
  return g.nodes.back();
}

// Advances past one UTF-8 code point.
const char* NextChar(const char* s, const char* end) {
  ++s;
  while (s < end && (static_cast<unsigned char>(*s) & 0xC0) == 0x80)
    ++s;
  return s;
}

// Walks `text` line by line as it wraps at `width`; calls `line(begin, end, y)`.
template <typename Fn>
float LayoutLines(ImFont* font, float size, std::string_view text, float width, Fn&& line) {
  const char* s = text.data();
  const char* end = s + text.size();
  const float line_h = size * kLineSpacing;
  float y = 0.0f;
  while (s < end) {
    const char* nl = std::find(s, end, '\n');
    const char* eol = font->CalcWordWrapPosition(size, s, nl, width);
    if (eol <= s)
      eol = NextChar(s, nl);
    const char* trimmed = eol;
    while (trimmed > s && trimmed[-1] == ' ')
      --trimmed;
    line(s, trimmed, y);
    y += line_h;
    s = eol;
    while (s < nl && *s == ' ')
      ++s;
    if (s == nl && nl < end)
      ++s;
  }
  return y;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Text layout
//-----------------------------------------------------------------------------

float TextWidth(ImFont* font, float size, std::string_view text) {
  return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

float MeasureText(ImFont* font, float size, std::string_view text, float width) {
  return LayoutLines(font, size, text, width, [](const char*, const char*, float) {});
}

void DrawText(ImDrawList* list, ImFont* font, float size, ImVec2 pos, float width, std::string_view text,
              ImU32 color, bool centered) {
  LayoutLines(font, size, text, width, [&](const char* b, const char* e, float y) {
    const float w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, b, e).x;
    const float x = centered ? pos.x + (width - w) * 0.5f : g.rtl ? pos.x + width - w : pos.x;
    list->AddText(font, size, ImVec2(x, pos.y + y + (kLineSpacing - 1.0f) * size * 0.5f), color, b, e);
  });
}

//-----------------------------------------------------------------------------
// [SECTION] Frame and content column
//-----------------------------------------------------------------------------

void BeginFrame(bool rtl) {
  g.rtl = rtl;
  g.nodes.clear();
}

void Activate(std::string id) { g.activate = std::move(id); }

void BeginContent(const char* id, float top, float bottom) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  // Scrolling is applied in this very frame (SetScrollY() would wait a frame): a new screen
  // starts at the top, and a finger's drag moves the content under it at once.
  float target = -1.0f;
  if (g.scroll_to_top) {
    target = 0.0f;
    g.scroll_to_top = false;
  }
  const float drag = platform::TakeDragScroll();
  if (drag != 0.0f)
    target = std::clamp((target >= 0.0f ? target : g.scroll_y) + drag, 0.0f, g.scroll_max);
  if (target >= 0.0f)
    ImGui::SetNextWindowScroll(ImVec2(-1.0f, target));
  ImGui::SetCursorPos(ImVec2(0.0f, top));
  ImGui::BeginChild(id, ImVec2(display.x, std::max(0.0f, display.y - top - bottom)), ImGuiChildFlags_None,
                    ImGuiWindowFlags_None);
  g.scroll_y = ImGui::GetScrollY();
  g.scroll_max = ImGui::GetScrollMaxY();
  const float avail = display.x - 2.0f * theme::kPad;
  g.column_w = std::min(avail, theme::kMaxColumn);
  g.column_x = (display.x - g.column_w) * 0.5f;
  ImGui::SetCursorPos(ImVec2(g.column_x, ImGui::GetCursorPosY() + theme::kPad));
  ImGui::BeginGroup();
}

void EndContent() {
  ImGui::EndGroup();
  Spacer(theme::kPad * 2.0f);
  ImGui::EndChild();
}

float ColumnWidth() { return g.column_w; }

void ScrollToTop() { g.scroll_to_top = true; }

//-----------------------------------------------------------------------------
// [SECTION] Widgets
//-----------------------------------------------------------------------------

void Spacer(float height) { ImGui::Dummy(ImVec2(1.0f, height)); }

void Heading(std::string_view text, std::string_view id) {
  ImFont* font = fonts::Get(fonts::Face::bold);
  const float size = theme::kHeadingSize;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float h = MeasureText(font, size, text, g.column_w);
  DrawText(ImGui::GetWindowDrawList(), font, size, pos, g.column_w, text, theme::colors().text);
  ImGui::Dummy(ImVec2(g.column_w, h));
  Record(Role::heading, id, text, pos, ImVec2(pos.x + g.column_w, pos.y + h));
}

void Paragraph(std::string_view text, bool muted, float size, std::string_view id) {
  ImFont* font = fonts::Get(fonts::Face::regular);
  if (size <= 0.0f)
    size = theme::kBodySize;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float h = MeasureText(font, size, text, g.column_w);
  DrawText(ImGui::GetWindowDrawList(), font, size, pos, g.column_w, text,
           muted ? theme::colors().muted : theme::colors().text);
  ImGui::Dummy(ImVec2(g.column_w, h));
  Record(Role::text, id, text, pos, ImVec2(pos.x + g.column_w, pos.y + h));
}

namespace {

struct Look {
  ImU32 bg, border, text;
  float border_w;
  fonts::Face face;
};

Look LookOf(Style style, bool selected, bool held) {
  const theme::Colors& c = theme::colors();
  switch (style) {
    case Style::primary:
      return {held ? c.text : c.accent, c.accent, c.accent_text, 0.0f, fonts::Face::bold};
    case Style::exit:
      return {held ? c.text : c.exit_bg, c.exit_bg, c.exit_text, 0.0f, fonts::Face::bold};
    case Style::call:
      return {held ? c.pressed : c.surface, c.accent, c.accent, 2.0f, fonts::Face::bold};
    case Style::quiet:
      return {held ? c.pressed : IM_COL32(0, 0, 0, 0), IM_COL32(0, 0, 0, 0), c.accent, 0.0f, fonts::Face::regular};
    case Style::option:
      if (selected)
        return {held ? c.pressed : c.pressed, c.selected_border, c.text, 3.0f, fonts::Face::bold};
      return {held ? c.pressed : c.surface, c.border, c.text, 1.5f, fonts::Face::regular};
    case Style::secondary:
      break;
  }
  return {held ? c.pressed : c.surface, c.accent, c.accent, 1.5f, fonts::Face::regular};
}

bool Pressable(std::string_view id, std::string_view label, Style style, bool selected, Role role, ImVec2 pos,
               ImVec2 size, bool centered) {
  ImGui::SetCursorScreenPos(pos);
  ImGui::PushID(id.data(), id.data() + id.size());
  bool pressed = ImGui::InvisibleButton("##b", size);
  const bool held = ImGui::IsItemActive();
  ImGui::PopID();
  if (!g.activate.empty() && g.activate == id) {
    pressed = true;
    g.activate.clear();
  }
  const Look look = LookOf(style, selected, held);
  ImDrawList* list = ImGui::GetWindowDrawList();
  const ImVec2 max(pos.x + size.x, pos.y + size.y);
  list->AddRectFilled(pos, max, look.bg, theme::kRounding);
  if (look.border_w > 0.0f)
    list->AddRect(pos, max, look.border, theme::kRounding, 0, look.border_w);
  ImFont* font = fonts::Get(look.face);
  const float text_w = size.x - 2.0f * theme::kPad;
  const float text_h = MeasureText(font, theme::kBodySize, label, text_w);
  DrawText(list, font, theme::kBodySize, ImVec2(pos.x + theme::kPad, pos.y + (size.y - text_h) * 0.5f), text_w,
           label, look.text, centered);
  Node& n = Record(role, id, label, pos, max);
  n.selected = selected;
  return pressed;
}

}  // namespace

bool Button(std::string_view id, std::string_view label, Style style, bool selected, Role role) {
  ImFont* font = fonts::Get(style == Style::primary ? fonts::Face::bold : fonts::Face::regular);
  const float text_h = MeasureText(font, theme::kBodySize, label, g.column_w - 2.0f * theme::kPad);
  const ImVec2 size(g.column_w, std::max(theme::kMinTarget, text_h + 28.0f));
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool centered = style == Style::primary || style == Style::secondary || style == Style::call;
  const bool pressed = Pressable(id, label, style, selected, role, pos, size, centered);
  ImGui::SetCursorScreenPos(pos);
  ImGui::Dummy(size);
  return pressed;
}

bool BarButton(std::string_view id, std::string_view label, Style style, ImVec2 pos, ImVec2 size) {
  return Pressable(id, label, style, false, Role::button, pos, size, true);
}

void Progress(std::string_view id, float fraction, std::string_view label) {
  const theme::Colors& c = theme::colors();
  ImFont* font = fonts::Get(fonts::Face::regular);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float text_h = MeasureText(font, theme::kSmallSize, label, g.column_w);
  ImDrawList* list = ImGui::GetWindowDrawList();
  DrawText(list, font, theme::kSmallSize, pos, g.column_w, label, c.muted);
  const float bar_y = pos.y + text_h + 6.0f;
  const float bar_h = 8.0f;
  list->AddRectFilled(ImVec2(pos.x, bar_y), ImVec2(pos.x + g.column_w, bar_y + bar_h), c.pressed, bar_h * 0.5f);
  const float filled = g.column_w * std::clamp(fraction, 0.0f, 1.0f);
  const float x0 = g.rtl ? pos.x + g.column_w - filled : pos.x;
  list->AddRectFilled(ImVec2(x0, bar_y), ImVec2(x0 + filled, bar_y + bar_h), c.accent, bar_h * 0.5f);
  ImGui::Dummy(ImVec2(g.column_w, text_h + 6.0f + bar_h));
  Node& n = Record(Role::progressbar, id, label, pos, ImVec2(pos.x + g.column_w, bar_y + bar_h));
  n.value = fraction;
}

//-----------------------------------------------------------------------------
// [SECTION] Description
//-----------------------------------------------------------------------------

namespace {
const char* RoleName(Role r) {
  switch (r) {
    case Role::heading: return "heading";
    case Role::text: return "text";
    case Role::button: return "button";
    case Role::option: return "option";
    case Role::checkbox: return "checkbox";
    case Role::link: return "link";
    case Role::progressbar: return "progressbar";
    case Role::textbox: return "textbox";
  }
  return "text";
}
}  // namespace

std::string DescribeJson(std::string_view screen, std::string_view lang, bool rtl) {
  nlohmann::json widgets = nlohmann::json::array();
  for (const Node& n : g.nodes) {
    nlohmann::json w = {{"role", RoleName(n.role)},
                        {"id", n.id},
                        {"label", n.label},
                        {"rect", {n.rect.x, n.rect.y, n.rect.z, n.rect.w}},
                        {"visible", n.rect.z > 0.0f}};
    if (n.role == Role::option || n.role == Role::checkbox)
      w["selected"] = n.selected;
    if (n.role == Role::progressbar)
      w["value"] = n.value;
    widgets.push_back(std::move(w));
  }
  return nlohmann::json{{"screen", screen}, {"lang", lang}, {"dir", rtl ? "rtl" : "ltr"}, {"widgets", widgets}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace ui
