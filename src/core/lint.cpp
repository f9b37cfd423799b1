#include "lint.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "indicators.h"
#include "json_reader.h"
#include "messages.h"
#include "questionnaire.h"
#include "routes.h"

namespace signaal {

using nlohmann::json;

std::string to_string(const LintFinding& finding) {
  return (finding.severity == Severity::warning ? "warning: " : "") + to_string(finding.finding);
}

namespace {

std::string in_quotes(const std::string& text) { return "\"" + text + "\""; }

std::string join(const std::set<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "{" : ", {") + name + "}";
  return text.empty() ? "none" : text;
}

class Linter {
 public:
  explicit Linter(const LintInput& input) : input_(input) {}

  std::vector<LintFinding> run() {
    load_content();
    if (questionnaire_) {
      if (catalogue_) check_indicator_refs();
      check_routes();
    }
    load_locales();
    check_locales();
    if (input_.help) check_help(*input_.help);
    return std::move(findings_);
  }

 private:
  void report(Severity severity, const std::string& file, const std::string& pointer, std::string message) {
    findings_.push_back({severity, {file, pointer, std::move(message)}});
  }
  void error(const std::string& file, const std::string& pointer, std::string message) {
    report(Severity::error, file, pointer, std::move(message));
  }
  void absorb(const LoadError& load_error) {
    for (const Finding& finding : load_error.findings()) findings_.push_back({Severity::error, finding});
  }

  void load_content() {
    try {
      catalogue_ = IndicatorCatalogue::load(input_.indicators.text, input_.indicators.file);
    } catch (const LoadError& e) {
      absorb(e);
    }
    try {
      questionnaire_ = Questionnaire::load(input_.questionnaire.text, input_.questionnaire.file);
    } catch (const LoadError& e) {
      absorb(e);
    }
  }

  void check_indicator_refs() {
    const std::string& file = input_.questionnaire.file;
    for (size_t q = 0; q < questionnaire_->questions.size(); ++q) {
      const Question& question = questionnaire_->questions[q];
      const std::string pointer = pointer_append("/questions", q);
      for (size_t i = 0; i < question.indicators.size(); ++i) {
        const std::string& id = question.indicators[i].id;
        if (catalogue_->find(id) == nullptr) {
          error(file, pointer_append(pointer_append(pointer_append(pointer, "indicators"), i), "id"),
                "unknown indicator " + in_quotes(id));
        }
      }
      for (size_t o = 0; o < question.options.size(); ++o) {
        const std::string list = pointer_append(pointer_append(pointer_append(pointer, "options"), o), "indicators");
        for (size_t i = 0; i < question.options[o].indicators.size(); ++i) {
          const std::string& id = question.options[o].indicators[i];
          if (catalogue_->find(id) == nullptr) error(file, pointer_append(list, i), "unknown indicator " + in_quotes(id));
        }
      }
    }
  }

  // Unreachable questions, and questions asked in a mode whose wording they lack.
  void check_routes() {
    const std::string& file = input_.questionnaire.file;
    const RouteSearch search = search_routes(*questionnaire_);
    if (!search.exhaustive) {
      report(Severity::warning, file, "/questions",
             "too many answer combinations to search them all; reachability is checked only in part");
    }
    for (size_t q = 0; q < questionnaire_->questions.size(); ++q) {
      const Question& question = questionnaire_->questions[q];
      const std::string pointer = pointer_append("/questions", q);
      const auto& asked_as = search.asked_as[q];
      if (asked_as.empty() && search.exhaustive) {
        error(file, pointer_append(pointer, "when"), "never asked: no profile and earlier answers make it true");
      }
      bool professional = false, self_adult = false, self_minor = false;
      for (const auto& [audience, age_group] : asked_as) {
        professional = professional || audience == Audience::professional;
        self_adult = self_adult || (audience == Audience::self && age_group == AgeGroup::adult);
        self_minor = self_minor || (audience == Audience::self && age_group != AgeGroup::adult);
      }
      const std::string audiences = pointer_append(pointer, "audiences");
      if (professional && !question.has_wording(Wording::professional)) {
        error(file, audiences, "asked in professional mode but has no \"professional\" wording");
      }
      if (self_adult && !question.has_wording(Wording::self)) {
        error(file, audiences, "asked of adults in self mode but has no \"self\" wording");
      }
      if (self_minor && !question.has_wording(Wording::self) && !question.has_wording(Wording::self_minor)) {
        error(file, audiences, "asked of minors in self mode but has no \"self_minor\" or \"self\" wording");
      }
    }
  }

