#include <catch2/catch.hpp>

#include "core/condition.h"

using namespace signaal;

namespace {

std::string syntax_error(const std::string& text) {
  try {
    parse_condition(text);
  } catch (const ConditionSyntaxError& e) {
    return e.what();
  }
  return "(parsed)";
}

bool holds(const std::string& text, const Answers& answers, const Profile& profile = {}) {
  return evaluate(parse_condition(text), answers, profile);
}

}  // namespace

TEST_CASE("and binds tighter than or", "[condition]") {
  const Condition parsed = parse_condition("a = yes or b = yes and c = yes");
  REQUIRE(parsed.kind == Condition::Kind::any);
  REQUIRE(parsed.operands.size() == 2);
  CHECK(parsed.operands[0].kind == Condition::Kind::equals);
  CHECK(parsed.operands[1].kind == Condition::Kind::all);

  const Answers only_a = {{"a", {{"yes"}}}};
  const Answers only_b = {{"b", {{"yes"}}}};
  CHECK(holds("a = yes or b = yes and c = yes", only_a));
  CHECK_FALSE(holds("a = yes or b = yes and c = yes", only_b));
  CHECK_FALSE(holds("(a = yes or b = yes) and c = yes", only_a));
}

TEST_CASE("not applies to the factor after it", "[condition]") {
  const Answers answers = {{"a", {{"no"}}}, {"b", {{"yes"}}}};
  CHECK(holds("not a = yes", answers));
  CHECK(holds("not a = yes and b = yes", answers));
  CHECK_FALSE(holds("not (a = no or b = no)", answers));
  CHECK(holds("not not b = yes", answers));
}

TEST_CASE("in, has and = on a multi answer", "[condition]") {
  const Answers answers = {{"activities", {{"labour", "sexual"}}}, {"age", {{"16_17"}}}};
  CHECK(holds("age in [under16, 16_17]", answers));
  CHECK_FALSE(holds("age in [adult, dont_know]", answers));
  CHECK(holds("activities has sexual", answers));
  CHECK(holds("activities = labour", answers));
  CHECK_FALSE(holds("activities has begging", answers));
  CHECK(holds("activities != begging", answers));
  CHECK_FALSE(holds("activities != labour", answers));
}

TEST_CASE("an unanswered question makes =, in and has false and != true", "[condition]") {
  const Answers none;
  CHECK_FALSE(holds("q = yes", none));
  CHECK_FALSE(holds("q in [yes, no]", none));
  CHECK_FALSE(holds("q has yes", none));
  CHECK(holds("q != yes", none));
}

TEST_CASE("profile fields", "[condition]") {
  Profile profile;
  profile.audience = Audience::professional;
  profile.age_group = AgeGroup::minor;
  profile.under16 = true;
  profile.activities = {"labour", "sexual"};
  CHECK(holds("profile.audience = professional", {}, profile));
  CHECK(holds("profile.age_group in [minor, unknown]", {}, profile));
  CHECK(holds("profile.under16 = true", {}, profile));
  CHECK(holds("profile.activities has sexual", {}, profile));
  CHECK_FALSE(holds("profile.activities has begging", {}, profile));
  CHECK(holds("profile.age_group != adult", {}, Profile{}));  // unknown until answered
}

TEST_CASE("syntax errors name the column", "[condition]") {
  CHECK(syntax_error("arranged = yes and x =") ==
        "at column 23: expected value after '=' but found end of condition");
  CHECK(syntax_error("arranged") == "at column 9: expected '=', '!=', 'in' or 'has' after 'arranged' but found end of condition");
  CHECK(syntax_error("") == "at column 1: expected question id or profile field but found end of condition");
  CHECK(syntax_error("(a = yes") == "at column 9: expected ')' but found end of condition");
  CHECK(syntax_error("a in yes") == "at column 6: expected '[' after 'in' but found 'yes'");
  CHECK(syntax_error("a in [yes no]") == "at column 11: expected ',' or ']' but found 'no'");
  CHECK(syntax_error("a = Yes") == "at column 5: unexpected character 'Y'");
  CHECK(syntax_error("a = yes b = no") == "at column 9: unexpected 'b'");
  CHECK(syntax_error("profile.age = adult") == "at column 1: unknown profile field 'profile.age'");
  CHECK(syntax_error("a = and") == "at column 5: expected value after '=' but found 'and'");
}

TEST_CASE("tests_of lists every test with its columns", "[condition]") {
  const Condition parsed = parse_condition("a = yes or (b in [x, y] and not profile.under16 = true)");
  const auto tests = tests_of(parsed);
  REQUIRE(tests.size() == 3);
  CHECK(tests[0]->ref == "a");
  CHECK(tests[1]->ref == "b");
  CHECK(tests[1]->ref_column == 13);
  CHECK(tests[1]->value_columns == std::vector<size_t>{19, 22});
  CHECK(tests[2]->ref == "profile.under16");
}
