// Display order of a line of text for a renderer that draws code points left to right (Dear
// ImGui): the Unicode Bidirectional Algorithm, and Arabic shaping before it (arabic_shaping.h).
#pragma once

#include <string>
#include <string_view>

namespace signaal {

// The Unicode Bidirectional Algorithm (UAX #9) for one line of a paragraph whose base direction is
// given (the app knows it from the locale): resolves weak types (W1-W7), neutrals (N1-N2, including
// paired brackets N0), implicit levels (I1-I2), then L1 (trailing whitespace / segment separators to
// base level), L2 (reverse runs from the highest level), L4 (mirrored glyphs for characters with
// Bidi_Mirrored in RTL runs: () [] {} <> « » etc.).
//
// Explicit embeddings, overrides and isolates (LRE..PDI) are treated as BN and, like every BN
// (ZWJ, ZWNJ, soft hyphen), removed by X9: they are not in the result, and the whole line is one
// level run at the base level. LRM, RLM and ALM take part as strong characters and are then left
// out too: all of these are invisible and ImGui would draw them as missing glyphs. Not done: L3
// (combining marks stay before their base in RTL runs, where ImGui's zero-width mark glyphs land
// on the base) and the paragraph-wide view: the rules see only this line, as if it were the
// whole paragraph.
std::u32string VisualLine(std::u32string_view logical_line, bool rtl_base);

// Convenience for the app: UTF-8 in, UTF-8 out; ShapeArabic then VisualLine. Invalid UTF-8
// shows as U+FFFD, one per byte that starts no valid sequence.
std::string DisplayLine(std::string_view utf8_logical_line, bool rtl_base);

}  // namespace signaal
