// Aggregate figures over opened reports: counts by month, level, category, flag, audience,
// age group and locale. Free text, contact details, answers and follow-up keys are never read.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "report.h"

namespace signaal {

struct ReportStats {
  long long reports = 0;
  // dimension ("month", "level", ...) -> value -> number of reports
  std::map<std::string, std::map<std::string, long long>> counts;
};

void add_report(ReportStats* stats, const ReportContent& report);

// Cells below min_count are replaced by the string "<min_count", so that a rare combination
// (one report in a small language) does not single anyone out.
nlohmann::json stats_json(const ReportStats& stats, long long min_count = 1);

}  // namespace signaal
