#include "bidi.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "arabic_shaping.h"
#include "unicode_properties.h"
#include "utf8.h"

namespace signaal {
namespace {

using enum BidiClass;

struct BidiChar {
  char32_t c;
  BidiClass original;  // Bidi_Class: L1 and N0 look at it after the W rules changed `type`
  BidiClass type;      // resolved by W1-W7, N0-N2
  std::uint8_t level;
};
using Line = std::vector<BidiChar>;

bool is_explicit_formatting(BidiClass type) { return type >= LRE && type <= PDI; }
bool is_neutral(BidiClass type) { return type == B || type == S || type == WS || type == ON; }

// The direction a resolved type gives its neighbours in N0-N2: numbers count as R; ON for
// anything without one.
BidiClass strong_direction(BidiClass type) {
  if (type == L) return L;
  if (type == R || type == AL || type == EN || type == AN) return R;
  return ON;
}

// W1-W7, in order.
void resolve_weak_types(Line& line, BidiClass sos) {
  const std::size_t n = line.size();
  for (std::size_t i = 0; i < n; ++i)  // W1: a mark takes the type of what it is on
    if (line[i].type == NSM) line[i].type = i == 0 ? sos : line[i - 1].type;

  BidiClass last_strong = sos;
  for (auto& ch : line) {  // W2: digits after Arabic letters are Arabic numbers
    if (ch.type == L || ch.type == R || ch.type == AL) last_strong = ch.type;
    if (ch.type == EN && last_strong == AL) ch.type = AN;
  }
  for (auto& ch : line)  // W3
    if (ch.type == AL) ch.type = R;

  for (std::size_t i = 1; i + 1 < n; ++i) {  // W4: one separator between two numbers
    const BidiClass before = line[i - 1].type, after = line[i + 1].type;
    if (line[i].type == ES && before == EN && after == EN) line[i].type = EN;
    if (line[i].type == CS && before == after && (before == EN || before == AN)) line[i].type = before;
  }

  for (std::size_t i = 0; i < n;) {  // W5: terminators next to a European number
    if (line[i].type != ET) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < n && line[end].type == ET)
      ++end;
    if ((i > 0 && line[i - 1].type == EN) || (end < n && line[end].type == EN))
      for (std::size_t k = i; k < end; ++k)
        line[k].type = EN;
    i = end;
  }

  for (auto& ch : line)  // W6
    if (ch.type == ES || ch.type == ET || ch.type == CS) ch.type = ON;

  last_strong = sos;
  for (auto& ch : line) {  // W7: European numbers in left-to-right text are simply L
    if (ch.type == L || ch.type == R) last_strong = ch.type;
    if (ch.type == EN && last_strong == L) ch.type = L;
  }
}

// Brackets that are one character in two encodings pair with each other (BD16).
char32_t canonical_bracket(char32_t c) {
  if (c == 0x2329) return 0x3008;
  if (c == 0x232A) return 0x3009;
  return c;
}

struct BracketPairPositions {
  std::size_t opening;
  std::size_t closing;
};

// BD16: the paired brackets of the line, sorted by their opening bracket.
std::vector<BracketPairPositions> find_bracket_pairs(const Line& line) {
  struct Opener {
    char32_t closing;
    std::size_t position;
  };
  std::array<Opener, 63> stack;  // BD16's limit: past it, no more pairs are looked for
  std::size_t depth = 0;
  std::vector<BracketPairPositions> pairs;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i].type != ON) continue;
    const Bracket bracket = paired_bracket(line[i].c);
    if (bracket.type == BracketType::opening) {
      if (depth == stack.size()) break;
      stack[depth++] = {canonical_bracket(bracket.pair), i};
    } else if (bracket.type == BracketType::closing) {
      const char32_t closing = canonical_bracket(line[i].c);
      for (std::size_t k = depth; k-- > 0;) {
        if (stack[k].closing == closing) {
          pairs.push_back({stack[k].position, i});
          depth = k;
          break;
        }
      }
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.opening < b.opening; });
  return pairs;
}

// N0: a bracket pair takes the embedding direction if it encloses that direction, else the
// opposite direction it encloses when the text before the pair has that direction too.
void resolve_bracket_pairs(Line& line, BidiClass embedding) {
  const BidiClass opposite = embedding == L ? R : L;
  for (const auto& pair : find_bracket_pairs(line)) {
    bool encloses_embedding = false, encloses_opposite = false;
    for (std::size_t k = pair.opening + 1; k < pair.closing; ++k) {
      const BidiClass direction = strong_direction(line[k].type);
      encloses_embedding |= direction == embedding;
      encloses_opposite |= direction == opposite;
    }
    if (!encloses_embedding && !encloses_opposite) continue;
    BidiClass direction = embedding;
    if (!encloses_embedding) {
      BidiClass before = embedding;  // sos
      for (std::size_t k = pair.opening; k-- > 0;) {
        if (strong_direction(line[k].type) != ON) {
          before = strong_direction(line[k].type);
          break;
        }
      }
      if (before == opposite) direction = opposite;
    }
    for (const std::size_t bracket : {pair.opening, pair.closing}) {
      line[bracket].type = direction;
      for (std::size_t k = bracket + 1; k < line.size() && line[k].original == NSM; ++k)
        line[k].type = direction;  // marks on a bracket follow it
    }
  }
}

