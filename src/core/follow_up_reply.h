// The organisation's sealed reply to a follow-up report (docs/envelope.md section 5):
// "SGNR" | version | reserved | lookup tag | crypto_box_seal(reply key, sodium_pad(JSON, 4096)).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "envelope_types.h"
#include "follow_up.h"

namespace signaal {

inline constexpr std::array<std::uint8_t, 4> kReplyMagic{'S', 'G', 'N', 'R'};
inline constexpr std::uint8_t kReplyVersion = 1;
inline constexpr std::size_t kReplyOffsetLookupTag = 8;
inline constexpr std::size_t kReplyHeaderBytes = 40;
inline constexpr std::size_t kReplyPaddedBytes = 4096;
inline constexpr std::size_t kReplyBytes = kReplyHeaderBytes + kReplyPaddedBytes + 48;  // 4184
inline constexpr std::size_t kReplyTextMaxCodePoints = 1000;

struct ReplyContent {
  std::string date;  // YYYY-MM-DD
  std::string text;
  friend bool operator==(const ReplyContent&, const ReplyContent&) = default;
};

enum class ReplyStatus {
  ok,
  truncated,
  oversized,
  bad_magic,
  unsupported_version,
  malformed_header,
  wrong_code,        // the lookup tag is not this code's tag
  tampered,          // the seal does not open with this code's key
  bad_inner,         // opened, but padding or JSON is invalid
  invalid_content,   // sealing: text too long, bad date or bad UTF-8
};

std::string_view status_name(ReplyStatus status);
std::string_view describe(ReplyStatus status);

ReplyStatus seal_reply(const ReplyContent& reply, const LookupTag& lookup_tag,
                       const PublicKey& reply_public_key, Bytes* envelope);
// For the intake: size, magic, version, reserved -> the tag to store it under.
ReplyStatus parse_reply_header(std::span<const std::uint8_t> envelope, LookupTag* lookup_tag);
ReplyStatus open_reply(std::span<const std::uint8_t> envelope, const FollowUpKeys& keys,
                       ReplyContent* reply);

}  // namespace signaal
