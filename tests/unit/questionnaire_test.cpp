#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/questionnaire.h"

using namespace signaal;
using nlohmann::json;

namespace {

json valid_document() {
  return json::parse(R"({
    "id": "test", "version": "1", "engine": "th-ilo-palermo-v1",
    "questions": [
      {"id": "age", "section": "about", "type": "choice", "audiences": ["self", "professional"],
       "options": [{"value": "minor", "profile": {"age_group": "minor"}},
                   {"value": "adult", "profile": {"age_group": "adult"}}]},
      {"id": "activities", "section": "about", "type": "multi", "audiences": ["self"],
       "options": [{"value": "labour", "profile": {"activity": "labour"}}, {"value": "none"}]},
      {"id": "arranged", "section": "recruitment", "type": "yesno", "audiences": ["self"]},
      {"id": "docs_kept", "section": "control", "type": "yesno", "audiences": ["self", "self_minor"],
       "when": "arranged = yes or profile.age_group != adult",
       "indicators": [{"id": "DEST_COE.DOCUMENTS"}, {"id": "DEST_COE.CANNOT_LEAVE", "reverse": true}],
       "sensitive": true}
    ]})");
}

std::vector<std::string> findings_of(const json& document) {
  try {
    Questionnaire::load(document.dump(), "questionnaire.json");
  } catch (const LoadError& e) {
    std::vector<std::string> lines;
    for (const Finding& finding : e.findings()) lines.push_back(to_string(finding));
    return lines;
  }
  return {};
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("a valid questionnaire loads into the typed model", "[questionnaire]") {
  const Questionnaire questionnaire = Questionnaire::load(valid_document().dump(), "questionnaire.json");
  REQUIRE(questionnaire.questions.size() == 4);
  const Question& docs = questionnaire.questions[3];
  CHECK(docs.type == QuestionType::yesno);
  CHECK(docs.audiences == std::vector<Wording>{Wording::self, Wording::self_minor});
  CHECK(docs.when.kind == Condition::Kind::any);
  REQUIRE(docs.indicators.size() == 2);
  CHECK(docs.indicators[1].id == "DEST_COE.CANNOT_LEAVE");
  CHECK(docs.indicators[1].reverse);
  CHECK(docs.sensitive);
  CHECK(questionnaire.find("age")->options[0].profile.age_group == AgeGroup::minor);
  CHECK(questionnaire.index_of("arranged") == 2);
  CHECK(questionnaire.find("nope") == nullptr);
  CHECK(questionnaire.find("activities")->answer_values() == std::vector<std::string>{"labour", "none", "prefer_not"});
}

TEST_CASE("to_json writes back what from_json reads", "[questionnaire]") {
  const json document = valid_document();
  const Questionnaire questionnaire = document.get<Questionnaire>();
  CHECK(json(questionnaire) == document);
}

TEST_CASE("not JSON at all", "[questionnaire]") {
  try {
    Questionnaire::load("{\"id\": ", "questionnaire.json");
    FAIL("loaded");
  } catch (const LoadError& e) {
    REQUIRE(e.findings().size() == 1);
    CHECK(e.findings()[0].pointer.empty());
    CHECK(e.findings()[0].message.rfind("not valid JSON: parse error at line 1, column 8", 0) == 0);
  }
}

TEST_CASE("every problem is reported with file and pointer, all at once", "[questionnaire]") {
  json document = valid_document();
  document["engine"] = "other-engine";
  document["questions"][0]["options"][1]["profile"]["age_group"] = "old";
  document["questions"][1]["id"] = "Activities";
  document["questions"][2]["type"] = "scale";
  document["questions"][2]["audiences"] = json::array({"self", "victim", "self"});
  document["questions"][3]["sensitve"] = true;
  CHECK(findings_of(document) == Lines{
      "questionnaire.json: /engine: unknown engine \"other-engine\" (this build scores th-ilo-palermo-v1)",
      "questionnaire.json: /questions/0/options/1/profile/age_group: unknown age group \"old\" (adult, minor, unknown)",
      "questionnaire.json: /questions/1/id: \"Activities\" is not a valid id (use a-z, 0-9 and _)",
      "questionnaire.json: /questions/2/type: unknown type \"scale\" (yesno, choice, multi)",
      "questionnaire.json: /questions/2/audiences/1: unknown audience \"victim\" (self, self_minor, professional)",
      "questionnaire.json: /questions/2/audiences/2: audience \"self\" listed twice",
      "questionnaire.json: /questions/3/sensitve: unknown field \"sensitve\"",
  });
}

TEST_CASE("duplicate ids and missing fields", "[questionnaire]") {
  json document = valid_document();
  document["questions"][2]["id"] = "age";
  document["questions"][1].erase("section");
  CHECK(findings_of(document) == Lines{
      "questionnaire.json: /questions/1: missing field \"section\"",
      "questionnaire.json: /questions/2/id: duplicate id \"age\" (first at /questions/0)",
      "questionnaire.json: /questions/3/when: at column 1: unknown question \"arranged\"",
  });
}

TEST_CASE("options only on choice and multi, indicators and emergency only on yesno", "[questionnaire]") {
  json document = valid_document();
  document["questions"][2]["options"] = json::array({json{{"value", "x"}}});
  document["questions"][0]["indicators"] = json::array({json{{"id", "DEST_COE.DOCUMENTS"}}});
  document["questions"][0]["emergency"] = true;
  document["questions"][1]["options"][1]["value"] = "prefer_not";
  document["questions"][1]["options"].push_back(json{{"value", "labour"}});
  document["questions"][1]["options"][0]["profile"]["activity"] = "farming";
  CHECK(findings_of(document) == Lines{
      "questionnaire.json: /questions/0/indicators: indicators are only for yesno questions (options carry their own)",
      "questionnaire.json: /questions/0/emergency: only a yesno question can be an emergency question",
      "questionnaire.json: /questions/1/options/0/profile/activity: unknown activity \"farming\" (labour, domestic, sexual, criminal, begging, other)",
      "questionnaire.json: /questions/1/options/1/value: \"prefer_not\" is offered with every question; it is not an option",
      "questionnaire.json: /questions/1/options/2/value: option \"labour\" listed twice",
      "questionnaire.json: /questions/2/options: options are only for choice and multi questions",
  });
}

TEST_CASE("conditions: syntax, later questions and unknown answers", "[questionnaire]") {
  json document = valid_document();
  document["questions"][3]["when"] = "arranged = yes and x =";
  document["questions"][0]["when"] = "docs_kept = yes";
  document["questions"][1]["when"] = "age = maybe or profile.age_group = old or activities = activities";
  document["questions"][2]["when"] = "arranged = yes";
  CHECK(findings_of(document) == Lines{
      "questionnaire.json: /questions/3/when: at column 23: expected value after '=' but found end of condition",
      "questionnaire.json: /questions/0/when: at column 1: question \"docs_kept\" comes later (/questions/3); a condition may refer only to earlier questions",
      "questionnaire.json: /questions/1/when: at column 7: unknown value \"maybe\" for question \"age\"",
      "questionnaire.json: /questions/1/when: at column 36: unknown value \"old\" for profile.age_group",
      "questionnaire.json: /questions/1/when: at column 43: a question's condition cannot refer to the question itself",
      "questionnaire.json: /questions/2/when: at column 1: a question's condition cannot refer to the question itself",
  });
}
