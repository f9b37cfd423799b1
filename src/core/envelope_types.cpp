#include "envelope_types.h"

#include <algorithm>

#include <sodium.h>

namespace signaal {

template <std::size_t N>
Secret<N>::~Secret() {
  sodium_memzero(bytes.data(), bytes.size());
}
template struct Secret<32>;
template struct Secret<64>;

bool crypto_ready() { return sodium_init() >= 0; }

KeyId key_id_of(const PublicKey& public_key) {
  static constexpr std::string_view context = "signaal-key-id-v1";
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, 32);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(context.data()),
                            context.size());
  crypto_generichash_update(&state, public_key.data(), public_key.size());
  std::array<std::uint8_t, 32> digest{};
  crypto_generichash_final(&state, digest.data(), digest.size());
  KeyId id{};
  std::copy_n(digest.begin(), id.size(), id.begin());
  return id;
}

EncryptionKeyPair key_pair_from_secret(const SecretKey& secret_key) {
  EncryptionKeyPair pair;
  pair.secret_key = secret_key;
  crypto_scalarmult_base(pair.public_key.data(), secret_key.bytes.data());
  pair.key_id = key_id_of(pair.public_key);
  return pair;
}

std::string to_hex(std::span<const std::uint8_t> bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (std::uint8_t b : bytes) {
    out.push_back(digits[b >> 4]);
    out.push_back(digits[b & 0x0f]);
  }
  return out;
}

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

bool from_hex(std::string_view hex, std::span<std::uint8_t> out) {
  if (hex.size() != out.size() * 2) return false;
  for (std::size_t i = 0; i < out.size(); ++i) {
    int high = hex_value(hex[2 * i]);
    int low = hex_value(hex[2 * i + 1]);
    if (high < 0 || low < 0) return false;
    out[i] = static_cast<std::uint8_t>(high * 16 + low);
  }
  return true;
}

}  // namespace signaal
