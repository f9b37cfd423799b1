// The semantic widget layer (see ui.h).
// Index
// - [SECTION] State
// - [SECTION] Text layout
// - [SECTION] Frame and content column
// - [SECTION] Widgets
// - [SECTION] Text field
// - [SECTION] Description

#include "ui.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <set>
#include <utility>

#include "core/arabic_shaping.h"
#include "core/bidi.h"
#include "core/report.h"
#include "core/unicode_properties.h"
#include "core/utf8.h"
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
  // Scrolling stays on whole CSS px: ImGui truncates item positions, so a fractional scroll
  // changes the content's height (and the scroll limit) by a pixel. A drag's fraction waits here.
  float drag_rest = 0.0f;
  std::vector<Node> nodes;
  std::vector<std::string> drawn;  // the last DrawText's lines as drawn, when reordered: for its node
  std::set<ImWchar> missing;       // characters drawn this frame that no font source has
  std::set<std::pair<const ImFont*, ImWchar>> present;  // found before: a source never goes away
  std::string activate;  // id the DOM mirror pressed
  std::string focus;     // id the DOM mirror's keyboard focus is on
  bool reveal_focus = false;  // scroll the focused widget into view (the focus just moved)
  // Text entry: the focused field, the textarea's latest value, what the page must do next.
  std::string text_focus;
  bool text_focus_drawn = false;  // the focused field was drawn this frame
  bool edit_pending = false;
  std::string edit_value;
  int edit_start = 0, edit_end = 0;
  bool request_pending = false;
  TextRequest request;
  bool reveal_caret = false;  // scroll the caret into view (focus, typing, the keyboard opened)
  ImVec2 display;             // to notice the keyboard opening or closing
};

State g;

constexpr float kLineSpacing = 1.3f;
constexpr float kAsideGap = 4.0f;  // between a label and its aside

ImVec4 VisibleRect(ImVec2 min, ImVec2 max) {
  const ImVec2 clip_min = ImGui::GetWindowDrawList()->GetClipRectMin();
  const ImVec2 clip_max = ImGui::GetWindowDrawList()->GetClipRectMax();
  const float x0 = std::max(min.x, clip_min.x), y0 = std::max(min.y, clip_min.y);
  const float x1 = std::min(max.x, clip_max.x), y1 = std::min(max.y, clip_max.y);
  if (x1 <= x0 || y1 <= y0)
    return ImVec4(0, 0, 0, 0);
  return ImVec4(x0, y0, x1 - x0, y1 - y0);
}

// Scrolls the content so that the band [top, bottom] (screen y) is inside the clip rectangle
// of the current window, with a margin.
void ScrollIntoView(float top, float bottom) {
  ImDrawList* list = ImGui::GetWindowDrawList();
  const float clip_top = list->GetClipRectMin().y, clip_bottom = list->GetClipRectMax().y;
  float delta = 0.0f;
  if (bottom > clip_bottom)
    delta = bottom - clip_bottom + theme::kPad;
  if (top - delta < clip_top)  // taller than the view: its start matters most
    delta = top - clip_top - theme::kPad;
  if (delta == 0.0f)
    return;
  const float y = ImGui::GetScrollY() + delta;
  ImGui::SetScrollY(delta > 0.0f ? std::ceil(y) : std::floor(y));
  platform::RequestRedraw();
}

Node& Record(Role role, std::string_view id, std::string_view label, ImVec2 min, ImVec2 max) {
  Node n;
  n.role = role;
  n.id = id;
  n.label = label;
  n.rect = VisibleRect(min, max);
  n.drawn = std::move(g.drawn);
  g.drawn.clear();
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

// Chinese and Japanese put no spaces between words: a line may break next to any of their
// characters, except before closing punctuation or after opening punctuation (a small part of
// UAX #14; elsewhere a line breaks at spaces, and after a hyphen or a slash).
bool IsCjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x20000 && c <= 0x3FFFF);
}

