// Engine th-ilo-palermo-v1 (shared content-model MODEL.md, "Rule"). Rule ids, their
// dimensions and indicators, and every reading of the text that needed a choice are listed in
// docs/assessment.md; keep the two in step.
#include "assessment.h"

#include <algorithm>
#include <initializer_list>

#include <nlohmann/json.hpp>

#include "json_reader.h"
#include "load_error.h"
#include "profile.h"

namespace signaal {
namespace {

using nlohmann::json;

// Indicators are kept as pointers into the catalogue's vector, always in catalogue order:
// pointers into one array compare by position, so sorting restores that order.
using Indicators = std::vector<const Indicator*>;

// Minors: any of these present is level 4 on its own (MODEL.md step 4).
constexpr std::array<std::string_view, 5> kDecisiveForMinors = {
    "EXP.SEX.MINOR_COMMERCIAL", "EXP.SEX.ONLINE_CONTENT", "EXP.CRIM.CRIMES_FOR_OTHERS",
    "EXP.BEG.FORCED_BEGGING", "EXP.OTHER.MARRIAGE_ORGAN_SURROGACY"};
constexpr std::string_view kImmediateDanger = "SAFE.IMMEDIATE_DANGER";
constexpr std::string_view kSmuggledPaid = "CTX.SMUGGLED_PAID";

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

template <typename Predicate>
Indicators only(const Indicators& from, Predicate keep) {
  Indicators kept;
  std::copy_if(from.begin(), from.end(), std::back_inserter(kept), keep);
  return kept;
}

Indicators in_dimensions(const Indicators& from, const std::vector<Dimension>& dimensions) {
  return only(from, [&dimensions](const Indicator* indicator) {
    return std::find(dimensions.begin(), dimensions.end(), indicator->dimension) != dimensions.end();
  });
}

Indicators merged(std::initializer_list<Indicators> lists) {
  Indicators all;
  for (const Indicators& list : lists) all.insert(all.end(), list.begin(), list.end());
  std::sort(all.begin(), all.end(), std::less<>());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

std::vector<Dimension> dimensions_of(const Indicators& indicators) {
  std::vector<Dimension> dimensions;
  for (const Indicator* indicator : indicators) dimensions.push_back(indicator->dimension);
  return dimensions;
}

std::vector<Dimension> joined(std::vector<Dimension> first, const std::vector<Dimension>& second) {
  first.insert(first.end(), second.begin(), second.end());
  return first;
}

// Dimensions are listed once each, in the catalogue's dimension order.
Reason make_reason(std::string rule, std::vector<Dimension> dimensions, const Indicators& indicators) {
  std::sort(dimensions.begin(), dimensions.end());
  dimensions.erase(std::unique(dimensions.begin(), dimensions.end()), dimensions.end());
  Reason reason{std::move(rule), {}, {}};
  for (Dimension dimension : dimensions) reason.dimensions.emplace_back(to_string(dimension));
  for (const Indicator* indicator : indicators) reason.indicators.push_back(indicator->id);
  return reason;
}

// MODEL.md step 2, on the counts of present indicators by grade under the profile.
DimensionStatus status_from_counts(int strong, int medium, int weak) {
  if (strong >= 2 || (strong == 1 && medium + weak >= 1) || medium >= 3 || (medium >= 2 && weak >= 1)) {
    return DimensionStatus::positive;
  }
  if (strong >= 1 || medium >= 1) return DimensionStatus::partial;
  if (weak >= 1) return DimensionStatus::weak;
  return DimensionStatus::absent;
}

// Step 6: the category a present indicator implies, if any.
std::optional<std::string> implied_category(std::string_view id) {
  if (id.starts_with("EXP.SEX.")) return "sexual";
  if (id == "EXP.CRIM.IDENTITY_MISUSE") return "financial";
  if (id.starts_with("EXP.CRIM.")) return "criminal";
  if (id.starts_with("EXP.BEG.")) return "begging";
  if (id.starts_with("EXP.OTHER.")) return "other";
  return std::nullopt;
}

struct DimensionResult {
  DimensionStatus status = DimensionStatus::absent;
  Indicators graded;  // present indicators with a grade (not "-") under the profile
};

// Everything the level rules and flags read, computed once from the answers.
struct Facts {
  bool child = true;  // minor or unknown age
  ScoringProfile profile = ScoringProfile::CL;
  Indicators present;  // state yes
  Indicators unsure;   // state unsure, any dimension
  Indicators asked;    // yes, unsure or no, any dimension
  Indicators invol;    // present with icls invol
  Indicators coerc;    // present with icls coerc
  std::map<Dimension, DimensionResult> dimensions;  // the six graded ones

  bool positive(Dimension dimension) const { return dimensions.at(dimension).status == DimensionStatus::positive; }
  Indicators present_in(const std::vector<Dimension>& in) const { return in_dimensions(present, in); }
  Indicators graded_in(const std::vector<Dimension>& in) const {
    Indicators graded;
    for (Dimension dimension : in) {
      const Indicators& of_dimension = dimensions.at(dimension).graded;
      graded.insert(graded.end(), of_dimension.begin(), of_dimension.end());
    }
    return merged({graded});
  }
  std::vector<Dimension> positive_among(const std::vector<Dimension>& in) const {
    std::vector<Dimension> result;
    std::copy_if(in.begin(), in.end(), std::back_inserter(result), [this](Dimension d) { return positive(d); });
    return result;
  }
};

DimensionResult grade_dimension(const Indicators& present, Dimension dimension, ScoringProfile profile) {
  DimensionResult result;
  int strong = 0, medium = 0, weak = 0;
  for (const Indicator* indicator : in_dimensions(present, {dimension})) {
    switch (indicator->grade(profile)) {
      case Grade::S: ++strong; break;
      case Grade::M: ++medium; break;
      case Grade::W: ++weak; break;
      case Grade::none: continue;
    }
    result.graded.push_back(indicator);
  }
  result.status = status_from_counts(strong, medium, weak);
  return result;
}

// A level rule: when it holds, its level is reached and it is one of the reasons.
struct LevelRule {
  int level;
  bool holds;
  Reason reason;
};

// The rules come highest level first; the first level with a rule that holds is the result,
// and every rule that holds at that level is given as a reason.
int decide_level(std::vector<LevelRule> rules, std::vector<Reason>& reasons) {
  int level = 0;
  bool decided = false;
  for (LevelRule& rule : rules) {
    if (decided && rule.level != level) break;
    if (!rule.holds) continue;
    level = rule.level;
    decided = true;
    reasons.push_back(std::move(rule.reason));
  }
  return level;
}

std::vector<LevelRule> adult_rules(const Facts& f) {
  using enum Dimension;
  const bool exp_positive = f.positive(EXP);
  const std::vector<Dimension> rec_positive = f.positive_among({REC_DEC, REC_COE, REC_VUL});
  const std::vector<Dimension> dest_positive = f.positive_among({DEST_COE, DEST_VUL});
  const std::vector<Dimension> rec_and_dest = joined(joined({EXP}, rec_positive), dest_positive);
  const Indicators vulnerability = f.present_in({REC_VUL, DEST_VUL});
  const Indicators strong_coercion = only(f.present_in({REC_COE, DEST_COE}), [&f](const Indicator* indicator) {
    return indicator->grade(f.profile) == Grade::S;
  });
  const Indicators exploitation = f.present_in({EXP});
  const bool invol = !f.invol.empty();
  const bool coerc = !f.coerc.empty();
  return {
      {4, exp_positive && !rec_positive.empty() && !dest_positive.empty(),
       make_reason("adult.level4.rec_and_dest", rec_and_dest, f.graded_in(rec_and_dest))},
      {4, exp_positive && f.positive(DEST_COE) && invol && coerc,
       make_reason("adult.level4.dest_coercion_and_icls", {EXP, DEST_COE},
                   merged({f.graded_in({EXP, DEST_COE}), f.invol, f.coerc}))},
      {3, exp_positive && coerc,
       make_reason("adult.level3.exp_and_coercion", {EXP}, merged({f.graded_in({EXP}), f.coerc}))},
      {3, exp_positive && f.dimensions.at(REC_DEC).status != DimensionStatus::absent,
       make_reason("adult.level3.exp_and_deception", {EXP, REC_DEC}, f.graded_in({EXP, REC_DEC}))},
      {3, exp_positive && !vulnerability.empty(),
       make_reason("adult.level3.exp_and_vulnerability", joined({EXP}, dimensions_of(vulnerability)),
                   merged({f.graded_in({EXP}), vulnerability}))},
      {3, invol && coerc, make_reason("adult.level3.icls", {}, merged({f.invol, f.coerc}))},
      {3, !strong_coercion.empty(),
       make_reason("adult.level3.strong_coercion", dimensions_of(strong_coercion), strong_coercion)},
      {2, !exploitation.empty(), make_reason("adult.level2.exploitation", {EXP}, exploitation)},
      {1, !vulnerability.empty(),
       make_reason("adult.level1.vulnerability", dimensions_of(vulnerability), vulnerability)},
      {1, !f.unsure.empty(), make_reason("adult.level1.unsure", dimensions_of(f.unsure), f.unsure)},
      {0, true, make_reason("adult.level0", {}, {})},
  };
}

std::vector<LevelRule> minor_rules(const Facts& f) {
  using enum Dimension;
  const Indicators decisive = only(f.present, [](const Indicator* indicator) {
    return std::find(kDecisiveForMinors.begin(), kDecisiveForMinors.end(), indicator->id) != kDecisiveForMinors.end();
  });
  const Indicators exploitation = f.present_in({EXP});
  const Indicators risk = f.present_in({RISK_MINOR});
  const Indicators vulnerability = f.present_in({REC_VUL, DEST_VUL});
  return {
      {4, f.positive(EXP), make_reason("minor.level4.exp_positive", {EXP}, f.graded_in({EXP}))},
      {4, !decisive.empty(), make_reason("minor.level4.decisive", {EXP}, decisive)},
      {3, !exploitation.empty(), make_reason("minor.level3.exploitation", {EXP}, exploitation)},
      {3, !f.coerc.empty(), make_reason("minor.level3.coercion", dimensions_of(f.coerc), f.coerc)},
      {3, risk.size() >= 2, make_reason("minor.level3.risk_signals", {RISK_MINOR}, risk)},
      {3, !risk.empty() && !vulnerability.empty(),
       make_reason("minor.level3.risk_and_vulnerability", joined({RISK_MINOR}, dimensions_of(vulnerability)),
                   merged({risk, vulnerability}))},
      {1, !risk.empty(), make_reason("minor.level1.risk", {RISK_MINOR}, risk)},
      {1, !vulnerability.empty(),
       make_reason("minor.level1.vulnerability", dimensions_of(vulnerability), vulnerability)},
      {0, true, make_reason("minor.level0", {}, {})},
  };
}

// Step 6, with a reason per category that present indicators imply.
std::vector<std::string> categories_of(const AssessmentInput& input, const Indicators& present,
                                       std::vector<Reason>& reasons) {
  std::map<std::string, Indicators> implied;
  for (const Indicator* indicator : present) {
    if (const auto category = implied_category(indicator->id)) implied[*category].push_back(indicator);
  }
  std::vector<std::string> categories = input.activities;
  for (const auto& [category, indicators] : implied) {
    categories.push_back(category);
    reasons.push_back(make_reason("category.implied." + category, {Dimension::EXP}, indicators));
  }
  std::sort(categories.begin(), categories.end());
  categories.erase(std::unique(categories.begin(), categories.end()), categories.end());
  return categories;
}

// What the answers say, before the profile is known (the profile needs the categories,
// which need the present indicators).
Facts gather_facts(const IndicatorCatalogue& catalogue, const AssessmentInput& input) {
  Facts f;
  f.child = input.age_group != AgeGroup::adult;
  for (const Indicator& indicator : catalogue.all()) {
    const auto answer = input.answers.find(indicator.id);
    if (answer == input.answers.end()) continue;
    f.asked.push_back(&indicator);
    if (answer->second == IndicatorState::unsure) f.unsure.push_back(&indicator);
    if (answer->second != IndicatorState::yes) continue;
    f.present.push_back(&indicator);
    if (indicator.icls == IclsRole::invol) f.invol.push_back(&indicator);
    if (indicator.icls == IclsRole::coerc) f.coerc.push_back(&indicator);
  }
  return f;
}

// Steps 1 and 2: the scoring profile and the six dimension statuses under it.
void grade_dimensions(Facts& f, bool sexual) {
  f.profile = f.child ? (sexual ? ScoringProfile::CS : ScoringProfile::CL)
                      : (sexual ? ScoringProfile::AS : ScoringProfile::AL);
  for (Dimension dimension : kGradedDimensions) f.dimensions[dimension] = grade_dimension(f.present, dimension, f.profile);
}

Indicators present_with_id(const Facts& f, std::string_view id) {
  return only(f.present, [id](const Indicator* indicator) { return indicator->id == id; });
}

// Step 5, in the order MODEL.md gives it: SMUGGLING_NOT_TRAFFICKING looks at the level of
// step 4, before INCONCLUSIVE may raise it.
void apply_flags(const Facts& f, const AssessmentInput& input, Assessment& result) {
  using enum Dimension;
  std::vector<Reason> flag_reasons;
  const auto flag = [&](std::string name, std::string rule, std::vector<Dimension> dimensions,
                        const Indicators& indicators) {
    result.flags.push_back(std::move(name));
    flag_reasons.push_back(make_reason(std::move(rule), std::move(dimensions), indicators));
  };

  const Indicators danger = present_with_id(f, kImmediateDanger);
  if (!danger.empty()) flag("URGENT", "flag.urgent", {SAFE}, danger);
  if (f.child) flag("MINOR", "flag.minor", {}, {});
  if (f.child && input.under16) flag("UNDER16", "flag.under16", {}, {});

  const Indicators smuggled = present_with_id(f, kSmuggledPaid);
  if (!smuggled.empty() && result.level <= 1) {
    flag("SMUGGLING_NOT_TRAFFICKING", "flag.smuggling_not_trafficking", {CTX}, smuggled);
  }

  const std::vector<Dimension> graded(kGradedDimensions.begin(), kGradedDimensions.end());
  const size_t asked = in_dimensions(f.asked, graded).size();
  const Indicators unsure = in_dimensions(f.unsure, graded);
  // At least 30 %, in integers; without any unsure answer nothing was left open.
  const bool inconclusive = !unsure.empty() && unsure.size() * 10 >= asked * 3;
  const Indicators unsure_raising = in_dimensions(unsure, {EXP, REC_COE, DEST_COE});
  const bool raise = inconclusive && !unsure_raising.empty() && result.level < 3;
  if (inconclusive) flag("INCONCLUSIVE", "flag.inconclusive", dimensions_of(unsure), unsure);
  if (raise) {
    result.level = 3;
    flag_reasons.push_back(make_reason("flag.inconclusive.raise", dimensions_of(unsure_raising), unsure_raising));
  }

  result.reasons.insert(result.reasons.end(), flag_reasons.begin(), flag_reasons.end());
}

// Ids unknown to the catalogue and activities unknown to the gate question are input errors.
void check_input(const IndicatorCatalogue& catalogue, const AssessmentInput& input) {
  std::vector<Finding> findings;
  const auto& activities = known_activities();
  for (size_t i = 0; i < input.activities.size(); ++i) {
    if (std::find(activities.begin(), activities.end(), input.activities[i]) == activities.end()) {
      findings.push_back({kInputFile, pointer_append("/activities", i), "unknown activity " + in_quotes(input.activities[i])});
    }
  }
  for (const auto& [id, state] : input.answers) {
    if (catalogue.find(id) == nullptr) {
      findings.push_back({kInputFile, pointer_append("/answers", id), "unknown indicator " + in_quotes(id)});
    }
  }
  if (!findings.empty()) throw LoadError(std::move(findings));
}

}  // namespace

std::string_view to_string(IndicatorState state) {
  switch (state) {
    case IndicatorState::yes: return "yes";
    case IndicatorState::unsure: return "unsure";
    case IndicatorState::no: return "no";
  }
  return "no";
}

std::optional<IndicatorState> indicator_state_from_string(std::string_view text) {
  if (text == "yes") return IndicatorState::yes;
  if (text == "unsure") return IndicatorState::unsure;
  if (text == "no") return IndicatorState::no;
  return std::nullopt;
}

std::string_view to_string(DimensionStatus status) {
  switch (status) {
    case DimensionStatus::absent: return "absent";
    case DimensionStatus::weak: return "weak";
    case DimensionStatus::partial: return "partial";
    case DimensionStatus::positive: return "positive";
  }
  return "absent";
}

Assessment assess(const IndicatorCatalogue& catalogue, const AssessmentInput& input) {
  check_input(catalogue, input);
  Assessment result;
  Facts facts = gather_facts(catalogue, input);
  // Categories come before the profile: step 1 reads step 6.
  std::vector<Reason> category_reasons;
  result.categories = categories_of(input, facts.present, category_reasons);
  grade_dimensions(facts, std::binary_search(result.categories.begin(), result.categories.end(), "sexual"));

  result.level = decide_level(facts.child ? minor_rules(facts) : adult_rules(facts), result.reasons);
  for (const auto& [dimension, graded] : facts.dimensions) {
    result.dimensions[std::string(to_string(dimension))] = graded.status;
    if (graded.status == DimensionStatus::positive) {
      result.reasons.push_back(make_reason("dimension.positive", {dimension}, graded.graded));
    }
  }
  result.reasons.insert(result.reasons.end(), category_reasons.begin(), category_reasons.end());
  apply_flags(facts, input, result);
  return result;
}

void from_json(const json& j, AssessmentInput& input) {
  JsonReader reader(kInputFile);
  AssessmentInput read;
  if (!j.is_object()) {
    reader.error("", "expected an object");
    reader.throw_if_any();
  }
  if (const auto age_group = reader.string(j, "age_group", "", false)) {
    if (const auto known = age_group_from_name(*age_group)) {
      read.age_group = *known;
    } else {
      reader.error("/age_group", "unknown age group " + in_quotes(*age_group) + " (expected adult, minor or unknown)");
    }
  }
  if (const auto under16 = reader.boolean(j, "under16", "", false)) read.under16 = *under16;
  if (const json* activities = reader.array_field(j, "activities", "", false)) {
    for (size_t i = 0; i < activities->size(); ++i) {
      const json& activity = (*activities)[i];
      const std::string pointer = pointer_append("/activities", i);
      const auto& known = known_activities();
      if (!activity.is_string()) {
        reader.error(pointer, "expected a string");
      } else if (std::find(known.begin(), known.end(), activity.get<std::string>()) == known.end()) {
        reader.error(pointer, "unknown activity " + in_quotes(activity.get<std::string>()));
      } else {
        read.activities.push_back(activity.get<std::string>());
      }
    }
  }
  if (const auto answers = j.find("answers"); answers != j.end() && !answers->is_object()) {
    reader.error("/answers", "expected an object");
  } else if (answers != j.end()) {
    for (const auto& [id, state] : answers->items()) {
      const std::string pointer = pointer_append("/answers", id);
      const auto known = state.is_string() ? indicator_state_from_string(state.get<std::string>()) : std::nullopt;
      if (known) {
        read.answers[id] = *known;
      } else if (state.is_string()) {
        reader.error(pointer, "unknown state " + in_quotes(state.get<std::string>()) + " (expected yes, unsure or no)");
      } else {
        reader.error(pointer, "expected \"yes\", \"unsure\" or \"no\"");
      }
    }
  }
  reader.throw_if_any();
  input = std::move(read);
}

namespace {

// One body for both key orders; the JSON type decides whether object keys are sorted.
template <typename Json>
void reason_to_json(Json& j, const Reason& reason) {
  j = Json::object();
  j["rule"] = reason.rule;
  j["dimensions"] = reason.dimensions;
  j["indicators"] = reason.indicators;
}

template <typename Json>
void assessment_to_json(Json& j, const Assessment& assessment) {
  Json dimensions = Json::object();
  for (Dimension dimension : kGradedDimensions) {  // the model's order where keys keep order
    const auto found = assessment.dimensions.find(std::string(to_string(dimension)));
    if (found != assessment.dimensions.end()) dimensions[found->first] = to_string(found->second);
  }
  j = Json::object();
  j["engine"] = kEngineId;
  j["level"] = assessment.level;
  j["categories"] = assessment.categories;
  j["flags"] = assessment.flags;
  j["dimensions"] = std::move(dimensions);
  j["reasons"] = assessment.reasons;
}

}  // namespace

void to_json(json& j, const Reason& reason) { reason_to_json(j, reason); }
void to_json(json& j, const Assessment& assessment) { assessment_to_json(j, assessment); }
void to_json(nlohmann::ordered_json& j, const Reason& reason) { reason_to_json(j, reason); }
void to_json(nlohmann::ordered_json& j, const Assessment& assessment) { assessment_to_json(j, assessment); }

AssessmentInput parse_assessment_input(const std::string& json_text) {
  JsonReader reader(kInputFile);
  const auto document = reader.parse(json_text);
  reader.throw_if_any();
  return document->get<AssessmentInput>();
}

}  // namespace signaal
