#include <catch2/catch.hpp>

#include "core/session.h"

using namespace signaal;

namespace {

// Safety first, then age and the activity gate; recruitment only when someone arranged the
// work; the minors module only for minors (or unknown age).
const char* kQuestionnaire = R"({
  "id": "test", "version": "1", "engine": "th-ilo-palermo-v1",
  "questions": [
    {"id": "safe_now", "section": "safety", "type": "yesno", "audiences": ["self", "professional"],
     "indicators": [{"id": "SAFE.IMMEDIATE_DANGER", "reverse": true}], "emergency": false},
    {"id": "danger", "section": "safety", "type": "yesno", "audiences": ["self", "professional"],
     "indicators": [{"id": "SAFE.IMMEDIATE_DANGER"}], "emergency": true},
    {"id": "age", "section": "about", "type": "choice", "audiences": ["self", "professional"],
     "options": [{"value": "under16", "profile": {"age_group": "minor", "under16": true}},
                 {"value": "16_17", "profile": {"age_group": "minor"}},
                 {"value": "adult", "profile": {"age_group": "adult"}}]},
    {"id": "activities", "section": "about", "type": "multi", "audiences": ["self", "self_minor", "professional"],
     "options": [{"value": "labour", "profile": {"activity": "labour"}},
                 {"value": "sexual", "profile": {"activity": "sexual"}, "indicators": ["EXP.SEX.COMMERCIAL"]},
                 {"value": "none"}]},
    {"id": "arranged", "section": "recruitment", "type": "yesno", "audiences": ["self", "professional"]},
    {"id": "lied_job", "section": "recruitment", "type": "yesno", "audiences": ["self", "professional"],
     "when": "arranged = yes", "indicators": [{"id": "REC_DEC.NATURE_JOB"}]},
    {"id": "docs_kept", "section": "control", "type": "yesno", "audiences": ["self", "self_minor", "professional"],
     "indicators": [{"id": "DEST_COE.DOCUMENTS"}]},
    {"id": "can_leave", "section": "control", "type": "yesno", "audiences": ["self", "professional"],
     "indicators": [{"id": "DEST_COE.CANNOT_LEAVE", "reverse": true}, {"id": "DEST_COE.DOCUMENTS"}]},
    {"id": "school", "section": "minors", "type": "yesno", "audiences": ["self_minor", "professional"],
     "when": "profile.age_group in [minor, unknown]", "indicators": [{"id": "RISK_MINOR.SCHOOL"}]}
  ]})";

std::vector<std::string> route_ids(const Session& session) {
  std::vector<std::string> ids;
  for (const Question* question : session.route()) ids.push_back(question->id);
  return ids;
}

