#include "json_reader.h"

#include <algorithm>

namespace signaal {

std::string pointer_append(const std::string& pointer, std::string_view key) {
  std::string result = pointer + "/";
  for (const char c : key) {
    if (c == '~') {
      result += "~0";
    } else if (c == '/') {
      result += "~1";
    } else {
      result += c;
    }
  }
  return result;
}

std::string pointer_append(const std::string& pointer, size_t index) {
  return pointer + "/" + std::to_string(index);
}

bool is_plain_id(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::optional<nlohmann::json> JsonReader::parse(const std::string& text) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // Drop nlohmann's "[json.exception.parse_error.101] " prefix: the reader wants the place.
    std::string message = e.what();
    const size_t prefix_end = message.find("] ");
    if (prefix_end != std::string::npos) message.erase(0, prefix_end + 2);
    error("", "not valid JSON: " + message);
    return std::nullopt;
  }
}

void JsonReader::error(const std::string& pointer, std::string message) {
  findings_.push_back({file_, pointer, std::move(message)});
}

bool JsonReader::object(const nlohmann::json& j, const std::string& pointer,
                        std::initializer_list<std::string_view> known) {
  if (!j.is_object()) {
    error(pointer, "expected an object");
    return false;
  }
  for (const auto& [key, value] : j.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      error(pointer_append(pointer, key), "unknown field \"" + key + "\"");
    }
  }
  return true;
}

bool JsonReader::array(const nlohmann::json& j, const std::string& pointer) {
  if (j.is_array()) return true;
  error(pointer, "expected an array");
  return false;
}

const nlohmann::json* JsonReader::field(const nlohmann::json& object, std::string_view key,
                                        const std::string& pointer, bool required) {
  const auto found = object.find(key);
  if (found == object.end()) {
    if (required) error(pointer, "missing field \"" + std::string(key) + "\"");
    return nullptr;
  }
  return &*found;
}

std::optional<std::string> JsonReader::string(const nlohmann::json& object, std::string_view key,
                                              const std::string& pointer, bool required) {
  const nlohmann::json* value = field(object, key, pointer, required);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) {
    error(pointer_append(pointer, key), "expected a string");
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::optional<bool> JsonReader::boolean(const nlohmann::json& object, std::string_view key,
                                        const std::string& pointer, bool required) {
  const nlohmann::json* value = field(object, key, pointer, required);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) {
    error(pointer_append(pointer, key), "expected true or false");
    return std::nullopt;
  }
  return value->get<bool>();
}

const nlohmann::json* JsonReader::array_field(const nlohmann::json& object, std::string_view key,
                                              const std::string& pointer, bool required) {
  const nlohmann::json* value = field(object, key, pointer, required);
  if (value == nullptr || !array(*value, pointer_append(pointer, key))) return nullptr;
  return value;
}

std::optional<std::string> JsonReader::plain_id(const nlohmann::json& object, std::string_view key,
                                                const std::string& pointer, bool required) {
  std::optional<std::string> text = string(object, key, pointer, required);
  if (text && !is_plain_id(*text)) {
    error(pointer_append(pointer, key), "\"" + *text + "\" is not a valid id (use a-z, 0-9 and _)");
    return std::nullopt;
  }
  return text;
}

void JsonReader::throw_if_any() const {
  if (!findings_.empty()) throw LoadError(findings_);
}

}  // namespace signaal
