#include "key_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "core/report_date.h"
#include "tool_common.h"

namespace signaal::tools {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw std::runtime_error(path + ": " + what);
}

void write_all(int fd, const std::string& content, const std::string& path) {
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int error = errno;
      ::close(fd);
      fail(path, std::string("cannot write: ") + std::strerror(error));
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) fail(path, std::string("cannot write: ") + std::strerror(errno));
}

json parse_json_file(const std::string& path) {
  try {
    return json::parse(read_file(path));
  } catch (const json::exception& e) {
    fail(path, std::string("not JSON: ") + e.what());
  }
}

std::string string_field(const json& j, const char* key, const std::string& path) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) fail(path, std::string("/") + key + ": missing or not a string");
  return it->get<std::string>();
}

template <std::size_t N>
void hex_field(const json& j, const char* key, std::array<std::uint8_t, N>& out, const std::string& path) {
  if (!from_hex(string_field(j, key, path), out))
    fail(path, std::string("/") + key + ": must be " + std::to_string(2 * N) + " hex digits");
}

std::int64_t time_field(const json& j, const char* key, const std::string& path) {
  auto t = parse_utc_time(string_field(j, key, path));
  if (!t) fail(path, std::string("/") + key + ": must be YYYY-MM-DDTHH:MM:SSZ");
  return *t;
}

}  // namespace

void write_secret_file(const std::string& path, const std::string& content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) fail(path, std::string("cannot create (secret files are never overwritten): ") + std::strerror(errno));
  write_all(fd, content, path);
}

void write_public_file(const std::string& path, const std::string& content) {
  const std::string temporary = path + ".tmp";
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) fail(temporary, std::string("cannot create: ") + std::strerror(errno));
  write_all(fd, content, temporary);
  if (std::rename(temporary.c_str(), path.c_str()) != 0) fail(path, std::string("cannot replace: ") + std::strerror(errno));
}

std::string encryption_key_json(const EncryptionKeyFile& key) {
  return json{{"kind", "signaal-encryption-key"},
              {"key_id", to_hex(key.pair.key_id)},
              {"public_key", to_hex(key.pair.public_key)},
              {"secret_key", to_hex(key.pair.secret_key.bytes)},
              {"not_before", format_utc_time(key.not_before)},
              {"not_after", format_utc_time(key.not_after)}}
             .dump(2) + "\n";
}

std::string signing_key_json(const SigningKeyFile& key) {
  return json{{"kind", "signaal-signing-key"},
              {"public_key", to_hex(key.public_key)},
              {"secret_key", to_hex(key.secret_key.bytes)}}
             .dump(2) + "\n";
}

EncryptionKeyFile read_encryption_key(const std::string& path) {
  const json j = parse_json_file(path);
  if (!j.is_object() || j.value("kind", "") != "signaal-encryption-key")
    fail(path, "not a Signaal encryption key file (kind signaal-encryption-key)");
  SecretKey secret;
  hex_field(j, "secret_key", secret.bytes, path);
  EncryptionKeyFile key;
  key.pair = key_pair_from_secret(secret);
  KeyId stated_id{};
  PublicKey stated_public{};
  hex_field(j, "key_id", stated_id, path);
  hex_field(j, "public_key", stated_public, path);
  if (stated_public != key.pair.public_key || stated_id != key.pair.key_id)
    fail(path, "the key id or public key does not belong to this secret key: the file is damaged");
  key.not_before = time_field(j, "not_before", path);
  key.not_after = time_field(j, "not_after", path);
  return key;
}

SigningKeyFile read_signing_key(const std::string& path) {
  const json j = parse_json_file(path);
  if (!j.is_object() || j.value("kind", "") != "signaal-signing-key")
    fail(path, "not a Signaal signing key file (kind signaal-signing-key)");
  SigningKeyFile key;
  hex_field(j, "secret_key", key.secret_key.bytes, path);
  hex_field(j, "public_key", key.public_key, path);
  SigningPublicKey derived{};
  crypto_sign_ed25519_sk_to_pk(derived.data(), key.secret_key.bytes.data());
  if (derived != key.public_key) fail(path, "the public key does not belong to this secret key: the file is damaged");
  return key;
}

std::vector<EncryptionKeyFile> read_encryption_keys(const std::string& dir) {
  std::vector<std::string> paths;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("enc-") && name.ends_with(".key")) paths.push_back(entry.path().string());
  }
  if (error) fail(dir, "cannot list: " + error.message());
  std::sort(paths.begin(), paths.end());
  std::vector<EncryptionKeyFile> keys;
  for (const std::string& path : paths) keys.push_back(read_encryption_key(path));
  return keys;
}

KeyBundle read_key_bundle(const std::string& path) {
  KeyBundle bundle;
  std::string detail;
  const auto status = parse_key_bundle(parse_json_file(path), &bundle, &detail);
  if (status != KeyBundleStatus::ok) fail(path, std::string(describe(status)) + ": " + detail);
  return bundle;
}

}  // namespace signaal::tools
