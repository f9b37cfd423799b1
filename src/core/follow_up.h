// Anonymous follow-up (docs/envelope.md section 5): a 20-symbol Crockford base32 code (90
// random bits + a 10-bit check) from which the lookup id, lookup tag and reply key pair are
// derived; and the sealed reply only the code's holder can open.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "envelope_types.h"

namespace signaal {

inline constexpr std::size_t kFollowUpCodeSymbols = 20;  // shown as 5 groups of 4
inline constexpr std::size_t kFollowUpDataSymbols = 18;  // 90 random bits

using LookupId = std::array<std::uint8_t, 32>;

enum class FollowUpStatus {
  ok,
  wrong_length,   // not 20 symbols after removing spaces and dashes
  bad_character,  // a character outside Crockford base32
  bad_checksum,   // a typo: the check symbols do not match
};

std::string_view status_name(FollowUpStatus status);
std::string_view describe(FollowUpStatus status);

struct FollowUpKeys {
  LookupId lookup_id{};    // the user sends this to fetch replies
  LookupTag lookup_tag{};  // the intake stores and the envelope header carries this
  PublicKey reply_public_key{};
  SecretKey reply_secret_key;
};

// A fresh code, e.g. "7KQ2-M9XD-4PTR-BW3E-HN6A".
std::string generate_follow_up_code();

// Normalises what the user typed (case, spaces, dashes, O/I/L) to the 20 canonical symbols.
FollowUpStatus normalise_follow_up_code(std::string_view typed, std::string* canonical);

// The 20 symbols in 5 dash-separated groups, for display.
std::string format_follow_up_code(std::string_view canonical);

// Normalises, checks and derives.
FollowUpStatus derive_follow_up_keys(std::string_view typed, FollowUpKeys* keys);

// What the intake computes from a lookup id it is asked about.
LookupTag lookup_tag_of(const LookupId& lookup_id);

}  // namespace signaal