bool MayBreakBetween(char32_t a, char32_t b) {
  constexpr std::u32string_view kNoLineStart = U"\uFF0C\u3002\u3001\uFF1B\uFF1A\uFF1F\uFF01\uFF09\u300D\u300F\u3011\u3015\u3009\u300B\u201D\u2019)]},.;:?!%";
  constexpr std::u32string_view kNoLineEnd = U"\uFF08\u300C\u300E\u3010\u3014\u3008\u300A\u201C\u2018([{";
  if (b == U' ' || kNoLineStart.find(b) != std::u32string_view::npos || kNoLineEnd.find(a) != std::u32string_view::npos)
    return false;
  return IsCjk(a) || IsCjk(b) || a == U'-' || a == U'/';
}

// Where the line that starts at `s` ends when wrapped at `width`: at the last break opportunity
// that fits (spaces may hang past the edge: the caller trims them), or inside a word too long
// for any line, but never before the first character.
const char* WrapPosition(ImFont* font, float size, const char* s, const char* end, float width) {
  const std::string_view text(s, static_cast<std::size_t>(end - s));
  const char* last_break = nullptr;
  char32_t prev = 0;
  float w = 0.0f;
  for (std::size_t i = 0; i < text.size();) {
    std::uint32_t c = 0xFFFD;
    std::size_t length = 1;
    if (!signaal::decode_utf8(text, i, &c, &length))
      length = 1;
    const char* p = s + i;
    if (i > 0 && (c == U' ' || MayBreakBetween(prev, c)))
      last_break = p;
    w += font->CalcTextSizeA(size, FLT_MAX, 0.0f, p, p + length).x;
    if (c != U' ' && w > width)
      return last_break ? last_break : (i > 0 ? p : p + length);
    prev = c;
    i += length;
  }
  return end;
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
    const char* eol = WrapPosition(font, size, s, nl, width);
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

// ImGui draws code points left to right, as they come. Text with right-to-left characters, and
// any text on a right-to-left screen, is shaped as a whole (an Arabic letter's form depends on
// its neighbours), then wrapped, and each line put in display order (core/bidi.h).
bool NeedsBidi(std::string_view text) {
  if (g.rtl)
    return true;
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    std::uint32_t cp = 0;
    std::size_t length = 1;
    if (signaal::decode_utf8(text, i, &cp, &length)) {
      const signaal::BidiClass c = signaal::bidi_class(cp);
      if (c == signaal::BidiClass::R || c == signaal::BidiClass::AL || c == signaal::BidiClass::AN)
        return true;
    }
    i += std::max<std::size_t>(length, 1);
  }
  return false;
}

