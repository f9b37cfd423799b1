// signaal-reply: seals the organisation's answer to a report whose sender took a follow-up
// code. Input: the report as signaal-open printed it (one JSON line) or the bare report JSON.
// Output: a reply file for `signaal-intake reply`. Only the code's holder can open it.
#include <ctime>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "common/arguments.h"
#include "common/tool_common.h"
#include "core/follow_up_reply.h"
#include "core/report.h"
#include "core/report_date.h"

namespace {

using namespace signaal;
using namespace signaal::tools;

constexpr const char* kUsage =
    "usage: signaal-reply --report FILE (--text TEXT | --text-file FILE) --out FILE [--date YYYY-MM-DD]\n"
    "  --report FILE     one line of signaal-open output (or the report JSON alone)\n"
    "  --text / --text-file  the reply, at most 1000 characters\n"
    "  --date            the date shown with the reply (default today, UTC)\n";

}  // namespace

int main(int argc, char** argv) {
  try {
    const Arguments args = parse_arguments(argc, argv, {"--report", "--text", "--text-file", "--out", "--date"});
    const auto report_path = args.option("--report");
    const auto out_path = args.option("--out");
    if (!report_path || !out_path || args.option("--text").has_value() == args.option("--text-file").has_value() ||
        !args.positional.empty())
      throw UsageError("--report, --out and one of --text or --text-file are required");
    if (!crypto_ready()) throw std::runtime_error("libsodium could not be initialised");

    nlohmann::json j = nlohmann::json::parse(read_file(*report_path));
    if (j.contains("status") && j["status"] != "ok")
      throw std::runtime_error(*report_path + ": this line is an error from signaal-open, not a report");
    if (j.contains("report")) j = j["report"];
    const ReportContent report = j.get<ReportContent>();
    if (!report.follow_up)
      throw std::runtime_error(*report_path + ": the sender took no follow-up code: a reply cannot reach them");

    ReplyContent reply;
    reply.text = args.option("--text") ? *args.option("--text") : read_file(*args.option("--text-file"));
    while (!reply.text.empty() && reply.text.back() == '\n') reply.text.pop_back();
    reply.date = args.option("--date").value_or(report_day(static_cast<std::int64_t>(std::time(nullptr))));
    Bytes envelope;
    const ReplyStatus status = seal_reply(reply, report.follow_up->lookup_tag, report.follow_up->reply_public_key, &envelope);
    if (status != ReplyStatus::ok) throw std::runtime_error(std::string(describe(status)));
    std::ofstream out(*out_path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(envelope.data()), static_cast<std::streamsize>(envelope.size()));
    if (!out.flush()) throw std::runtime_error(*out_path + ": cannot write");
    std::cerr << "signaal-reply: wrote " << *out_path << " for lookup tag " << to_hex(report.follow_up->lookup_tag)
              << "; store it with signaal-intake reply\n";
    return 0;
  } catch (const UsageError& e) {
    std::cerr << "signaal-reply: " << e.what() << "\n" << kUsage;
    return 2;
  } catch (const ReportFormatError& e) {
    std::cerr << "signaal-reply: the report is not valid: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "signaal-reply: " << e.what() << "\n";
    return 1;
  }
}
