// The organisation's key files (docs/envelope.md section 3): secret files are created with
// open(O_CREAT|O_EXCL, 0600), never overwritten; public files are replaced atomically.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/envelope_types.h"
#include "core/key_bundle.h"

namespace signaal::tools {

struct EncryptionKeyFile {
  EncryptionKeyPair pair;
  std::int64_t not_before = 0;
  std::int64_t not_after = 0;
};

struct SigningKeyFile {
  SigningPublicKey public_key{};
  SigningSecretKey secret_key;
};

// Creates path with mode 0600; throws if it exists or cannot be written.
void write_secret_file(const std::string& path, const std::string& content);
// Writes path (0644) through a temporary file and rename.
void write_public_file(const std::string& path, const std::string& content);

std::string encryption_key_json(const EncryptionKeyFile& key);
std::string signing_key_json(const SigningKeyFile& key);
// Both throw std::runtime_error naming the file and the problem.
EncryptionKeyFile read_encryption_key(const std::string& path);
SigningKeyFile read_signing_key(const std::string& path);

// Every enc-*.key in dir, sorted by file name.
std::vector<EncryptionKeyFile> read_encryption_keys(const std::string& dir);

KeyBundle read_key_bundle(const std::string& path);

}  // namespace signaal::tools