void answer_and_next(Session& session, const std::string& value) {
  session.answer(value);
  REQUIRE(session.next());
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("the route follows the answers and the profile", "[session]") {
  const Questionnaire questionnaire = Questionnaire::load(kQuestionnaire, "questionnaire.json");
  Session session(questionnaire, Audience::self);
  // Age unknown until answered: the minors module is on the route, recruitment follow-up not.
  CHECK(route_ids(session) == Ids{"safe_now", "danger", "age", "activities", "arranged", "docs_kept", "can_leave", "school"});
  CHECK(session.current()->id == "safe_now");
  CHECK(session.progress().position == 1);
  CHECK(session.progress().total == 8);
  CHECK_FALSE(session.next());  // not answered yet

  answer_and_next(session, "yes");
  answer_and_next(session, "no");
  answer_and_next(session, "adult");
  session.answer(std::vector<std::string>{"sexual", "labour"});
  CHECK(session.answer_of("activities")->values == Ids{"labour", "sexual"});  // option order
  REQUIRE(session.next());
  answer_and_next(session, "yes");
  CHECK(route_ids(session) == Ids{"safe_now", "danger", "age", "activities", "arranged", "lied_job", "docs_kept", "can_leave"});
  CHECK(session.current()->id == "lied_job");
  CHECK(session.progress().position == 6);
  CHECK(session.progress().total == 8);
  CHECK(session.profile().age_group == AgeGroup::adult);
  CHECK(session.profile().activities == Ids{"labour", "sexual"});

  answer_and_next(session, "yes");
  answer_and_next(session, "no");
  answer_and_next(session, "yes");
  CHECK(session.finished());
  CHECK(session.progress().position == 8);
  REQUIRE(session.back());
  CHECK(session.current()->id == "can_leave");
}

TEST_CASE("changing an earlier answer drops the answers that fall off the route", "[session]") {
  const Questionnaire questionnaire = Questionnaire::load(kQuestionnaire, "questionnaire.json");
  Session session(questionnaire, Audience::self);
  for (const char* value : {"yes", "no", "adult"}) answer_and_next(session, value);
  answer_and_next(session, "labour");
  answer_and_next(session, "yes");  // arranged
  answer_and_next(session, "yes");  // lied_job
  REQUIRE(session.assessment_input().answers.count("REC_DEC.NATURE_JOB") == 1);

  REQUIRE(session.back());
  REQUIRE(session.back());
  CHECK(session.current()->id == "arranged");
  session.answer("no");
  CHECK(session.answer_of("lied_job") == nullptr);
  CHECK(session.visible_answers().count("lied_job") == 0);
  CHECK(session.assessment_input().answers.count("REC_DEC.NATURE_JOB") == 0);
  // Answering yes again brings the question back, empty: the old answer is gone for good.
  session.answer("yes");
  CHECK(session.answer_of("lied_job") == nullptr);
  REQUIRE(session.next());
  CHECK(session.current()->id == "lied_job");
}

TEST_CASE("the age answer moves the minors module on and off the route", "[session]") {
  const Questionnaire questionnaire = Questionnaire::load(kQuestionnaire, "questionnaire.json");
  Session session(questionnaire, Audience::self);
  for (const char* value : {"yes", "no", "16_17", "none", "no", "no", "yes"}) answer_and_next(session, value);
  session.answer("yes");  // school
  CHECK(session.assessment_input().answers.at("RISK_MINOR.SCHOOL") == IndicatorState::yes);
  for (int i = 0; i < 5; ++i) REQUIRE(session.back());
  CHECK(session.current()->id == "age");
  session.answer("adult");
  CHECK(session.visible_answers().count("school") == 0);
  const AssessmentInput input = session.assessment_input();
  CHECK(input.answers.count("RISK_MINOR.SCHOOL") == 0);
  CHECK(input.age_group == AgeGroup::adult);
  CHECK_FALSE(input.under16);
}

TEST_CASE("indicator states: reverse mapping, strongest wins, prefer_not is missing", "[session]") {
  const Questionnaire questionnaire = Questionnaire::load(kQuestionnaire, "questionnaire.json");
  Session session(questionnaire, Audience::professional);
  answer_and_next(session, "no");          // safe_now, reverse: SAFE.IMMEDIATE_DANGER yes
  answer_and_next(session, "prefer_not");  // danger: adds nothing
  answer_and_next(session, "under16");
  session.answer(std::vector<std::string>{"sexual"});
  REQUIRE(session.next());
  answer_and_next(session, "no");      // arranged
  answer_and_next(session, "unsure");  // docs_kept: DEST_COE.DOCUMENTS unsure
  answer_and_next(session, "yes");     // can_leave, reverse: CANNOT_LEAVE no; DOCUMENTS yes beats unsure
  session.answer("prefer_not");        // school

  const AssessmentInput input = session.assessment_input();
  CHECK(input.answers.at("SAFE.IMMEDIATE_DANGER") == IndicatorState::yes);
  CHECK(input.answers.at("DEST_COE.CANNOT_LEAVE") == IndicatorState::no);
  CHECK(input.answers.at("DEST_COE.DOCUMENTS") == IndicatorState::yes);
  CHECK(input.answers.at("EXP.SEX.COMMERCIAL") == IndicatorState::yes);
  CHECK(input.answers.count("RISK_MINOR.SCHOOL") == 0);
  CHECK(input.answers.size() == 4);
  CHECK(input.age_group == AgeGroup::minor);
  CHECK(input.under16);
  CHECK(input.activities == Ids{"sexual"});
  CHECK_FALSE(session.emergency());
}

TEST_CASE("unsure does not beat yes, and no does not beat unsure", "[session]") {
  const Questionnaire questionnaire = Questionnaire::load(kQuestionnaire, "questionnaire.json");
  Session session(questionnaire, Audience::self);
  for (const char* value : {"yes", "no", "adult", "none", "no", "yes"}) answer_and_next(session, value);
  session.answer("yes");  // can_leave yes -> DOCUMENTS yes from the second link... and docs_kept yes
  CHECK(session.assessment_input().answers.at("DEST_COE.DOCUMENTS") == IndicatorState::yes);
  REQUIRE(session.back());
  session.answer("unsure");  // docs_kept unsure, can_leave yes -> yes still wins
  CHECK(session.assessment_input().answers.at("DEST_COE.DOCUMENTS") == IndicatorState::yes);
  REQUIRE(session.next());
  session.answer("unsure");  // can_leave unsure, docs_kept unsure
  CHECK(session.assessment_input().answers.at("DEST_COE.DOCUMENTS") == IndicatorState::unsure);
  REQUIRE(session.back());
  session.answer("no");  // docs_kept no, can_leave unsure -> unsure
  CHECK(session.assessment_input().answers.at("DEST_COE.DOCUMENTS") == IndicatorState::unsure);
}

TEST_CASE("emergency, wording, invalid answers and wipe", "[session]") {
  const Questionnaire questionnaire = Questionnaire::load(kQuestionnaire, "questionnaire.json");
  Session session(questionnaire, Audience::self);
  const Question& activities = *questionnaire.find("activities");
  CHECK(session.wording_audience(activities) == Wording::self_minor);  // age unknown
  CHECK(session.wording_audience(*questionnaire.find("arranged")) == Wording::self);  // has no self_minor
  answer_and_next(session, "yes");
  session.answer("yes");
  CHECK(session.emergency());
  REQUIRE(session.next());

  CHECK_THROWS_AS(session.answer("maybe"), std::invalid_argument);
  CHECK_THROWS_AS(session.answer(std::vector<std::string>{"adult", "16_17"}), std::invalid_argument);
  session.answer("adult");
  CHECK(session.wording_audience(activities) == Wording::self);
  REQUIRE(session.next());
  CHECK_THROWS_AS(session.answer(std::vector<std::string>{"labour", "prefer_not"}), std::invalid_argument);
  CHECK_THROWS_AS(session.answer(std::vector<std::string>{}), std::invalid_argument);

  session.wipe();
  CHECK(session.visible_answers().empty());
  CHECK(session.current()->id == "safe_now");
  CHECK_FALSE(session.emergency());
  CHECK(session.profile().age_group == AgeGroup::unknown);
  CHECK(session.assessment_input().answers.empty());

  Session professional(questionnaire, Audience::professional);
  CHECK(professional.wording_audience(activities) == Wording::professional);
  CHECK(professional.profile().audience == Audience::professional);
}
