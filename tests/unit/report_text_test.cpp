// The text fields' rule: whatever is typed or pasted is kept as far as a report can carry it.
#include <catch2/catch.hpp>

#include "../crypto/sample_reports.h"
#include "core/report.h"

using namespace signaal;
using signaal::test::minimal_report;

TEST_CASE("report text keeps ordinary text of every script as it is", "[report_text]") {
  const std::string text = "Ik werk 14 uur.\n\tأنا أعمل\nTôi làm việc 你好 ሰላም 🙂";
  CHECK(fit_report_text(text, 2000) == text);
}

TEST_CASE("report text turns CR LF and lone CR into LF and drops other control characters", "[report_text]") {
  CHECK(fit_report_text("a\r\nb\rc", 100) == "a\nb\nc");
  CHECK(fit_report_text(std::string("x\x01y\x1b") + "z\x7f" + "\xc2\x85" + "!", 100) == "xyz!");
  CHECK(fit_report_text(std::string("nul\0here", 8), 100) == "nulhere");
}

TEST_CASE("report text drops invalid UTF-8 but keeps what follows it", "[report_text]") {
  CHECK(fit_report_text("ok\xff\xfe still", 100) == "ok still");
  CHECK(fit_report_text("\xed\xa0\x80surrogate", 100) == "surrogate");  // a lone surrogate as CESU-8
  CHECK(fit_report_text("\xc0\xafoverlong", 100) == "overlong");
  CHECK(fit_report_text("cut \xe4\xbd", 100) == "cut ");  // a sequence cut short at the end
}

TEST_CASE("report text is cut after the limit in code points, not bytes", "[report_text]") {
  CHECK(fit_report_text("abcdef", 3) == "abc");
  CHECK(fit_report_text("你好世界", 2) == "你好");
  CHECK(fit_report_text("🙂🙂🙂", 2) == "🙂🙂");
  CHECK(fit_report_text("a\r\nb", 2) == "a\n");
  CHECK(fit_report_text("anything", 0).empty());
}

TEST_CASE("whatever report text keeps passes the report's validation", "[report_text]") {
  std::string hostile;
  for (int i = 0; i < 4000; ++i)
    hostile += static_cast<char>((i * 37) % 256);
  ReportContent report = minimal_report();
  report.free_text = fit_report_text(hostile + "\xf0\x9f\x99\x82" + hostile, kFreeTextMaxCodePoints);
  report.contact = fit_report_text(hostile, kContactMaxCodePoints);
  CHECK(count_text_code_points(*report.free_text).has_value());
  CHECK(*count_text_code_points(*report.contact) <= kContactMaxCodePoints);
  CHECK_FALSE(validate_report(report).has_value());
}
