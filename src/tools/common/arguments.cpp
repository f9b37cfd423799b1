#include "arguments.h"

namespace signaal::tools {

std::optional<std::string> Arguments::option(const std::string& name) const {
  auto it = options.find(name);
  if (it == options.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> Arguments::all(const std::string& name) const {
  auto it = options.find(name);
  return it == options.end() ? std::vector<std::string>{} : it->second;
}

Arguments parse_arguments(int argc, char** argv, const std::set<std::string>& with_value,
                          const std::set<std::string>& switches) {
  Arguments out;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (argument.size() < 2 || !argument.starts_with("--")) {
      out.positional.push_back(argument);
    } else if (with_value.contains(argument)) {
      if (i + 1 >= argc) throw UsageError(argument + " needs a value");
      out.options[argument].push_back(argv[++i]);
    } else if (switches.contains(argument)) {
      out.switches.insert(argument);
    } else {
      throw UsageError("unknown option " + argument);
    }
  }
  return out;
}

}  // namespace signaal::tools
