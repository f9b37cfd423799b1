#include "condition.h"

#include <cctype>

namespace signaal {

ConditionSyntaxError::ConditionSyntaxError(size_t column, const std::string& message)
    : std::runtime_error("at column " + std::to_string(column) + ": " + message), column_(column) {}

namespace {

struct Token {
  enum class Kind { word, equals, differs, open_paren, close_paren, open_bracket, close_bracket, comma, end };
  Kind kind = Kind::end;
  std::string text;
  size_t column = 0;  // 1-based
};

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    const size_t column = i + 1;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (is_word_char(c)) {
      size_t end = i;
      while (end < text.size() && is_word_char(text[end])) ++end;
      tokens.push_back({Token::Kind::word, std::string(text.substr(i, end - i)), column});
      i = end;
    } else if (c == '!' && i + 1 < text.size() && text[i + 1] == '=') {
      tokens.push_back({Token::Kind::differs, "!=", column});
      i += 2;
    } else {
      Token::Kind kind{};
      switch (c) {
        case '=': kind = Token::Kind::equals; break;
        case '(': kind = Token::Kind::open_paren; break;
        case ')': kind = Token::Kind::close_paren; break;
        case '[': kind = Token::Kind::open_bracket; break;
        case ']': kind = Token::Kind::close_bracket; break;
        case ',': kind = Token::Kind::comma; break;
        default:
          throw ConditionSyntaxError(column, "unexpected character '" + std::string(1, c) + "'");
      }
      tokens.push_back({kind, std::string(1, c), column});
      ++i;
    }
  }
  tokens.push_back({Token::Kind::end, "", text.size() + 1});
  return tokens;
}

bool is_value(std::string_view word) {
  return !word.empty() && word.find('.') == std::string_view::npos && !is_condition_keyword(word);
}

// Recursive descent over the grammar in docs/content-format.md.
class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  Condition parse() {
    Condition condition = expr();
    if (peek().kind != Token::Kind::end) throw ConditionSyntaxError(peek().column, "unexpected " + describe(peek()));
    return condition;
  }

 private:
  const Token& peek() const { return tokens_[position_]; }
  const Token& take() { return tokens_[position_++]; }
  bool take_word(std::string_view word) {
    if (peek().kind != Token::Kind::word || peek().text != word) return false;
    ++position_;
    return true;
  }

  static std::string describe(const Token& token) {
    return token.kind == Token::Kind::end ? "end of condition" : "'" + token.text + "'";
  }

  Condition expr() { return chain(Condition::Kind::any, "or", &Parser::term); }
  Condition term() { return chain(Condition::Kind::all, "and", &Parser::factor); }

  Condition chain(Condition::Kind kind, std::string_view keyword, Condition (Parser::*operand)()) {
    Condition first = (this->*operand)();
    if (peek().kind != Token::Kind::word || peek().text != keyword) return first;
    Condition joined;
    joined.kind = kind;
    joined.operands.push_back(std::move(first));
    while (take_word(keyword)) joined.operands.push_back((this->*operand)());
    return joined;
  }

  Condition factor() {
    if (take_word("not")) {
      Condition negation;
      negation.kind = Condition::Kind::negation;
      negation.operands.push_back(factor());
      return negation;
    }
    if (peek().kind == Token::Kind::open_paren) {
      take();
      Condition inner = expr();
      if (peek().kind != Token::Kind::close_paren) {
        throw ConditionSyntaxError(peek().column, "expected ')' but found " + describe(peek()));
      }
      take();
      return inner;
    }
    return test();
  }

  Condition test() {
    const Token& ref = peek();
    if (ref.kind != Token::Kind::word || is_condition_keyword(ref.text)) {
      throw ConditionSyntaxError(ref.column, "expected question id or profile field but found " + describe(ref));
    }
    take();
    if (ref.text.find('.') != std::string::npos) {
      bool known = false;
      for (const std::string& field : profile_refs()) known = known || field == ref.text;
      if (!known) throw ConditionSyntaxError(ref.column, "unknown profile field '" + ref.text + "'");
    }
    Condition condition;
    condition.ref = ref.text;
    condition.ref_column = ref.column;
    const Token& op = take();
    if (op.kind == Token::Kind::equals) {
      condition.kind = Condition::Kind::equals;
    } else if (op.kind == Token::Kind::differs) {
      condition.kind = Condition::Kind::differs;
    } else if (op.kind == Token::Kind::word && op.text == "has") {
      condition.kind = Condition::Kind::has;
    } else if (op.kind == Token::Kind::word && op.text == "in") {
      condition.kind = Condition::Kind::in_list;
      list(condition);
      return condition;
    } else {
      throw ConditionSyntaxError(op.column, "expected '=', '!=', 'in' or 'has' after '" + ref.text + "' but found " + describe(op));
    }
    value(condition, "after '" + op.text + "'");
    return condition;
  }

  void list(Condition& condition) {
    if (peek().kind != Token::Kind::open_bracket) {
      throw ConditionSyntaxError(peek().column, "expected '[' after 'in' but found " + describe(peek()));
    }
    take();
    value(condition, "after '['");
    while (peek().kind == Token::Kind::comma) {
      take();
      value(condition, "after ','");
    }
    if (peek().kind != Token::Kind::close_bracket) {
      throw ConditionSyntaxError(peek().column, "expected ',' or ']' but found " + describe(peek()));
    }
    take();
  }

  void value(Condition& condition, const std::string& where) {
    const Token& token = peek();
    if (token.kind != Token::Kind::word || !is_value(token.text)) {
      throw ConditionSyntaxError(token.column, "expected value " + where + " but found " + describe(token));
    }
    condition.values.push_back(token.text);
    condition.value_columns.push_back(token.column);
    take();
  }

  std::vector<Token> tokens_;
  size_t position_ = 0;
};

