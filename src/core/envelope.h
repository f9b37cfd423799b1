// The report envelope, format version 1 (docs/envelope.md): a fixed-size outer header that
// the intake checks, around crypto_box_seal(recipient key, sodium_pad(report JSON)).
//   seal_report      app:          report -> envelope (proof-of-work nonce still zero)
//   parse_envelope_header intake:  size, magic, version, reserved bytes -> key id, lookup tag
//   open_envelope    organisation: envelope + secret keys -> report, or one distinct error
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "envelope_types.h"
#include "report.h"

namespace signaal {

inline constexpr std::array<std::uint8_t, 4> kEnvelopeMagic{'S', 'G', 'N', 'L'};
inline constexpr std::uint8_t kEnvelopeVersion = 1;

inline constexpr std::size_t kEnvelopeOffsetVersion = 4;
inline constexpr std::size_t kEnvelopeOffsetPowDifficulty = 5;
inline constexpr std::size_t kEnvelopeOffsetReserved = 6;  // 2 bytes, zero
inline constexpr std::size_t kEnvelopeOffsetKeyId = 8;
inline constexpr std::size_t kEnvelopeOffsetLookupTag = 16;
inline constexpr std::size_t kEnvelopeHeaderBytes = 48;
inline constexpr std::size_t kEnvelopeOffsetSealed = kEnvelopeHeaderBytes;
inline constexpr std::size_t kInnerPaddedBytes = 16384;  // one bucket: see the spec
inline constexpr std::size_t kSealOverheadBytes = 48;     // crypto_box_SEALBYTES
inline constexpr std::size_t kSealedBytes = kInnerPaddedBytes + kSealOverheadBytes;
inline constexpr std::size_t kEnvelopeOffsetPowNonce = kEnvelopeOffsetSealed + kSealedBytes;
inline constexpr std::size_t kPowNonceBytes = 8;
inline constexpr std::size_t kEnvelopeBytes = kEnvelopeOffsetPowNonce + kPowNonceBytes;  // 16488

enum class EnvelopeStatus {
  ok,
  truncated,            // fewer than kEnvelopeBytes
  oversized,            // more than kEnvelopeBytes
  bad_magic,            // not a Signaal report envelope
  unsupported_version,  // a later format
  malformed_header,     // reserved bytes not zero
  unknown_key_id,       // not one of the organisation's keys
  wrong_key,            // one of the organisation's keys, but its secret key was not given
  tampered,             // the seal does not open with the named key
  bad_inner,            // opened, but the padding or report JSON is invalid
  header_mismatch,      // opened, but the outer lookup tag differs from the sealed one
  invalid_content,      // sealing: the report breaks a rule of the spec
  content_too_large,    // sealing: the report JSON does not fit the bucket
  crypto_unavailable,   // libsodium could not be initialised
};

// Stable machine-readable name ("wrong_key") and a sentence for people.
std::string_view status_name(EnvelopeStatus status);
std::string_view describe(EnvelopeStatus status);

struct EnvelopeHeader {
  std::uint8_t version = 0;
  std::uint8_t pow_difficulty = 0;
  KeyId key_id{};
  LookupTag lookup_tag{};
};

// The recipient chosen by select_recipient_key (key_bundle.h): never pick one by hand.
struct RecipientKey {
  KeyId key_id{};
  PublicKey public_key{};
};

// Checks size, magic, version and reserved bytes; fills header. Never reads past the span.
EnvelopeStatus parse_envelope_header(std::span<const std::uint8_t> envelope, EnvelopeHeader* header);

// Validates, pads and seals the report. The lookup tag is the report's follow-up tag, or
// random without follow-up. The proof-of-work nonce is left zero: solve it next
// (proof_of_work.h). On failure envelope is untouched and detail (if given) says why.
EnvelopeStatus seal_report(const ReportContent& report, const RecipientKey& recipient,
                           std::uint8_t pow_difficulty, Bytes* envelope,
                           std::string* detail = nullptr);

// The report JSON exactly as it is sealed (compact, UTF-8): what the consent screen shows.
std::string report_plaintext(const ReportContent& report);

struct OpenedEnvelope {
  EnvelopeHeader header;
  ReportContent report;
};

// keys: the secret keys at hand. issued: the ids of every key the organisation ever issued
// (may be empty), which tells wrong_key apart from unknown_key_id. detail names the JSON key
// for bad_inner.
EnvelopeStatus open_envelope(std::span<const std::uint8_t> envelope,
                             std::span<const EncryptionKeyPair> keys,
                             std::span<const KeyId> issued, OpenedEnvelope* opened,
                             std::string* detail = nullptr);

}  // namespace signaal
