#include "proof_of_work.h"

#include <bit>

#include <sodium.h>

#include "envelope.h"
#include "envelope_types.h"

namespace signaal {

std::string_view status_name(PowStatus status) {
  switch (status) {
    case PowStatus::ok: return "ok";
    case PowStatus::wrong_size: return "wrong_size";
    case PowStatus::too_easy: return "too_easy";
    case PowStatus::invalid: return "invalid";
    case PowStatus::not_found: return "not_found";
  }
  return "unknown_status";
}

std::string_view describe(PowStatus status) {
  switch (status) {
    case PowStatus::ok: return "the proof of work holds";
    case PowStatus::wrong_size: return "not a whole envelope: no proof of work to check";
    case PowStatus::too_easy: return "the proof of work's difficulty is below the required minimum";
    case PowStatus::invalid: return "the proof-of-work nonce does not hold for this envelope";
    case PowStatus::not_found: return "no proof of work found yet: continue the search";
  }
  return "unknown status";
}

namespace {

constexpr std::string_view kContext = "signaal-pow-v1";

PowChallenge challenge_of(std::span<const std::uint8_t> envelope) {
  PowChallenge challenge{};
  crypto_generichash(challenge.data(), challenge.size(), envelope.data(), kEnvelopeOffsetPowNonce, nullptr, 0);
  return challenge;
}

void put_nonce(std::span<std::uint8_t> envelope, std::uint64_t nonce) {
  for (std::size_t i = 0; i < kPowNonceBytes; ++i)
    envelope[kEnvelopeOffsetPowNonce + i] = static_cast<std::uint8_t>(nonce >> (8 * (7 - i)));
}

std::uint64_t get_nonce(std::span<const std::uint8_t> envelope) {
  std::uint64_t nonce = 0;
  for (std::size_t i = 0; i < kPowNonceBytes; ++i) nonce = nonce << 8 | envelope[kEnvelopeOffsetPowNonce + i];
  return nonce;
}

}  // namespace

int pow_zero_bits(const PowChallenge& challenge, std::uint64_t nonce) {
  // One BLAKE2b block: context (14) + challenge (32) + nonce (8) bytes.
  std::array<std::uint8_t, kContext.size() + 32 + 8> input{};
  std::copy(kContext.begin(), kContext.end(), input.begin());
  std::copy(challenge.begin(), challenge.end(), input.begin() + kContext.size());
  for (std::size_t i = 0; i < 8; ++i)
    input[kContext.size() + 32 + i] = static_cast<std::uint8_t>(nonce >> (8 * (7 - i)));
  std::array<std::uint8_t, 32> work{};
  crypto_generichash(work.data(), work.size(), input.data(), input.size(), nullptr, 0);
  int bits = 0;
  for (std::uint8_t byte : work) {
    if (byte != 0) return bits + std::countl_zero(byte);
    bits += 8;
  }
  return bits;
}

PowStatus begin_pow_search(std::span<const std::uint8_t> envelope, PowSearch* search) {
  if (envelope.size() != kEnvelopeBytes) return PowStatus::wrong_size;
  crypto_ready();
  PowSearch s;
  s.challenge = challenge_of(envelope);
  s.difficulty = envelope[kEnvelopeOffsetPowDifficulty];
  // A random start, so the nonce says nothing about how long the device searched.
  randombytes_buf(&s.next_nonce, sizeof s.next_nonce);
  *search = s;
  return PowStatus::ok;
}

PowStatus continue_pow_search(PowSearch* search, std::uint64_t max_attempts,
                              std::span<std::uint8_t> envelope) {
  if (envelope.size() != kEnvelopeBytes) return PowStatus::wrong_size;
  for (std::uint64_t i = 0; i < max_attempts; ++i) {
    const std::uint64_t nonce = search->next_nonce++;
    ++search->attempts;
    if (pow_zero_bits(search->challenge, nonce) >= search->difficulty) {
      put_nonce(envelope, nonce);
      return PowStatus::ok;
    }
  }
  return PowStatus::not_found;
}

PowStatus solve_proof_of_work(std::span<std::uint8_t> envelope) {
  PowSearch search;
  if (auto status = begin_pow_search(envelope, &search); status != PowStatus::ok) return status;
  PowStatus status = PowStatus::not_found;
  while (status == PowStatus::not_found) status = continue_pow_search(&search, 1u << 20, envelope);
  return status;
}

PowStatus verify_proof_of_work(std::span<const std::uint8_t> envelope, std::uint8_t minimum_difficulty) {
  if (envelope.size() != kEnvelopeBytes) return PowStatus::wrong_size;
  const std::uint8_t difficulty = envelope[kEnvelopeOffsetPowDifficulty];
  if (difficulty < minimum_difficulty) return PowStatus::too_easy;
  return pow_zero_bits(challenge_of(envelope), get_nonce(envelope)) >= difficulty ? PowStatus::ok
                                                                                  : PowStatus::invalid;
}

}  // namespace signaal
