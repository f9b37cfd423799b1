// Who is answering and what the answers so far say about them. The questionnaire's options
// set the profile (age question, activity gate); conditions and the assessment read it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assessment.h"

namespace signaal {

// The mode the session runs in: the person themself, or a worker answering about someone.
enum class Audience { self, professional };

// Which wording of a question is shown (a question's `audiences` lists the ones it has).
enum class Wording { self, self_minor, professional };

struct Profile {
  Audience audience = Audience::self;
  AgeGroup age_group = AgeGroup::unknown;  // unknown is scored as minor: the safe side
  bool under16 = false;
  std::vector<std::string> activities;  // sorted, unique: labour, domestic, sexual, ...
};

std::string_view to_string(Audience);
std::string_view to_string(Wording);
// Named apart from to_string: assessment.cpp owns AgeGroup and may define its own helpers.
std::string_view age_group_name(AgeGroup);
std::optional<Audience> audience_from_string(std::string_view);
std::optional<Wording> wording_from_string(std::string_view);
std::optional<AgeGroup> age_group_from_name(std::string_view);

// The activities an option may add to the profile, in the order the doc lists them.
const std::vector<std::string>& known_activities();

}  // namespace signaal