// `text` with its contextual forms (in *storage) when it needs bidi, else `text` itself.
std::string_view Shaped(std::string_view text, std::string* storage) {
  if (!NeedsBidi(text))
    return text;
  storage->clear();
  for (const char32_t c : signaal::ShapeArabic(signaal::utf8_to_code_points(text)))
    signaal::append_utf8(storage, c);
  return *storage;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Text layout
//-----------------------------------------------------------------------------

float TextWidth(ImFont* font, float size, std::string_view text) {
  std::string storage;
  const std::string_view shaped = Shaped(text, &storage);
  return font->CalcTextSizeA(size, FLT_MAX, 0.0f, shaped.data(), shaped.data() + shaped.size()).x;
}

// Whole pixels: ImGui truncates item positions toward zero, so fractional heights would make
// the content a pixel taller once it is scrolled above the window's top.
float MeasureText(ImFont* font, float size, std::string_view text, float width) {
  std::string storage;
  return std::ceil(LayoutLines(font, size, Shaped(text, &storage), width, [](const char*, const char*, float) {}));
}

namespace {
// Invisible by nature: line breaks, tabs, zero-width and direction marks.
bool Invisible(char32_t c) {
  return c < 0x20 || (c >= 0x200B && c <= 0x200F) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

// Remembers the characters of a drawn line that `font` has no glyph for (tests read them in
// the description: a missing glyph is a box where a letter should be).
void NoteMissingGlyphs(ImFont* font, const char* b, const char* e) {
  for (const char32_t c : signaal::utf8_to_code_points(std::string_view(b, static_cast<std::size_t>(e - b)))) {
    if (Invisible(c) || c > IM_UNICODE_CODEPOINT_MAX || g.present.count({font, static_cast<ImWchar>(c)}))
      continue;
    if (font->IsGlyphInFont(static_cast<ImWchar>(c)))
      g.present.insert({font, static_cast<ImWchar>(c)});
    else
      g.missing.insert(static_cast<ImWchar>(c));
  }
}
}  // namespace

bool DrawText(ImDrawList* list, ImFont* font, float size, ImVec2 pos, float width, std::string_view text,
              ImU32 color, bool centered) {
  bool fits = true;
  std::string storage;
  const std::string_view shaped = Shaped(text, &storage);
  const bool bidi = shaped.data() != text.data();
  g.drawn.clear();
  LayoutLines(font, size, shaped, width, [&](const char* b, const char* e, float y) {
    if (bidi) {
      g.drawn.push_back(signaal::DisplayLine(std::string_view(b, static_cast<std::size_t>(e - b)), g.rtl));
      b = g.drawn.back().data();
      e = b + g.drawn.back().size();
    }
    const float w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, b, e).x;
    fits = fits && w <= width + 0.5f;  // one glyph wider than the box: wrapping cannot help
    const float x = centered ? pos.x + (width - w) * 0.5f : g.rtl ? pos.x + width - w : pos.x;
    list->AddText(font, size, ImVec2(x, pos.y + y + (kLineSpacing - 1.0f) * size * 0.5f), color, b, e);
    NoteMissingGlyphs(font, b, e);
  });
  return fits;
}

//-----------------------------------------------------------------------------
// [SECTION] Frame and content column
//-----------------------------------------------------------------------------

void BeginFrame(bool rtl) {
  // A focused field that is no longer drawn (the screen changed) gives up the keyboard.
  if (!g.text_focus.empty() && !g.text_focus_drawn)
    TextBlurred();
  g.text_focus_drawn = false;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  if (display.x != g.display.x || display.y != g.display.y)
    g.reveal_caret = true;
  g.display = display;
  g.rtl = rtl;
  g.nodes.clear();
  g.missing.clear();
}

void Activate(std::string id) { g.activate = std::move(id); }

void SetFocus(std::string id) {
  g.focus = std::move(id);
  g.reveal_focus = !g.focus.empty();
}


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
  if (drag != 0.0f) {
    const float wanted = (target >= 0.0f ? target : g.scroll_y) + drag + g.drag_rest;
    target = std::clamp(std::round(wanted), 0.0f, g.scroll_max);
    g.drag_rest = target == std::round(wanted) ? wanted - target : 0.0f;
  }
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
  const bool fits = DrawText(ImGui::GetWindowDrawList(), font, size, pos, g.column_w, text, theme::colors().text);
  ImGui::Dummy(ImVec2(g.column_w, h));
  Record(Role::heading, id, text, pos, ImVec2(pos.x + g.column_w, pos.y + h)).overflow = !fits;
}

void Paragraph(std::string_view text, bool muted, float size, std::string_view id) {
  ImFont* font = fonts::Get(fonts::Face::regular);
  if (size <= 0.0f)
    size = theme::kBodySize;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float h = MeasureText(font, size, text, g.column_w);
  const bool fits = DrawText(ImGui::GetWindowDrawList(), font, size, pos, g.column_w, text,
                             muted ? theme::colors().muted : theme::colors().text);
  ImGui::Dummy(ImVec2(g.column_w, h));
  Record(Role::text, id, text, pos, ImVec2(pos.x + g.column_w, pos.y + h)).overflow = !fits;
}

namespace {

// Draws an aside's lines in its own direction; returns false when a line does not fit.
bool DrawAside(ImDrawList* list, ImVec2 pos, float width, const Aside& aside, bool centered) {
  const bool screen_rtl = g.rtl;
  g.rtl = aside.rtl;
  const bool fits = DrawText(list, fonts::Get(fonts::Face::regular), theme::kSmallSize, pos, width, aside.text,
                             theme::colors().muted, centered);
  g.rtl = screen_rtl;
  return fits;
}

float AsideHeight(const Aside& aside, float width) {
  if (aside.text.empty())
    return 0.0f;
  const bool screen_rtl = g.rtl;
  g.rtl = aside.rtl;
  const float h = MeasureText(fonts::Get(fonts::Face::regular), theme::kSmallSize, aside.text, width);
  g.rtl = screen_rtl;
  return kAsideGap + h;
}

}  // namespace

