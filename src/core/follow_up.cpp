#include "follow_up.h"

#include <sodium.h>

namespace signaal {

std::string_view status_name(FollowUpStatus status) {
  switch (status) {
    case FollowUpStatus::ok: return "ok";
    case FollowUpStatus::wrong_length: return "wrong_length";
    case FollowUpStatus::bad_character: return "bad_character";
    case FollowUpStatus::bad_checksum: return "bad_checksum";
  }
  return "unknown_status";
}

std::string_view describe(FollowUpStatus status) {
  switch (status) {
    case FollowUpStatus::ok: return "the code is valid";
    case FollowUpStatus::wrong_length: return "a follow-up code has 20 letters and digits";
    case FollowUpStatus::bad_character: return "the code holds a character that is not in follow-up codes";
    case FollowUpStatus::bad_checksum: return "the code has a typo: please check it";
  }
  return "unknown status";
}

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford base32

// 32 bytes of BLAKE2b-256(context || data).
std::array<std::uint8_t, 32> hash_with_context(std::string_view context, std::string_view data) {
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, 32);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(context.data()), context.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  std::array<std::uint8_t, 32> out{};
  crypto_generichash_final(&state, out.data(), out.size());
  return out;
}

// The two check symbols: the first 10 bits of BLAKE2b-256("signaal-code-check-v1" || data).
std::string check_symbols(std::string_view data) {
  const auto digest = hash_with_context("signaal-code-check-v1", data);
  const unsigned bits = (static_cast<unsigned>(digest[0]) << 2) | (digest[1] >> 6);
  return {kAlphabet[bits >> 5], kAlphabet[bits & 31]};
}

}  // namespace

std::string generate_follow_up_code() {
  crypto_ready();
  std::string data;
  for (std::size_t i = 0; i < kFollowUpDataSymbols; ++i) data.push_back(kAlphabet[randombytes_uniform(32)]);
  const std::string code = data + check_symbols(data);
  sodium_memzero(data.data(), data.size());
  return format_follow_up_code(code);
}

FollowUpStatus normalise_follow_up_code(std::string_view typed, std::string* canonical) {
  std::string out;
  for (char c : typed) {
    if (c == ' ' || c == '-') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    if (kAlphabet.find(c) == std::string_view::npos) return FollowUpStatus::bad_character;
    out.push_back(c);
  }
  if (out.size() != kFollowUpCodeSymbols) return FollowUpStatus::wrong_length;
  if (out.substr(kFollowUpDataSymbols) != check_symbols(std::string_view(out).substr(0, kFollowUpDataSymbols)))
    return FollowUpStatus::bad_checksum;
  *canonical = std::move(out);
  return FollowUpStatus::ok;
}

std::string format_follow_up_code(std::string_view canonical) {
  std::string out;
  for (std::size_t i = 0; i < canonical.size(); ++i) {
    if (i > 0 && i % 4 == 0) out.push_back('-');
    out.push_back(canonical[i]);
  }
  return out;
}

LookupTag lookup_tag_of(const LookupId& lookup_id) {
  return hash_with_context("signaal-lookup-tag-v1",
                           std::string_view(reinterpret_cast<const char*>(lookup_id.data()), lookup_id.size()));
}

FollowUpStatus derive_follow_up_keys(std::string_view typed, FollowUpKeys* keys) {
  crypto_ready();
  std::string code;
  if (auto status = normalise_follow_up_code(typed, &code); status != FollowUpStatus::ok) return status;
  auto seed = hash_with_context("signaal-follow-up-v1", std::string_view(code).substr(0, kFollowUpDataSymbols));
  sodium_memzero(code.data(), code.size());
  static constexpr char context[crypto_kdf_CONTEXTBYTES + 1] = "SGNLcode";
  FollowUpKeys out;
  SecretKey reply_seed;
  crypto_kdf_derive_from_key(out.lookup_id.data(), out.lookup_id.size(), 1, context, seed.data());
  crypto_kdf_derive_from_key(reply_seed.bytes.data(), reply_seed.bytes.size(), 2, context, seed.data());
  sodium_memzero(seed.data(), seed.size());
  crypto_box_seed_keypair(out.reply_public_key.data(), out.reply_secret_key.bytes.data(), reply_seed.bytes.data());
  out.lookup_tag = lookup_tag_of(out.lookup_id);
  *keys = out;
  return FollowUpStatus::ok;
}

}  // namespace signaal
