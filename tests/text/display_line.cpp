// Test tool for tests/text/reference_test.py: reads UTF-8 lines on stdin and prints each as the
// app would draw it.
//   signaal-test-display-line rtl|ltr   DisplayLine(line, base direction)
//   signaal-test-display-line shape     ShapeArabic(line), still in logical order
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>

#include "core/arabic_shaping.h"
#include "core/bidi.h"
#include "core/utf8.h"

namespace {

std::string shape(std::string_view utf8) {
  std::string out;
  for (const char32_t c : signaal::ShapeArabic(signaal::utf8_to_code_points(utf8)))
    signaal::append_utf8(&out, c);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view mode = argc == 2 ? argv[1] : "";
  if (mode != "rtl" && mode != "ltr" && mode != "shape") {
    std::fprintf(stderr, "usage: signaal-test-display-line rtl|ltr|shape <lines\n");
    return 2;
  }
  std::string line;
  while (std::getline(std::cin, line))
    std::cout << (mode == "shape" ? shape(line) : signaal::DisplayLine(line, mode == "rtl")) << '\n';
  return 0;
}
