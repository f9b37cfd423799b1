// Reading a JSON document while collecting findings, so that a loader reports every problem
// of a file at once, each with its JSON pointer, and fails as a whole (see load_error.h).
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "load_error.h"

namespace signaal {

// RFC 6901: "/questions" + 12 -> "/questions/12"; "~" and "/" in keys are escaped.
std::string pointer_append(const std::string& pointer, std::string_view key);
std::string pointer_append(const std::string& pointer, size_t index);

// `[a-z0-9_]+`: question ids, option values, sections, help entry ids.
bool is_plain_id(std::string_view text);

class JsonReader {
 public:
  explicit JsonReader(std::string file) : file_(std::move(file)) {}

  // The parsed document, or nullopt after recording "not valid JSON: ...".
  std::optional<nlohmann::json> parse(const std::string& text);

  void error(const std::string& pointer, std::string message);

  // True when `j` is an object; records "expected an object" otherwise, and "unknown field"
  // for every key outside `known` (a typo would otherwise be ignored silently).
  bool object(const nlohmann::json& j, const std::string& pointer, std::initializer_list<std::string_view> known);
  bool array(const nlohmann::json& j, const std::string& pointer);

  // Field readers: nullopt when absent (recorded as "missing field" when required) or of the
  // wrong type (always recorded).
  std::optional<std::string> string(const nlohmann::json& object, std::string_view key, const std::string& pointer,
                                    bool required);
  std::optional<bool> boolean(const nlohmann::json& object, std::string_view key, const std::string& pointer,
                              bool required);
  // An array field; nullptr when absent or not an array.
  const nlohmann::json* array_field(const nlohmann::json& object, std::string_view key, const std::string& pointer,
                                    bool required);
  // A string field that is `[a-z0-9_]+`.
  std::optional<std::string> plain_id(const nlohmann::json& object, std::string_view key, const std::string& pointer,
                                      bool required);

  const std::string& file() const { return file_; }
  const std::vector<Finding>& findings() const { return findings_; }
  bool ok() const { return findings_.empty(); }
  void throw_if_any() const;  // LoadError with every finding

 private:
  const nlohmann::json* field(const nlohmann::json& object, std::string_view key, const std::string& pointer,
                              bool required);

  std::string file_;
  std::vector<Finding> findings_;
};

}  // namespace signaal