// N1-N2: neutrals between two of the same direction take it, others the embedding direction.
void resolve_neutrals(Line& line, BidiClass embedding) {
  for (std::size_t i = 0; i < line.size();) {
    if (!is_neutral(line[i].type)) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < line.size() && is_neutral(line[end].type))
      ++end;
    const BidiClass before = i == 0 ? embedding : strong_direction(line[i - 1].type);
    const BidiClass after = end == line.size() ? embedding : strong_direction(line[end].type);
    for (std::size_t k = i; k < end; ++k)
      line[k].type = before == after ? before : embedding;
    i = end;
  }
}

// I1-I2.
void resolve_implicit_levels(Line& line, std::uint8_t base) {
  for (auto& ch : line) {
    if (base % 2 == 0)
      ch.level = static_cast<std::uint8_t>(base + (ch.type == R ? 1 : ch.type == AN || ch.type == EN ? 2 : 0));
    else
      ch.level = static_cast<std::uint8_t>(base + (ch.type == L || ch.type == EN || ch.type == AN ? 1 : 0));
  }
}

// L1: segment and paragraph separators, the whitespace before them and at the end of the line
// go back to the paragraph level.
void reset_whitespace_levels(Line& line, std::uint8_t base) {
  bool before_separator_or_end = true;
  for (std::size_t i = line.size(); i-- > 0;) {
    const BidiClass original = line[i].original;
    if (original == S || original == B) {
      line[i].level = base;
      before_separator_or_end = true;
    } else if (original == WS) {
      if (before_separator_or_end) line[i].level = base;
    } else {
      before_separator_or_end = false;
    }
  }
}

// L2: from the highest level down to the lowest odd one, reverse every run at that level or
// higher.
void reverse_runs(Line& line) {
  if (line.empty()) return;
  const auto [lowest, highest] = std::minmax_element(
      line.begin(), line.end(), [](const BidiChar& a, const BidiChar& b) { return a.level < b.level; });
  const int lowest_odd = lowest->level % 2 ? lowest->level : lowest->level + 1;
  for (int level = highest->level; level >= lowest_odd; --level) {
    for (auto it = line.begin(); it != line.end();) {
      if (it->level < level) {
        ++it;
        continue;
      }
      auto end = std::find_if(it, line.end(), [level](const BidiChar& ch) { return ch.level < level; });
      std::reverse(it, end);
      it = end;
    }
  }
}

// LRM, RLM and ALM have done their work once levels are resolved; ImGui has no glyph for them.
bool is_directional_mark(char32_t c) { return c == 0x200E || c == 0x200F || c == 0x061C; }

}  // namespace

std::u32string VisualLine(std::u32string_view logical_line, bool rtl_base) {
  const std::uint8_t base = rtl_base ? 1 : 0;
  // No embeddings: the line is one level run at the paragraph level, so the direction at its
  // start (sos), at its end (eos) and of its embedding are all the paragraph's.
  const BidiClass direction = rtl_base ? R : L;
  Line line;
  line.reserve(logical_line.size());
  for (const char32_t c : logical_line) {
    const BidiClass type = bidi_class(c);
    if (type == BN || is_explicit_formatting(type)) continue;  // X9
    line.push_back({c, type, type, base});
  }
  resolve_weak_types(line, direction);
  resolve_bracket_pairs(line, direction);
  resolve_neutrals(line, direction);
  resolve_implicit_levels(line, base);
  reset_whitespace_levels(line, base);
  reverse_runs(line);

  std::u32string visual;
  visual.reserve(line.size());
  for (const BidiChar& ch : line) {
    if (is_directional_mark(ch.c)) continue;
    const char32_t mirrored = ch.level % 2 ? mirrored_glyph(ch.c) : 0;  // L4
    visual += mirrored ? mirrored : ch.c;
  }
  return visual;
}

std::string DisplayLine(std::string_view utf8_logical_line, bool rtl_base) {
  const std::u32string visual = VisualLine(ShapeArabic(utf8_to_code_points(utf8_logical_line)), rtl_base);
  std::string out;
  out.reserve(utf8_logical_line.size());
  for (const char32_t c : visual)
    append_utf8(&out, c);
  return out;
}

}  // namespace signaal
