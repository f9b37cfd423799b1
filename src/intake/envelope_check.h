// The intake's whole judgement of a submitted body, cheapest check first (docs/envelope.md
// section 1): exact size, magic, version and reserved bytes, a key id of the bundle still
// inside its window plus grace, then the proof of work. The server never opens the seal.
#pragma once

#include <cstdint>
#include <span>

#include "core/envelope.h"
#include "core/key_bundle.h"

namespace signaal::intake {

enum class EnvelopeVerdict {
  accept,
  bad_header,      // size, magic, version or reserved bytes
  key_not_accepted,  // unknown key id, or past its window and grace
  bad_proof_of_work,
};

struct EnvelopeRules {
  const KeyBundle* bundle = nullptr;
  std::int64_t grace_seconds = 0;
  std::uint8_t minimum_pow_difficulty = 0;
};

// On accept, header holds the key id and lookup tag to store.
EnvelopeVerdict check_envelope(std::span<const std::uint8_t> body, const EnvelopeRules& rules,
                               std::int64_t now, EnvelopeHeader* header);

}  // namespace signaal::intake