void AsideText(const Aside& aside, std::string_view id) {
  if (aside.text.empty())
    return;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float h = AsideHeight(aside, g.column_w) - kAsideGap;
  const bool fits = DrawAside(ImGui::GetWindowDrawList(), pos, g.column_w, aside, false);
  ImGui::Dummy(ImVec2(g.column_w, h));
  Node& n = Record(Role::text, id, aside.text, pos, ImVec2(pos.x + g.column_w, pos.y + h));
  n.overflow = !fits;
  n.lang = aside.lang;
  n.rtl = aside.rtl;
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
               ImVec2 size, bool centered, const Aside& aside = {}) {
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
  // A bar button is exactly as wide as its label: the half pixel keeps float rounding in the
  // glyph advances from wrapping that label onto a second line.
  const float text_w = size.x - 2.0f * theme::kPad + 0.5f;
  const float text_h = MeasureText(font, theme::kBodySize, label, text_w);
  const float aside_h = AsideHeight(aside, text_w);
  const float text_y = pos.y + (size.y - text_h - aside_h) * 0.5f;
  // The aside first: the lines a node records are those of the last text drawn, its label's.
  const bool aside_fits =
      aside.text.empty() || DrawAside(list, ImVec2(pos.x + theme::kPad, text_y + text_h + kAsideGap), text_w, aside, centered);
  const bool fits = DrawText(list, font, theme::kBodySize, ImVec2(pos.x + theme::kPad, text_y), text_w, label, look.text,
                             centered) &&
                    aside_fits && text_h + aside_h <= size.y;
  if (g.focus == id) {
    // Outside the widget with a gap, so it never reads as a border or as "chosen".
    const float gap = 2.0f + theme::kFocusRing * 0.5f;
    list->AddRect(ImVec2(pos.x - gap, pos.y - gap), ImVec2(max.x + gap, max.y + gap), theme::colors().focus,
                  theme::kRounding + gap, 0, theme::kFocusRing);
    if (g.reveal_focus) {
      g.reveal_focus = false;
      ScrollIntoView(pos.y - gap - theme::kFocusRing, max.y + gap + theme::kFocusRing);
    }
  }
  Node& n = Record(role, id, label, pos, max);
  n.selected = selected;
  n.overflow = !fits;
  n.aside = aside;
  return pressed;
}

}  // namespace

bool Button(std::string_view id, std::string_view label, Style style, bool selected, Role role, const Aside& aside) {
  ImFont* font = fonts::Get(style == Style::primary ? fonts::Face::bold : fonts::Face::regular);
  const float text_w = g.column_w - 2.0f * theme::kPad;
  const float text_h = MeasureText(font, theme::kBodySize, label, text_w) + AsideHeight(aside, text_w);
  const ImVec2 size(g.column_w, std::max(theme::kMinTarget, text_h + 28.0f));
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool centered = style == Style::primary || style == Style::secondary || style == Style::call;
  const bool pressed = Pressable(id, label, style, selected, role, pos, size, centered, aside);
  ImGui::SetCursorScreenPos(pos);
  ImGui::Dummy(size);
  return pressed;
}

