// Engine th-ilo-palermo-v1: indicator states -> level, categories, flags, dimension statuses
// and the reasons that fired, exactly as shared content-model MODEL.md specifies.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "indicators.h"

namespace signaal {

inline constexpr const char* kEngineId = "th-ilo-palermo-v1";

enum class IndicatorState { yes, unsure, no };  // missing = not asked / prefer not to say
enum class AgeGroup { adult, minor, unknown };

struct AssessmentInput {
  AgeGroup age_group = AgeGroup::unknown;
  bool under16 = false;
  std::vector<std::string> activities;  // labour, domestic, sexual, criminal, begging, other
  std::map<std::string, IndicatorState> answers;  // indicator id -> state
};

enum class DimensionStatus { absent, weak, partial, positive };

struct Reason {
  std::string rule;                     // stable id, e.g. "adult.level4.rec_dest"
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

// Checks ids against the catalogue; throws LoadError (file "input") for unknown ids.
Assessment assess(const IndicatorCatalogue& catalogue, const AssessmentInput& input);

// The evaluation contract's JSON forms. from_json throws LoadError naming the key.
void from_json(const nlohmann::json& j, AssessmentInput& input);
void to_json(nlohmann::json& j, const Assessment& assessment);

}  // namespace signaal
