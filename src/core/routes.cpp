#include "routes.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <unordered_map>

namespace signaal {

namespace {

// Far more than a questionnaire of the intended size needs; beyond it the search stops and
// says so rather than running for minutes inside the lint.
constexpr size_t kMaxStates = 500000;
constexpr size_t kMaxEnumeratedValues = 10;

using Ends = std::array<std::optional<RouteLengths>, 3>;  // indexed by the final AgeGroup

Condition constant(bool value) {
  Condition always;
  if (value) return always;
  Condition never;
  never.kind = Condition::Kind::negation;
  never.operands.push_back(always);
  return never;
}

std::optional<bool> constant_value(const Condition& condition) {
  if (condition.kind == Condition::Kind::always) return true;
  if (condition.kind == Condition::Kind::negation && condition.operands.front().kind == Condition::Kind::always) {
    return false;
  }
  return std::nullopt;
}

// Partial evaluation: every test `decided` says yes to is replaced by its value under
// `answers` and `profile`, and the tree folded. What remains depends only on what is still
// open, so two routes that leave the same remainders behave the same from here on.
template <typename Decided>
Condition substitute(const Condition& condition, const Decided& decided, const Answers& answers,
                     const Profile& profile) {
  if (condition.is_test()) {
    return decided(condition) ? constant(evaluate(condition, answers, profile)) : condition;
  }
  if (condition.kind == Condition::Kind::always || constant_value(condition)) return condition;
  if (condition.kind == Condition::Kind::negation) {
    Condition inner = substitute(condition.operands.front(), decided, answers, profile);
    if (const auto value = constant_value(inner)) return constant(!*value);
    Condition negation;
    negation.kind = Condition::Kind::negation;
    negation.operands.push_back(std::move(inner));
    return negation;
  }
  const bool absorbing = condition.kind == Condition::Kind::any;  // true absorbs an or
  Condition folded;
  folded.kind = condition.kind;
  for (const Condition& operand : condition.operands) {
    Condition part = substitute(operand, decided, answers, profile);
    const auto value = constant_value(part);
    if (value && *value == absorbing) return constant(absorbing);
    if (!value) folded.operands.push_back(std::move(part));
  }
  if (folded.operands.empty()) return constant(!absorbing);
  if (folded.operands.size() == 1) return std::move(folded.operands.front());
  return folded;
}

void describe(const Condition& condition, std::string& text) {
  text += std::to_string(static_cast<int>(condition.kind)) + condition.ref + '(';
  for (const std::string& value : condition.values) text += value + ',';
  for (const Condition& operand : condition.operands) describe(operand, text);
  text += ')';
}

class RouteSearcher {
 public:
  explicit RouteSearcher(const Questionnaire& questionnaire) : questions_(questionnaire.questions) {
    result_.asked_as.resize(questions_.size());
    tested_values_.resize(questions_.size());
    for (size_t i = 0; i < questions_.size(); ++i) {
      for (const Condition* test : tests_of(questions_[i].when)) {
        const size_t target = questionnaire.index_of(test->ref);
        if (target < questions_.size()) tested_values_[target].insert(test->values.begin(), test->values.end());
      }
      for (const Option& option : questions_[i].options) {
        if (!option.profile.empty()) last_profile_change_ = i + 1;
      }
    }
  }

  RouteSearch run() {
    for (const Audience audience : {Audience::self, Audience::professional}) {
      Profile start;
      start.audience = audience;
      std::vector<Condition> remaining;
      for (const Question& question : questions_) remaining.push_back(question.when);
      const Ends ends = visit(0, start, remaining);
      for (size_t group = 0; group < ends.size(); ++group) {
        if (ends[group]) result_.lengths[{audience, static_cast<AgeGroup>(group)}] = *ends[group];
      }
    }
    return result_;
  }

