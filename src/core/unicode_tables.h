// The Unicode data behind bidi.cpp and arabic_shaping.cpp, as compact tables generated into
// unicode_tables.cpp by tools/unicode_tables.py. Read them through unicode_properties.h.
#pragma once

#include <cstdint>
#include <span>

#include "unicode_properties.h"

namespace signaal::unicode_tables {

// Range tables: a row's value holds from `first` up to the next row's `first`; the rows are
// sorted and the first one starts at U+0000. 32 bits a row keeps them small in the app's wasm.
struct BidiClassRow {
  std::uint32_t first : 24;
  BidiClass value : 8;
};
struct JoiningTypeRow {
  std::uint32_t first : 24;
  JoiningType value : 8;
};

// Bidi_Mirroring_Glyph, sorted by code point (all of them are in the BMP).
struct MirrorPair {
  char16_t code_point;
  char16_t mirrored;
};

// Bidi_Paired_Bracket and Bidi_Paired_Bracket_Type (open or close), sorted by code point.
struct BracketPair {
  char16_t code_point;
  char16_t pair;
  bool opening;
};

extern const std::span<const BidiClassRow> kBidiClassRows;
extern const std::span<const JoiningTypeRow> kJoiningTypeRows;
extern const std::span<const MirrorPair> kMirrorPairs;
extern const std::span<const BracketPair> kBracketPairs;
extern const std::span<const ArabicForms> kArabicForms;      // sorted by letter
extern const std::span<const LamAlef> kLamAlefLigatures;     // sorted by alef

}  // namespace signaal::unicode_tables
