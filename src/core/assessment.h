// Engine th-ilo-palermo-v1: indicator states -> level, categories, flags, dimension statuses
// and the reasons that fired, exactly as shared content-model MODEL.md specifies.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "indicators.h"

namespace signaal {

inline constexpr const char* kEngineId = "th-ilo-palermo-v1";

enum class IndicatorState { yes, unsure, no };  // missing = not asked / prefer not to say
enum class AgeGroup { adult, minor, unknown };

// The file name that findings about an evaluation input carry.
inline constexpr const char* kInputFile = "input";

struct AssessmentInput {
  AgeGroup age_group = AgeGroup::unknown;
  bool under16 = false;
  std::vector<std::string> activities;  // labour, domestic, sexual, criminal, begging, other
  std::map<std::string, IndicatorState> answers;  // indicator id -> state
};

enum class DimensionStatus { absent, weak, partial, positive };

std::string_view to_string(IndicatorState);  // "yes", "unsure", "no"
std::optional<IndicatorState> indicator_state_from_string(std::string_view);
std::string_view to_string(DimensionStatus);  // "absent", "weak", "partial", "positive"

// Rule ids are listed in docs/assessment.md; each has texts reason.<rule>.<self|professional>.
struct Reason {
  std::string rule;                     // stable id, e.g. "adult.level4.rec_and_dest"
  std::vector<std::string> dimensions;  // dimensions that made it fire
  std::vector<std::string> indicators;  // indicator ids that made it fire
};

struct Assessment {
  int level = 0;
  std::vector<std::string> categories;  // sorted, unique
  std::vector<std::string> flags;       // URGENT, MINOR, UNDER16, SMUGGLING_NOT_TRAFFICKING, INCONCLUSIVE
  std::map<std::string, DimensionStatus> dimensions;  // the six graded dimensions
  std::vector<Reason> reasons;
};

// Checks ids against the catalogue and activities against the known ones; throws LoadError
// (file "input", pointer /answers/<id> or /activities/<n>) naming every unknown one.
Assessment assess(const IndicatorCatalogue& catalogue, const AssessmentInput& input);

// The evaluation contract's JSON forms. from_json throws LoadError naming every bad key;
// keys outside the contract (a worked example's id, story, expected_*) are ignored, and a
// missing key keeps the default (age unknown, not under 16, no activities, no answers).
void from_json(const nlohmann::json& j, AssessmentInput& input);
void to_json(nlohmann::json& j, const Reason& reason);
void to_json(nlohmann::json& j, const Assessment& assessment);
// The same with keys in the contract's order (engine, level, ...; rule, dimensions,
// indicators), for output that people read.
void to_json(nlohmann::ordered_json& j, const Reason& reason);
void to_json(nlohmann::ordered_json& j, const Assessment& assessment);

// The evaluation input from JSON text; malformed text is a LoadError with the position.
AssessmentInput parse_assessment_input(const std::string& json_text);

}  // namespace signaal