  void load_locales() {
    for (const LocaleDocuments& documents : input_.locales) {
      try {
        Locale locale = Locale::load(documents.locale, documents.messages);
        if (locale.info.code != documents.code) {
          error(documents.locale.file, "/code",
                in_quotes(locale.info.code) + " does not match the directory " + in_quotes(documents.code));
        }
        locales_.emplace(documents.code, std::move(locale));
        directories_.emplace(documents.code, documents.directory);
        locale_files_.emplace(documents.code, documents.locale.file);
      } catch (const LoadError& e) {
        absorb(e);
      }
    }
  }

  // The keys the questionnaire needs in a locale that offers it, each with what it is for.
  std::vector<std::pair<std::string, std::string>> questionnaire_keys() const {
    std::vector<std::pair<std::string, std::string>> keys;
    std::set<std::string> sections;
    for (const Question& question : questionnaire_->questions) {
      const std::string prefix = "q." + question.id + ".";
      for (const Wording wording : question.audiences) {
        keys.push_back({prefix + std::string(to_string(wording)),
                        "wording of question " + in_quotes(question.id) + " for " + std::string(to_string(wording))});
      }
      if (question.sensitive) keys.push_back({prefix + "why", "why-we-ask text of question " + in_quotes(question.id)});
      for (const Option& option : question.options) {
        keys.push_back({prefix + "opt." + option.value,
                        "label of option " + in_quotes(option.value) + " of question " + in_quotes(question.id)});
      }
      if (sections.insert(question.section).second) {
        keys.push_back({"section." + question.section, "title of section " + in_quotes(question.section)});
      }
    }
    for (const char* answer : {"yes", "no", "unsure", "prefer_not"}) {
      keys.push_back({std::string("answer.") + answer, "answer label"});
    }
    return keys;
  }

  std::set<std::string> config_locales() {
    std::set<std::string> codes;
    if (!input_.config) return codes;
    JsonReader reader(input_.config->file);
    const std::optional<json> config = reader.parse(input_.config->text);
    if (config && config->is_object() && config->contains("locales")) {
      const json& listed = (*config)["locales"];
      if (reader.array(listed, "/locales")) {
        for (size_t i = 0; i < listed.size(); ++i) {
          if (!listed[i].is_string()) {
            reader.error(pointer_append("/locales", i), "expected a locale code (a string)");
          } else if (locales_.count(listed[i].get<std::string>()) == 0) {
            reader.error(pointer_append("/locales", i), "no locale " + in_quotes(listed[i].get<std::string>()));
          } else {
            codes.insert(listed[i].get<std::string>());
          }
        }
      }
    }
    for (const Finding& finding : reader.findings()) findings_.push_back({Severity::error, finding});
    return codes;
  }

  void check_locales() {
    if (input_.locales.empty()) return;
    const bool base_given = std::any_of(input_.locales.begin(), input_.locales.end(),
                                        [](const LocaleDocuments& l) { return l.code == kBaseLocale; });
    if (!base_given) {
      error(input_.locales_directory, "", "no base locale " + in_quotes(kBaseLocale) + ": every locale falls back to it");
    }
    const auto base = locales_.find(kBaseLocale);
    const std::set<std::string> offered = config_locales();
    for (const auto& [code, locale] : locales_) {
      const std::string& locale_file = locale_files_[code];
      for (size_t i = 0; i < locale.info.fallback.size(); ++i) {
        if (locales_.count(locale.info.fallback[i]) == 0) {
          error(locale_file, pointer_append("/fallback", i), "no locale " + in_quotes(locale.info.fallback[i]));
        }
      }
      const bool claims = code == kBaseLocale || offered.count(code) > 0 ||
                          std::any_of(locale.messages.begin(), locale.messages.end(),
                                      [](const auto& entry) { return entry.first.rfind("q.", 0) == 0; });
      std::set<std::string> required;
      if (claims && questionnaire_) {
        for (const auto& [key, what] : questionnaire_keys()) {
          required.insert(key);
          if (locale.messages.count(key) == 0) error(directories_[code], pointer_append("", key), "missing: " + what);
        }
        for (const auto& [key, file] : locale.key_file) {
          if (key.rfind("q.", 0) == 0 && required.count(key) == 0) {
            error(file, pointer_append("", key), "no question uses this key");
          }
        }
      }
      if (base != locales_.end() && code != kBaseLocale) compare_with_base(locale, base->second, required);
      check_unsafe_words(locale);
    }
  }

