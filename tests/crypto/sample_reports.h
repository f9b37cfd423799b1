// Reports at both ends of the size range, shared by the unit tests and the test sealing tool:
// a near-empty one and one with every field at its limit.
#pragma once

#include <string>

#include "core/report.h"
#include "core/report_date.h"

namespace signaal::test {

inline ReportContent minimal_report() {
  ReportContent r;
  r.questionnaire_id = "signaal-nl";
  r.questionnaire_version = "1.0.0";
  r.questionnaire_hash = std::string(64, 'a');
  r.audience = "self";
  r.locale = "nl";
  r.age_group = "adult";
  r.answers["age"].values = {"adult"};
  r.assessment = {{"engine", "th-ilo-palermo-v1"}, {"level", 0}, {"categories", nlohmann::json::array()},
                  {"flags", nlohmann::json::array()}, {"dimensions", nlohmann::json::object()},
                  {"reasons", nlohmann::json::array()}};
  r.report_nonce = new_report_nonce();
  r.date = report_iso_week(1795000000);
  return r;
}

// Every limit at once: 2000 four-byte characters of free text, 300 of contact, a long route
// of multi answers and an assessment with many reasons.
inline ReportContent maximal_report() {
  ReportContent r = minimal_report();
  r.audience = "professional";
  r.locale = "ti-ER";
  r.age_group = "minor";
  r.date = report_day(1795000000);
  for (int q = 0; q < 35; ++q)
    r.answers["question_number_" + std::to_string(q)].values = {"labour", "domestic", "sexual", "criminal", "begging", "other"};
  nlohmann::json reasons = nlohmann::json::array();
  for (int i = 0; i < 12; ++i)
    reasons.push_back({{"rule", "minor.level4.rule_" + std::to_string(i)},
                       {"dimensions", {"EXP", "DEST_COE", "REC_DEC"}},
                       {"indicators", {"DEST_COE.DOCUMENTS", "EXP.LOW_NO_PAY", "REC_COE.DEBT"}}});
  r.assessment = {{"engine", "th-ilo-palermo-v1"}, {"level", 4},
                  {"categories", {"criminal", "labour", "sexual"}},
                  {"flags", {"URGENT", "MINOR", "UNDER16"}},
                  {"dimensions", {{"ACT", "positive"}, {"REC_DEC", "positive"}, {"REC_COE", "partial"},
                                  {"EXP", "positive"}, {"DEST_COE", "positive"}, {"DEST_VUL", "weak"}}},
                  {"reasons", reasons}};
  std::string text;
  for (std::size_t i = 0; i < kFreeTextMaxCodePoints; ++i) text += "\xF0\x9F\x98\x80";  // U+1F600
  r.free_text = text;
  std::string contact;
  for (std::size_t i = 0; i < kContactMaxCodePoints; ++i) contact += "\xF0\x9F\x93\x9E";  // U+1F4DE
  r.contact = contact;
  return r;
}

}  // namespace signaal::test
