// UTF-8 decoding and encoding, shared by the report's text rules (report.h) and the display of
// text (bidi.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace signaal {

// Decodes the code point at `i`: its value and length, or false for invalid UTF-8 (bad or
// overlong sequences, surrogates, beyond U+10FFFF).
bool decode_utf8(std::string_view text, std::size_t i, std::uint32_t* cp, std::size_t* length);

// Every code point of `text`; each byte that does not start a valid sequence becomes U+FFFD.
std::u32string utf8_to_code_points(std::string_view text);

void append_utf8(std::string* out, char32_t cp);

}  // namespace signaal
