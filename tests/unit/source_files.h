// Reading the project's own files (content, fixtures) in unit tests, natively and under node.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

namespace signaal::test {

// The whole file at `relative` to the repository root; the test fails when it is missing.
inline std::string read_source_file(const std::string& relative) {
  std::ifstream in(std::string(SIGNAAL_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace signaal::test
