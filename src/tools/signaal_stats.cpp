// signaal-stats: aggregate figures from signaal-open's JSON lines, for reporting without
// personal data: counts by month, level, category, flag, audience, age group and locale.
// Free text and contact details are never read into the output.
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/arguments.h"
#include "common/tool_common.h"
#include "core/stats.h"

namespace {

using namespace signaal;
using namespace signaal::tools;

constexpr const char* kUsage =
    "usage: signaal-stats [--min-count N] [FILE...]\n"
    "  FILE          signaal-open output (JSON lines); none or \"-\" reads stdin\n"
    "  --min-count   show counts below N as \"<N\" (default 1: show all)\n";

}  // namespace

int main(int argc, char** argv) {
  try {
    const Arguments args = parse_arguments(argc, argv, {"--min-count"});
    long long min_count = 1;
    if (auto value = args.option("--min-count")) {
      min_count = std::strtoll(value->c_str(), nullptr, 10);
      if (min_count < 1) throw UsageError("--min-count must be at least 1");
    }
    std::vector<std::string> inputs = args.positional;
    if (inputs.empty()) inputs.push_back("-");
    ReportStats stats;
    long long skipped = 0;
    for (const std::string& path : inputs) {
      std::istringstream lines(read_file(path));
      std::string line;
      for (int number = 1; std::getline(lines, line); ++number) {
        if (line.empty()) continue;
        try {
          const auto j = nlohmann::json::parse(line);
          if (j.value("status", "") != "ok") {
            ++skipped;
            continue;
          }
          add_report(&stats, j.at("report").get<ReportContent>());
        } catch (const std::exception& e) {
          std::cerr << path << ":" << number << ": skipped: " << e.what() << "\n";
          ++skipped;
        }
      }
    }
    nlohmann::json out = stats_json(stats, min_count);
    out["skipped"] = skipped;
    std::cout << out.dump(2) << "\n";
    return 0;
  } catch (const UsageError& e) {
    std::cerr << "signaal-stats: " << e.what() << "\n" << kUsage;
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "signaal-stats: " << e.what() << "\n";
    return 1;
  }
}
