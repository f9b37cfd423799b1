// Engine th-ilo-palermo-v1 against the shipped catalogue: every branch of MODEL.md's rule,
// each threshold at its boundary, and the evaluation contract's JSON forms.
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/assessment.h"
#include "core/load_error.h"

using namespace signaal;
using Strings = std::vector<std::string>;
using Answers = std::map<std::string, IndicatorState>;

namespace {

const IndicatorCatalogue& catalogue() {
  static const IndicatorCatalogue loaded = [] {
    std::ifstream in(std::string(SIGNAAL_SOURCE_DIR) + "/web/content/indicators.json", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return IndicatorCatalogue::load(text.str(), "indicators.json");
  }();
  return loaded;
}

constexpr IndicatorState yes = IndicatorState::yes;
constexpr IndicatorState unsure = IndicatorState::unsure;
constexpr IndicatorState no = IndicatorState::no;

Answers all(std::initializer_list<std::string> ids, IndicatorState state) {
  Answers answers;
  for (const std::string& id : ids) answers[id] = state;
  return answers;
}

Answers combined(Answers first, const Answers& second) {
  first.insert(second.begin(), second.end());
  return first;
}

Assessment assess_as(AgeGroup age_group, const Answers& answers, Strings activities = {"labour"}, bool under16 = false) {
  return assess(catalogue(), AssessmentInput{age_group, under16, std::move(activities), answers});
}

Assessment adult(const Answers& answers, Strings activities = {"labour"}) {
  return assess_as(AgeGroup::adult, answers, std::move(activities));
}

Assessment minor(const Answers& answers, Strings activities = {"labour"}) {
  return assess_as(AgeGroup::minor, answers, std::move(activities));
}

DimensionStatus status(const Assessment& result, const std::string& dimension) {
  return result.dimensions.at(dimension);
}

Strings rules(const Assessment& result) {
  Strings ids;
  for (const Reason& reason : result.reasons) ids.push_back(reason.rule);
  return ids;
}

const Reason& reason(const Assessment& result, const std::string& rule) {
  for (const Reason& r : result.reasons) {
    if (r.rule == rule) return r;
  }
  FAIL("no reason " << rule);
  return result.reasons.front();
}

// Graded-dimension indicators with no influence on level rules beyond "present"/"asked":
// REC_VUL and DEST_VUL, so the INCONCLUSIVE tests can vary counts freely.
const Strings kVulnerability = {"REC_VUL.FAMILY_SITUATION", "REC_VUL.IRREGULAR_STATUS", "REC_VUL.LANGUAGE_EDUCATION",
                                "REC_VUL.ECONOMIC",         "REC_VUL.PERSONAL_SITUATION", "DEST_VUL.DEPENDENCY",
                                "DEST_VUL.UNKNOWN_AREA",    "DEST_VUL.ECONOMIC",        "DEST_VUL.FAMILY",
                                "DEST_VUL.LEGAL_STATUS",    "DEST_VUL.PAST"};

// `unsure_count` of the first ids unsure, the next `no_count` no.
Answers unsure_then_no(size_t unsure_count, size_t no_count) {
  Answers answers;
  for (size_t i = 0; i < unsure_count + no_count; ++i) answers[kVulnerability.at(i)] = i < unsure_count ? unsure : no;
  return answers;
}

// EXP positive under AL without any ICLS role: three M graded indicators with icls null.
const Answers kExploitationWithoutIcls =
    all({"EXP.WAGE_MANIPULATION", "EXP.NO_LABOUR_LAW", "EXP.NO_SOCIAL_PROTECTION"}, yes);

}  // namespace

TEST_CASE("dimension status at each threshold (DEST_COE under AL: S, M and W indicators)") {
  const auto dest_coe = [](const Answers& answers) { return status(adult(answers), "DEST_COE"); };
  using enum DimensionStatus;
  CHECK(dest_coe(all({"DEST_COE.DOCUMENTS", "DEST_COE.DEBT_BONDAGE"}, yes)) == positive);          // 2 S
  CHECK(dest_coe(all({"DEST_COE.DOCUMENTS", "DEST_COE.THREATS"}, yes)) == positive);               // 1 S + 1 M
  CHECK(dest_coe(all({"DEST_COE.DOCUMENTS", "DEST_COE.INFORM_FAMILY_PUBLIC"}, yes)) == positive);  // 1 S + 1 W
  CHECK(dest_coe(all({"DEST_COE.DOCUMENTS"}, yes)) == partial);                                    // 1 S alone
  CHECK(dest_coe(all({"DEST_COE.THREATS", "DEST_COE.DENUNCIATION", "DEST_COE.WORSE_CONDITIONS"}, yes)) ==
        positive);  // 3 M
  CHECK(dest_coe(all({"DEST_COE.THREATS", "DEST_COE.DENUNCIATION", "DEST_COE.INFORM_FAMILY_PUBLIC"}, yes)) ==
        positive);                                                                                 // 2 M + 1 W
  CHECK(dest_coe(all({"DEST_COE.THREATS", "DEST_COE.DENUNCIATION"}, yes)) == partial);            // 2 M alone
  CHECK(dest_coe(all({"DEST_COE.THREATS", "DEST_COE.INFORM_FAMILY_PUBLIC"}, yes)) == partial);    // 1 M + 1 W
  CHECK(dest_coe(all({"DEST_COE.THREATS"}, yes)) == partial);                                      // 1 M
  CHECK(dest_coe(all({"DEST_COE.INFORM_FAMILY_PUBLIC"}, yes)) == weak);                            // only W
  CHECK(status(adult(all({"REC_VUL.PAST_DIFFICULTIES", "REC_VUL.BELIEFS", "REC_VUL.GENERAL_CONTEXT"}, yes)),
               "REC_VUL") == weak);                                                                // 3 W are still weak
  CHECK(dest_coe({}) == absent);
}

TEST_CASE("only present indicators count towards a dimension; no and unsure do not") {
  const Answers answers = combined(all({"DEST_COE.DOCUMENTS"}, yes),
                                   combined(all({"DEST_COE.DEBT_BONDAGE"}, unsure), all({"DEST_COE.CONFINEMENT"}, no)));
  CHECK(status(adult(answers), "DEST_COE") == DimensionStatus::partial);
  CHECK(status(adult(all({"DEST_COE.DOCUMENTS", "DEST_COE.DEBT_BONDAGE"}, unsure)), "DEST_COE") ==
        DimensionStatus::absent);
}

TEST_CASE("every result has the six graded dimensions") {
  const Assessment result = adult({});
  CHECK(result.dimensions == std::map<std::string, DimensionStatus>{{"DEST_COE", DimensionStatus::absent},
                                                                    {"DEST_VUL", DimensionStatus::absent},
                                                                    {"EXP", DimensionStatus::absent},
                                                                    {"REC_COE", DimensionStatus::absent},
                                                                    {"REC_DEC", DimensionStatus::absent},
                                                                    {"REC_VUL", DimensionStatus::absent}});
}

TEST_CASE("a '-' grade adds nothing to the dimension but the indicator is still present") {
  // EXP.SEX.MINOR_COMMERCIAL is "-" under AL and AS: EXP stays absent, yet "any EXP
  // indicator present" holds (level 2) and it implies the sexual category.
  const Assessment result = adult(all({"EXP.SEX.MINOR_COMMERCIAL"}, yes), {});
  CHECK(status(result, "EXP") == DimensionStatus::absent);
  CHECK(result.level == 2);
  CHECK(result.categories == Strings{"sexual"});
  // EXP.NO_SOCIAL_PROTECTION is "-" under CL: two M plus it stay partial for a child.
  CHECK(status(minor(all({"EXP.LOW_NO_PAY", "EXP.BAD_HOUSING", "EXP.NO_SOCIAL_PROTECTION"}, yes)), "EXP") ==
        DimensionStatus::partial);
  CHECK(status(adult(all({"EXP.LOW_NO_PAY", "EXP.BAD_HOUSING", "EXP.NO_SOCIAL_PROTECTION"}, yes)), "EXP") ==
        DimensionStatus::positive);
}

TEST_CASE("adult level 4: EXP positive with a REC_* and a DEST_* dimension positive") {
  // REC_DEC 3 M (invol), EXP S + M (invol), DEST_VUL 3 M: no coercion anywhere.
  const Answers answers = all({"REC_DEC.WAGES", "REC_DEC.CONDITIONS", "REC_DEC.HOUSING", "EXP.EXCESSIVE_HOURS",
                               "EXP.LOW_NO_PAY", "DEST_VUL.DEPENDENCY", "DEST_VUL.UNKNOWN_AREA", "DEST_VUL.ECONOMIC"},
                              yes);
  const Assessment result = adult(answers);
  CHECK(result.level == 4);
  CHECK(rules(result) == Strings{"adult.level4.rec_and_dest", "dimension.positive", "dimension.positive",
                                 "dimension.positive"});
  const Reason& fired = reason(result, "adult.level4.rec_and_dest");
  CHECK(fired.dimensions == Strings{"REC_DEC", "EXP", "DEST_VUL"});
  CHECK(fired.indicators == Strings{"REC_DEC.WAGES", "REC_DEC.CONDITIONS", "REC_DEC.HOUSING", "EXP.EXCESSIVE_HOURS",
                                    "EXP.LOW_NO_PAY", "DEST_VUL.DEPENDENCY", "DEST_VUL.UNKNOWN_AREA",
                                    "DEST_VUL.ECONOMIC"});
  // Without the DEST_* side it is no longer level 4 (REC_DEC not absent keeps it at 3).
  const Assessment without_dest = adult(all({"REC_DEC.WAGES", "REC_DEC.CONDITIONS", "REC_DEC.HOUSING",
                                             "EXP.EXCESSIVE_HOURS", "EXP.LOW_NO_PAY"}, yes));
  CHECK(without_dest.level == 3);
}

TEST_CASE("adult level 4: EXP and DEST_COE positive with INVOL and COERC") {
  const Assessment result =
      adult(all({"EXP.EXCESSIVE_HOURS", "EXP.LOW_NO_PAY", "DEST_COE.DOCUMENTS", "DEST_COE.DEBT_BONDAGE"}, yes));
  CHECK(result.level == 4);
  CHECK(rules(result) == Strings{"adult.level4.dest_coercion_and_icls", "dimension.positive", "dimension.positive"});
  const Reason& fired = reason(result, "adult.level4.dest_coercion_and_icls");
  CHECK(fired.dimensions == Strings{"EXP", "DEST_COE"});
  CHECK(fired.indicators ==
        Strings{"EXP.EXCESSIVE_HOURS", "EXP.LOW_NO_PAY", "DEST_COE.DOCUMENTS", "DEST_COE.DEBT_BONDAGE"});
}

TEST_CASE("adult: EXP and DEST_COE positive with COERC but no INVOL and no REC_* is level 3") {
  // EXP positive through icls-null indicators; DEST_COE through coerc ones; no REC_* at all.
  const Assessment result =
      adult(combined(kExploitationWithoutIcls, all({"DEST_COE.DOCUMENTS", "DEST_COE.DEBT_BONDAGE"}, yes)));
  // DEST_COE positive is itself a DEST_* dimension, but no REC_* is positive: not 4.
  CHECK(result.level == 3);
  CHECK(rules(result) == Strings{"adult.level3.exp_and_coercion", "adult.level3.strong_coercion",
                                 "dimension.positive", "dimension.positive"});
}

TEST_CASE("adult level 3, each branch on its own") {
  SECTION("EXP positive and COERC") {
    const Assessment result = adult(combined(kExploitationWithoutIcls, all({"DEST_COE.THREATS"}, yes)));
    CHECK(result.level == 3);
    CHECK(rules(result) == Strings{"adult.level3.exp_and_coercion", "dimension.positive"});
    CHECK(reason(result, "adult.level3.exp_and_coercion").indicators ==
          Strings{"EXP.WAGE_MANIPULATION", "EXP.NO_LABOUR_LAW", "EXP.NO_SOCIAL_PROTECTION", "DEST_COE.THREATS"});
  }
  SECTION("EXP positive and REC_DEC not absent (weak is enough)") {
    const Assessment result = adult(combined(kExploitationWithoutIcls, all({"REC_DEC.EDUCATION"}, yes)));
    CHECK(status(result, "REC_DEC") == DimensionStatus::weak);
    CHECK(result.level == 3);
    CHECK(rules(result) == Strings{"adult.level3.exp_and_deception", "dimension.positive"});
    CHECK(reason(result, "adult.level3.exp_and_deception").dimensions == Strings{"REC_DEC", "EXP"});
  }
  SECTION("EXP positive and a REC_VUL/DEST_VUL indicator present") {
    const Assessment result = adult(combined(kExploitationWithoutIcls, all({"DEST_VUL.PAST"}, yes)));
    CHECK(result.level == 3);
    CHECK(rules(result) == Strings{"adult.level3.exp_and_vulnerability", "dimension.positive"});
    CHECK(reason(result, "adult.level3.exp_and_vulnerability").dimensions == Strings{"EXP", "DEST_VUL"});
  }
  SECTION("INVOL and COERC without EXP") {
    const Assessment result = adult(all({"DEST_COE.CANNOT_LEAVE", "DEST_COE.THREATS"}, yes));
    CHECK(result.level == 3);
    CHECK(rules(result) == Strings{"adult.level3.icls"});
    CHECK(reason(result, "adult.level3.icls").indicators == Strings{"DEST_COE.THREATS", "DEST_COE.CANNOT_LEAVE"});
  }
  SECTION("a REC_COE/DEST_COE indicator graded S") {
    const Assessment result = adult(all({"REC_COE.VIOLENCE"}, yes));
    CHECK(result.level == 3);
    CHECK(rules(result) == Strings{"adult.level3.strong_coercion"});
    CHECK(reason(result, "adult.level3.strong_coercion").dimensions == Strings{"REC_COE"});
  }
  SECTION("without EXP positive, EXP partial with coercion (and no INVOL) is not level 3") {
    CHECK(adult(all({"EXP.WAGE_MANIPULATION", "DEST_COE.THREATS"}, yes)).level == 2);
  }
  SECTION("COERC alone, graded M, is not level 3") {
    CHECK(adult(all({"REC_COE.THREATS"}, yes)).level == 0);
  }
}

TEST_CASE("the sexual profile switches grades, whether chosen or implied") {
  // DEST_COE.FORCED_TASKS_CLIENTS: AL M, AS S. Under AS it is strong coercion on its own.
  CHECK(adult(all({"DEST_COE.FORCED_TASKS_CLIENTS"}, yes), {"labour"}).level == 0);
  CHECK(adult(all({"DEST_COE.FORCED_TASKS_CLIENTS"}, yes), {"sexual"}).level == 3);
  // Implied: EXP.SEX.EARNINGS_TAKEN makes the category sexual although only labour was chosen.
  const Assessment implied = adult(all({"DEST_COE.FORCED_TASKS_CLIENTS", "EXP.SEX.EARNINGS_TAKEN"}, yes), {"labour"});
  CHECK(implied.categories == Strings{"labour", "sexual"});
  CHECK(implied.level == 3);
  CHECK(reason(implied, "adult.level3.strong_coercion").indicators == Strings{"DEST_COE.FORCED_TASKS_CLIENTS"});
  // Unsure does not imply the category, so the grade stays M and the level 2 (EXP present).
  // (Three more answered indicators keep the unsure one below INCONCLUSIVE's 30 %.)
  const Assessment unsure_sex = adult(combined(combined(all({"DEST_COE.FORCED_TASKS_CLIENTS", "EXP.LOW_NO_PAY"}, yes),
                                                        all({"EXP.SEX.EARNINGS_TAKEN"}, unsure)),
                                               unsure_then_no(0, 3)));
  CHECK(unsure_sex.categories == Strings{"labour"});
  CHECK(unsure_sex.level == 2);
  // The child profiles switch too: EXP.HAZARDOUS is CL M, CS S.
  CHECK(status(minor(all({"EXP.HAZARDOUS", "EXP.NO_EDUCATION"}, yes), {"labour"}), "EXP") == DimensionStatus::partial);
  CHECK(status(minor(all({"EXP.HAZARDOUS", "EXP.NO_EDUCATION"}, yes), {"sexual"}), "EXP") == DimensionStatus::positive);
}

TEST_CASE("adult levels 2, 1 and 0") {
  SECTION("2: any EXP indicator present") {
    const Assessment result = adult(all({"EXP.LOW_NO_PAY"}, yes));
    CHECK(result.level == 2);
    CHECK(rules(result) == Strings{"adult.level2.exploitation"});
  }
  SECTION("1: a REC_VUL/DEST_VUL indicator present") {
    const Assessment result = adult(all({"REC_VUL.ECONOMIC"}, yes));
    CHECK(result.level == 1);
    CHECK(rules(result) == Strings{"adult.level1.vulnerability"});
  }
  SECTION("1: any answer unsure, even outside the graded dimensions") {
    const Assessment result = adult(all({"ACT.RECRUITED"}, unsure));
    CHECK(result.level == 1);
    CHECK(rules(result) == Strings{"adult.level1.unsure"});
    CHECK(reason(result, "adult.level1.unsure").indicators == Strings{"ACT.RECRUITED"});
    CHECK(result.flags.empty());  // no graded dimension was asked: not INCONCLUSIVE
  }
  SECTION("0: only no answers, or nothing answered") {
    const Assessment result = adult(all({"EXP.LOW_NO_PAY", "DEST_COE.DOCUMENTS", "REC_VUL.ECONOMIC"}, no));
    CHECK(result.level == 0);
    CHECK(rules(result) == Strings{"adult.level0"});
    CHECK(adult({}, {}).level == 0);
    CHECK(adult(all({"ACT.RECRUITED", "ACT.HOUSED"}, yes)).level == 0);
  }
}

TEST_CASE("minors: no means required") {
  SECTION("4: EXP positive") {
    const Assessment result = minor(all({"EXP.EXCESSIVE_HOURS", "EXP.LOW_NO_PAY"}, yes));
    CHECK(result.level == 4);
    CHECK(rules(result) == Strings{"minor.level4.exp_positive", "dimension.positive", "flag.minor"});
  }
  SECTION("4: each decisive indicator on its own (EXP only partial)") {
    for (const char* id : {"EXP.SEX.MINOR_COMMERCIAL", "EXP.SEX.ONLINE_CONTENT", "EXP.CRIM.CRIMES_FOR_OTHERS",
                           "EXP.BEG.FORCED_BEGGING", "EXP.OTHER.MARRIAGE_ORGAN_SURROGACY"}) {
      INFO(id);
      const Assessment result = minor(all({id}, yes), {});
      CHECK(status(result, "EXP") == DimensionStatus::partial);
      CHECK(result.level == 4);
      CHECK(reason(result, "minor.level4.decisive").indicators == Strings{id});
      // The same indicator unsure is not decisive.
      CHECK(minor(all({id}, unsure), {}).level < 4);
    }
  }
  SECTION("3: any EXP indicator present") {
    const Assessment result = minor(all({"EXP.NO_EDUCATION"}, yes));
    CHECK(result.level == 3);
    CHECK(rules(result) == Strings{"minor.level3.exploitation", "flag.minor"});
  }
  SECTION("3: COERC") {
    const Assessment result = minor(all({"DEST_COE.DENUNCIATION"}, yes));
    CHECK(result.level == 3);
    CHECK(rules(result) == Strings{"minor.level3.coercion", "flag.minor"});
  }
  SECTION("3: two RISK_MINOR signals; one is level 1") {
    const Assessment two = minor(all({"MIN.OLDER_PARTNER", "MIN.GIFTS_MONEY"}, yes));
    CHECK(two.level == 3);
    CHECK(rules(two) == Strings{"minor.level3.risk_signals", "flag.minor"});
    const Assessment one = minor(all({"MIN.OLDER_PARTNER"}, yes));
    CHECK(one.level == 1);
    CHECK(rules(one) == Strings{"minor.level1.risk", "flag.minor"});
  }
  SECTION("3: a RISK_MINOR signal plus a REC_VUL/DEST_VUL indicator") {
    const Assessment result = minor(all({"MIN.RUNAWAY", "DEST_VUL.LEGAL_STATUS"}, yes));
    CHECK(result.level == 3);
    CHECK(rules(result) == Strings{"minor.level3.risk_and_vulnerability", "flag.minor"});
    CHECK(reason(result, "minor.level3.risk_and_vulnerability").dimensions == Strings{"DEST_VUL", "RISK_MINOR"});
  }
  SECTION("1: a REC_VUL/DEST_VUL indicator") {
    const Assessment result = minor(all({"REC_VUL.ECONOMIC"}, yes));
    CHECK(result.level == 1);
    CHECK(rules(result) == Strings{"minor.level1.vulnerability", "flag.minor"});
  }
  SECTION("0: an unsure answer alone does not give a minor level 1 (the minors' rule has no such branch)") {
    const Assessment result = minor(all({"ACT.RECRUITED"}, unsure));
    CHECK(result.level == 0);
    CHECK(rules(result) == Strings{"minor.level0", "flag.minor"});
  }
  SECTION("no level 2 for minors: exploitation without more is 3") {
    CHECK(minor(all({"EXP.LOW_NO_PAY"}, yes)).level == 3);
    CHECK(adult(all({"EXP.LOW_NO_PAY"}, yes)).level == 2);
  }
}

TEST_CASE("unknown age is scored as a minor, with the child profile and the MINOR flag") {
  const Answers answers = all({"EXP.NO_EDUCATION", "EXP.LOW_NO_PAY", "EXP.BAD_HOUSING"}, yes);
  const Assessment unknown = assess_as(AgeGroup::unknown, answers);
  CHECK(status(unknown, "EXP") == DimensionStatus::positive);  // CL: 3 M
  CHECK(unknown.level == 4);
  CHECK(unknown.flags == Strings{"MINOR"});
  const Assessment grown = adult(answers);
  CHECK(status(grown, "EXP") == DimensionStatus::positive);  // AL: 2 M + 1 W
  CHECK(grown.level == 2);
  CHECK(grown.flags.empty());
  CHECK(assess_as(AgeGroup::unknown, all({"EXP.NO_EDUCATION"}, yes)).level == 3);
  CHECK(status(adult(all({"EXP.NO_EDUCATION", "EXP.LOW_NO_PAY"}, yes)), "EXP") == DimensionStatus::partial);
}

TEST_CASE("flags URGENT, MINOR and UNDER16") {
  const Assessment urgent = adult(all({"SAFE.IMMEDIATE_DANGER"}, yes));
  CHECK(urgent.flags == Strings{"URGENT"});
  CHECK(reason(urgent, "flag.urgent").indicators == Strings{"SAFE.IMMEDIATE_DANGER"});
  CHECK(adult(all({"SAFE.IMMEDIATE_DANGER"}, unsure)).flags.empty());
  CHECK(assess_as(AgeGroup::minor, {}, {}, true).flags == Strings{"MINOR", "UNDER16"});
  CHECK(assess_as(AgeGroup::unknown, {}, {}, true).flags == Strings{"MINOR", "UNDER16"});
  CHECK(assess_as(AgeGroup::minor, {}, {}, false).flags == Strings{"MINOR"});
  CHECK(assess_as(AgeGroup::adult, {}, {}, true).flags.empty());  // UNDER16 only with MINOR
  CHECK(assess_as(AgeGroup::minor, all({"SAFE.IMMEDIATE_DANGER"}, yes), {}, true).flags ==
        Strings{"URGENT", "MINOR", "UNDER16"});
}

TEST_CASE("SMUGGLING_NOT_TRAFFICKING only with a level of at most 1") {
  CHECK(adult(all({"CTX.SMUGGLED_PAID"}, yes)).flags == Strings{"SMUGGLING_NOT_TRAFFICKING"});        // level 0
  const Assessment level1 = adult(all({"CTX.SMUGGLED_PAID", "REC_VUL.GENERAL_CONTEXT"}, yes));
  CHECK(level1.level == 1);
  CHECK(level1.flags == Strings{"SMUGGLING_NOT_TRAFFICKING"});
  CHECK(reason(level1, "flag.smuggling_not_trafficking").indicators == Strings{"CTX.SMUGGLED_PAID"});
  CHECK(adult(all({"CTX.SMUGGLED_PAID", "EXP.LOW_NO_PAY"}, yes)).flags.empty());  // level 2
  CHECK(adult(all({"CTX.SMUGGLED_PAID"}, unsure)).flags.empty());               // not present
}

TEST_CASE("SMUGGLING_NOT_TRAFFICKING is checked on the level of step 4, before the INCONCLUSIVE raise") {
  // Level 1 by step 4 (an unsure answer); EXP unsure is 1 of 1 asked: INCONCLUSIVE raises to 3.
  const Assessment result = adult(combined(all({"CTX.SMUGGLED_PAID"}, yes), all({"EXP.LOW_NO_PAY"}, unsure)));
  CHECK(result.level == 3);
  CHECK(result.flags == Strings{"SMUGGLING_NOT_TRAFFICKING", "INCONCLUSIVE"});
}

TEST_CASE("INCONCLUSIVE at exactly 30 % of the asked graded-dimension indicators, not below") {
  // Ungraded dimensions (ACT, CTX, SAFE, RISK_MINOR) are neither counted as asked nor as unsure.
  const Answers ungraded = combined(all({"ACT.RECRUITED", "CTX.SMUGGLER_CONTACT_ENDED"}, no), all({"MIN.PHONES"}, unsure));
  const Assessment exactly = adult(combined(unsure_then_no(3, 7), ungraded));  // 3 of 10
  CHECK(exactly.flags == Strings{"INCONCLUSIVE"});
  CHECK(exactly.level == 1);  // unsure only in REC_VUL/DEST_VUL: no raise
  CHECK(reason(exactly, "flag.inconclusive").indicators ==
        Strings{"REC_VUL.FAMILY_SITUATION", "REC_VUL.IRREGULAR_STATUS", "REC_VUL.LANGUAGE_EDUCATION"});
  CHECK(reason(exactly, "flag.inconclusive").dimensions == Strings{"REC_VUL"});
  const Assessment below = adult(combined(unsure_then_no(3, 8), ungraded));  // 3 of 11
  CHECK(below.flags.empty());
  CHECK(adult(unsure_then_no(2, 5)).flags.empty());                      // 2 of 7: 28.6 %
  CHECK(adult(unsure_then_no(1, 0)).flags == Strings{"INCONCLUSIVE"});  // 1 of 1
}

TEST_CASE("INCONCLUSIVE raises the level to at least 3 when an unsure indicator is in EXP, REC_COE or DEST_COE") {
  for (const char* id : {"EXP.LOW_NO_PAY", "REC_COE.DEBT", "DEST_COE.DEBT_BONDAGE"}) {
    INFO(id);
    const Assessment result = adult(combined(unsure_then_no(0, 2), all({id}, unsure)));  // 1 of 3
    CHECK(result.level == 3);
    CHECK(result.flags == Strings{"INCONCLUSIVE"});
    const Reason& raised = reason(result, "flag.inconclusive.raise");
    CHECK(raised.indicators == Strings{id});
    // The same unsure answer among more answered ones, below 30 %, raises nothing.
    CHECK(adult(combined(unsure_then_no(0, 3), all({id}, unsure))).level == 1);  // 1 of 4
  }
  // Minors too: a base level 0 becomes 3.
  const Assessment child = minor(all({"DEST_COE.DEBT_BONDAGE"}, unsure));
  CHECK(child.level == 3);
  CHECK(child.flags == Strings{"MINOR", "INCONCLUSIVE"});
}

TEST_CASE("INCONCLUSIVE does not raise for unsure answers only in REC_DEC, REC_VUL or DEST_VUL, nor lower a level") {
  const Assessment deception = adult(all({"REC_DEC.WAGES", "DEST_VUL.PAST"}, unsure));
  CHECK(deception.flags == Strings{"INCONCLUSIVE"});
  CHECK(deception.level == 1);
  CHECK(rules(deception) == Strings{"adult.level1.unsure", "flag.inconclusive"});
  const Assessment high = adult(combined(
      all({"EXP.EXCESSIVE_HOURS", "EXP.LOW_NO_PAY", "DEST_COE.DOCUMENTS", "DEST_COE.DEBT_BONDAGE"}, yes),
      all({"EXP.BAD_HOUSING", "REC_COE.DEBT"}, unsure)));  // 2 of 6
  CHECK(high.flags == Strings{"INCONCLUSIVE"});
  CHECK(high.level == 4);
  CHECK(rules(high).back() == "flag.inconclusive");  // no raise reason: nothing was raised
}

TEST_CASE("categories: the activities chosen plus those implied by present indicators, sorted, unique") {
  CHECK(adult({}, {"sexual", "labour", "labour"}).categories == Strings{"labour", "sexual"});
  CHECK(adult(all({"EXP.CRIM.IDENTITY_MISUSE"}, yes), {}).categories == Strings{"financial"});
  CHECK(adult(all({"EXP.CRIM.PROCEEDS_TAKEN"}, yes), {}).categories == Strings{"criminal"});
  CHECK(adult(all({"EXP.CRIM.CRIMES_FOR_OTHERS", "EXP.CRIM.IDENTITY_MISUSE"}, yes), {}).categories ==
        Strings{"criminal", "financial"});
  CHECK(adult(all({"EXP.BEG.FORCED_BEGGING"}, yes), {}).categories == Strings{"begging"});
  CHECK(adult(all({"EXP.OTHER.MARRIAGE_ORGAN_SURROGACY"}, yes), {}).categories == Strings{"other"});
  CHECK(adult(all({"EXP.SEX.ONLINE_CONTENT"}, yes), {"sexual"}).categories == Strings{"sexual"});
  CHECK(adult(all({"EXP.SEX.ONLINE_CONTENT", "EXP.BEG.FORCED_BEGGING"}, unsure), {"domestic"}).categories ==
        Strings{"domestic"});
  const Assessment several =
      adult(all({"EXP.SEX.EARNINGS_TAKEN", "EXP.CRIM.IDENTITY_MISUSE", "EXP.BEG.FORCED_BEGGING"}, yes), {"labour"});
  CHECK(several.categories == Strings{"begging", "financial", "labour", "sexual"});
  CHECK(reason(several, "category.implied.financial").indicators == Strings{"EXP.CRIM.IDENTITY_MISUSE"});
  CHECK(reason(several, "category.implied.sexual").indicators == Strings{"EXP.SEX.EARNINGS_TAKEN"});
  CHECK(reason(several, "category.implied.begging").dimensions == Strings{"EXP"});
}

TEST_CASE("reasons explain the level, the positive dimensions, the categories and the flags in that order") {
  const Assessment result = assess_as(
      AgeGroup::unknown,
      combined(all({"EXP.SEX.ONLINE_CONTENT", "EXP.EXCESSIVE_HOURS", "SAFE.IMMEDIATE_DANGER"}, yes),
               all({"REC_COE.DEBT"}, no)),
      {}, true);
  CHECK(rules(result) == Strings{"minor.level4.exp_positive", "minor.level4.decisive", "dimension.positive",
                                 "category.implied.sexual", "flag.urgent", "flag.minor", "flag.under16"});
  const Reason& positive = reason(result, "dimension.positive");
  CHECK(positive.dimensions == Strings{"EXP"});
  CHECK(positive.indicators == Strings{"EXP.EXCESSIVE_HOURS", "EXP.SEX.ONLINE_CONTENT"});
  CHECK(reason(result, "flag.minor").indicators.empty());
}

TEST_CASE("assess rejects indicator ids the catalogue does not know, and unknown activities") {
  AssessmentInput input{AgeGroup::adult, false, {"labour", "farming"},
                        all({"EXP.LOW_NO_PAY", "EXP.NOPE", "A/B~C"}, yes)};
  try {
    assess(catalogue(), input);
    FAIL("accepted unknown ids");
  } catch (const LoadError& error) {
    CHECK(std::string(error.what()) ==
          "input: /activities/1: unknown activity \"farming\"\n"
          "input: /answers/A~1B~0C: unknown indicator \"A/B~C\"\n"
          "input: /answers/EXP.NOPE: unknown indicator \"EXP.NOPE\"");
  }
}

namespace {

std::string input_error(const std::string& text) {
  try {
    parse_assessment_input(text);
  } catch (const LoadError& error) {
    return error.what();
  }
  return "(accepted)";
}

}  // namespace

TEST_CASE("the evaluation input reads the contract's JSON and ignores other keys") {
  const AssessmentInput input = parse_assessment_input(R"({
    "id": "V99", "story": "ignored", "expected_level": 4,
    "age_group": "minor", "under16": true, "activities": ["labour", "sexual"],
    "answers": {"DEST_COE.DOCUMENTS": "yes", "EXP.LOW_NO_PAY": "unsure", "REC_VUL.ECONOMIC": "no"}})");
  CHECK(input.age_group == AgeGroup::minor);
  CHECK(input.under16);
  CHECK(input.activities == Strings{"labour", "sexual"});
  CHECK(input.answers == Answers{{"DEST_COE.DOCUMENTS", yes}, {"EXP.LOW_NO_PAY", unsure}, {"REC_VUL.ECONOMIC", no}});
  const AssessmentInput defaults = parse_assessment_input("{}");
  CHECK(defaults.age_group == AgeGroup::unknown);
  CHECK_FALSE(defaults.under16);
  CHECK(defaults.activities.empty());
  CHECK(defaults.answers.empty());
}

