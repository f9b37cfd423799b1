// The organisation's signed bundle of encryption keys (docs/envelope.md section 3): parse,
// verify under the configured Ed25519 key, and pick the key to seal to at a given "now".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "envelope.h"
#include "envelope_types.h"

namespace signaal {

inline constexpr int kKeyBundleFormat = 1;

struct BundleKey {
  KeyId key_id{};
  PublicKey public_key{};
  std::int64_t not_before = 0;  // Unix seconds, inclusive
  std::int64_t not_after = 0;   // Unix seconds, exclusive
  friend bool operator==(const BundleKey&, const BundleKey&) = default;
};

struct KeyBundle {
  std::vector<BundleKey> keys;
  std::optional<Signature> signature;
  friend bool operator==(const KeyBundle&, const KeyBundle&) = default;
};

enum class KeyBundleStatus {
  ok,
  malformed,           // not the documented JSON (detail names the key)
  unsigned_bundle,     // no signature
  bad_signature,       // the signature does not verify under the configured signing key
  expired,             // no key valid now, none in the future
  not_yet_valid,       // no key valid now, but one starts later
  crypto_unavailable,  // libsodium could not be initialised
};

std::string_view status_name(KeyBundleStatus status);
std::string_view describe(KeyBundleStatus status);

// Parses the JSON form; checks hex sizes, times, key id = id of the public key, window order.
KeyBundleStatus parse_key_bundle(const nlohmann::json& j, KeyBundle* bundle,
                                 std::string* detail = nullptr);
void to_json(nlohmann::json& j, const KeyBundle& bundle);

// The canonical bytes the signature covers.
Bytes key_bundle_signed_bytes(const KeyBundle& bundle);

void sign_key_bundle(KeyBundle* bundle, const SigningSecretKey& signing_key);
KeyBundleStatus verify_key_bundle(const KeyBundle& bundle, const SigningPublicKey& signing_key);

// Verifies, then picks the valid key (not_before <= now < not_after) with the latest
// not_after. Any status but ok means: seal nothing, send nothing.
KeyBundleStatus select_recipient_key(const KeyBundle& bundle, const SigningPublicKey& signing_key,
                                     std::int64_t now, RecipientKey* recipient);

// The same from a deployment config's "signing_public_key" and "key_bundle" fields.
KeyBundleStatus select_recipient_key(const nlohmann::json& config, std::int64_t now,
                                     RecipientKey* recipient, std::string* detail = nullptr);

}  // namespace signaal
