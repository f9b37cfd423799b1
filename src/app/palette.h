// The app's colours as plain data, free of ImGui, so that a native unit test
// (tests/unit/palette_test.cpp) can check every text/background pair the widgets draw against
// WCAG 2.2 AA. theme.cpp turns the chosen palette into ImGui colours.
#pragma once

#include <cstdint>

namespace palette {

struct Rgb {
  std::uint8_t r, g, b;
};

struct Palette {
  Rgb background, text, muted, accent, accent_text, surface, border, selected_border, exit_bg, exit_text, pressed,
      focus;
};

// Paper-like background and dark ink: readable in sunlight on a cheap screen, and looks like
// any ordinary information site to someone glancing over a shoulder.
inline constexpr Palette kStandard = {
    .background = {0xF6, 0xF4, 0xEF},
    .text = {0x1D, 0x23, 0x2E},
    .muted = {0x4A, 0x52, 0x5E},
    .accent = {0x1E, 0x5A, 0x84},
    .accent_text = {0xFF, 0xFF, 0xFF},
    .surface = {0xFF, 0xFF, 0xFF},
    .border = {0x82, 0x8C, 0x99},
    .selected_border = {0x1E, 0x5A, 0x84},
    .exit_bg = {0x2B, 0x34, 0x40},
    .exit_text = {0xFF, 0xFF, 0xFF},
    .pressed = {0xDC, 0xE6, 0xEF},
    // The keyboard focus ring: a colour no widget uses, so it never reads as "selected".
    .focus = {0x8A, 0x2B, 0x8F},
};

// High contrast (a setting, and the default under prefers-contrast: more): white and yellow
// on black, the convention people who need it already know from their phones.
inline constexpr Palette kHighContrast = {
    .background = {0x00, 0x00, 0x00},
    .text = {0xFF, 0xFF, 0xFF},
    .muted = {0xE6, 0xE6, 0xE6},
    .accent = {0xFF, 0xE0, 0x3D},
    .accent_text = {0x00, 0x00, 0x00},
    .surface = {0x00, 0x00, 0x00},
    .border = {0xFF, 0xFF, 0xFF},
    .selected_border = {0xFF, 0xE0, 0x3D},
    .exit_bg = {0xFF, 0xFF, 0xFF},
    .exit_text = {0x00, 0x00, 0x00},
    .pressed = {0x3A, 0x3A, 0x3A},
    .focus = {0x3D, 0xE8, 0xFF},
};

// Every foreground drawn on a background (ui.cpp's LookOf, Paragraph, Progress, Code,
// TextField; the top bar), with the contrast WCAG 2.2 asks of it: 4.5:1 for text (1.4.3),
// 3:1 for the focus ring and field borders (1.4.11). A held button swaps its background to
// `pressed`, or to `text` for the filled primary and exit buttons.
struct Pair {
  const char* what;
  Rgb Palette::*fg;
  Rgb Palette::*bg;
  double min;
};

inline constexpr Pair kPairs[] = {
    {"paragraph", &Palette::text, &Palette::background, 4.5},
    {"muted paragraph, progress label", &Palette::muted, &Palette::background, 4.5},
    {"top bar name, option, code, text field", &Palette::text, &Palette::surface, 4.5},
    {"held or chosen option, text selection", &Palette::text, &Palette::pressed, 4.5},
    {"an option's aside (the worker's language)", &Palette::muted, &Palette::surface, 4.5},
    {"a held or chosen option's aside", &Palette::muted, &Palette::pressed, 4.5},
    {"secondary and call buttons", &Palette::accent, &Palette::surface, 4.5},
    {"held secondary, call and quiet buttons", &Palette::accent, &Palette::pressed, 4.5},
    {"quiet button", &Palette::accent, &Palette::background, 4.5},
    {"primary button", &Palette::accent_text, &Palette::accent, 4.5},
    {"held primary button", &Palette::accent_text, &Palette::text, 4.5},
    {"exit button", &Palette::exit_text, &Palette::exit_bg, 4.5},
    {"held exit button", &Palette::exit_text, &Palette::text, 4.5},
    {"focus ring on the page", &Palette::focus, &Palette::background, 3.0},
    {"focus ring in the top bar", &Palette::focus, &Palette::surface, 3.0},
    {"option and text field borders", &Palette::border, &Palette::surface, 3.0},
    {"chosen option's border", &Palette::selected_border, &Palette::pressed, 3.0},
};

}  // namespace palette
