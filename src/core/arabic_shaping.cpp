#include "arabic_shaping.h"

#include "unicode_properties.h"

namespace signaal {
namespace {

constexpr char32_t kLam = 0x0644;

// Whether a character of this joining type connects to the character after it (logically),
// and to the one before it.
bool joins_following(JoiningType type) {
  return type == JoiningType::D || type == JoiningType::L || type == JoiningType::C;
}
bool joins_preceding(JoiningType type) {
  return type == JoiningType::D || type == JoiningType::R || type == JoiningType::C;
}

// The first character after `i` that is not transparent (a mark), or text.size().
std::size_t next_non_transparent(std::u32string_view text, std::size_t i) {
  ++i;
  while (i < text.size() && joining_type(text[i]) == JoiningType::T)
    ++i;
  return i;
}

char32_t contextual_form(char32_t letter, bool joined_before, bool joined_after) {
  const ArabicForms* forms = arabic_forms(letter);
  if (!forms) return letter;
  const char16_t form = joined_before && joined_after ? forms->medial
                        : joined_before              ? forms->final_form
                        : joined_after               ? forms->initial
                                                     : forms->isolated;
  return form ? form : letter;
}

}  // namespace

std::u32string ShapeArabic(std::u32string_view logical) {
  std::u32string shaped;
  shaped.reserve(logical.size());
  bool previous_joins_following = false;  // of the last character that was not transparent
  for (std::size_t i = 0; i < logical.size(); ++i) {
    const char32_t c = logical[i];
    const JoiningType type = joining_type(c);
    if (type == JoiningType::T) {
      shaped += c;
      continue;
    }
    const bool joined_before = previous_joins_following && joins_preceding(type);
    const std::size_t next = next_non_transparent(logical, i);
    const LamAlef* ligature = c == kLam && next < logical.size() ? lam_alef(logical[next]) : nullptr;
    if (ligature) {
      shaped += joined_before ? ligature->final_form : ligature->isolated;
      shaped += logical.substr(i + 1, next - i - 1);  // the LAM's marks, after the ligature
      i = next;
      previous_joins_following = false;  // ALEF joins only what precedes it
      continue;
    }
    const bool joined_after =
        joins_following(type) && next < logical.size() && joins_preceding(joining_type(logical[next]));
    // A non-joining letter (HAMZA) keeps its code point, as in FriBidi and HarfBuzz: its
    // isolated presentation form is the same glyph.
    shaped += type == JoiningType::U ? c : contextual_form(c, joined_before, joined_after);
    previous_joins_following = joins_following(type);
  }
  return shaped;
}

}  // namespace signaal