TEST_CASE("a bad evaluation input names every offending key") {
  CHECK(input_error(R"({"answers": {"DEST_COE.DOCUMENTS": "maybe"}})") ==
        "input: /answers/DEST_COE.DOCUMENTS: unknown state \"maybe\" (expected yes, unsure or no)");
  CHECK(input_error(R"({"answers": {"DEST_COE.DOCUMENTS": true}})") ==
        "input: /answers/DEST_COE.DOCUMENTS: expected \"yes\", \"unsure\" or \"no\"");
  CHECK(input_error(R"({"answers": {"a/b": "prefer_not"}})") ==
        "input: /answers/a~1b: unknown state \"prefer_not\" (expected yes, unsure or no)");
  CHECK(input_error(R"({"age_group": "teen"})") ==
        "input: /age_group: unknown age group \"teen\" (expected adult, minor or unknown)");
  CHECK(input_error(R"({"age_group": 17})") == "input: /age_group: expected a string");
  CHECK(input_error(R"({"under16": "yes"})") == "input: /under16: expected true or false");
  CHECK(input_error(R"({"activities": "labour"})") == "input: /activities: expected an array");
  CHECK(input_error(R"({"activities": ["labour", "farming", 3]})") ==
        "input: /activities/1: unknown activity \"farming\"\ninput: /activities/2: expected a string");
  CHECK(input_error(R"({"answers": []})") == "input: /answers: expected an object");
  CHECK(input_error(R"([])") == "input: expected an object");
  CHECK(input_error(R"({"answers": {"EXP.LOW_NO_PAY": "yes",}})") ==
        "input: not valid JSON: parse error at line 1, column 38: syntax error while parsing object key - "
        "unexpected '}'; expected string literal");
}

TEST_CASE("the assessment's JSON form is the evaluation contract's output") {
  const nlohmann::json out = adult(all({"REC_VUL.ECONOMIC"}, yes));
  CHECK(out == nlohmann::json::parse(R"({
    "engine": "th-ilo-palermo-v1", "level": 1, "categories": ["labour"], "flags": [],
    "dimensions": {"REC_DEC": "absent", "REC_COE": "absent", "REC_VUL": "partial", "EXP": "absent",
                   "DEST_COE": "absent", "DEST_VUL": "absent"},
    "reasons": [{"rule": "adult.level1.vulnerability", "dimensions": ["REC_VUL"],
                 "indicators": ["REC_VUL.ECONOMIC"]}]})"));
}
