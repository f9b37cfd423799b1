// Message catalogs (docs/content-format.md, "Messages"): locales/<code>/locale.json plus flat
// { "key": "text" } files. A Catalog answers text(key) for one locale along its fallback
// chain; it never fails and never returns an empty string: a key no locale has comes back
// visibly as "[key]" and is listed in missing().
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "document.h"
#include "load_error.h"

namespace signaal {

enum class TextDirection { ltr, rtl };

struct LocaleInfo {
  std::string code;                   // "nl", matches the directory name
  std::string name;                   // in the language itself: "Nederlands"
  TextDirection dir = TextDirection::ltr;
  std::string script;                 // ISO 15924: "Latn", "Arab", ...
  std::vector<std::string> fallback;  // the whole chain after this locale, in order: ["en"]
  std::string produced_by;            // who wrote or translated it, shown to the reader
  bool reviewed = false;              // checked by a second fluent reader
  bool machine_translated = false;    // the language choice says so until it is reviewed
  // Words that must never show before the result (a watching boss or "boyfriend" may read
  // the screen): "trafficking", "victim", ... in this language. The lint enforces it.
  std::vector<std::string> unsafe_words;
};

void from_json(const nlohmann::json& j, LocaleInfo& info);  // throws LoadError (file "")
void to_json(nlohmann::json& j, const LocaleInfo& info);

struct Locale {
  LocaleInfo info;
  std::map<std::string, std::string, std::less<>> messages;  // key -> text
  std::map<std::string, std::string, std::less<>> key_file;  // key -> the file defining it

  // Parses locale.json and every message file; throws LoadError with every finding: bad
  // metadata, a value that is not a string, a key defined in two files of the locale.
  static Locale load(const Document& locale_json, const std::vector<Document>& message_files);
  // More message files of this locale (a part that arrives later): the same checks as load(),
  // a key may not be defined again. Throws LoadError with every finding and then changes nothing.
  void add(const std::vector<Document>& message_files);
};

// The `{name}` placeholders in a text, e.g. "Call {phone} ({hours})" -> {hours, phone}.
// A name is [a-z0-9_]+; other braces are plain text.
std::set<std::string> placeholders(std::string_view text);

class Catalog {
 public:
  // The locale `code` followed by the locales its `fallback` lists, in that order; fallback
  // codes not among `locales` are skipped (the lint reports them). Throws
  // std::invalid_argument when `code` itself is not among `locales`.
  static Catalog build(const std::string& code, const std::vector<Locale>& locales);

  const LocaleInfo& info() const { return chain_.front().info; }
  std::vector<std::string> chain() const;  // locale codes, first to last resort

  bool has(std::string_view key) const;  // some locale in the chain defines it
  // The first text along the chain; a key none has is recorded and returned as "[key]".
  std::string text(std::string_view key) const;
  // text(key) with every {name} replaced by args' value. A placeholder without an argument
  // stays visible as "{name}"; an argument the text does not use is harmless. Both are
  // recorded in format_problems().
  std::string format(std::string_view key, const std::map<std::string, std::string>& args) const;

  // Keys asked for that no locale in the chain has, in the order first asked, each once.
  const std::vector<std::string>& missing() const { return missing_; }
  // "key: no value for {name}", "key: unused argument {name}", each once.
  const std::vector<std::string>& format_problems() const { return format_problems_; }

 private:
  Catalog() = default;
  void record(std::vector<std::string>& list, std::string entry) const;

  std::vector<Locale> chain_;
  // Lookups are const for callers; what they miss is a diagnostic, not state.
  mutable std::vector<std::string> missing_;
  mutable std::vector<std::string> format_problems_;
};

}  // namespace signaal
