#include "unicode_properties.h"

#include <algorithm>
#include <iterator>

#include "unicode_tables.h"

namespace signaal {
namespace {

// The value of the range row holding c.
template <typename Row>
auto range_value(std::span<const Row> rows, char32_t c) {
  const auto after = std::upper_bound(rows.begin(), rows.end(), c,
                                      [](char32_t cp, const Row& row) { return cp < row.first; });
  return std::prev(after)->value;
}

// The row of a table sorted by its key field, or nullptr.
template <typename Row, typename Key>
const Row* find_row(std::span<const Row> rows, Key Row::*key, char32_t c) {
  const auto it = std::lower_bound(rows.begin(), rows.end(), c,
                                   [key](const Row& row, char32_t cp) { return row.*key < cp; });
  return it != rows.end() && (*it).*key == c ? &*it : nullptr;
}

}  // namespace

// Values beyond U+10FFFF are no code points; they get the most harmless properties.
BidiClass bidi_class(char32_t c) {
  return c > 0x10FFFF ? BidiClass::L : range_value(unicode_tables::kBidiClassRows, c);
}

char32_t mirrored_glyph(char32_t c) {
  const auto* pair = find_row(unicode_tables::kMirrorPairs, &unicode_tables::MirrorPair::code_point, c);
  return pair ? pair->mirrored : 0;
}

Bracket paired_bracket(char32_t c) {
  const auto* bracket = find_row(unicode_tables::kBracketPairs, &unicode_tables::BracketPair::code_point, c);
  if (!bracket) return {BracketType::none, 0};
  return {bracket->opening ? BracketType::opening : BracketType::closing, bracket->pair};
}

JoiningType joining_type(char32_t c) {
  return c > 0x10FFFF ? JoiningType::U : range_value(unicode_tables::kJoiningTypeRows, c);
}

const ArabicForms* arabic_forms(char32_t letter) {
  return find_row(unicode_tables::kArabicForms, &ArabicForms::letter, letter);
}

const LamAlef* lam_alef(char32_t alef) { return find_row(unicode_tables::kLamAlefLigatures, &LamAlef::alef, alef); }

}  // namespace signaal
