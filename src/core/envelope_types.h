// Byte types shared by the envelope, key bundle and follow-up code, and their hex form in JSON.
// Secret keys wipe themselves (sodium_memzero) when they go out of scope.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace signaal {

using Bytes = std::vector<std::uint8_t>;
using KeyId = std::array<std::uint8_t, 8>;
using LookupTag = std::array<std::uint8_t, 32>;
using PublicKey = std::array<std::uint8_t, 32>;         // X25519 (crypto_box)
using SigningPublicKey = std::array<std::uint8_t, 32>;  // Ed25519 (crypto_sign)
using Signature = std::array<std::uint8_t, 64>;

// A secret of N bytes that is wiped when destroyed.
template <std::size_t N>
struct Secret {
  std::array<std::uint8_t, N> bytes{};
  Secret() = default;
  Secret(const Secret&) = default;
  Secret& operator=(const Secret&) = default;
  ~Secret();
};
using SecretKey = Secret<32>;         // X25519 secret key
using SigningSecretKey = Secret<64>;  // Ed25519 secret key (seed || public key)

extern template struct Secret<32>;
extern template struct Secret<64>;

// An encryption key the organisation holds: the id and public key follow from the secret.
struct EncryptionKeyPair {
  KeyId key_id{};
  PublicKey public_key{};
  SecretKey secret_key;
};

// key id = first 8 bytes of BLAKE2b-256("signaal-key-id-v1" || public_key)
KeyId key_id_of(const PublicKey& public_key);

// Derives the public key and id from a secret key.
EncryptionKeyPair key_pair_from_secret(const SecretKey& secret_key);

std::string to_hex(std::span<const std::uint8_t> bytes);

// Lowercase or uppercase hex of exactly out.size() bytes; false on anything else.
bool from_hex(std::string_view hex, std::span<std::uint8_t> out);

// Fixed-size convenience: nullopt when the text is not exactly N bytes of hex.
template <std::size_t N>
std::optional<std::array<std::uint8_t, N>> hex_array(std::string_view hex) {
  std::array<std::uint8_t, N> out{};
  if (!from_hex(hex, out)) return std::nullopt;
  return out;
}

// libsodium must be initialised once before any function here; true when it is (idempotent).
bool crypto_ready();

}  // namespace signaal
