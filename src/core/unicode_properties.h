// The few Unicode character properties the bidi algorithm (bidi.h) and Arabic shaping
// (arabic_shaping.h) need, looked up in tables generated from the Unicode Character Database
// (the version is named at the top of unicode_tables.cpp).
#pragma once

#include <cstdint>

namespace signaal {

// Bidi_Class (UAX #9, table 4).
enum class BidiClass : std::uint8_t {
  L, R, AL,                          // strong
  EN, ES, ET, AN, CS, NSM, BN,       // weak
  B, S, WS, ON,                      // neutral
  LRE, LRO, RLE, RLO, PDF,           // explicit embeddings and overrides
  LRI, RLI, FSI, PDI,                // explicit isolates
};

// Joining_Type (ArabicShaping.txt): Right-joining, Left-joining, Dual-joining, join-Causing,
// non-joining (U) and Transparent.
enum class JoiningType : std::uint8_t { U, R, L, D, C, T };

// A letter's contextual forms in Arabic Presentation Forms-B; 0 where it has none.
struct ArabicForms {
  char16_t letter;
  char16_t isolated;
  char16_t final_form;
  char16_t initial;
  char16_t medial;
};

// The LAM-ALEF ligatures of one ALEF.
struct LamAlef {
  char16_t alef;
  char16_t isolated;
  char16_t final_form;
};

BidiClass bidi_class(char32_t c);
// Bidi_Mirroring_Glyph: the character whose glyph is c's mirror image, or 0.
char32_t mirrored_glyph(char32_t c);

// Bidi_Paired_Bracket_Type and Bidi_Paired_Bracket.
enum class BracketType : std::uint8_t { none, opening, closing };
struct Bracket {
  BracketType type;
  char32_t pair;
};
Bracket paired_bracket(char32_t c);

JoiningType joining_type(char32_t c);
// nullptr for a character without forms in Presentation Forms-B.
const ArabicForms* arabic_forms(char32_t letter);
// nullptr unless `alef` forms a LAM-ALEF ligature.
const LamAlef* lam_alef(char32_t alef);

}  // namespace signaal
