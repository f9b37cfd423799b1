#include "fuzz_support.h"

#include <sodium.h>

#include <algorithm>
#include <chrono>

#include "core/key_bundle.h"

namespace signaal::fuzz {

const intake::Config& fuzz_config() {
  static const intake::Config config = [] {
    crypto_ready();
    intake::Config c;
    SigningPublicKey signing_public{};
    SigningSecretKey signing_secret;
    crypto_sign_keypair(signing_public.data(), signing_secret.bytes.data());
    SecretKey secret;
    randombytes_buf(secret.bytes.data(), secret.bytes.size());
    const EncryptionKeyPair pair = key_pair_from_secret(secret);
    const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    c.key_bundle.keys.push_back({pair.key_id, pair.public_key, now - 86400, now + 365 * 86400});
    sign_key_bundle(&c.key_bundle, signing_secret);
    c.minimum_pow_difficulty = 1;
    c.poll_floor = std::chrono::milliseconds(0);
    c.content_security_policy = "default-src 'none'";
    return c;
  }();
  return config;
}

void MemoryStore::put_envelope(const intake::StoredEnvelope& envelope) {
  std::lock_guard lock(mutex_);
  // Bounded: a fuzzer stores envelopes millions of times.
  if (envelopes_.size() >= 16) envelopes_.erase(envelopes_.begin());
  envelopes_.push_back(envelope);
}

void MemoryStore::put_reply(const intake::StoredReply& reply) {
  std::lock_guard lock(mutex_);
  replies_[reply.lookup_tag] = reply;
}

std::optional<std::string> MemoryStore::find_reply(const std::string& lookup_tag) {
  std::lock_guard lock(mutex_);
  const auto found = replies_.find(lookup_tag);
  if (found == replies_.end()) return std::nullopt;
  return found->second.reply;
}

void MemoryStore::for_each_envelope(const std::string& since_day,
                                    const std::function<void(const intake::StoredEnvelope&)>& visit) {
  std::lock_guard lock(mutex_);
  for (const auto& envelope : envelopes_) {
    if (envelope.received_day >= since_day) visit(envelope);
  }
}

long long MemoryStore::delete_before(const std::string& before_day) {
  std::lock_guard lock(mutex_);
  const auto removed = std::erase_if(envelopes_, [&](const auto& e) { return e.received_day < before_day; });
  return static_cast<long long>(removed);
}

Bytes shaped_envelope(std::span<const std::uint8_t> data) {
  Bytes envelope(kEnvelopeBytes, 0);
  std::copy_n(data.begin(), std::min(data.size(), envelope.size()), envelope.begin());
  std::copy(kEnvelopeMagic.begin(), kEnvelopeMagic.end(), envelope.begin());
  envelope[kEnvelopeOffsetVersion] = kEnvelopeVersion;
  envelope[kEnvelopeOffsetPowDifficulty] = data.empty() ? 0 : static_cast<std::uint8_t>(data[0] % 4);
  envelope[kEnvelopeOffsetReserved] = 0;
  envelope[kEnvelopeOffsetReserved + 1] = 0;
  const KeyId& key_id = fuzz_config().key_bundle.keys.front().key_id;
  std::copy(key_id.begin(), key_id.end(), envelope.begin() + kEnvelopeOffsetKeyId);
  return envelope;
}

}  // namespace signaal::fuzz
