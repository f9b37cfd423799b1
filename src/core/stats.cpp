#include "stats.h"

#include <nlohmann/json.hpp>

#include "report_date.h"

namespace signaal {

void add_report(ReportStats* stats, const ReportContent& report) {
  auto& c = stats->counts;
  ++stats->reports;
  ++c["month"][report_month(report.date).value_or("unknown")];
  const auto level = report.assessment.find("level");
  ++c["level"][level != report.assessment.end() ? level->dump() : "unknown"];
  for (const char* list : {"categories", "flags"}) {
    const auto values = report.assessment.find(list);
    if (values == report.assessment.end() || !values->is_array()) continue;
    for (const auto& v : *values)
      if (v.is_string()) ++c[list == std::string("categories") ? "category" : "flag"][v.get<std::string>()];
  }
  ++c["audience"][report.audience];
  ++c["age_group"][report.age_group];
  ++c["locale"][report.locale];
}

nlohmann::json stats_json(const ReportStats& stats, long long min_count) {
  nlohmann::json j = {{"reports", stats.reports}};
  for (const auto& [dimension, values] : stats.counts) {
    nlohmann::json& out = j[dimension] = nlohmann::json::object();
    for (const auto& [value, count] : values) {
      if (count >= min_count) out[value] = count;
      else out[value] = "<" + std::to_string(min_count);
    }
  }
  return j;
}

}  // namespace signaal
