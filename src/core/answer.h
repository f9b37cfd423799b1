// One question's answer as the session keeps it: values, never texts, so a language change
// leaves it untouched. yesno and choice hold one value; multi holds the chosen option values
// in option order; "prefer_not" is always alone.
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace signaal {

struct Answer {
  std::vector<std::string> values;

  bool has(std::string_view value) const {
    return std::find(values.begin(), values.end(), value) != values.end();
  }
  friend bool operator==(const Answer&, const Answer&) = default;
};

using Answers = std::map<std::string, Answer, std::less<>>;  // question id -> answer

}  // namespace signaal
