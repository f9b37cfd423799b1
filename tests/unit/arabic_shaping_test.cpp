// Arabic shaping: the presentation form each letter takes from its neighbours (the reference
// test tests/text/reference_test.py checks the same against HarfBuzz on real texts).
#include <catch2/catch.hpp>

#include "core/arabic_shaping.h"

using signaal::ShapeArabic;

// BEH (U+0628) stands for any dual-joining letter, ALEF (U+0627) for the right-joining ones;
// FATHA (U+064E), SHADDA (U+0651) and SUPERSCRIPT ALEF (U+0670) are marks.

TEST_CASE("a dual-joining letter takes each of its four forms", "[arabic_shaping]") {
  CHECK(ShapeArabic(U"\u0628") == U"\uFE8F");                          // isolated
  CHECK(ShapeArabic(U"\u0628\u0628") == U"\uFE91\uFE90");              // initial, final
  CHECK(ShapeArabic(U"\u0628\u0628\u0628") == U"\uFE91\uFE92\uFE90");  // initial, medial, final
  CHECK(ShapeArabic(U"\u0645\u0631\u062D\u0628\u0627") == U"\uFEE3\uFEAE\uFEA3\uFE92\uFE8E");  // مرحبا
}

TEST_CASE("a right-joining letter has no initial or medial form", "[arabic_shaping]") {
  CHECK(ShapeArabic(U"\u0627") == U"\uFE8D");
  CHECK(ShapeArabic(U"\u0628\u0627") == U"\uFE91\uFE8E");
  CHECK(ShapeArabic(U"\u0627\u0628") == U"\uFE8D\uFE8F");  // ALEF does not join what follows
}

TEST_CASE("alef, dal, reh and waw end a join: the next letter starts anew", "[arabic_shaping]") {
  CHECK(ShapeArabic(U"\u0628\u0627\u0628") == U"\uFE91\uFE8E\uFE8F");
  CHECK(ShapeArabic(U"\u0628\u062F\u0628") == U"\uFE91\uFEAA\uFE8F");
  CHECK(ShapeArabic(U"\u0628\u0631\u0628\u0628") == U"\uFE91\uFEAE\uFE91\uFE90");
  CHECK(ShapeArabic(U"\u0628\u0648\u0628") == U"\uFE91\uFEEE\uFE8F");
}

TEST_CASE("LAM + ALEF is one ligature, isolated or final", "[arabic_shaping]") {
  CHECK(ShapeArabic(U"\u0644\u0622") == U"\uFEF5");  // with madda
  CHECK(ShapeArabic(U"\u0644\u0623") == U"\uFEF7");  // with hamza above
  CHECK(ShapeArabic(U"\u0644\u0625") == U"\uFEF9");  // with hamza below
  CHECK(ShapeArabic(U"\u0644\u0627") == U"\uFEFB");
  CHECK(ShapeArabic(U"\u0628\u0644\u0627") == U"\uFE91\uFEFC");
  CHECK(ShapeArabic(U"\u0644\u0627\u0628") == U"\uFEFB\uFE8F");  // nothing joins after it
  // marks on the LAM follow the ligature
  CHECK(ShapeArabic(U"\u0644\u064E\u0627") == U"\uFEFB\u064E");
  CHECK(ShapeArabic(U"\u0644\u0628") == U"\uFEDF\uFE90");  // LAM with anything else: no ligature
}

TEST_CASE("marks are transparent: letters join across them and keep their place", "[arabic_shaping]") {
  CHECK(ShapeArabic(U"\u0628\u064E\u0628") == U"\uFE91\u064E\uFE90");
  CHECK(ShapeArabic(U"\u0628\u0651\u064E\u0628\u0670") == U"\uFE91\u0651\u064E\uFE90\u0670");
  CHECK(ShapeArabic(U"\u064E") == U"\u064E");
}

TEST_CASE("ZWNJ breaks a join, ZWJ and tatweel cause one", "[arabic_shaping]") {
  CHECK(ShapeArabic(U"\u0628\u200C\u0628") == U"\uFE8F\u200C\uFE8F");
  CHECK(ShapeArabic(U"\u0628\u200D") == U"\uFE91\u200D");
  CHECK(ShapeArabic(U"\u200D\u0628") == U"\u200D\uFE90");
  CHECK(ShapeArabic(U"\u0628\u0640\u0628") == U"\uFE91\u0640\uFE90");
  CHECK(ShapeArabic(U"\u0644\u200D\u0627") == U"\uFEDF\u200D\uFE8E");  // no ligature
}

TEST_CASE("what is not an Arabic letter with forms stays as it is", "[arabic_shaping]") {
  CHECK(ShapeArabic(U"").empty());
  CHECK(ShapeArabic(U"abc 123 \u0661\u0662 \u060C\u061F") == U"abc 123 \u0661\u0662 \u060C\u061F");
  CHECK(ShapeArabic(U"\u0628 \u0628") == U"\uFE8F \uFE8F");  // a space ends a word
  CHECK(ShapeArabic(U"\u0621\u0628") == U"\u0621\uFE8F");    // HAMZA joins nothing
  // Letters with forms only in Presentation Forms-A keep their code point; their neighbours
  // still join them.
  CHECK(ShapeArabic(U"\u0628\u067E") == U"\uFE91\u067E");
  CHECK(ShapeArabic(U"\u0671") == U"\u0671");
}
