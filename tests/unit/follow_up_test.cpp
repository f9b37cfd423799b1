#include <catch2/catch.hpp>
#include <sodium.h>

#include <set>

#include "core/follow_up.h"
#include "core/follow_up_reply.h"

using namespace signaal;

TEST_CASE("codes are 20 Crockford symbols in groups of four, and random", "[follow_up]") {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string code = generate_follow_up_code();
    REQUIRE(code.size() == 24);
    for (std::size_t k : {4u, 9u, 14u, 19u}) CHECK(code[k] == '-');
    std::string canonical;
    REQUIRE(normalise_follow_up_code(code, &canonical) == FollowUpStatus::ok);
    CHECK(format_follow_up_code(canonical) == code);
    seen.insert(canonical);
  }
  CHECK(seen.size() == 100);
}

TEST_CASE("typing variants normalise to the same code and keys", "[follow_up]") {
  std::string code = generate_follow_up_code();
  FollowUpKeys a, b;
  REQUIRE(derive_follow_up_keys(code, &a) == FollowUpStatus::ok);
  std::string typed;
  for (char c : code) {
    if (c == '-') { typed += "  "; continue; }
    char t = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (c == '0') t = 'o';
    if (c == '1') t = 'l';
    typed.push_back(t);
  }
  REQUIRE(derive_follow_up_keys(typed, &b) == FollowUpStatus::ok);
  CHECK(a.lookup_id == b.lookup_id);
  CHECK(a.lookup_tag == b.lookup_tag);
  CHECK(a.reply_public_key == b.reply_public_key);
  CHECK(a.reply_secret_key.bytes == b.reply_secret_key.bytes);
  CHECK(lookup_tag_of(a.lookup_id) == a.lookup_tag);
  CHECK(a.lookup_id != a.lookup_tag);
}

TEST_CASE("mistyped codes are refused with distinct errors", "[follow_up]") {
  const std::string code = generate_follow_up_code();
  std::string canonical;
  FollowUpKeys keys;
  CHECK(derive_follow_up_keys(code.substr(0, 23), &keys) == FollowUpStatus::wrong_length);
  CHECK(derive_follow_up_keys(code + "7", &keys) == FollowUpStatus::wrong_length);
  std::string with_u = code;
  with_u[0] = 'U';
  CHECK(derive_follow_up_keys(with_u, &keys) == FollowUpStatus::bad_character);
  // Every single-symbol typo in the data part is caught, except for the 1 in 1024 by chance.
  int caught = 0;
  for (std::size_t i = 0; i < 18; ++i) {
    std::string typo = code;
    const std::size_t at = i + i / 4;  // skip the dashes
    typo[at] = typo[at] == '7' ? '8' : '7';
    if (derive_follow_up_keys(typo, &keys) == FollowUpStatus::bad_checksum) ++caught;
  }
  CHECK(caught >= 17);
}

TEST_CASE("the documented derivation, step by step", "[follow_up]") {
  REQUIRE(crypto_ready());
  const std::string code = "7KQ2M9XD4PTRBW3EHN";  // 18 data symbols
  // Find the check symbols by trying all 1024: exactly one passes.
  const std::string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  int passing = 0;
  std::string full;
  for (char a : alphabet)
    for (char b : alphabet) {
      std::string candidate = code + a + b, canonical;
      if (normalise_follow_up_code(candidate, &canonical) == FollowUpStatus::ok) ++passing, full = candidate;
    }
  REQUIRE(passing == 1);
  FollowUpKeys keys;
  REQUIRE(derive_follow_up_keys(full, &keys) == FollowUpStatus::ok);
  std::array<std::uint8_t, 32> seed{};
  const std::string input = "signaal-follow-up-v1" + code;
  crypto_generichash(seed.data(), 32, reinterpret_cast<const unsigned char*>(input.data()), input.size(), nullptr, 0);
  std::array<std::uint8_t, 32> lookup_id{};
  crypto_kdf_derive_from_key(lookup_id.data(), 32, 1, "SGNLcode", seed.data());
  CHECK(keys.lookup_id == lookup_id);
}

TEST_CASE("a sealed reply opens only with its code", "[follow_up]") {
  FollowUpKeys keys, other;
  REQUIRE(derive_follow_up_keys(generate_follow_up_code(), &keys) == FollowUpStatus::ok);
  REQUIRE(derive_follow_up_keys(generate_follow_up_code(), &other) == FollowUpStatus::ok);
  const ReplyContent reply{"2026-12-01", "We read your message. Call us on 0800 1234, any day."};
  Bytes envelope;
  REQUIRE(seal_reply(reply, keys.lookup_tag, keys.reply_public_key, &envelope) == ReplyStatus::ok);
  CHECK(envelope.size() == kReplyBytes);
  LookupTag tag{};
  REQUIRE(parse_reply_header(envelope, &tag) == ReplyStatus::ok);
  CHECK(tag == keys.lookup_tag);
  ReplyContent opened;
  REQUIRE(open_reply(envelope, keys, &opened) == ReplyStatus::ok);
  CHECK(opened == reply);

  CHECK(open_reply(envelope, other, &opened) == ReplyStatus::wrong_code);
  Bytes changed = envelope;
  changed[kReplyHeaderBytes + 60] ^= 1;
  CHECK(open_reply(changed, keys, &opened) == ReplyStatus::tampered);
  CHECK(open_reply(std::span(envelope).first(100), keys, &opened) == ReplyStatus::truncated);
  changed = envelope;
  changed[0] = 'X';
  CHECK(open_reply(changed, keys, &opened) == ReplyStatus::bad_magic);
  // Sealed to the right tag but another key: tampered, never a crash or a wrong text.
  REQUIRE(seal_reply(reply, keys.lookup_tag, other.reply_public_key, &changed) == ReplyStatus::ok);
  CHECK(open_reply(changed, keys, &opened) == ReplyStatus::tampered);

  CHECK(seal_reply({"2026-12-01", std::string(1001, 'x')}, keys.lookup_tag, keys.reply_public_key, &envelope) ==
        ReplyStatus::invalid_content);
  CHECK(seal_reply({"2026-W49", "hi"}, keys.lookup_tag, keys.reply_public_key, &envelope) ==
        ReplyStatus::invalid_content);
}