int ChoiceGrid(const std::vector<Choice>& choices, int max_columns) {
  ImFont* bold = fonts::Get(fonts::Face::bold);  // a chosen option's face: the wider one
  float widest = 0.0f;
  for (const Choice& c : choices)
    widest = std::max(widest, TextWidth(bold, theme::kBodySize, c.label));
  const float gap = theme::kGap;
  const int fit = static_cast<int>((g.column_w + gap) / (widest + 2.0f * theme::kPad + gap));
  const int columns = std::clamp(fit, 1, std::max(1, max_columns));
  const float cell_w = std::floor((g.column_w - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns));
  int pressed = -1;
  for (std::size_t row = 0; row < choices.size(); row += static_cast<std::size_t>(columns)) {
    const std::size_t end = std::min(choices.size(), row + static_cast<std::size_t>(columns));
    float height = theme::kMinTarget;  // one height for the row, so the options line up
    for (std::size_t i = row; i < end; ++i)
      height = std::max(height, MeasureText(bold, theme::kBodySize, choices[i].label, cell_w - 2.0f * theme::kPad) + 28.0f);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    for (std::size_t i = row; i < end; ++i) {
      const float offset = static_cast<float>(i - row) * (cell_w + gap);
      const float x = g.rtl ? start.x + g.column_w - offset - cell_w : start.x + offset;
      const Choice& c = choices[i];
      if (Pressable(c.id, c.label, Style::option, c.selected, Role::option, ImVec2(x, start.y), ImVec2(cell_w, height),
                    columns > 1))
        pressed = static_cast<int>(i);
      g.nodes.back().lang = c.lang;
      g.nodes.back().rtl = c.rtl;
    }
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(g.column_w, height));  // and the usual spacing before the next row
  }
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
  const bool fits = DrawText(list, font, theme::kSmallSize, pos, g.column_w, label, c.muted);
  const float bar_y = pos.y + text_h + 6.0f;
  const float bar_h = 8.0f;
  list->AddRectFilled(ImVec2(pos.x, bar_y), ImVec2(pos.x + g.column_w, bar_y + bar_h), c.pressed, bar_h * 0.5f);
  const float filled = g.column_w * std::clamp(fraction, 0.0f, 1.0f);
  const float x0 = g.rtl ? pos.x + g.column_w - filled : pos.x;
  list->AddRectFilled(ImVec2(x0, bar_y), ImVec2(x0 + filled, bar_y + bar_h), c.accent, bar_h * 0.5f);
  ImGui::Dummy(ImVec2(g.column_w, text_h + 6.0f + bar_h));
  Node& n = Record(Role::progressbar, id, label, pos, ImVec2(pos.x + g.column_w, bar_y + bar_h));
  n.value = fraction;
  n.overflow = !fits;
}

void Code(std::string_view id, std::string_view code) {
  const theme::Colors& c = theme::colors();
  ImFont* font = fonts::Get(fonts::Face::bold);
  const float size = theme::kHeadingSize;
  const float inner_w = g.column_w - 2.0f * theme::kPad;
  const float text_h = MeasureText(font, size, code, inner_w);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImVec2 max(pos.x + g.column_w, pos.y + text_h + 2.0f * theme::kPad);
  ImDrawList* list = ImGui::GetWindowDrawList();
  list->AddRectFilled(pos, max, c.surface, theme::kRounding);
  list->AddRect(pos, max, c.accent, theme::kRounding, 0, 2.0f);
  const bool fits = DrawText(list, font, size, ImVec2(pos.x + theme::kPad, pos.y + theme::kPad), inner_w, code, c.text, true);
  ImGui::Dummy(ImVec2(g.column_w, max.y - pos.y));
  Record(Role::text, id, code, pos, max).overflow = !fits;
}

//-----------------------------------------------------------------------------
// [SECTION] Text field
//-----------------------------------------------------------------------------

namespace {

struct LinePlace {
  const char* begin;
  const char* end;
  float y;
};

std::vector<LinePlace> PlaceLines(ImFont* font, float size, std::string_view text, float width) {
  std::vector<LinePlace> lines;
  LayoutLines(font, size, text, width, [&](const char* b, const char* e, float y) { lines.push_back({b, e, y}); });
  if (lines.empty() || (!text.empty() && text.back() == '\n'))
    lines.push_back({text.data() + text.size(), text.data() + text.size(), lines.empty() ? 0.0f : lines.back().y + size * kLineSpacing});
  return lines;
}

// Where byte `offset` of the text sits: the line and the x from the line's start side.
ImVec2 CaretPlace(ImFont* font, float size, const std::vector<LinePlace>& lines, const char* at, float width) {
  const LinePlace* line = &lines.front();
  for (const LinePlace& l : lines)
    if (l.begin <= at)
      line = &l;
  const char* upto = std::clamp(at, line->begin, line->end);
  const float before = font->CalcTextSizeA(size, FLT_MAX, 0.0f, line->begin, upto).x;
  if (!g.rtl)
    return ImVec2(before, line->y);
  const float total = font->CalcTextSizeA(size, FLT_MAX, 0.0f, line->begin, line->end).x;
  return ImVec2(width - total + before, line->y);
}

// The byte offset nearest to a point (relative to the text's origin).
int OffsetAt(ImFont* font, float size, const std::vector<LinePlace>& lines, ImVec2 point, float width,
             const char* text) {
  const LinePlace* line = &lines.front();
  for (const LinePlace& l : lines)
    if (l.y <= point.y)
      line = &l;
  const char* best = line->begin;
  float best_d = FLT_MAX;
  for (const char* p = line->begin;; p = NextChar(p, line->end)) {
    const float d = std::abs(CaretPlace(font, size, lines, p, width).x - point.x);
    if (d < best_d)
      best_d = d, best = p;
    if (p >= line->end)
      break;
  }
  return static_cast<int>(best - text);
}

void Request(bool active, const std::string& value, int start, int end, ImVec4 rect) {
  g.request = TextRequest{active, value, start, end, rect};
  g.request_pending = true;
}

}  // namespace

