// A small command-line parser for the key tools: "--name value" options (repeatable),
// "--flag" switches from a known list, and positional arguments.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace signaal::tools {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Arguments {
  std::map<std::string, std::vector<std::string>> options;
  std::set<std::string> switches;
  std::vector<std::string> positional;

  std::optional<std::string> option(const std::string& name) const;
  std::vector<std::string> all(const std::string& name) const;
  bool has(const std::string& name) const { return switches.contains(name); }
};

// Throws UsageError for an option not in with_value or switches, or one missing its value.
Arguments parse_arguments(int argc, char** argv, const std::set<std::string>& with_value,
                          const std::set<std::string>& switches = {});

}  // namespace signaal::tools
