// WCAG 2.2 AA contrast of every foreground/background pair the app draws, in both palettes
// (src/app/palette.h): 4.5:1 for text, 3:1 for the focus ring and borders.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "app/palette.h"

namespace {

// Relative luminance, WCAG 2.2 definition (sRGB channel linearised at 0.04045).
double Luminance(palette::Rgb c) {
  const auto channel = [](std::uint8_t v) {
    const double s = v / 255.0;
    return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double Contrast(palette::Rgb a, palette::Rgb b) {
  const double la = Luminance(a), lb = Luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

void CheckPalette(const char* name, const palette::Palette& p) {
  for (const palette::Pair& pair : palette::kPairs) {
    const double ratio = Contrast(p.*pair.fg, p.*pair.bg);
    INFO(name << ": " << pair.what << " has contrast " << ratio << ":1, needs " << pair.min << ":1");
    CHECK(ratio >= pair.min);
  }
}

}  // namespace

TEST_CASE("contrast is computed as WCAG defines it") {
  CHECK(Contrast({0, 0, 0}, {255, 255, 255}) == Approx(21.0));
  CHECK(Contrast({255, 255, 255}, {255, 255, 255}) == Approx(1.0));
  // #767676 on white is the well-known lightest grey that passes 4.5:1.
  CHECK(Contrast({0x76, 0x76, 0x76}, {255, 255, 255}) == Approx(4.54).epsilon(0.01));
}

TEST_CASE("every text and background pair of the standard palette meets WCAG 2.2 AA") {
  CheckPalette("standard", palette::kStandard);
}

TEST_CASE("every text and background pair of the high-contrast palette meets WCAG 2.2 AA") {
  CheckPalette("high contrast", palette::kHighContrast);
}

TEST_CASE("the high-contrast palette is stronger than the standard one for body text") {
  CHECK(Contrast(palette::kHighContrast.text, palette::kHighContrast.background) >=
        Contrast(palette::kStandard.text, palette::kStandard.background));
  CHECK(Contrast(palette::kHighContrast.text, palette::kHighContrast.background) >= 7.0);  // AAA, 1.4.6
}
