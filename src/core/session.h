// One run through the questionnaire, in memory only. The route (the questions whose `when`
// holds, in file order) is recomputed after every answer; an answer to a question that falls
// off the route is dropped at once, so it is never scored, shown or sent. The session holds
// values, never texts: switching the language does not touch it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "answer.h"
#include "assessment.h"
#include "profile.h"
#include "questionnaire.h"

namespace signaal {

class Session {
 public:
  struct Progress {
    size_t position = 0;  // 1-based place of the current question on the route; total when finished
    size_t total = 0;     // route length as the answers so far decide it
  };

  // Keeps a reference: the questionnaire must outlive the session.
  Session(const Questionnaire& questionnaire, Audience audience);

  // The question to show; nullptr once past the last question on the route.
  const Question* current() const;
  bool finished() const { return current() == nullptr; }
  const std::vector<const Question*>& route() const { return route_; }
  Progress progress() const;

  // Answers the current question and recomputes the route. `values` is one value for yesno
  // and choice, one or more option values for multi, or just "prefer_not". Throws
  // std::invalid_argument for a value the question does not offer, std::logic_error when
  // finished.
  void answer(std::string_view value);
  void answer(const std::vector<std::string>& values);
  // The kept answer of a question on the route, or nullptr.
  const Answer* answer_of(std::string_view question_id) const;

  // To the next question on the route; false (and no move) when the current question has
  // no answer yet or the session is finished.
  bool next();
  // To the previous question on the route (from the end: the last one); false at the first.
  bool back();

  const Profile& profile() const { return profile_; }
  // An `emergency` question on the route was answered yes: show the emergency screen.
  bool emergency() const;

  // Indicator states from the answers on the route (strongest wins: yes > unsure > no;
  // prefer_not adds nothing; reverse links swap yes and no; a chosen option's indicators
  // are yes), with the profile's age group, under16 and activities.
  AssessmentInput assessment_input() const;
  // Question id -> answer, for the report and the summary: only answers on the route.
  const Answers& visible_answers() const { return answers_; }
  // Which wording of `question` to show (docs/content-format.md): professional mode uses
  // `professional`; self mode uses `self_minor` when the age group is minor or unknown and
  // the question has it, else `self`. A wording the question lacks falls back to one it has.
  Wording wording_audience(const Question& question) const;

  // Quick exit and "start again": every answer is cleared, back to the first question.
  void wipe();

 private:
  void recompute_route();
  size_t route_position() const;  // index of current_ in route_, route_.size() when finished

  const Questionnaire* questionnaire_;
  Audience audience_;
  Answers answers_;
  Profile profile_;
  std::vector<const Question*> route_;
  size_t current_ = 0;  // index into questionnaire_->questions; size() when finished
};

}  // namespace signaal
