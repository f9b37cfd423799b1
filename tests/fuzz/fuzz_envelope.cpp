// The envelope header parser, the proof-of-work check and the intake's whole verdict, on raw
// bytes and on bytes shaped into an envelope of the key bundle (so the fuzzer gets past the
// magic and the key id to the proof of work).
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/envelope.h"
#include "core/follow_up_reply.h"
#include "core/proof_of_work.h"
#include "envelope_check.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace signaal;
  const std::span<const std::uint8_t> raw(data, size);
  const intake::Config& config = fuzz::fuzz_config();
  const intake::EnvelopeRules rules{&config.key_bundle, 30 * 86400, config.minimum_pow_difficulty};
  const std::int64_t now = config.key_bundle.keys.front().not_before + 86400;

  EnvelopeHeader header;
  parse_envelope_header(raw, &header);
  verify_proof_of_work(raw, static_cast<std::uint8_t>(size % 3));
  intake::check_envelope(raw, rules, now, &header);
  LookupTag tag{};
  parse_reply_header(raw, &tag);

  const Bytes shaped = fuzz::shaped_envelope(raw);
  if (intake::check_envelope(shaped, rules, now, &header) == intake::EnvelopeVerdict::accept) {
    // Accepted: the header must name the bundle's key and the work must hold.
    if (header.key_id != config.key_bundle.keys.front().key_id) __builtin_trap();
    if (verify_proof_of_work(shaped, rules.minimum_pow_difficulty) != PowStatus::ok) __builtin_trap();
  }
  return 0;
}