bool TextField(std::string_view id, std::string_view label, std::string* text, std::size_t max_code_points,
               int min_lines) {
  const theme::Colors& c = theme::colors();
  ImFont* font = fonts::Get(fonts::Face::regular);
  const float size = theme::kBodySize;
  const float inner_w = g.column_w - 2.0f * theme::kPad;
  const bool focused = g.text_focus == id;
  bool changed = false;
  int sel_start = static_cast<int>(text->size()), sel_end = sel_start;

  if (focused && g.edit_pending) {
    g.edit_pending = false;
    const std::string fitted = signaal::fit_report_text(g.edit_value, max_code_points);
    sel_start = static_cast<int>(std::min(
        signaal::fit_report_text(std::string_view(g.edit_value).substr(0, g.edit_start), max_code_points).size(),
        fitted.size()));
    sel_end = static_cast<int>(std::min(
        signaal::fit_report_text(std::string_view(g.edit_value).substr(0, g.edit_end), max_code_points).size(),
        fitted.size()));
    changed = fitted != *text;
    *text = fitted;
    if (fitted != g.edit_value)  // cut or cleaned: the textarea must hold what the field holds
      Request(true, fitted, sel_start, sel_end, g.request.rect);
    g.edit_value = fitted;
    g.edit_start = sel_start;
    g.edit_end = sel_end;
  } else if (focused) {
    sel_start = g.edit_start;
    sel_end = g.edit_end;
  }

  const std::vector<LinePlace> lines = PlaceLines(font, size, *text, inner_w);
  const float line_h = size * kLineSpacing;
  const float text_h =
      std::ceil(std::max(lines.back().y + line_h, line_h * static_cast<float>(std::max(1, min_lines))));
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImVec2 box(g.column_w, std::max(theme::kMinTarget, text_h + 2.0f * theme::kPad));
  const ImVec2 max(pos.x + box.x, pos.y + box.y);
  const ImVec2 origin(pos.x + theme::kPad, pos.y + theme::kPad);

  ImGui::PushID(id.data(), id.data() + id.size());
  bool pressed = ImGui::InvisibleButton("##field", box);
  ImGui::PopID();
  bool from_mirror = false;  // a screen reader or the keyboard: no pointer says where the caret goes
  if (!g.activate.empty() && g.activate == id) {
    pressed = from_mirror = true;
    g.activate.clear();
  }
  const ImVec4 rect = VisibleRect(pos, max);
  if (pressed) {
    g.text_focus = std::string(id);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const int at = !from_mirror && mouse.x > -FLT_MAX
                       ? OffsetAt(font, size, lines, ImVec2(mouse.x - origin.x, mouse.y - origin.y), inner_w, text->data())
                       : static_cast<int>(text->size());
    sel_start = sel_end = at;
    g.edit_value = *text;
    g.edit_start = g.edit_end = at;
    Request(true, *text, at, at, rect);
  } else if (focused && ImGui::IsMouseClicked(0) && !ImGui::IsItemHovered()) {
    TextBlurred();  // a tap anywhere else leaves the field
  } else if (focused && (rect.x != g.request.rect.x || rect.y != g.request.rect.y || rect.w != g.request.rect.w ||
                         rect.z != g.request.rect.z)) {
    Request(true, *text, sel_start, sel_end, rect);  // scrolled or resized: the textarea follows
  }
  const bool now_focused = g.text_focus == id;
  if (now_focused)
    g.text_focus_drawn = true;

  ImDrawList* list = ImGui::GetWindowDrawList();
  list->AddRectFilled(pos, max, c.surface, theme::kRounding);
  list->AddRect(pos, max, now_focused ? c.selected_border : c.border, theme::kRounding, 0, now_focused ? 3.0f : 1.5f);
  if (now_focused && sel_start != sel_end) {
    const char* a = text->data() + std::min(sel_start, sel_end);
    const char* b = text->data() + std::max(sel_start, sel_end);
    for (const LinePlace& l : lines) {
      const char* s0 = std::max(a, l.begin);
      const char* s1 = std::min(b, l.end);
      if (s0 >= s1)
        continue;
      const float x0 = CaretPlace(font, size, lines, s0, inner_w).x, x1 = CaretPlace(font, size, lines, s1, inner_w).x;
      list->AddRectFilled(ImVec2(origin.x + std::min(x0, x1), origin.y + l.y),
                          ImVec2(origin.x + std::max(x0, x1), origin.y + l.y + line_h), c.pressed);
    }
  }
  DrawText(list, font, size, origin, inner_w, *text, c.text);
  if (now_focused) {
    const ImVec2 caret = CaretPlace(font, size, lines, text->data() + sel_end, inner_w);
    const ImVec2 top(origin.x + caret.x, origin.y + caret.y + 2.0f);
    list->AddLine(top, ImVec2(top.x, top.y + line_h - 4.0f), c.accent, 2.0f);
    // Keep the caret in view above the phone's keyboard (which shrinks the canvas), but only
    // when something moved it: a finger may scroll away while the field keeps the focus.
    if (g.reveal_caret || changed || pressed) {
      g.reveal_caret = false;
      ScrollIntoView(top.y, top.y + line_h);
    }
  }
  Node& n = Record(Role::textbox, id, label, pos, max);
  n.text = *text;
  n.focused = now_focused;
  return changed;
}

