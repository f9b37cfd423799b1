#include "envelope_check.h"

#include <algorithm>

#include "core/proof_of_work.h"

namespace signaal::intake {

EnvelopeVerdict check_envelope(std::span<const std::uint8_t> body, const EnvelopeRules& rules,
                               std::int64_t now, EnvelopeHeader* header) {
  if (parse_envelope_header(body, header) != EnvelopeStatus::ok) return EnvelopeVerdict::bad_header;
  const auto& keys = rules.bundle->keys;
  const bool key_accepted = std::any_of(keys.begin(), keys.end(), [&](const BundleKey& key) {
    return key.key_id == header->key_id && now < key.not_after + rules.grace_seconds;
  });
  if (!key_accepted) return EnvelopeVerdict::key_not_accepted;
  if (verify_proof_of_work(body, rules.minimum_pow_difficulty) != PowStatus::ok) {
    return EnvelopeVerdict::bad_proof_of_work;
  }
  return EnvelopeVerdict::accept;
}

}  // namespace signaal::intake
