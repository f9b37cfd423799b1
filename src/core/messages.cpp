#include "messages.h"

#include <algorithm>
#include <stdexcept>

#include "json_reader.h"

namespace signaal {

using nlohmann::json;

namespace {

LocaleInfo read_locale_info(JsonReader& reader, const json& j, const std::string& pointer) {
  LocaleInfo info;
  if (!reader.object(j, pointer, {"code", "name", "dir", "script", "fallback", "produced_by", "reviewed",
                                  "machine_translated", "unsafe_words"})) {
    return info;
  }
  info.code = reader.string(j, "code", pointer, true).value_or("");
  info.name = reader.string(j, "name", pointer, true).value_or("");
  if (const auto dir = reader.string(j, "dir", pointer, true)) {
    if (*dir == "rtl") {
      info.dir = TextDirection::rtl;
    } else if (*dir != "ltr") {
      reader.error(pointer_append(pointer, "dir"), "unknown direction \"" + *dir + "\" (ltr, rtl)");
    }
  }
  info.script = reader.string(j, "script", pointer, true).value_or("");
  if (const json* fallback = reader.array_field(j, "fallback", pointer, false)) {
    for (size_t i = 0; i < fallback->size(); ++i) {
      const json& code = (*fallback)[i];
      const std::string at = pointer_append(pointer_append(pointer, "fallback"), i);
      if (!code.is_string()) {
        reader.error(at, "expected a locale code (a string)");
      } else if (code.get<std::string>() == info.code) {
        reader.error(at, "a locale cannot fall back to itself");
      } else {
        info.fallback.push_back(code.get<std::string>());
      }
    }
  }
  info.produced_by = reader.string(j, "produced_by", pointer, true).value_or("");
  info.reviewed = reader.boolean(j, "reviewed", pointer, true).value_or(false);
  info.machine_translated = reader.boolean(j, "machine_translated", pointer, false).value_or(false);
  if (const json* words = reader.array_field(j, "unsafe_words", pointer, false)) {
    for (size_t i = 0; i < words->size(); ++i) {
      const json& word = (*words)[i];
      if (!word.is_string() || word.get<std::string>().empty()) {
        reader.error(pointer_append(pointer_append(pointer, "unsafe_words"), i), "expected a word (a non-empty string)");
      } else {
        info.unsafe_words.push_back(word.get<std::string>());
      }
    }
  }
  return info;
}

// Reads one flat message file into `locale`. nlohmann keeps the last of two equal keys in one
// object without a word, so the parser's key events are watched to catch that too.
void read_message_file(const Document& source, Locale& locale, std::vector<Finding>& findings) {
  JsonReader reader(source.file);
  std::set<std::string> seen;
  json document;
  try {
    document = json::parse(source.text, [&](int depth, json::parse_event_t event, json& parsed) {
      if (event == json::parse_event_t::key && depth == 1 && !seen.insert(parsed.get<std::string>()).second) {
        reader.error(pointer_append("", parsed.get<std::string>()), "key defined twice in this file");
      }
      return true;
    });
  } catch (const json::parse_error&) {
    reader.parse(source.text);  // records the message in the reader's usual words
  }
  if (!document.is_null() && !document.is_object()) reader.error("", "expected an object of \"key\": \"text\"");
  if (document.is_object()) {
    for (const auto& [key, value] : document.items()) {
      const std::string pointer = pointer_append("", key);
      if (!value.is_string()) {
        reader.error(pointer, "expected a text (a string)");
      } else if (value.get<std::string>().empty()) {
        reader.error(pointer, "empty text");
      } else if (const auto first = locale.key_file.find(key); first != locale.key_file.end()) {
        reader.error(pointer, "also defined in " + first->second + " (a key lives in exactly one file)");
      } else {
        locale.messages.emplace(key, value.get<std::string>());
        locale.key_file.emplace(key, source.file);
      }
    }
  }
  findings.insert(findings.end(), reader.findings().begin(), reader.findings().end());
}

bool is_placeholder_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

}  // namespace

void from_json(const json& j, LocaleInfo& info) {
  JsonReader reader("");
  LocaleInfo read = read_locale_info(reader, j, "");
  reader.throw_if_any();
  info = std::move(read);
}

void to_json(json& j, const LocaleInfo& info) {
  j = json{{"code", info.code},
           {"name", info.name},
           {"dir", info.dir == TextDirection::rtl ? "rtl" : "ltr"},
           {"script", info.script},
           {"fallback", info.fallback},
           {"produced_by", info.produced_by},
           {"reviewed", info.reviewed},
           {"machine_translated", info.machine_translated},
           {"unsafe_words", info.unsafe_words}};
}

Locale Locale::load(const Document& locale_json, const std::vector<Document>& message_files) {
  Locale locale;
  JsonReader reader(locale_json.file);
  if (const auto document = reader.parse(locale_json.text)) locale.info = read_locale_info(reader, *document, "");
  std::vector<Finding> findings = reader.findings();
  for (const Document& source : message_files) read_message_file(source, locale, findings);
  if (!findings.empty()) throw LoadError(findings);
  return locale;
}

void Locale::add(const std::vector<Document>& message_files) {
  Locale more = *this;
  std::vector<Finding> findings;
  for (const Document& source : message_files) read_message_file(source, more, findings);
  if (!findings.empty()) throw LoadError(findings);
  *this = std::move(more);
}

std::set<std::string> placeholders(std::string_view text) {
  std::set<std::string> names;
  size_t open = text.find('{');
  while (open != std::string_view::npos) {
    size_t end = open + 1;
    while (end < text.size() && is_placeholder_char(text[end])) ++end;
    if (end > open + 1 && end < text.size() && text[end] == '}') names.emplace(text.substr(open + 1, end - open - 1));
    open = text.find('{', open + 1);
  }
  return names;
}

Catalog Catalog::build(const std::string& code, const std::vector<Locale>& locales) {
  const auto by_code = [&](const std::string& wanted) {
    return std::find_if(locales.begin(), locales.end(), [&](const Locale& l) { return l.info.code == wanted; });
  };
  const auto first = by_code(code);
  if (first == locales.end()) throw std::invalid_argument("no locale \"" + code + "\"");
  Catalog catalog;
  catalog.chain_.push_back(*first);
  for (const std::string& fallback : first->info.fallback) {
    const auto found = by_code(fallback);
    if (found != locales.end()) catalog.chain_.push_back(*found);
  }
  return catalog;
}

std::vector<std::string> Catalog::chain() const {
  std::vector<std::string> codes;
  for (const Locale& locale : chain_) codes.push_back(locale.info.code);
  return codes;
}

bool Catalog::has(std::string_view key) const {
  return std::any_of(chain_.begin(), chain_.end(), [&](const Locale& l) { return l.messages.count(key) > 0; });
}

std::string Catalog::text(std::string_view key) const {
  for (const Locale& locale : chain_) {
    const auto found = locale.messages.find(key);
    if (found != locale.messages.end()) return found->second;
  }
  record(missing_, std::string(key));
  return "[" + std::string(key) + "]";
}

std::string Catalog::format(std::string_view key, const std::map<std::string, std::string>& args) const {
  const std::string pattern = text(key);
  const std::set<std::string> used = placeholders(pattern);
  std::string result;
  size_t copied = 0;
  for (size_t open = pattern.find('{'); open != std::string::npos; open = pattern.find('{', open + 1)) {
    const size_t close = pattern.find('}', open);
    if (close == std::string::npos) break;
    const std::string name = pattern.substr(open + 1, close - open - 1);
    if (used.count(name) == 0) continue;
    const auto arg = args.find(name);
    if (arg == args.end()) {
      record(format_problems_, std::string(key) + ": no value for {" + name + "}");
      continue;
    }
    result += pattern.substr(copied, open - copied) + arg->second;
    copied = close + 1;
    open = close;
  }
  result += pattern.substr(copied);
  for (const auto& [name, value] : args) {
    if (used.count(name) == 0) record(format_problems_, std::string(key) + ": unused argument {" + name + "}");
  }
  return result;
}

void Catalog::record(std::vector<std::string>& list, std::string entry) const {
  if (std::find(list.begin(), list.end(), entry) == list.end()) list.push_back(std::move(entry));
}

}  // namespace signaal
