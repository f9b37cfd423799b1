// Errors found while reading a data file: each names the file, the JSON path (RFC 6901
// pointer) and what is wrong, printed as `file: /json/path: message`. Loaders collect every
// error they find and fail as a whole: a partly loaded questionnaire is never used.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace signaal {

struct Finding {
  std::string file;     // as the caller named it, e.g. "questionnaire.json"
  std::string pointer;  // JSON pointer, "" for the whole document
  std::string message;
};

// "file: /path: message"; a finding about the whole document (empty pointer) prints as
// "file: message".
std::string to_string(const Finding& finding);

// Thrown by a loader when the document has one or more findings.
class LoadError : public std::runtime_error {
 public:
  explicit LoadError(std::vector<Finding> findings);
  const std::vector<Finding>& findings() const { return findings_; }

 private:
  std::vector<Finding> findings_;
};

}  // namespace signaal
