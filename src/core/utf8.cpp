#include "utf8.h"

namespace signaal {

bool decode_utf8(std::string_view text, std::size_t i, std::uint32_t* cp, std::size_t* length) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) *length = 1, *cp = b;
  else if ((b & 0xe0) == 0xc0) *length = 2, *cp = b & 0x1f;
  else if ((b & 0xf0) == 0xe0) *length = 3, *cp = b & 0x0f;
  else if ((b & 0xf8) == 0xf0) *length = 4, *cp = b & 0x07;
  else return false;
  if (i + *length > text.size()) return false;
  for (std::size_t k = 1; k < *length; ++k) {
    const auto c = static_cast<unsigned char>(text[i + k]);
    if ((c & 0xc0) != 0x80) return false;
    *cp = (*cp << 6) | (c & 0x3f);
  }
  static constexpr std::uint32_t shortest[] = {0, 0, 0x80, 0x800, 0x10000};
  return *cp >= shortest[*length] && *cp <= 0x10ffff && !(*cp >= 0xd800 && *cp <= 0xdfff);
}

std::u32string utf8_to_code_points(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::uint32_t cp = 0;
    std::size_t length = 0;
    if (decode_utf8(text, i, &cp, &length)) {
      out += static_cast<char32_t>(cp);
      i += length;
    } else {
      out += U'\uFFFD';
      i += 1;  // resynchronise on the next byte: what follows a bad byte is still shown
    }
  }
  return out;
}

void append_utf8(std::string* out, char32_t cp) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xc0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xe0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    *out += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    *out += static_cast<char>(0xf0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    *out += static_cast<char>(0x80 | (cp & 0x3f));
  }
}

}  // namespace signaal
