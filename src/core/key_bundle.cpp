#include "key_bundle.h"

#include <algorithm>
#include <tuple>

#include <sodium.h>

#include "report_date.h"

namespace signaal {

std::string_view status_name(KeyBundleStatus status) {
  switch (status) {
    case KeyBundleStatus::ok: return "ok";
    case KeyBundleStatus::malformed: return "malformed";
    case KeyBundleStatus::unsigned_bundle: return "unsigned_bundle";
    case KeyBundleStatus::bad_signature: return "bad_signature";
    case KeyBundleStatus::expired: return "expired";
    case KeyBundleStatus::not_yet_valid: return "not_yet_valid";
    case KeyBundleStatus::crypto_unavailable: return "crypto_unavailable";
  }
  return "unknown_status";
}

std::string_view describe(KeyBundleStatus status) {
  switch (status) {
    case KeyBundleStatus::ok: return "the key bundle is signed and has a valid key";
    case KeyBundleStatus::malformed: return "the key bundle is not in the expected form; nothing can be sealed";
    case KeyBundleStatus::unsigned_bundle: return "the key bundle is not signed; nothing can be sealed";
    case KeyBundleStatus::bad_signature: return "the key bundle's signature is not the organisation's; nothing can be sealed";
    case KeyBundleStatus::expired: return "every key in the bundle has expired; nothing can be sealed";
    case KeyBundleStatus::not_yet_valid: return "no key in the bundle is valid yet; nothing can be sealed";
    case KeyBundleStatus::crypto_unavailable: return "the cryptography library could not be initialised; nothing can be sealed";
  }
  return "unknown status";
}

namespace {

using nlohmann::json;

KeyBundleStatus malformed(std::string* detail, std::string message) {
  if (detail) *detail = std::move(message);
  return KeyBundleStatus::malformed;
}

void put_be(Bytes& out, std::uint64_t value, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

}  // namespace

KeyBundleStatus parse_key_bundle(const json& j, KeyBundle* bundle, std::string* detail) {
  if (!j.is_object()) return malformed(detail, "/: the key bundle must be a JSON object");
  for (const auto& [key, value] : j.items())
    if (key != "bundle_format" && key != "keys" && key != "signature")
      return malformed(detail, "/" + key + ": unknown key");
  auto format = j.find("bundle_format");
  if (format == j.end() || !format->is_number_integer() || format->get<std::int64_t>() != kKeyBundleFormat)
    return malformed(detail, "/bundle_format: must be 1");
  auto keys = j.find("keys");
  if (keys == j.end() || !keys->is_array() || keys->empty())
    return malformed(detail, "/keys: must be a non-empty array");
  KeyBundle out;
  for (std::size_t i = 0; i < keys->size(); ++i) {
    const json& k = (*keys)[i];
    const std::string at = "/keys/" + std::to_string(i);
    if (!k.is_object()) return malformed(detail, at + ": must be an object");
    for (const auto& [key, value] : k.items()) {
      if (!value.is_string()) return malformed(detail, at + "/" + key + ": must be a string");
      if (key != "key_id" && key != "public_key" && key != "not_before" && key != "not_after")
        return malformed(detail, at + "/" + key + ": unknown key");
    }
    for (const char* key : {"key_id", "public_key", "not_before", "not_after"})
      if (!k.contains(key)) return malformed(detail, at + "/" + key + ": missing");
    BundleKey entry;
    if (!from_hex(k["key_id"].get<std::string>(), entry.key_id))
      return malformed(detail, at + "/key_id: must be 16 hex digits");
    if (!from_hex(k["public_key"].get<std::string>(), entry.public_key))
      return malformed(detail, at + "/public_key: must be 64 hex digits");
    if (entry.key_id != key_id_of(entry.public_key))
      return malformed(detail, at + "/key_id: is not the id of this public key");
    auto not_before = parse_utc_time(k["not_before"].get<std::string>());
    auto not_after = parse_utc_time(k["not_after"].get<std::string>());
    if (!not_before) return malformed(detail, at + "/not_before: must be YYYY-MM-DDTHH:MM:SSZ");
    if (!not_after) return malformed(detail, at + "/not_after: must be YYYY-MM-DDTHH:MM:SSZ");
    if (*not_after <= *not_before) return malformed(detail, at + "/not_after: must be later than not_before");
    entry.not_before = *not_before;
    entry.not_after = *not_after;
    out.keys.push_back(entry);
  }
  if (auto sig = j.find("signature"); sig != j.end()) {
    Signature signature{};
    if (!sig->is_string() || !from_hex(sig->get<std::string>(), signature))
      return malformed(detail, "/signature: must be 128 hex digits");
    out.signature = signature;
  }
  *bundle = std::move(out);
  return KeyBundleStatus::ok;
}

void to_json(json& j, const KeyBundle& bundle) {
  json keys = json::array();
  for (const BundleKey& k : bundle.keys)
    keys.push_back({{"key_id", to_hex(k.key_id)},
                    {"public_key", to_hex(k.public_key)},
                    {"not_before", format_utc_time(k.not_before)},
                    {"not_after", format_utc_time(k.not_after)}});
  j = json{{"bundle_format", kKeyBundleFormat}, {"keys", keys}};
  if (bundle.signature) j["signature"] = to_hex(*bundle.signature);
}

Bytes key_bundle_signed_bytes(const KeyBundle& bundle) {
  static constexpr std::string_view context = "signaal-key-bundle-v1";
  Bytes out(context.begin(), context.end());
  put_be(out, bundle.keys.size(), 4);
  for (const BundleKey& k : bundle.keys) {
    out.insert(out.end(), k.key_id.begin(), k.key_id.end());
    out.insert(out.end(), k.public_key.begin(), k.public_key.end());
    put_be(out, static_cast<std::uint64_t>(k.not_before), 8);
    put_be(out, static_cast<std::uint64_t>(k.not_after), 8);
  }
  return out;
}

void sign_key_bundle(KeyBundle* bundle, const SigningSecretKey& signing_key) {
  const Bytes message = key_bundle_signed_bytes(*bundle);
  Signature signature{};
  crypto_sign_detached(signature.data(), nullptr, message.data(), message.size(), signing_key.bytes.data());
  bundle->signature = signature;
}

KeyBundleStatus verify_key_bundle(const KeyBundle& bundle, const SigningPublicKey& signing_key) {
  if (!crypto_ready()) return KeyBundleStatus::crypto_unavailable;
  if (!bundle.signature) return KeyBundleStatus::unsigned_bundle;
  const Bytes message = key_bundle_signed_bytes(bundle);
  if (crypto_sign_verify_detached(bundle.signature->data(), message.data(), message.size(),
                                  signing_key.data()) != 0)
    return KeyBundleStatus::bad_signature;
  return KeyBundleStatus::ok;
}

KeyBundleStatus select_recipient_key(const KeyBundle& bundle, const SigningPublicKey& signing_key,
                                     std::int64_t now, RecipientKey* recipient) {
  if (auto status = verify_key_bundle(bundle, signing_key); status != KeyBundleStatus::ok) return status;
  const BundleKey* best = nullptr;
  bool future = false;
  for (const BundleKey& k : bundle.keys) {
    if (now < k.not_before) future = true;
    if (now < k.not_before || now >= k.not_after) continue;
    // Latest not_after, then latest not_before, then the smaller id: deterministic.
    if (!best || std::tuple(k.not_after, k.not_before, best->key_id) >
                     std::tuple(best->not_after, best->not_before, k.key_id))
      best = &k;
  }
  if (!best) return future ? KeyBundleStatus::not_yet_valid : KeyBundleStatus::expired;
  *recipient = RecipientKey{best->key_id, best->public_key};
  return KeyBundleStatus::ok;
}

KeyBundleStatus select_recipient_key(const json& config, std::int64_t now, RecipientKey* recipient,
                                     std::string* detail) {
  if (!config.is_object()) return malformed(detail, "/: the config must be a JSON object");
  auto signing = config.find("signing_public_key");
  SigningPublicKey signing_key{};
  if (signing == config.end() || !signing->is_string() || !from_hex(signing->get<std::string>(), signing_key))
    return malformed(detail, "/signing_public_key: must be 64 hex digits");
  auto bundle_json = config.find("key_bundle");
  if (bundle_json == config.end()) return malformed(detail, "/key_bundle: missing");
  KeyBundle bundle;
  std::string inner_detail;
  if (auto status = parse_key_bundle(*bundle_json, &bundle, &inner_detail); status != KeyBundleStatus::ok) {
    if (detail) *detail = "/key_bundle" + inner_detail;
    return status;
  }
  return select_recipient_key(bundle, signing_key, now, recipient);
}

}  // namespace signaal
