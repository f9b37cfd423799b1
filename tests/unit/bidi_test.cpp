// The display order of a line (the reference test tests/text/reference_test.py checks the same
// against GNU FriBidi on the Arabic texts and on harder cases). Arabic letters unshaped here,
// for readable expectations; DisplayLine's cases show them shaped.
#include <catch2/catch.hpp>

#include "core/bidi.h"

using signaal::DisplayLine;
using signaal::VisualLine;

TEST_CASE("an empty line stays empty", "[bidi]") {
  CHECK(VisualLine(U"", true).empty());
  CHECK(DisplayLine("", false).empty());
}

TEST_CASE("Arabic runs are reversed, Latin stays left to right", "[bidi]") {
  CHECK(VisualLine(U"\u0627\u0628\u062C \u062F\u0647", true) == U"\u0647\u062F \u062C\u0628\u0627");
  CHECK(VisualLine(U"Signaal helps", false) == U"Signaal helps");
  CHECK(VisualLine(U"Signaal helps", true) == U"Signaal helps");  // one run, wherever it sits
}

TEST_CASE("digits inside Arabic keep their left-to-right order", "[bidi]") {
  CHECK(VisualLine(U"\u0627 18 \u0628", true) == U"\u0628 18 \u0627");               // European
  CHECK(VisualLine(U"\u0627 \u0661\u0668 \u0628", true) == U"\u0628 \u0661\u0668 \u0627");  // Arabic-Indic
  CHECK(VisualLine(U"\u0627 \u06F1\u06F8 \u0628", true) == U"\u0628 \u06F1\u06F8 \u0627");  // Extended
  CHECK(VisualLine(U"\u0627 1,500.75 \u0628", true) == U"\u0628 1,500.75 \u0627");
  CHECK(VisualLine(U"\u0627 10:30", true) == U"10:30 \u0627");
  // After Arabic letters, 30 is an Arabic number (W2) and % a neutral: read right to left it
  // comes first, as Arabic writes it.
  CHECK(VisualLine(U"\u0627 30% \u0628", true) == U"\u0628 %30 \u0627");
}

TEST_CASE("Latin words inside Arabic keep their order and direction", "[bidi]") {
  CHECK(VisualLine(U"\u0627 Veilig Thuis \u0628", true) == U"\u0628 Veilig Thuis \u0627");
  CHECK(VisualLine(U"\u0627 www.fier.nl/chat.", true) == U".www.fier.nl/chat \u0627");
}

TEST_CASE("a Latin paragraph with an Arabic word reverses only the word", "[bidi]") {
  CHECK(VisualLine(U"The word \u0645\u0631\u062D\u0628\u0627 means hello.", false) ==
        U"The word \u0627\u0628\u062D\u0631\u0645 means hello.");
  CHECK(VisualLine(U"Call \u0627\u0628 112 now", false) == U"Call 112 \u0628\u0627 now");
}

TEST_CASE("brackets and quotes are mirrored in right-to-left runs", "[bidi]") {
  CHECK(VisualLine(U"\u0627 (\u0628)", true) == U"(\u0628) \u0627");
  CHECK(VisualLine(U"[\u0627] {\u0628} <\u062C>", true) == U"<\u062C> {\u0628} [\u0627]");
  CHECK(VisualLine(U"\u0627 \u00AB\u0628\u00BB", true) == U"\u00AB\u0628\u00BB \u0627");
  CHECK(VisualLine(U"a (b) c", false) == U"a (b) c");  // left to right: untouched
}

TEST_CASE("a bracket pair follows what it encloses and what precedes it (N0)", "[bidi]") {
  CHECK(VisualLine(U"\u0628 (c) d", true) == U"d (c) \u0628");
  CHECK(VisualLine(U"a (1) b", true) == U"a (1) b");
  CHECK(VisualLine(U"\u0628 (\u062C) d", false) == U"(\u062C) \u0628 d");
}

TEST_CASE("spaces at the end and before a tab go to the paragraph's side (L1)", "[bidi]") {
  CHECK(VisualLine(U"\u0627\u0628  ", true) == U"  \u0628\u0627");
  CHECK(VisualLine(U"\u0627\u0628  ", false) == U"\u0628\u0627  ");
  CHECK(VisualLine(U"  \u0627\u0628", true) == U"\u0628\u0627  ");
  CHECK(VisualLine(U"abc \tdef", true) == U"def\t abc");
}

TEST_CASE("invisible controls are left out", "[bidi]") {
  CHECK(VisualLine(U"a\u200Db\u200Cc\u00ADd", false) == U"abcd");
  CHECK(VisualLine(U"\u202Bab\u202C \u2067c\u2069", false) == U"ab c");  // embeddings and isolates
  // An LRM after Arabic makes the number European and left-to-right, then is dropped.
  CHECK(VisualLine(U"\u0627\u0628 123", false) == U"123 \u0628\u0627");
  CHECK(VisualLine(U"\u0627\u0628\u200E 123", false) == U"\u0628\u0627 123");
}

TEST_CASE("DisplayLine shapes, then orders, in UTF-8", "[bidi]") {
  CHECK(DisplayLine("مرحبا بالعالم", true) ==
        "\uFEE2\uFEDF\uFE8E\uFECC\uFEDF\uFE8E\uFE91 \uFE8E\uFE92\uFEA3\uFEAE\uFEE3");
  CHECK(DisplayLine("اتصل بـ 112.", true) == ".112 \u0640\uFE91 \uFEDE\uFEBC\uFE97\uFE8D");
  CHECK(DisplayLine("Fier (لا)", false) == "Fier (\uFEFB)");
}

TEST_CASE("invalid UTF-8 shows as U+FFFD and never stops the line", "[bidi]") {
  CHECK(DisplayLine("a\xff" "b", false) == "a\xEF\xBF\xBD" "b");
  CHECK(DisplayLine("\xd8", true) == "\xEF\xBF\xBD");                         // a cut-off letter
  CHECK(DisplayLine("\xed\xa0\x80", false) == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  CHECK(DisplayLine("\xc0\xaf!", false) == "\xEF\xBF\xBD\xEF\xBF\xBD!");          // overlong
}
