// The inner report: plain data the app fills from the session, to_json/from_json beside it,
// and the validation that keeps it within the limits of docs/envelope.md section 2.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "answer.h"
#include "envelope_types.h"

namespace signaal {

inline constexpr int kReportFormat = 1;
inline constexpr std::size_t kFreeTextMaxCodePoints = 2000;
inline constexpr std::size_t kContactMaxCodePoints = 300;
inline constexpr std::size_t kReportNonceBytes = 16;

struct ReportFollowUp {
  LookupTag lookup_tag{};
  PublicKey reply_public_key{};
  friend bool operator==(const ReportFollowUp&, const ReportFollowUp&) = default;
};

struct ReportContent {
  std::string questionnaire_id;
  std::string questionnaire_version;
  std::string questionnaire_hash;  // 64 hex: SHA-256 of the content bundle
  std::string audience;            // self | self_minor | professional
  std::string locale;
  std::string age_group;           // adult | minor | unknown
  Answers answers;                 // only the questions on the route at send time
  nlohmann::json assessment;       // to_json(Assessment)
  std::array<std::uint8_t, kReportNonceBytes> report_nonce{};
  std::string date;                // YYYY-MM-DD or YYYY-Www (see report_date.h)
  std::optional<std::string> free_text;
  std::optional<std::string> contact;
  std::optional<ReportFollowUp> follow_up;
  friend bool operator==(const ReportContent&, const ReportContent&) = default;
};

// Thrown by from_json: the JSON pointer of the offending key and what is wrong with it.
class ReportFormatError : public std::runtime_error {
 public:
  ReportFormatError(std::string pointer, const std::string& message)
      : std::runtime_error(pointer + ": " + message), pointer_(std::move(pointer)) {}
  const std::string& pointer() const { return pointer_; }

 private:
  std::string pointer_;
};

// Checks every rule of docs/envelope.md section 2; on failure returns the pointer + message.
std::optional<std::string> validate_report(const ReportContent& report);

// Counts code points of valid UTF-8 without disallowed control characters; nullopt otherwise.
std::optional<std::size_t> count_text_code_points(std::string_view text);

// What a text field may hand to a report: invalid UTF-8 and control characters other than TAB
// and LF dropped, CR LF and lone CR made LF, cut after `max_code_points`. Typing and pasting
// never fail; what is kept always passes validate_report.
std::string fit_report_text(std::string_view text, std::size_t max_code_points);

// A fresh random report nonce.
std::array<std::uint8_t, kReportNonceBytes> new_report_nonce();

void to_json(nlohmann::json& j, const ReportContent& report);
// Strict: unknown keys, wrong types and broken rules throw ReportFormatError.
void from_json(const nlohmann::json& j, ReportContent& report);

}  // namespace signaal