 private:
  // The answers worth trying at `index`: one per outcome a later condition or the profile can
  // tell apart. Values nothing looks at collapse into one representative.
  std::vector<Answer> branches(size_t index) const {
    const Question& question = questions_[index];
    std::vector<std::string> relevant;
    std::vector<std::string> ignored;
    for (const std::string& value : question.answer_values()) {
      const Option* option = question.option(value);
      const bool matters = tested_values_[index].count(value) > 0 || (option && !option->profile.empty());
      (matters ? relevant : ignored).push_back(value);
    }
    std::vector<Answer> answers;
    for (const std::string& value : relevant) answers.push_back(Answer{{value}});
    if (!ignored.empty()) answers.push_back(Answer{{ignored.front()}});
    if (question.type != QuestionType::multi) return answers;
    relevant.erase(std::remove(relevant.begin(), relevant.end(), kPreferNot), relevant.end());
    if (relevant.size() > kMaxEnumeratedValues) {
      answers.push_back(Answer{relevant});
      return answers;
    }
    for (size_t mask = 1; mask < (size_t{1} << relevant.size()); ++mask) {
      if ((mask & (mask - 1)) == 0) continue;  // single values are in already
      Answer subset;
      for (size_t bit = 0; bit < relevant.size(); ++bit) {
        if (mask & (size_t{1} << bit)) subset.values.push_back(relevant[bit]);
      }
      answers.push_back(std::move(subset));
    }
    return answers;
  }

  // After question `index` is decided (answered, or skipped with `answer` nullptr), its tests
  // in later conditions are substituted; once no later option changes the profile, the
  // profile tests are too.
  std::vector<Condition> advance(const std::vector<Condition>& remaining, size_t index, const Answer* answer,
                                 const Profile& profile) const {
    Answers decided_answers;
    if (answer != nullptr) decided_answers.emplace(questions_[index].id, *answer);
    const bool profile_final = index + 1 >= last_profile_change_;
    const auto decided = [&](const Condition& test) {
      return test.ref == questions_[index].id || (profile_final && test.refers_to_profile());
    };
    std::vector<Condition> next(remaining.size());
    for (size_t i = index + 1; i < remaining.size(); ++i) {
      next[i] = substitute(remaining[i], decided, decided_answers, profile);
    }
    return next;
  }

  std::string key(size_t index, const Profile& profile, const std::vector<Condition>& remaining) const {
    std::string text = std::to_string(index) + '|' + std::string(to_string(profile.audience)) + '|' +
                       std::string(age_group_name(profile.age_group)) + '|';
    if (index < last_profile_change_) {
      text += profile.under16 ? "u16|" : "-|";
      for (const std::string& activity : profile.activities) text += activity + ',';
    }
    for (size_t i = index; i < remaining.size(); ++i) describe(remaining[i], text);
    return text;
  }

  Ends visit(size_t index, const Profile& profile, const std::vector<Condition>& remaining) {
    if (index == questions_.size()) {
      Ends ends;
      ends[static_cast<size_t>(profile.age_group)] = RouteLengths{0, 0};
      return ends;
    }
    const std::string state = key(index, profile, remaining);
    if (const auto known = memo_.find(state); known != memo_.end()) return known->second;
    if (memo_.size() >= kMaxStates) {
      result_.exhaustive = false;
      return {};
    }
    const Question& question = questions_[index];
    Ends ends;
    if (!evaluate(remaining[index], {}, profile)) {
      ends = visit(index + 1, profile, advance(remaining, index, nullptr, profile));
    } else {
      result_.asked_as[index].insert({profile.audience, profile.age_group});
      for (const Answer& answer : branches(index)) {
        Profile next_profile = profile;
        apply_to_profile(question, answer, next_profile);
        const Ends rest = visit(index + 1, next_profile, advance(remaining, index, &answer, next_profile));
        for (size_t group = 0; group < ends.size(); ++group) {
          if (!rest[group]) continue;
          const RouteLengths with_this{rest[group]->shortest + 1, rest[group]->longest + 1};
          if (!ends[group]) {
            ends[group] = with_this;
          } else {
            ends[group]->shortest = std::min(ends[group]->shortest, with_this.shortest);
            ends[group]->longest = std::max(ends[group]->longest, with_this.longest);
          }
        }
      }
    }
    memo_.emplace(state, ends);
    return ends;
  }

  const std::vector<Question>& questions_;
  std::vector<std::set<std::string>> tested_values_;  // per question: values later conditions test
  size_t last_profile_change_ = 0;  // one past the last question with an option that changes the profile
  std::unordered_map<std::string, Ends> memo_;
  RouteSearch result_;
};

}  // namespace

RouteSearch search_routes(const Questionnaire& questionnaire) { return RouteSearcher(questionnaire).run(); }

}  // namespace signaal