  // Everything a person sees before the result may be read over their shoulder: none of the
  // locale's unsafe words (ASCII letters compared without case) may appear in it.
  void check_unsafe_words(const Locale& locale) {
    static const char* const kBeforeResult[] = {"q.",       "section.", "answer.", "app.",    "bar.",    "start.",
                                                "language.", "nav.",    "safety.", "emergency.", "question.",
                                                "reply."};
    const auto lower = [](std::string text) {
      for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return text;
    };
    for (const auto& [key, text] : locale.messages) {
      const bool before_result = std::any_of(std::begin(kBeforeResult), std::end(kBeforeResult),
                                             [&key = key](const char* prefix) { return key.rfind(prefix, 0) == 0; });
      if (!before_result) continue;
      const std::string seen = lower(text);
      for (const std::string& word : locale.info.unsafe_words) {
        if (seen.find(lower(word)) != std::string::npos) {
          error(locale.key_file.at(key), pointer_append("", key),
                "says " + in_quotes(word) + " before the result (unsafe_words in locale.json)");
        }
      }
    }
  }

  // Against the base locale: no keys it lacks, the same placeholders, and (as warnings) the
  // keys still to translate, which fall back to the base meanwhile.
  void compare_with_base(const Locale& locale, const Locale& base, const std::set<std::string>& already_reported) {
    const std::string& code = locale.info.code;
    for (const auto& [key, text] : locale.messages) {
      const std::string& file = locale.key_file.at(key);
      const auto base_text = base.messages.find(key);
      if (base_text == base.messages.end()) {
        error(file, pointer_append("", key), "not in the base locale " + in_quotes(kBaseLocale));
        continue;
      }
      const std::set<std::string> here = placeholders(text), there = placeholders(base_text->second);
      if (here != there) {
        error(file, pointer_append("", key),
              "placeholders " + join(here) + " differ from " + std::string(kBaseLocale) + "'s " + join(there));
      }
    }
    for (const auto& [key, text] : base.messages) {
      if (locale.messages.count(key) == 0 && already_reported.count(key) == 0) {
        report(Severity::warning, directories_.at(code), pointer_append("", key),
               "missing (shows the " + std::string(kBaseLocale) + " text)");
      }
    }
  }

  void check_help(const Document& help);
  void check_help_entry(JsonReader& reader, const json& entry, const std::string& pointer);

