// Every route through a questionnaire, searched over the finite answer domains: which
// questions can be asked at all, under which audience and age group, and the shortest and
// longest route. The lint uses it to find unreachable questions and missing wordings; the
// content issue uses the lengths (MODEL.md: a full route stays at or under 35 questions).
#pragma once

#include <map>
#include <set>
#include <utility>
#include <vector>

#include "profile.h"
#include "questionnaire.h"

namespace signaal {

struct RouteLengths {
  size_t shortest = 0;  // questions asked
  size_t longest = 0;
};

struct RouteSearch {
  // Per question, in file order: the audience and age group (at the time it is asked) under
  // which some route asks it; empty for a question no route reaches.
  std::vector<std::set<std::pair<Audience, AgeGroup>>> asked_as;
  // By audience and the age group the route ends with; absent when no route ends so.
  std::map<std::pair<Audience, AgeGroup>, RouteLengths> lengths;
  // False when the search hit its bound; then unreached questions are not proven
  // unreachable and the lengths are those of the routes explored.
  bool exhaustive = true;
};

// Exact over the answer domains: later conditions are partially evaluated as answers come in,
// so routes that leave the same open conditions are searched once; a multi question branches
// over the subsets of the values conditions test or that change the profile (up to 10 such
// values; beyond that over single values and all of them together).
RouteSearch search_routes(const Questionnaire& questionnaire);

}  // namespace signaal
