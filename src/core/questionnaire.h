// questionnaire.json (docs/content-format.md): the questions in file order, their wordings,
// branching and indicator mapping. Loaded whole or not at all: every problem is collected
// and thrown as one LoadError naming the file and JSON pointer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "condition.h"
#include "load_error.h"
#include "profile.h"

namespace signaal {

enum class QuestionType { yesno, choice, multi };

std::string_view to_string(QuestionType);

// A yesno question's effect on one indicator.
struct IndicatorLink {
  std::string id;        // "DEST_COE.DOCUMENTS"
  bool reverse = false;  // "Can you leave?": yes -> no, no -> yes
};

// What choosing an option says about the person.
struct ProfileEffect {
  std::optional<AgeGroup> age_group;
  std::optional<bool> under16;
  std::optional<std::string> activity;  // one of known_activities()

  bool empty() const { return !age_group && !under16 && !activity; }
};

struct Option {
  std::string value;
  ProfileEffect profile;
  std::vector<std::string> indicators;  // set to yes when the option is chosen
};

struct Question {
  std::string id;
  std::string section;
  QuestionType type = QuestionType::yesno;
  std::vector<Wording> audiences;
  std::string when_text;  // as written; empty when the question is always asked
  Condition when;         // parsed when_text; Kind::always when there is none
  std::vector<IndicatorLink> indicators;  // yesno only
  std::vector<Option> options;            // choice and multi only
  bool sensitive = false;                 // has a "why we ask" text, q.<id>.why
  bool emergency = false;                 // yesno only: yes -> emergency screen

  // Every value an answer may hold: yes/no/unsure/prefer_not, or the option values and
  // prefer_not.
  std::vector<std::string> answer_values() const;
  const Option* option(std::string_view value) const;  // nullptr when unknown
  bool has_wording(Wording wording) const;
};

inline constexpr const char* kPreferNot = "prefer_not";

struct Questionnaire {
  std::string id;
  std::string version;
  std::string engine;  // kEngineId
  std::vector<Question> questions;

  // Parses and validates the whole document; throws LoadError with every finding, each
  // named `file: /json/pointer: message`.
  static Questionnaire load(const std::string& json_text, const std::string& file);

  const Question* find(std::string_view id) const;  // nullptr when unknown
  // Position in file order, or questions.size() when unknown.
  size_t index_of(std::string_view id) const;
};

// Folds what an answer to `question` says about the person into `profile`: the chosen
// options' age group, under16 and activities. prefer_not changes nothing.
void apply_to_profile(const Question& question, const Answer& answer, Profile& profile);

// from_json validates like load (throwing LoadError with an empty file name and pointers
// relative to `j`); to_json writes the document form back, `when` as its source text.
void from_json(const nlohmann::json& j, IndicatorLink& link);
void to_json(nlohmann::json& j, const IndicatorLink& link);
void from_json(const nlohmann::json& j, ProfileEffect& effect);
void to_json(nlohmann::json& j, const ProfileEffect& effect);
void from_json(const nlohmann::json& j, Option& option);
void to_json(nlohmann::json& j, const Option& option);
void from_json(const nlohmann::json& j, Question& question);
void to_json(nlohmann::json& j, const Question& question);
void from_json(const nlohmann::json& j, Questionnaire& questionnaire);
void to_json(nlohmann::json& j, const Questionnaire& questionnaire);

}  // namespace signaal
