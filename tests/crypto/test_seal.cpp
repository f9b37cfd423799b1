// signaal-test-seal: the app's side of the envelope, natively, for the tool tests (until the
// wasm app sends real ones):
//   sample minimal|maximal                      print a sample report JSON
//   seal CONFIG REPORT OUT [--now T] [--code C] [--plain FILE]
//        select the key from the deployment config, seal, solve the proof of work, write OUT;
//        --code attaches a follow-up code, --plain writes the exact sealed JSON
//   open-reply CODE REPLY                       print the reply a code holder would read
#include <ctime>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "common/arguments.h"
#include "common/tool_common.h"
#include "core/envelope.h"
#include "core/follow_up.h"
#include "core/follow_up_reply.h"
#include "core/key_bundle.h"
#include "core/proof_of_work.h"
#include "core/report_date.h"
#include "sample_reports.h"

using namespace signaal;
using namespace signaal::tools;

namespace {

void write_bytes(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << data;
  if (!out.flush()) throw std::runtime_error(path + ": cannot write");
}

int seal(const Arguments& args) {
  const auto& p = args.positional;
  const auto config = nlohmann::json::parse(read_file(p[1]));
  ReportContent report = nlohmann::json::parse(read_file(p[2])).get<ReportContent>();
  std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
  if (auto t = args.option("--now")) now = parse_utc_time(*t).value();
  if (auto code = args.option("--code")) {
    FollowUpKeys keys;
    if (derive_follow_up_keys(*code, &keys) != FollowUpStatus::ok) throw std::runtime_error("bad follow-up code");
    report.follow_up = ReportFollowUp{keys.lookup_tag, keys.reply_public_key};
  }
  RecipientKey recipient;
  std::string detail;
  const auto key_status = select_recipient_key(config, now, &recipient, &detail);
  if (key_status != KeyBundleStatus::ok) {
    std::cerr << "refused: " << status_name(key_status) << ": " << describe(key_status) << " " << detail << "\n";
    return 3;
  }
  Bytes envelope;
  const auto status = seal_report(report, recipient, kPowDifficulty, &envelope, &detail);
  if (status != EnvelopeStatus::ok) {
    std::cerr << "refused: " << status_name(status) << ": " << detail << "\n";
    return 3;
  }
  if (solve_proof_of_work(envelope) != PowStatus::ok) throw std::runtime_error("no proof of work");
  write_bytes(p[3], std::string(envelope.begin(), envelope.end()));
  if (auto plain = args.option("--plain")) write_bytes(*plain, report_plaintext(report));
  return 0;
}

int open_reply_command(const Arguments& args) {
  FollowUpKeys keys;
  if (derive_follow_up_keys(args.positional[1], &keys) != FollowUpStatus::ok) throw std::runtime_error("bad code");
  const std::string data = read_file(args.positional[2]);
  ReplyContent reply;
  const auto status = open_reply({reinterpret_cast<const std::uint8_t*>(data.data()), data.size()}, keys, &reply);
  if (status != ReplyStatus::ok) {
    std::cerr << status_name(status) << ": " << describe(status) << "\n";
    return 1;
  }
  std::cout << nlohmann::json{{"date", reply.date}, {"text", reply.text}}.dump() << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Arguments args = parse_arguments(argc, argv, {"--now", "--code", "--plain"});
    const auto& p = args.positional;
    if (p.size() == 2 && p[0] == "sample") {
      std::cout << nlohmann::json(p[1] == "maximal" ? test::maximal_report() : test::minimal_report()).dump(2) << "\n";
      return 0;
    }
    if (p.size() == 1 && p[0] == "code") {
      std::cout << generate_follow_up_code() << "\n";
      return 0;
    }
    if (p.size() == 4 && p[0] == "seal") return seal(args);
    if (p.size() == 3 && p[0] == "open-reply") return open_reply_command(args);
    std::cerr << "usage: see the comment at the top of tests/crypto/test_seal.cpp\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "signaal-test-seal: " << e.what() << "\n";
    return 1;
  }
}
