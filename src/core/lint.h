// The content lint behind signaal-lint: everything that can be checked before content ships,
// over documents the caller has already read (the core never opens files).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "document.h"
#include "load_error.h"

namespace signaal {

struct LocaleDocuments {
  std::string code;                // the directory name
  std::string directory;           // as findings name it: "locales/nl"
  Document locale;                 // locale.json
  std::vector<Document> messages;  // every other *.json of the directory
};

struct LintInput {
  Document questionnaire;  // web/content/questionnaire.json
  Document indicators;     // web/content/indicators.json
  std::optional<Document> help;    // web/content/help.json, when there is one
  std::optional<Document> config;  // web/config.json, when there is one: its "locales"
  std::string locales_directory;   // as findings name it: "locales"
  std::vector<LocaleDocuments> locales;
};

inline constexpr const char* kBaseLocale = "en";

enum class Severity { error, warning };

struct LintFinding {
  Severity severity = Severity::error;
  Finding finding;
};

// "file: /path: message", with "warning: " in front of a warning.
std::string to_string(const LintFinding& finding);

// Every finding, in a stable order: questionnaire and indicators, routes, locales, help.
std::vector<LintFinding> lint(const LintInput& input);

}  // namespace signaal
