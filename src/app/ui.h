// The semantic widget layer: every widget a screen uses draws itself with ImGui and also
// records a node (role, id, label, state, visible rectangle in CSS px). The nodes are the
// screen's description for tests and for the hidden DOM mirror that screen readers use
// (web/bridge.js), and the mirror can activate a widget by id.
// Layout is written in start/end terms so that right-to-left scripts only flip a flag.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace ui {

enum class Role { heading, text, button, option, checkbox, link, progressbar, textbox };
enum class Style { primary, secondary, option, quiet, exit, call };

// The same words in a second language, drawn beneath the first for someone reading along (an
// outreach worker beside the person who answers), in that language's own direction.
struct Aside {
  std::string text;
  std::string lang;
  bool rtl = false;
};

struct Node {
  Role role = Role::text;
  std::string id;     // stable, for tests: "answer.yes", "nav.back", "exit"
  std::string label;  // what it says, in the current language
  bool selected = false;
  bool expanded = false;
  float value = 0.0f;  // progressbar: 0..1
  std::string text;    // textbox: what it holds
  bool focused = false;  // textbox: the keyboard types into it
  std::string lang;      // when it is in another language than the screen (a language's own name)
  bool rtl = false;      // with `lang`: that language's direction
  std::vector<std::string> drawn;  // its text's lines in display order, when shaped or reordered (bidi)
  Aside aside;           // a button's label in a second language, beneath it (empty text: none)
  bool overflow = false;  // its text does not fit its box: a glyph wider than the line, or taller than a button
  ImVec4 rect;         // x, y, w, h of the visible part, CSS px; w = h = 0 when scrolled away
};

// --- Frame and screen
void BeginFrame(bool rtl);
void Activate(std::string id);  // the DOM mirror pressed a widget: it reports a click next frame
// The DOM mirror's keyboard focus is on widget `id` ("" for none): it draws a focus ring and
// scrolls itself into view.
void SetFocus(std::string id);
// The screen for tests and the DOM mirror: its widgets, and how far (of how far it can) the
// content is scrolled, in CSS px.
std::string DescribeJson(std::string_view screen, std::string_view lang, bool rtl);

// The scrolling content column, centred and at most theme::kMaxColumn wide.
void BeginContent(const char* id, float top, float bottom);
void EndContent();
float ColumnWidth();
void ScrollToTop();

// --- Widgets (text is measured and wrapped here, never by ImGui::TextWrapped, so that the
// start side can be either edge).
void Heading(std::string_view text, std::string_view id = "heading");
void Paragraph(std::string_view text, bool muted = false, float size = 0.0f, std::string_view id = "text");
// An aside on its own: small, muted, in its language and direction (nothing when it has no text).
void AsideText(const Aside& aside, std::string_view id);
void Spacer(float height);
// `aside`, when it has text, is drawn inside the button beneath the label.
bool Button(std::string_view id, std::string_view label, Style style, bool selected = false, Role role = Role::button,
            const Aside& aside = {});
// One of a set of choices laid out by ChoiceGrid; `lang`, when set, is the language its label
// is in (written right to left when `rtl`).
struct Choice {
  std::string id, label;
  bool selected = false;
  std::string lang;
  bool rtl = false;
};
// Options side by side, as many to a row as the widest label allows (at most `max_columns`),
// in reading order. Returns the index of the one pressed, or -1.
int ChoiceGrid(const std::vector<Choice>& choices, int max_columns);
// A button at a given place, for the top bar.
bool BarButton(std::string_view id, std::string_view label, Style style, ImVec2 pos, ImVec2 size);
void Progress(std::string_view id, float fraction, std::string_view label);
// Something to copy down by hand (a follow-up code): large, centred, on its own surface.
void Code(std::string_view id, std::string_view code);

// --- Text entry. The page's hidden textarea is the real editor, so the phone's keyboard,
// IME composition, paste, autocorrect and selection all behave as the person knows them; the
// field draws the textarea's value and caret. Tapping a field focuses it, tapping anything
// else leaves it. `text` is kept to `max_code_points` and free of control characters other
// than TAB and LF. Returns true when the text changed this frame.
bool TextField(std::string_view id, std::string_view label, std::string* text, std::size_t max_code_points,
               int min_lines);
// The textarea's whole value and selection (UTF-8 byte offsets) after any change there.
void TextEdited(std::string value, int selection_start, int selection_end);
void TextBlurred();  // the textarea lost the focus (Tab, the keyboard closed, ...)

// What the page's textarea must do after this frame: take the focus with this value and
// selection at this rectangle (CSS px), or give it up.
struct TextRequest {
  bool active = false;
  std::string value;
  int selection_start = 0, selection_end = 0;
  ImVec4 rect;
};
bool TakeTextRequest(TextRequest* request);

// Height of `text` wrapped to `width`.
float MeasureText(ImFont* font, float size, std::string_view text, float width);
// Draws `text` wrapped to `width` from `pos`, each line aligned to the start side. Returns false
// when a line is wider than `width` (a single glyph that wrapping cannot place).
bool DrawText(ImDrawList* list, ImFont* font, float size, ImVec2 pos, float width, std::string_view text,
              ImU32 color, bool centered = false);
float TextWidth(ImFont* font, float size, std::string_view text);

}  // namespace ui
