// Arabic shaping for a renderer without it (Dear ImGui draws one glyph per code point): each
// Arabic letter becomes the presentation form its neighbours call for, so the font's cmap
// alone gives the joined glyphs. Only the required shaping of the Unicode Standard (ch. 9.2):
// no optional ligatures, no mark positioning.
#pragma once

#include <string>
#include <string_view>

namespace signaal {

// Returns the text in logical order with each Arabic letter replaced by its contextual
// presentation form (Arabic Presentation Forms-B, U+FE70..U+FEFF; isolated/initial/medial/final
// by the Unicode joining types of ArabicShaping.txt: R, D, C(ZWJ/tatweel), U, T (transparent marks are skipped
// when finding neighbours)), and LAM + ALEF (with madda / hamza above / hamza below / plain) as the
// one-code-point LAM-ALEF ligature (U+FEF5..U+FEFC), as required ('rlig'). Everything else unchanged.
//
// Forms-B covers U+0621..U+063A and U+0641..U+064A. Letters with forms only in Presentation
// Forms-A (U+0671 ALEF WASLA, Persian and Urdu letters such as U+067E, U+06A9, U+06CC) keep their
// nominal code point, though their joining type still shapes their neighbours; so does the one
// non-joining letter, HAMZA (as in FriBidi and HarfBuzz; its isolated form is the same glyph).
// Marks between LAM and ALEF do not prevent the ligature (as in OpenType fonts' 'rlig'); they
// follow it.
std::u32string ShapeArabic(std::u32string_view logical);

}  // namespace signaal
