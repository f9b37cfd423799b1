// signaal-lint: checks the content (questionnaire, indicators, help directory, locales)
// before it ships. Prints `file: /json/path: message` per finding, warnings prefixed
// "warning: "; exits 1 on any error. --routes prints the shortest and longest route per
// audience and age group instead.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "common/tool_common.h"
#include "core/lint.h"
#include "core/questionnaire.h"
#include "core/routes.h"

namespace fs = std::filesystem;

namespace {

constexpr const char* kUsage =
    "usage: signaal-lint [--content DIR] [--locales DIR] [--config FILE] [--routes]\n"
    "  --content DIR   questionnaire.json, indicators.json, help.json (default web/content)\n"
    "  --locales DIR   one directory per locale (default locales)\n"
    "  --config FILE   deployment config whose \"locales\" must exist (default web/config.json, if present)\n"
    "  --routes        print the shortest and longest route per audience and age group\n";

struct Options {
  std::string content = "web/content";
  std::string locales = "locales";
  std::optional<std::string> config;
  bool routes = false;
};

std::optional<Options> parse_arguments(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    const bool has_value = i + 1 < argc;
    if (argument == "--content" && has_value) {
      options.content = argv[++i];
    } else if (argument == "--locales" && has_value) {
      options.locales = argv[++i];
    } else if (argument == "--config" && has_value) {
      options.config = argv[++i];
    } else if (argument == "--routes") {
      options.routes = true;
    } else {
      return std::nullopt;
    }
  }
  if (!options.config && fs::exists("web/config.json")) options.config = "web/config.json";
  return options;
}

signaal::Document read_document(const std::string& path) { return {path, signaal::tools::read_file(path)}; }

std::vector<std::string> sorted_entries(const std::string& directory, bool directories) {
  std::vector<std::string> names;
  for (const fs::directory_entry& entry : fs::directory_iterator(directory)) {
    if (directories ? entry.is_directory() : entry.path().extension() == ".json") {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

signaal::LintInput read_content(const Options& options) {
  signaal::LintInput input;
  input.questionnaire = read_document(options.content + "/questionnaire.json");
  input.indicators = read_document(options.content + "/indicators.json");
  if (fs::exists(options.content + "/help.json")) input.help = read_document(options.content + "/help.json");
  if (options.config) input.config = read_document(*options.config);
  input.locales_directory = options.locales;
  if (!fs::is_directory(options.locales)) return input;
  for (const std::string& code : sorted_entries(options.locales, true)) {
    signaal::LocaleDocuments locale;
    locale.code = code;
    locale.directory = options.locales + "/" + code;
    locale.locale = read_document(locale.directory + "/locale.json");
    for (const std::string& name : sorted_entries(locale.directory, false)) {
      if (name != "locale.json") locale.messages.push_back(read_document(locale.directory + "/" + name));
    }
    input.locales.push_back(std::move(locale));
  }
  return input;
}

int print_routes(const signaal::Document& questionnaire_file) {
  const auto questionnaire = signaal::Questionnaire::load(questionnaire_file.text, questionnaire_file.file);
  const signaal::RouteSearch search = signaal::search_routes(questionnaire);
  for (const signaal::Audience audience : {signaal::Audience::self, signaal::Audience::professional}) {
    for (const signaal::AgeGroup age : {signaal::AgeGroup::adult, signaal::AgeGroup::minor, signaal::AgeGroup::unknown}) {
      std::cout << signaal::to_string(audience) << ' ' << signaal::age_group_name(age) << ": ";
      const auto lengths = search.lengths.find({audience, age});
      if (lengths == search.lengths.end()) {
        std::cout << "no route\n";
      } else {
        std::cout << "shortest " << lengths->second.shortest << ", longest " << lengths->second.longest << '\n';
      }
    }
  }
  if (!search.exhaustive) std::cout << "(search bounded: lengths are over the routes explored)\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<Options> options = parse_arguments(argc, argv);
  if (!options) {
    std::cerr << kUsage;
    return 2;
  }
  try {
    const signaal::LintInput input = read_content(*options);
    if (options->routes) return print_routes(input.questionnaire);
    size_t errors = 0, warnings = 0;
    for (const signaal::LintFinding& finding : signaal::lint(input)) {
      std::cout << signaal::to_string(finding) << '\n';
      (finding.severity == signaal::Severity::error ? errors : warnings) += 1;
    }
    std::cerr << "signaal-lint: " << errors << " error(s), " << warnings << " warning(s)\n";
    return errors == 0 ? 0 : 1;
  } catch (const signaal::LoadError& e) {
    std::cout << e.what() << '\n';
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "signaal-lint: " << e.what() << '\n';
    return 1;
  }
}
