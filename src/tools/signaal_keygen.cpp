// signaal-keygen: the organisation's keys (docs/envelope.md section 3). Secret key files are
// created with mode 0600 and never overwritten; run it on the offline machine that opens reports.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "common/arguments.h"
#include "common/key_files.h"
#include "common/tool_common.h"
#include "core/key_bundle.h"
#include "core/report_date.h"

namespace {

using namespace signaal;
using namespace signaal::tools;

constexpr const char* kUsage =
    "usage: signaal-keygen signing DIR\n"
    "         creates DIR/signing.key (Ed25519, signs key bundles) and prints its public key\n"
    "       signaal-keygen encryption DIR [--not-before TIME] [--days N]\n"
    "         creates DIR/enc-<key id>.key (X25519), valid from TIME (default now) for N days (default 92)\n"
    "       signaal-keygen bundle DIR [--now TIME]\n"
    "         signs every key in DIR that has not expired into DIR/bundle.json\n"
    "       signaal-keygen config DIR FILE\n"
    "         writes signing_public_key and key_bundle from DIR into the deployment config FILE,\n"
    "         keeping its other fields (the file is created if missing)\n"
    "TIME is YYYY-MM-DDTHH:MM:SSZ (UTC).\n";

std::int64_t time_option(const Arguments& args, const std::string& name) {
  auto value = args.option(name);
  if (!value) return static_cast<std::int64_t>(std::time(nullptr));
  auto t = parse_utc_time(*value);
  if (!t) throw UsageError(name + " must be YYYY-MM-DDTHH:MM:SSZ");
  return *t;
}

void make_private_directory(const std::string& dir) {
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
    throw std::runtime_error(dir + ": cannot create: " + std::strerror(errno));
}

int signing(const std::string& dir) {
  make_private_directory(dir);
  SigningKeyFile key;
  crypto_sign_keypair(key.public_key.data(), key.secret_key.bytes.data());
  write_secret_file(dir + "/signing.key", signing_key_json(key));
  std::cout << to_hex(key.public_key) << "\n";
  std::cerr << "signaal-keygen: wrote " << dir << "/signing.key (mode 0600); keep it offline\n";
  return 0;
}

int encryption(const std::string& dir, const Arguments& args) {
  make_private_directory(dir);
  EncryptionKeyFile key;
  SecretKey secret;
  crypto_box_keypair(key.pair.public_key.data(), secret.bytes.data());
  key.pair = key_pair_from_secret(secret);
  key.not_before = time_option(args, "--not-before");
  long days = 92;
  if (auto value = args.option("--days")) {
    days = std::strtol(value->c_str(), nullptr, 10);
    if (days < 1 || days > 3660) throw UsageError("--days must be 1-3660");
  }
  key.not_after = key.not_before + days * 86400;
  const std::string path = dir + "/enc-" + to_hex(key.pair.key_id) + ".key";
  write_secret_file(path, encryption_key_json(key));
  std::cout << to_hex(key.pair.key_id) << "\n";
  std::cerr << "signaal-keygen: wrote " << path << " (mode 0600), valid " << format_utc_time(key.not_before)
            << " to " << format_utc_time(key.not_after) << "\n";
  return 0;
}

int bundle(const std::string& dir, const Arguments& args) {
  const SigningKeyFile signer = read_signing_key(dir + "/signing.key");
  const std::int64_t now = time_option(args, "--now");
  KeyBundle out;
  for (const EncryptionKeyFile& key : read_encryption_keys(dir))
    if (key.not_after > now) out.keys.push_back({key.pair.key_id, key.pair.public_key, key.not_before, key.not_after});
  if (out.keys.empty()) throw std::runtime_error(dir + ": no encryption key that has not expired: run signaal-keygen encryption first");
  sign_key_bundle(&out, signer.secret_key);
  RecipientKey chosen;
  const auto status = select_recipient_key(out, signer.public_key, now, &chosen);
  write_public_file(dir + "/bundle.json", nlohmann::json(out).dump(2) + "\n");
  std::cerr << "signaal-keygen: wrote " << dir << "/bundle.json with " << out.keys.size() << " keys";
  if (status == KeyBundleStatus::ok) std::cerr << "; apps seal to " << to_hex(chosen.key_id) << " now\n";
  else std::cerr << "\nsignaal-keygen: warning: " << describe(status) << "\n";
  return 0;
}

int config(const std::string& dir, const std::string& file) {
  const SigningKeyFile signer = read_signing_key(dir + "/signing.key");
  const KeyBundle keys = read_key_bundle(dir + "/bundle.json");
  if (verify_key_bundle(keys, signer.public_key) != KeyBundleStatus::ok)
    throw std::runtime_error(dir + "/bundle.json: not signed by " + dir + "/signing.key");
  // ordered_json keeps the app's field order; only our two fields change.
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  if (std::filesystem::exists(file)) j = nlohmann::ordered_json::parse(read_file(file));
  j["signing_public_key"] = to_hex(signer.public_key);
  j["key_bundle"] = nlohmann::ordered_json::parse(nlohmann::json(keys).dump());
  write_public_file(file, j.dump(2) + "\n");
  std::cerr << "signaal-keygen: wrote signing_public_key and key_bundle into " << file << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Arguments args = parse_arguments(argc, argv, {"--not-before", "--days", "--now"});
    if (!crypto_ready()) throw std::runtime_error("libsodium could not be initialised");
    const auto& p = args.positional;
    if (p.size() == 2 && p[0] == "signing") return signing(p[1]);
    if (p.size() == 2 && p[0] == "encryption") return encryption(p[1], args);
    if (p.size() == 2 && p[0] == "bundle") return bundle(p[1], args);
    if (p.size() == 3 && p[0] == "config") return config(p[1], p[2]);
    std::cerr << kUsage;
    return 2;
  } catch (const UsageError& e) {
    std::cerr << "signaal-keygen: " << e.what() << "\n" << kUsage;
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "signaal-keygen: " << e.what() << "\n";
    return 1;
  }
}
