// The shipped questionnaire can express every worked case of the shared content model: for
// each case in tests/fixtures/examples.json a core Session is driven through
// web/content/questionnaire.json until exactly the case's indicator states (and its age group,
// under16 and activities) arise, and the assessment of that session gives the case's level,
// flags and categories.
//
// The driver is generic, not a script per case: for the question on screen it only tries the
// answers that are consistent with the case (a yes/no question gets the answer that produces
// the case's state for the indicator it feeds, reverse links included, or "prefer not to say"
// when the case does not list it; a choice or multi question gets the options whose profile
// and indicators the case has, optionally one option that only steers the route, such as
// "came from another country"), and searches depth-first over the few options that only
// steer the route until the finished session matches the case exactly.
#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/assessment.h"
#include "core/indicators.h"
#include "core/profile.h"
#include "core/questionnaire.h"
#include "core/session.h"

#include "source_files.h"

using namespace signaal;
using signaal::test::read_source_file;

namespace {

IndicatorState state_from(const std::string& text) {
  if (text == "yes") return IndicatorState::yes;
  if (text == "unsure") return IndicatorState::unsure;
  REQUIRE(text == "no");
  return IndicatorState::no;
}

struct Case {
  std::string id;
  Audience audience = Audience::self;
  AgeGroup age_group = AgeGroup::unknown;
  bool under16 = false;
  std::vector<std::string> activities;  // sorted
  std::map<std::string, IndicatorState> states;
  int level = 0;
  std::vector<std::string> flags;
  std::vector<std::string> categories;
};

Case case_from(const nlohmann::json& j) {
  Case c;
  c.id = j.at("id").get<std::string>();
  c.audience = j.at("mode").get<std::string>() == "professional" ? Audience::professional : Audience::self;
  const auto age = age_group_from_name(j.at("age_group").get<std::string>());
  REQUIRE(age.has_value());
  c.age_group = *age;
  c.under16 = j.at("under16").get<bool>();
  c.activities = j.at("activities").get<std::vector<std::string>>();
  std::sort(c.activities.begin(), c.activities.end());
  for (const auto& [id, state] : j.at("answers").items()) c.states[id] = state_from(state.get<std::string>());
  c.level = j.at("expected_level").get<int>();
  c.flags = j.at("expected_flags").get<std::vector<std::string>>();
  c.categories = j.at("expected_categories").get<std::vector<std::string>>();
  return c;
}

// Does choosing this option say only things that are true of the case?
bool consistent(const Option& option, const Case& c) {
  const ProfileEffect& p = option.profile;
  if (p.age_group && *p.age_group != c.age_group) return false;
  if (p.under16 && *p.under16 != c.under16) return false;
  if (p.age_group && !p.under16 && c.under16) return false;  // choosing it leaves under16 false
  if (p.activity && !std::binary_search(c.activities.begin(), c.activities.end(), *p.activity)) return false;
  for (const std::string& id : option.indicators) {
    const auto found = c.states.find(id);
    if (found == c.states.end() || found->second != IndicatorState::yes) return false;
  }
  return true;
}

bool steers_only(const Option& option) { return option.profile.empty() && option.indicators.empty(); }

// The answers worth trying for `question`, most likely first.
std::vector<std::vector<std::string>> candidates(const Question& question, const Case& c) {
  std::vector<std::vector<std::string>> result;
  if (question.type == QuestionType::yesno) {
    if (question.indicators.empty()) return {{"yes"}, {"no"}, {kPreferNot}};
    for (const IndicatorLink& link : question.indicators) {
      const auto found = c.states.find(link.id);
      if (found == c.states.end()) continue;
      if (found->second == IndicatorState::unsure) return {{"unsure"}};
      const bool present = found->second == IndicatorState::yes;
      return {{present != link.reverse ? "yes" : "no"}};
    }
    return {{kPreferNot}};
  }
  std::vector<std::string> needed;
  std::vector<std::string> steering;
  for (const Option& option : question.options) {
    if (steers_only(option)) {
      steering.push_back(option.value);
    } else if (consistent(option, c)) {
      needed.push_back(option.value);
    }
  }
  if (question.type == QuestionType::choice) {
    for (const std::string& value : needed) result.push_back({value});
    for (const std::string& value : steering) result.push_back({value});
  } else {
    if (!needed.empty()) result.push_back(needed);
    for (const std::string& value : steering) {
      std::vector<std::string> with = needed;
      with.push_back(value);
      // Option order, as the session keeps a multi answer.
      std::vector<std::string> ordered;
      for (const Option& option : question.options) {
        if (std::find(with.begin(), with.end(), option.value) != with.end()) ordered.push_back(option.value);
      }
      result.push_back(ordered);
    }
  }
  result.push_back({kPreferNot});
  return result;
}

bool matches(const AssessmentInput& input, const Case& c) {
  std::vector<std::string> activities = input.activities;
  std::sort(activities.begin(), activities.end());
  return input.age_group == c.age_group && input.under16 == c.under16 && activities == c.activities &&
         input.answers == c.states;
}

// A state already stronger than the case's, or an indicator the case does not have, can never
// be undone by later answers on this route: no point going on.
bool still_possible(const AssessmentInput& input, const Case& c) {
  for (const auto& [id, state] : input.answers) {
    const auto found = c.states.find(id);
    if (found == c.states.end()) return false;
    const auto rank = [](IndicatorState s) { return s == IndicatorState::yes ? 2 : s == IndicatorState::unsure ? 1 : 0; };
    if (rank(state) > rank(found->second)) return false;
  }
  return true;
}

using Script = std::vector<std::vector<std::string>>;

Session replay(const Questionnaire& questionnaire, const Case& c, const Script& script) {
  Session session(questionnaire, c.audience);
  for (const auto& values : script) {
    session.answer(values);
    session.next();
  }
  return session;
}

// Depth-first over the candidates; returns the answers that reproduce the case.
std::optional<Script> drive(const Questionnaire& questionnaire, const Case& c, Script& script, size_t& sessions) {
  ++sessions;
  const Session session = replay(questionnaire, c, script);
  if (!still_possible(session.assessment_input(), c)) return std::nullopt;
  const Question* question = session.current();
  if (question == nullptr) {
    if (matches(session.assessment_input(), c)) return script;
    return std::nullopt;
  }
  for (const auto& values : candidates(*question, c)) {
    script.push_back(values);
    if (auto found = drive(questionnaire, c, script, sessions)) return found;
    script.pop_back();
  }
  return std::nullopt;
}

std::string describe(const Questionnaire& questionnaire, const Case& c, const Script& script) {
  const Session session = replay(questionnaire, c, script);
  std::string text;
  for (size_t i = 0; i < script.size(); ++i) {
    text += session.route()[i]->id + "=";
    for (size_t v = 0; v < script[i].size(); ++v) text += (v ? "+" : "") + script[i][v];
    text += " ";
  }
  return text;
}

}  // namespace

