// The condition language of questionnaire.json `when` (docs/content-format.md, "Conditions"):
// parsed once at load into a small tree, evaluated over the answers on the route so far and
// the profile every time the route is recomputed.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "answer.h"
#include "profile.h"

namespace signaal {

struct Condition {
  enum class Kind {
    always,      // no `when`: the question is always asked
    any,         // a or b or ...
    all,         // a and b and ...
    negation,    // not a
    equals,      // ref = value
    differs,     // ref != value
    in_list,     // ref in [v, ...]
    has,         // ref has value
  };
  Kind kind = Kind::always;
  std::vector<Condition> operands;  // any, all: two or more; negation: one
  std::string ref;                  // tests: a question id or "profile.<field>"
  std::vector<std::string> values;  // tests: the value, or in_list's values
  size_t ref_column = 0;              // tests: 1-based column of ref in the source text
  std::vector<size_t> value_columns;  // tests: 1-based column of each value

  bool is_test() const { return kind >= Kind::equals; }
  bool refers_to_profile() const { return ref.rfind("profile.", 0) == 0; }
};

// what(): "at column 14: expected value after '='"; column is 1-based, counted in bytes.
class ConditionSyntaxError : public std::runtime_error {
 public:
  ConditionSyntaxError(size_t column, const std::string& message);
  size_t column() const { return column_; }

 private:
  size_t column_;
};

// Throws ConditionSyntaxError. An empty or all-blank text is a syntax error: a question that
// is always asked has no `when` at all.
Condition parse_condition(std::string_view text);

// `answers` are those of the questions on the route before the one being decided.
bool evaluate(const Condition& condition, const Answers& answers, const Profile& profile);

// Every test node (equals, differs, in_list, has) in the tree, left to right.
std::vector<const Condition*> tests_of(const Condition& condition);

// The profile fields a condition may name, and the values each can take.
const std::vector<std::string>& profile_refs();
std::vector<std::string> profile_ref_values(std::string_view ref);

// The words the language reserves; a question id may not be one of them.
bool is_condition_keyword(std::string_view word);

}  // namespace signaal
