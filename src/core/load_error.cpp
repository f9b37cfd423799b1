#include "load_error.h"

namespace signaal {
namespace {

std::string one_per_line(const std::vector<Finding>& findings) {
  std::string text;
  for (const Finding& finding : findings) {
    if (!text.empty()) text += '\n';
    text += to_string(finding);
  }
  return text;
}

}  // namespace

std::string to_string(const Finding& finding) {
  if (finding.pointer.empty()) return finding.file + ": " + finding.message;
  return finding.file + ": " + finding.pointer + ": " + finding.message;
}

LoadError::LoadError(std::vector<Finding> findings)
    : std::runtime_error(one_per_line(findings)), findings_(std::move(findings)) {}

}  // namespace signaal