// The values a reference currently holds: a question's answer values (none when it is not
// answered on the route so far), or the profile field's value(s).
std::vector<std::string> current_values(const std::string& ref, const Answers& answers, const Profile& profile) {
  if (ref == "profile.audience") return {std::string(to_string(profile.audience))};
  if (ref == "profile.age_group") return {std::string(age_group_name(profile.age_group))};
  if (ref == "profile.under16") return {profile.under16 ? "true" : "false"};
  if (ref == "profile.activities") return profile.activities;
  const auto answer = answers.find(ref);
  return answer == answers.end() ? std::vector<std::string>{} : answer->second.values;
}

bool holds_any(const std::vector<std::string>& held, const std::vector<std::string>& wanted) {
  for (const std::string& value : held) {
    for (const std::string& candidate : wanted) {
      if (value == candidate) return true;
    }
  }
  return false;
}

void collect_tests(const Condition& condition, std::vector<const Condition*>& tests) {
  if (condition.is_test()) tests.push_back(&condition);
  for (const Condition& operand : condition.operands) collect_tests(operand, tests);
}

}  // namespace

Condition parse_condition(std::string_view text) {
  return Parser(tokenize(text)).parse();
}

bool evaluate(const Condition& condition, const Answers& answers, const Profile& profile) {
  switch (condition.kind) {
    case Condition::Kind::always:
      return true;
    case Condition::Kind::any:
      for (const Condition& operand : condition.operands) {
        if (evaluate(operand, answers, profile)) return true;
      }
      return false;
    case Condition::Kind::all:
      for (const Condition& operand : condition.operands) {
        if (!evaluate(operand, answers, profile)) return false;
      }
      return true;
    case Condition::Kind::negation:
      return !evaluate(condition.operands.front(), answers, profile);
    case Condition::Kind::equals:
    case Condition::Kind::in_list:
    case Condition::Kind::has:
      // For a multi question `=` means `has`; an unanswered question holds no value.
      return holds_any(current_values(condition.ref, answers, profile), condition.values);
    case Condition::Kind::differs:
      return !holds_any(current_values(condition.ref, answers, profile), condition.values);
  }
  return false;
}

std::vector<const Condition*> tests_of(const Condition& condition) {
  std::vector<const Condition*> tests;
  collect_tests(condition, tests);
  return tests;
}

const std::vector<std::string>& profile_refs() {
  static const std::vector<std::string> refs = {"profile.audience", "profile.age_group", "profile.under16",
                                                "profile.activities"};
  return refs;
}

std::vector<std::string> profile_ref_values(std::string_view ref) {
  if (ref == "profile.audience") return {"self", "professional"};
  if (ref == "profile.age_group") return {"adult", "minor", "unknown"};
  if (ref == "profile.under16") return {"true", "false"};
  if (ref == "profile.activities") return known_activities();
  return {};
}

bool is_condition_keyword(std::string_view word) {
  return word == "and" || word == "or" || word == "not" || word == "in" || word == "has";
}

}  // namespace signaal
