#include "session.h"

#include <algorithm>
#include <stdexcept>

namespace signaal {

namespace {

int strength(IndicatorState state) {
  switch (state) {
    case IndicatorState::no: return 0;
    case IndicatorState::unsure: return 1;
    case IndicatorState::yes: return 2;
  }
  return 0;
}

// When several questions feed one indicator, the strongest state wins.
void merge(std::map<std::string, IndicatorState>& states, const std::string& id, IndicatorState state) {
  const auto [existing, inserted] = states.emplace(id, state);
  if (!inserted && strength(state) > strength(existing->second)) existing->second = state;
}

// A yesno answer as an indicator state; nullopt for prefer_not (missing, never penalised).
std::optional<IndicatorState> yesno_state(const std::string& value, bool reverse) {
  if (value == "yes") return reverse ? IndicatorState::no : IndicatorState::yes;
  if (value == "no") return reverse ? IndicatorState::yes : IndicatorState::no;
  if (value == "unsure") return IndicatorState::unsure;
  return std::nullopt;
}

// The answer in its kept form (options in file order), or std::invalid_argument.
Answer checked_answer(const Question& question, const std::vector<std::string>& values) {
  const auto refuse = [&](const std::string& why) {
    throw std::invalid_argument("question \"" + question.id + "\": " + why);
  };
  if (values.empty()) refuse("no value given");
  const std::vector<std::string> domain = question.answer_values();
  for (const std::string& value : values) {
    if (std::find(domain.begin(), domain.end(), value) == domain.end()) refuse("unknown answer \"" + value + "\"");
  }
  if (question.type != QuestionType::multi || values.size() == 1) {
    if (values.size() != 1) refuse("takes exactly one value");
    return Answer{values};
  }
  if (std::find(values.begin(), values.end(), kPreferNot) != values.end()) refuse("\"prefer_not\" stands alone");
  Answer kept;
  for (const Option& option : question.options) {
    if (std::find(values.begin(), values.end(), option.value) != values.end()) kept.values.push_back(option.value);
  }
  return kept;
}

}  // namespace

Session::Session(const Questionnaire& questionnaire, Audience audience)
    : questionnaire_(&questionnaire), audience_(audience) {
  wipe();
}

const Question* Session::current() const {
  return current_ < questionnaire_->questions.size() ? &questionnaire_->questions[current_] : nullptr;
}

Session::Progress Session::progress() const {
  return {std::min(route_position() + 1, route_.size()), route_.size()};
}

void Session::answer(std::string_view value) { answer(std::vector<std::string>{std::string(value)}); }

void Session::answer(const std::vector<std::string>& values) {
  const Question* question = current();
  if (question == nullptr) throw std::logic_error("the questionnaire is finished: nothing to answer");
  answers_.insert_or_assign(question->id, checked_answer(*question, values));
  recompute_route();
}

const Answer* Session::answer_of(std::string_view question_id) const {
  const auto found = answers_.find(question_id);
  return found == answers_.end() ? nullptr : &found->second;
}

bool Session::next() {
  const Question* question = current();
  if (question == nullptr || answer_of(question->id) == nullptr) return false;
  const size_t position = route_position() + 1;
  current_ = position < route_.size() ? questionnaire_->index_of(route_[position]->id) : questionnaire_->questions.size();
  return true;
}

bool Session::back() {
  const size_t position = route_position();
  if (position == 0) return false;
  current_ = questionnaire_->index_of(route_[position - 1]->id);
  return true;
}

bool Session::emergency() const {
  for (const Question* question : route_) {
    const Answer* given = answer_of(question->id);
    if (question->emergency && given != nullptr && given->has("yes")) return true;
  }
  return false;
}

AssessmentInput Session::assessment_input() const {
  AssessmentInput input;
  input.age_group = profile_.age_group;
  input.under16 = profile_.under16;
  input.activities = profile_.activities;
  for (const Question* question : route_) {
    const Answer* given = answer_of(question->id);
    if (given == nullptr) continue;
    for (const IndicatorLink& link : question->indicators) {
      if (const auto state = yesno_state(given->values.front(), link.reverse)) merge(input.answers, link.id, *state);
    }
    for (const std::string& value : given->values) {
      if (const Option* chosen = question->option(value)) {
        for (const std::string& id : chosen->indicators) merge(input.answers, id, IndicatorState::yes);
      }
    }
  }
  return input;
}

Wording Session::wording_audience(const Question& question) const {
  std::vector<Wording> preference;
  if (audience_ == Audience::professional) {
    preference = {Wording::professional, Wording::self, Wording::self_minor};
  } else if (profile_.age_group == AgeGroup::adult) {
    preference = {Wording::self, Wording::self_minor, Wording::professional};
  } else {
    preference = {Wording::self_minor, Wording::self, Wording::professional};
  }
  for (const Wording wording : preference) {
    if (question.has_wording(wording)) return wording;
  }
  return preference.front();
}

void Session::wipe() {
  answers_.clear();
  recompute_route();
  current_ = route_.empty() ? questionnaire_->questions.size() : questionnaire_->index_of(route_.front()->id);
}

// One pass in file order: a question's `when` sees only the answers and profile of the route
// before it, which are final by then, so an answer dropped here can never matter later.
void Session::recompute_route() {
  route_.clear();
  profile_ = Profile{};
  profile_.audience = audience_;
  Answers kept;
  for (const Question& question : questionnaire_->questions) {
    if (!evaluate(question.when, kept, profile_)) continue;
    route_.push_back(&question);
    const auto given = answers_.find(question.id);
    if (given == answers_.end()) continue;
    apply_to_profile(question, given->second, profile_);
    kept.insert(*given);
  }
  answers_ = std::move(kept);
}

size_t Session::route_position() const {
  for (size_t i = 0; i < route_.size(); ++i) {
    if (route_[i] == current()) return i;
  }
  return route_.size();
}

}  // namespace signaal