  const LintInput& input_;
  std::optional<IndicatorCatalogue> catalogue_;
  std::optional<Questionnaire> questionnaire_;
  std::map<std::string, Locale> locales_;           // by code, those that loaded
  std::map<std::string, std::string> directories_;  // code -> directory as findings name it
  std::map<std::string, std::string> locale_files_;  // code -> its locale.json as findings name it
  std::vector<LintFinding> findings_;
};

const std::vector<std::string> kHelpFlags = {"URGENT", "MINOR", "UNDER16", "SMUGGLING_NOT_TRAFFICKING",
                                             "INCONCLUSIVE"};
const std::vector<std::string> kHelpCategories = {"labour", "domestic", "sexual", "criminal",
                                                  "begging", "other", "financial"};

void check_listed(JsonReader& reader, const json& show, std::string_view field, const std::string& pointer,
                  const std::vector<std::string>& known, const std::string& what) {
  const json* list = reader.array_field(show, field, pointer, false);
  if (list == nullptr) return;
  for (size_t i = 0; i < list->size(); ++i) {
    const json& value = (*list)[i];
    if (!value.is_string() || std::find(known.begin(), known.end(), value.get<std::string>()) == known.end()) {
      reader.error(pointer_append(pointer_append(pointer, field), i), "unknown " + what + " " + value.dump());
    }
  }
}

void Linter::check_help_entry(JsonReader& reader, const json& entry, const std::string& pointer) {
  if (!reader.object(entry, pointer, {"id", "name", "phone", "chat", "web", "hours", "languages", "show",
                                      "source", "verified"})) {
    return;
  }
  reader.plain_id(entry, "id", pointer, true);
  reader.string(entry, "name", pointer, true);
  for (const char* contact : {"phone", "chat", "web"}) {
    if (entry.contains(contact) && !entry[contact].is_null() && !entry[contact].is_string()) {
      reader.error(pointer_append(pointer, contact), "expected a string or null");
    }
  }
  reader.string(entry, "hours", pointer, false);
  if (const json* languages = reader.array_field(entry, "languages", pointer, false)) {
    for (size_t i = 0; i < languages->size(); ++i) {
      if (!(*languages)[i].is_string()) {
        reader.error(pointer_append(pointer_append(pointer, "languages"), i), "expected a language code (a string)");
      }
    }
  }
  reader.string(entry, "source", pointer, true);
  reader.boolean(entry, "verified", pointer, true);
  if (!entry.contains("show")) {
    reader.error(pointer, "missing field \"show\"");
    return;
  }
  const json& show = entry["show"];
  const std::string show_pointer = pointer_append(pointer, "show");
  if (!reader.object(show, show_pointer, {"levels", "flags", "categories", "always"})) return;
  if (const json* levels = reader.array_field(show, "levels", show_pointer, false)) {
    for (size_t i = 0; i < levels->size(); ++i) {
      const json& level = (*levels)[i];
      if (!level.is_number_integer() || level.get<int>() < 0 || level.get<int>() > 4) {
        reader.error(pointer_append(pointer_append(show_pointer, "levels"), i), "expected a level 0-4, not " + level.dump());
      }
    }
  }
  check_listed(reader, show, "flags", show_pointer, kHelpFlags, "flag");
  check_listed(reader, show, "categories", show_pointer, kHelpCategories, "category");
  reader.boolean(show, "always", show_pointer, false);
}

// help.json's shape, and its texts: every entry has help.<id>.description in the base locale,
// and no help.<id>.* key names an entry that does not exist.
void Linter::check_help(const Document& help) {
  JsonReader reader(help.file);
  std::set<std::string> ids;
  const std::optional<json> document = reader.parse(help.text);
  if (document && reader.object(*document, "", {"country", "version", "entries"})) {
    reader.string(*document, "country", "", true);
    reader.string(*document, "version", "", true);
    if (const json* entries = reader.array_field(*document, "entries", "", true)) {
      for (size_t i = 0; i < entries->size(); ++i) {
        const std::string pointer = pointer_append("/entries", i);
        check_help_entry(reader, (*entries)[i], pointer);
        const json& entry = (*entries)[i];
        if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string()) continue;
        const std::string id = entry["id"].get<std::string>();
        if (!ids.insert(id).second) reader.error(pointer_append(pointer, "id"), "duplicate id " + in_quotes(id));
      }
    }
  }
  for (const Finding& finding : reader.findings()) findings_.push_back({Severity::error, finding});
  const auto base = locales_.find(kBaseLocale);
  if (base == locales_.end()) return;
  for (const std::string& id : ids) {
    const std::string key = "help." + id + ".description";
    if (base->second.messages.count(key) == 0) {
      error(directories_[kBaseLocale], pointer_append("", key), "missing: description of help entry " + in_quotes(id));
    }
  }
  for (const auto& [code, locale] : locales_) {
    for (const auto& [key, file] : locale.key_file) {
      if (key.rfind("help.", 0) != 0) continue;
      const std::string id = key.substr(5, key.find('.', 5) - 5);
      if (ids.count(id) == 0) error(file, pointer_append("", key), "no help entry " + in_quotes(id));
    }
  }
}

}  // namespace

std::vector<LintFinding> lint(const LintInput& input) { return Linter(input).run(); }

}  // namespace signaal
