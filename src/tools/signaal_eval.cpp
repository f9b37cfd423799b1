// signaal-eval: the evaluation contract of shared content-model MODEL.md on the command line.
// Reads one JSON object (age_group, under16, activities, answers), prints the assessment of
// engine th-ilo-palermo-v1 as one JSON object.
#include <filesystem>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "common/tool_common.h"
#include "core/assessment.h"
#include "core/indicators.h"
#include "core/load_error.h"

namespace {

constexpr int kExitUsageOrIo = 1;
constexpr int kExitBadInput = 2;

constexpr const char* kUsage = R"(usage: signaal-eval [--catalogue FILE] [FILE|-]

Scores one questionnaire outcome with engine th-ilo-palermo-v1 and prints the result.

  FILE              a JSON object {"age_group": "adult"|"minor"|"unknown", "under16": bool,
                    "activities": [...], "answers": {"INDICATOR.ID": "yes"|"unsure"|"no"}};
                    "-" or no FILE reads standard input. Other keys are ignored.
  --catalogue FILE  the indicator catalogue; by default web/content/indicators.json of the
                    source tree the binary was built in, found as
                    <directory of signaal-eval>/../../../web/content/indicators.json
  -h, --help        this text

Output: {"engine", "level", "categories", "flags", "dimensions", "reasons"}, 2-space indented.
Exit status: 0 scored; 2 the input is wrong (stderr names the key: unknown indicator id,
unknown state or activity, wrong type, malformed JSON); 1 usage, file or catalogue error.
)";

struct Options {
  std::string catalogue;
  std::string input = "-";
};

// The binary lives in <source>/build/<preset>/bin/; /proc/self/exe finds it wherever it is
// started from, argv[0] serves where /proc is missing.
std::string default_catalogue(const char* argv0) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::path binary = fs::read_symlink("/proc/self/exe", error);
  if (error) binary = fs::absolute(argv0, error);
  return (binary.parent_path() / "../../../web/content/indicators.json").lexically_normal().string();
}

// Returns false (after printing why) when the arguments are not usable.
bool parse_arguments(int argc, char** argv, Options& options, bool& help) {
  bool have_input = false;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (argument == "-h" || argument == "--help") {
      help = true;
    } else if (argument == "--catalogue") {
      if (i + 1 == argc) {
        std::cerr << "signaal-eval: --catalogue needs a file\n";
        return false;
      }
      options.catalogue = argv[++i];
    } else if (argument.starts_with("-") && argument != "-") {
      std::cerr << "signaal-eval: unknown option " << argument << "\n";
      return false;
    } else if (have_input) {
      std::cerr << "signaal-eval: only one input file\n";
      return false;
    } else {
      options.input = argument;
      have_input = true;
    }
  }
  if (options.catalogue.empty()) options.catalogue = default_catalogue(argv[0]);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  bool help = false;
  if (!parse_arguments(argc, argv, options, help)) {
    std::cerr << kUsage;
    return kExitUsageOrIo;
  }
  if (help) {
    std::cout << kUsage;
    return 0;
  }

  signaal::IndicatorCatalogue catalogue;
  std::string input_text;
  try {
    catalogue = signaal::IndicatorCatalogue::load(signaal::tools::read_file(options.catalogue), options.catalogue);
    input_text = signaal::tools::read_file(options.input);
  } catch (const std::exception& error) {  // LoadError of the catalogue or a file error
    std::cerr << "signaal-eval: " << error.what() << "\n";
    return kExitUsageOrIo;
  }

  try {
    const signaal::AssessmentInput input = signaal::parse_assessment_input(input_text);
    const nlohmann::ordered_json output = signaal::assess(catalogue, input);
    std::cout << output.dump(2) << "\n";
  } catch (const signaal::LoadError& error) {
    std::cerr << error.what() << "\n";
    return kExitBadInput;
  }
  return 0;
}
