#include "profile.h"

#include <algorithm>

namespace signaal {

std::string_view to_string(Audience audience) {
  return audience == Audience::self ? "self" : "professional";
}

std::string_view to_string(Wording wording) {
  switch (wording) {
    case Wording::self: return "self";
    case Wording::self_minor: return "self_minor";
    case Wording::professional: return "professional";
  }
  return "self";
}

std::string_view age_group_name(AgeGroup age_group) {
  switch (age_group) {
    case AgeGroup::adult: return "adult";
    case AgeGroup::minor: return "minor";
    case AgeGroup::unknown: return "unknown";
  }
  return "unknown";
}

std::optional<Audience> audience_from_string(std::string_view text) {
  if (text == "self") return Audience::self;
  if (text == "professional") return Audience::professional;
  return std::nullopt;
}

std::optional<Wording> wording_from_string(std::string_view text) {
  if (text == "self") return Wording::self;
  if (text == "self_minor") return Wording::self_minor;
  if (text == "professional") return Wording::professional;
  return std::nullopt;
}

std::optional<AgeGroup> age_group_from_name(std::string_view text) {
  if (text == "adult") return AgeGroup::adult;
  if (text == "minor") return AgeGroup::minor;
  if (text == "unknown") return AgeGroup::unknown;
  return std::nullopt;
}

const std::vector<std::string>& known_activities() {
  static const std::vector<std::string> activities = {"labour", "domestic", "sexual",
                                                      "criminal", "begging", "other"};
  return activities;
}

}  // namespace signaal