void TextEdited(std::string value, int selection_start, int selection_end) {
  if (g.text_focus.empty())
    return;
  const int size = static_cast<int>(value.size());
  g.edit_value = std::move(value);
  g.edit_start = std::clamp(selection_start, 0, size);
  g.edit_end = std::clamp(selection_end, 0, size);
  g.edit_pending = true;
}

void TextBlurred() {
  if (g.text_focus.empty())
    return;
  g.text_focus.clear();
  g.edit_pending = false;
  Request(false, std::string(), 0, 0, ImVec4(0, 0, 0, 0));
}

bool TakeTextRequest(TextRequest* request) {
  if (!g.request_pending)
    return false;
  g.request_pending = false;
  *request = g.request;
  return true;
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
                        {"visible", n.rect.z > 0.0f},
                        {"overflow", n.overflow}};
    if (n.role == Role::option || n.role == Role::checkbox)
      w["selected"] = n.selected;
    if (n.role == Role::progressbar)
      w["value"] = n.value;
    if (n.role == Role::textbox) {
      w["value"] = n.text;
      w["focused"] = n.focused;
    }
    if (!n.drawn.empty())
      w["drawn"] = n.drawn;
    if (!n.lang.empty()) {
      w["lang"] = n.lang;
      w["dir"] = n.rtl ? "rtl" : "ltr";
    }
    if (!n.aside.text.empty())
      w["aside"] = {{"label", n.aside.text}, {"lang", n.aside.lang}, {"dir", n.aside.rtl ? "rtl" : "ltr"}};
    widgets.push_back(std::move(w));
  }
  std::string missing;
  for (const ImWchar c : g.missing)
    signaal::append_utf8(&missing, c);
  return nlohmann::json{{"screen", screen},
                        {"lang", lang},
                        {"dir", rtl ? "rtl" : "ltr"},
                        {"scroll", {g.scroll_y, g.scroll_max}},
                        {"missing_glyphs", missing},
                        {"widgets", widgets}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace ui