TEST_CASE("the shipped questionnaire reproduces every worked case exactly through a session") {
  const auto catalogue = IndicatorCatalogue::load(read_source_file("web/content/indicators.json"), "indicators.json");
  const auto questionnaire =
      Questionnaire::load(read_source_file("web/content/questionnaire.json"), "questionnaire.json");
  const auto examples = nlohmann::json::parse(read_source_file("tests/fixtures/examples.json"));
  REQUIRE(!examples.empty());

  for (const auto& example : examples) {
    const Case c = case_from(example);
    INFO("case " << c.id);
    Script script;
    size_t sessions = 0;
    const std::optional<Script> found = drive(questionnaire, c, script, sessions);
    REQUIRE(found.has_value());
    INFO("route: " << describe(questionnaire, c, *found));

    const Session session = replay(questionnaire, c, *found);
    REQUIRE(session.finished());
    CHECK(session.route().size() <= 35);
    CHECK_FALSE(session.emergency());

    const AssessmentInput input = session.assessment_input();
    CHECK(input.age_group == c.age_group);
    CHECK(input.under16 == c.under16);
    CHECK(input.answers == c.states);

    const Assessment result = assess(catalogue, input);
    CHECK(result.level == c.level);
    CHECK(result.flags == c.flags);
    CHECK(result.categories == c.categories);
  }
}

TEST_CASE("every indicator state the questionnaire can set names a catalogue indicator") {
  const auto catalogue = IndicatorCatalogue::load(read_source_file("web/content/indicators.json"), "indicators.json");
  const auto questionnaire =
      Questionnaire::load(read_source_file("web/content/questionnaire.json"), "questionnaire.json");
  for (const Question& question : questionnaire.questions) {
    INFO(question.id);
    for (const IndicatorLink& link : question.indicators) CHECK(catalogue.find(link.id) != nullptr);
    for (const Option& option : question.options) {
      for (const std::string& id : option.indicators) CHECK(catalogue.find(id) != nullptr);
    }
  }
}
