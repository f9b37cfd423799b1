#include "questionnaire.h"

#include <algorithm>
#include <map>

#include "assessment.h"
#include "json_reader.h"

namespace signaal {

using nlohmann::json;

std::string_view to_string(QuestionType type) {
  switch (type) {
    case QuestionType::yesno: return "yesno";
    case QuestionType::choice: return "choice";
    case QuestionType::multi: return "multi";
  }
  return "yesno";
}

std::vector<std::string> Question::answer_values() const {
  if (type == QuestionType::yesno) return {"yes", "no", "unsure", kPreferNot};
  std::vector<std::string> values;
  for (const Option& each : options) values.push_back(each.value);
  values.push_back(kPreferNot);
  return values;
}

const Option* Question::option(std::string_view value) const {
  for (const Option& each : options) {
    if (each.value == value) return &each;
  }
  return nullptr;
}

bool Question::has_wording(Wording wording) const {
  return std::find(audiences.begin(), audiences.end(), wording) != audiences.end();
}

const Question* Questionnaire::find(std::string_view question_id) const {
  const size_t index = index_of(question_id);
  return index < questions.size() ? &questions[index] : nullptr;
}

size_t Questionnaire::index_of(std::string_view question_id) const {
  for (size_t i = 0; i < questions.size(); ++i) {
    if (questions[i].id == question_id) return i;
  }
  return questions.size();
}

void apply_to_profile(const Question& question, const Answer& answer, Profile& profile) {
  for (const std::string& value : answer.values) {
    const Option* chosen = question.option(value);
    if (chosen == nullptr) continue;
    if (chosen->profile.age_group) profile.age_group = *chosen->profile.age_group;
    if (chosen->profile.under16) profile.under16 = *chosen->profile.under16;
    const std::optional<std::string>& activity = chosen->profile.activity;
    if (activity && std::find(profile.activities.begin(), profile.activities.end(), *activity) == profile.activities.end()) {
      profile.activities.insert(std::lower_bound(profile.activities.begin(), profile.activities.end(), *activity),
                                *activity);
    }
  }
}

namespace {

std::optional<QuestionType> question_type_from_string(std::string_view text) {
  if (text == "yesno") return QuestionType::yesno;
  if (text == "choice") return QuestionType::choice;
  if (text == "multi") return QuestionType::multi;
  return std::nullopt;
}

IndicatorLink read_indicator_link(JsonReader& reader, const json& j, const std::string& pointer) {
  IndicatorLink link;
  if (!reader.object(j, pointer, {"id", "reverse"})) return link;
  link.id = reader.string(j, "id", pointer, true).value_or("");
  link.reverse = reader.boolean(j, "reverse", pointer, false).value_or(false);
  return link;
}

ProfileEffect read_profile_effect(JsonReader& reader, const json& j, const std::string& pointer) {
  ProfileEffect effect;
  if (!reader.object(j, pointer, {"age_group", "under16", "activity"})) return effect;
  if (const auto text = reader.string(j, "age_group", pointer, false)) {
    effect.age_group = age_group_from_name(*text);
    if (!effect.age_group) {
      reader.error(pointer_append(pointer, "age_group"), "unknown age group \"" + *text + "\" (adult, minor, unknown)");
    }
  }
  effect.under16 = reader.boolean(j, "under16", pointer, false);
  if (const auto text = reader.string(j, "activity", pointer, false)) {
    const auto& known = known_activities();
    if (std::find(known.begin(), known.end(), *text) != known.end()) {
      effect.activity = *text;
    } else {
      reader.error(pointer_append(pointer, "activity"),
                   "unknown activity \"" + *text + "\" (labour, domestic, sexual, criminal, begging, other)");
    }
  }
  if (j.empty()) reader.error(pointer, "empty profile: leave it out");
  return effect;
}

Option read_option(JsonReader& reader, const json& j, const std::string& pointer) {
  Option result;
  if (!reader.object(j, pointer, {"value", "profile", "indicators"})) return result;
  result.value = reader.plain_id(j, "value", pointer, true).value_or("");
  if (result.value == kPreferNot) {
    reader.error(pointer_append(pointer, "value"), "\"prefer_not\" is offered with every question; it is not an option");
  }
  if (j.contains("profile")) result.profile = read_profile_effect(reader, j["profile"], pointer_append(pointer, "profile"));
  if (const json* indicators = reader.array_field(j, "indicators", pointer, false)) {
    for (size_t i = 0; i < indicators->size(); ++i) {
      const json& id = (*indicators)[i];
      if (id.is_string()) {
        result.indicators.push_back(id.get<std::string>());
      } else {
        reader.error(pointer_append(pointer_append(pointer, "indicators"), i), "expected an indicator id (a string)");
      }
    }
  }
  return result;
}

void read_audiences(JsonReader& reader, const json& j, const std::string& pointer, Question& question) {
  const json* audiences = reader.array_field(j, "audiences", pointer, true);
  if (audiences == nullptr) return;
  const std::string list_pointer = pointer_append(pointer, "audiences");
  if (audiences->empty()) reader.error(list_pointer, "a question needs at least one audience");
  for (size_t i = 0; i < audiences->size(); ++i) {
    const json& entry = (*audiences)[i];
    const std::optional<Wording> wording =
        entry.is_string() ? wording_from_string(entry.get<std::string>()) : std::nullopt;
    if (!wording) {
      reader.error(pointer_append(list_pointer, i),
                   "unknown audience " + entry.dump() + " (self, self_minor, professional)");
    } else if (question.has_wording(*wording)) {
      reader.error(pointer_append(list_pointer, i), "audience \"" + entry.get<std::string>() + "\" listed twice");
    } else {
      question.audiences.push_back(*wording);
    }
  }
}

void read_options(JsonReader& reader, const json& j, const std::string& pointer, Question& question) {
  const bool takes_options = question.type != QuestionType::yesno;
  if (!takes_options) {
    if (j.contains("options")) {
      reader.error(pointer_append(pointer, "options"), "options are only for choice and multi questions");
    }
    return;
  }
  const json* options = reader.array_field(j, "options", pointer, true);
  if (options == nullptr) return;
  const std::string list_pointer = pointer_append(pointer, "options");
  if (options->size() < 2) reader.error(list_pointer, "a " + std::string(to_string(question.type)) + " question needs at least two options");
  for (size_t i = 0; i < options->size(); ++i) {
    const std::string option_pointer = pointer_append(list_pointer, i);
    Option option = read_option(reader, (*options)[i], option_pointer);
    if (!option.value.empty() && question.option(option.value) != nullptr) {
      reader.error(pointer_append(option_pointer, "value"), "option \"" + option.value + "\" listed twice");
    }
    question.options.push_back(std::move(option));
  }
}

void read_indicator_links(JsonReader& reader, const json& j, const std::string& pointer, Question& question) {
  if (!j.contains("indicators")) return;
  const std::string list_pointer = pointer_append(pointer, "indicators");
  if (question.type != QuestionType::yesno) {
    reader.error(list_pointer, "indicators are only for yesno questions (options carry their own)");
    return;
  }
  const json* links = reader.array_field(j, "indicators", pointer, false);
  if (links == nullptr) return;
  for (size_t i = 0; i < links->size(); ++i) {
    question.indicators.push_back(read_indicator_link(reader, (*links)[i], pointer_append(list_pointer, i)));
  }
}

Question read_question(JsonReader& reader, const json& j, const std::string& pointer) {
  Question question;
  if (!reader.object(j, pointer, {"id", "section", "type", "audiences", "when", "indicators", "options",
                                  "sensitive", "emergency"})) {
    return question;
  }
  question.id = reader.plain_id(j, "id", pointer, true).value_or("");
  if (is_condition_keyword(question.id)) {
    reader.error(pointer_append(pointer, "id"), "\"" + question.id + "\" is a word of the condition language");
  }
  question.section = reader.plain_id(j, "section", pointer, true).value_or("");
  if (const auto type = reader.string(j, "type", pointer, true)) {
    if (const auto parsed = question_type_from_string(*type)) {
      question.type = *parsed;
    } else {
      reader.error(pointer_append(pointer, "type"), "unknown type \"" + *type + "\" (yesno, choice, multi)");
    }
  }
  read_audiences(reader, j, pointer, question);
  read_options(reader, j, pointer, question);
  read_indicator_links(reader, j, pointer, question);
  question.sensitive = reader.boolean(j, "sensitive", pointer, false).value_or(false);
  question.emergency = reader.boolean(j, "emergency", pointer, false).value_or(false);
  if (question.emergency && question.type != QuestionType::yesno) {
    reader.error(pointer_append(pointer, "emergency"), "only a yesno question can be an emergency question");
  }
  if (const auto when = reader.string(j, "when", pointer, false)) {
    question.when_text = *when;
    try {
      question.when = parse_condition(*when);
    } catch (const ConditionSyntaxError& e) {
      reader.error(pointer_append(pointer, "when"), e.what());
    }
  }
  return question;
}

// A condition may name only earlier questions (so routes are computed in one pass and never
// cycle) and only values those questions or profile fields can hold.
void check_condition_refs(JsonReader& reader, const std::vector<Question>& questions, size_t index,
                          const std::string& pointer) {
  const Question& question = questions[index];
  for (const Condition* test : tests_of(question.when)) {
    const std::string at = "at column " + std::to_string(test->ref_column) + ": ";
    std::vector<std::string> domain;
    std::string subject;
    if (test->refers_to_profile()) {
      domain = profile_ref_values(test->ref);
      subject = test->ref;
    } else {
      size_t target = questions.size();
      for (size_t i = 0; i < questions.size() && target == questions.size(); ++i) {
        if (questions[i].id == test->ref) target = i;
      }
      if (target == questions.size()) {
        reader.error(pointer, at + "unknown question \"" + test->ref + "\"");
        continue;
      }
      if (target >= index) {
        reader.error(pointer, at + (target == index ? "a question's condition cannot refer to the question itself"
                                                   : "question \"" + test->ref + "\" comes later (/questions/" +
                                                         std::to_string(target) +
                                                         "); a condition may refer only to earlier questions"));
        continue;
      }
      domain = questions[target].answer_values();
      subject = "question \"" + test->ref + "\"";
    }
    for (size_t v = 0; v < test->values.size(); ++v) {
      if (std::find(domain.begin(), domain.end(), test->values[v]) == domain.end()) {
        reader.error(pointer, "at column " + std::to_string(test->value_columns[v]) + ": unknown value \"" +
                                  test->values[v] + "\" for " + subject);
      }
    }
  }
}

Questionnaire read_questionnaire(JsonReader& reader, const json& j) {
  Questionnaire questionnaire;
  if (!reader.object(j, "", {"id", "version", "engine", "questions"})) return questionnaire;
  questionnaire.id = reader.string(j, "id", "", true).value_or("");
  questionnaire.version = reader.string(j, "version", "", true).value_or("");
  questionnaire.engine = reader.string(j, "engine", "", true).value_or("");
  if (j.contains("engine") && j["engine"].is_string() && questionnaire.engine != kEngineId) {
    reader.error("/engine", "unknown engine \"" + questionnaire.engine + "\" (this build scores " +
                                std::string(kEngineId) + ")");
  }
  const json* questions = reader.array_field(j, "questions", "", true);
  if (questions == nullptr) return questionnaire;
  if (questions->empty()) reader.error("/questions", "no questions");
  std::map<std::string, size_t> first_index;
  for (size_t i = 0; i < questions->size(); ++i) {
    const std::string pointer = pointer_append("/questions", i);
    questionnaire.questions.push_back(read_question(reader, (*questions)[i], pointer));
    const std::string& id = questionnaire.questions.back().id;
    if (id.empty()) continue;
    const auto [first, inserted] = first_index.emplace(id, i);
    if (!inserted) {
      reader.error(pointer_append(pointer, "id"),
                   "duplicate id \"" + id + "\" (first at /questions/" + std::to_string(first->second) + ")");
    }
  }
  for (size_t i = 0; i < questionnaire.questions.size(); ++i) {
    check_condition_refs(reader, questionnaire.questions, i, pointer_append(pointer_append("/questions", i), "when"));
  }
  return questionnaire;
}

template <typename T, typename Read>
void from_json_via(const json& j, T& value, Read read) {
  JsonReader reader("");
  T result = read(reader, j, "");
  reader.throw_if_any();
  value = std::move(result);
}

}  // namespace

Questionnaire Questionnaire::load(const std::string& json_text, const std::string& file) {
  JsonReader reader(file);
  const std::optional<json> document = reader.parse(json_text);
  Questionnaire questionnaire;
  if (document) questionnaire = read_questionnaire(reader, *document);
  reader.throw_if_any();
  return questionnaire;
}

void from_json(const json& j, IndicatorLink& link) { from_json_via(j, link, read_indicator_link); }
void from_json(const json& j, ProfileEffect& effect) { from_json_via(j, effect, read_profile_effect); }
void from_json(const json& j, Option& option) { from_json_via(j, option, read_option); }
void from_json(const json& j, Question& question) { from_json_via(j, question, read_question); }
void from_json(const json& j, Questionnaire& questionnaire) {
  from_json_via(j, questionnaire, [](JsonReader& reader, const json& document, const std::string&) {
    return read_questionnaire(reader, document);
  });
}

void to_json(json& j, const IndicatorLink& link) {
  j = json{{"id", link.id}};
  if (link.reverse) j["reverse"] = true;
}

void to_json(json& j, const ProfileEffect& effect) {
  j = json::object();
  if (effect.age_group) j["age_group"] = age_group_name(*effect.age_group);
  if (effect.under16) j["under16"] = *effect.under16;
  if (effect.activity) j["activity"] = *effect.activity;
}

void to_json(json& j, const Option& option) {
  j = json{{"value", option.value}};
  if (!option.profile.empty()) j["profile"] = option.profile;
  if (!option.indicators.empty()) j["indicators"] = option.indicators;
}

void to_json(json& j, const Question& question) {
  j = json{{"id", question.id}, {"section", question.section}, {"type", to_string(question.type)}};
  json audiences = json::array();
  for (const Wording wording : question.audiences) audiences.push_back(to_string(wording));
  j["audiences"] = audiences;
  if (!question.when_text.empty()) j["when"] = question.when_text;
  if (!question.indicators.empty()) j["indicators"] = question.indicators;
  if (!question.options.empty()) j["options"] = question.options;
  if (question.sensitive) j["sensitive"] = true;
  if (question.emergency) j["emergency"] = true;
}

void to_json(json& j, const Questionnaire& questionnaire) {
  j = json{{"id", questionnaire.id},
           {"version", questionnaire.version},
           {"engine", questionnaire.engine},
           {"questions", questionnaire.questions}};
}

}  // namespace signaal
