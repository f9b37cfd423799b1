// Spot checks of the generated Unicode tables (src/core/unicode_tables.cpp) against values the
// Unicode Character Database gives.
#include <catch2/catch.hpp>

#include "core/unicode_properties.h"

using namespace signaal;

TEST_CASE("Bidi_Class of the scripts and signs of Signaal's locales", "[unicode]") {
  CHECK(bidi_class(U'A') == BidiClass::L);
  CHECK(bidi_class(U'\u1EA1') == BidiClass::L);  // Vietnamese ạ
  CHECK(bidi_class(U'\u0416') == BidiClass::L);  // Cyrillic
  CHECK(bidi_class(U'\u1200') == BidiClass::L);  // Ethiopic
  CHECK(bidi_class(U'\u4F60') == BidiClass::L);  // CJK
  CHECK(bidi_class(U'\u0627') == BidiClass::AL);
  CHECK(bidi_class(U'\uFEFB') == BidiClass::AL);  // a presentation form
  CHECK(bidi_class(U'\u05D0') == BidiClass::R);
  CHECK(bidi_class(U'\u0661') == BidiClass::AN);  // Arabic-Indic digit
  CHECK(bidi_class(U'\u06F1') == BidiClass::EN);  // Extended Arabic-Indic digit
  CHECK(bidi_class(U'7') == BidiClass::EN);
  CHECK(bidi_class(U'%') == BidiClass::ET);
  CHECK(bidi_class(U'\u20AC') == BidiClass::ET);  // €
  CHECK(bidi_class(U'+') == BidiClass::ES);
  CHECK(bidi_class(U':') == BidiClass::CS);
  CHECK(bidi_class(U'\u060C') == BidiClass::CS);  // Arabic comma
  CHECK(bidi_class(U'\u064E') == BidiClass::NSM);
  CHECK(bidi_class(U'\u200D') == BidiClass::BN);
  CHECK(bidi_class(U'\t') == BidiClass::S);
  CHECK(bidi_class(U'\u2029') == BidiClass::B);
  CHECK(bidi_class(U' ') == BidiClass::WS);
  CHECK(bidi_class(U'\u00AB') == BidiClass::ON);
  CHECK(bidi_class(U'\U0001F642') == BidiClass::ON);  // 🙂
  CHECK(bidi_class(U'\u2067') == BidiClass::RLI);
  CHECK(bidi_class(U'\u08B5') == BidiClass::AL);  // unassigned in an Arabic block: AL by default
  CHECK(bidi_class(U'\U0010FFFF') == BidiClass::BN);
}

TEST_CASE("mirrored glyphs and bracket pairs", "[unicode]") {
  CHECK(mirrored_glyph(U'(') == U')');
  CHECK(mirrored_glyph(U'\u00BB') == U'\u00AB');
  CHECK(mirrored_glyph(U'a') == 0);
  CHECK(paired_bracket(U'[').type == BracketType::opening);
  CHECK(paired_bracket(U'[').pair == U']');
  CHECK(paired_bracket(U'}').type == BracketType::closing);
  CHECK(paired_bracket(U'\u00AB').type == BracketType::none);  // mirrored, but not a bracket
}

TEST_CASE("joining types and presentation forms", "[unicode]") {
  CHECK(joining_type(U'\u0628') == JoiningType::D);
  CHECK(joining_type(U'\u0627') == JoiningType::R);
  CHECK(joining_type(U'\u0621') == JoiningType::U);
  CHECK(joining_type(U'\u0640') == JoiningType::C);
  CHECK(joining_type(U'\u200D') == JoiningType::C);
  CHECK(joining_type(U'\u200C') == JoiningType::U);
  CHECK(joining_type(U'\u0651') == JoiningType::T);
  CHECK(joining_type(U'\u0670') == JoiningType::T);
  CHECK(joining_type(U'\u200E') == JoiningType::T);  // Cf
  CHECK(joining_type(U'a') == JoiningType::U);
  REQUIRE(arabic_forms(U'\u064A') != nullptr);
  CHECK(arabic_forms(U'\u064A')->medial == 0xFEF4);
  CHECK(arabic_forms(U'\u0640') == nullptr);
  REQUIRE(lam_alef(U'\u0623') != nullptr);
  CHECK(lam_alef(U'\u0623')->final_form == 0xFEF8);
  CHECK(lam_alef(U'\u0628') == nullptr);
}
