// signaal-open: opens report envelopes offline with the organisation's secret keys and prints
// one JSON line per envelope: the report, or a distinct error. A bad envelope never stops the
// rest of the batch; the exit status is 1 when any envelope failed.
#include <filesystem>
#include <iostream>
#include <optional>

#include <nlohmann/json.hpp>

#include "common/arguments.h"
#include "common/envelope_files.h"
#include "common/key_files.h"
#include "common/tool_common.h"
#include "core/envelope.h"

namespace {

using namespace signaal;
using namespace signaal::tools;

constexpr const char* kUsage =
    "usage: signaal-open (--keys DIR | --key FILE...) [--bundle FILE] ENVELOPE_OR_EXPORT...\n"
    "  --keys DIR     every enc-*.key in DIR, and DIR/bundle.json if present\n"
    "  --key FILE     one secret encryption key file (repeatable)\n"
    "  --bundle FILE  the organisation's key bundle: tells a wrong key file from a foreign key\n"
    "Each input is one envelope or an intake export (envelopes back to back); \"-\" is stdin.\n"
    "Output: JSON lines {\"source\", \"status\": \"ok\", \"key_id\", \"lookup_tag\", \"report\"}\n"
    "or {\"source\", \"status\": <error>, \"error\"}; errors are also printed to stderr.\n";

}  // namespace

int main(int argc, char** argv) {
  try {
    const Arguments args = parse_arguments(argc, argv, {"--keys", "--key", "--bundle"});
    if (args.positional.empty() || (!args.option("--keys") && !args.option("--key"))) throw UsageError("keys and inputs are required");
    if (!crypto_ready()) throw std::runtime_error("libsodium could not be initialised");

    std::vector<EncryptionKeyFile> files;
    std::optional<std::string> bundle_path = args.option("--bundle");
    if (auto dir = args.option("--keys")) {
      files = read_encryption_keys(*dir);
      if (!bundle_path && std::filesystem::exists(*dir + "/bundle.json")) bundle_path = *dir + "/bundle.json";
    }
    for (const std::string& path : args.all("--key")) files.push_back(read_encryption_key(path));
    if (files.empty()) throw std::runtime_error("no secret encryption keys found");
    std::vector<EncryptionKeyPair> keys;
    std::vector<KeyId> issued;
    for (const EncryptionKeyFile& f : files) {
      keys.push_back(f.pair);
      issued.push_back(f.pair.key_id);
    }
    if (bundle_path)
      for (const BundleKey& k : read_key_bundle(*bundle_path).keys) issued.push_back(k.key_id);

    int failed = 0;
    int opened_count = 0;
    for (const std::string& path : args.positional) {
      const std::string data = read_file(path);
      const std::span<const std::uint8_t> bytes(reinterpret_cast<const std::uint8_t*>(data.data()), data.size());
      const auto slices = split_envelopes(bytes);
      if (slices.empty()) {
        std::cout << nlohmann::json{{"source", path}, {"status", "truncated"}, {"error", "the file is empty"}}.dump() << "\n";
        std::cerr << path << ": the file is empty\n";
        ++failed;
      }
      for (const EnvelopeSlice& slice : slices) {
        const std::string source = slices.size() == 1 ? path : path + "@" + std::to_string(slice.offset);
        OpenedEnvelope opened;
        std::string detail;
        const EnvelopeStatus status = open_envelope(slice.bytes, keys, issued, &opened, &detail);
        if (status == EnvelopeStatus::ok) {
          ++opened_count;
          std::cout << nlohmann::json{{"source", source}, {"status", "ok"},
                                      {"key_id", to_hex(opened.header.key_id)},
                                      {"lookup_tag", to_hex(opened.header.lookup_tag)},
                                      {"report", opened.report}}.dump()
                    << "\n";
          continue;
        }
        ++failed;
        std::string message(describe(status));
        if (status == EnvelopeStatus::unknown_key_id || status == EnvelopeStatus::wrong_key) {
          EnvelopeHeader header;
          if (parse_envelope_header(slice.bytes, &header) == EnvelopeStatus::ok) message += " (key id " + to_hex(header.key_id) + ")";
        }
        if (status == EnvelopeStatus::truncated || status == EnvelopeStatus::oversized)
          message += " (" + std::to_string(slice.bytes.size()) + " bytes)";
        if (!detail.empty()) message += ": " + detail;
        std::cout << nlohmann::json{{"source", source}, {"status", status_name(status)}, {"error", message}}.dump() << "\n";
        std::cerr << source << ": " << status_name(status) << ": " << message << "\n";
      }
    }
    std::cerr << "signaal-open: opened " << opened_count << ", failed " << failed << "\n";
    return failed == 0 ? 0 : 1;
  } catch (const UsageError& e) {
    std::cerr << "signaal-open: " << e.what() << "\n" << kUsage;
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "signaal-open: " << e.what() << "\n";
    return 2;
  }
}
