// Proof of work bound to one envelope (docs/envelope.md section 6):
//   challenge = BLAKE2b-256(envelope without its nonce)
//   work      = BLAKE2b-256("signaal-pow-v1" || challenge || nonce), >= d leading zero bits.
// The client searches in slices so a single-threaded browser stays responsive.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace signaal {

// Tuned to about one second on a mid-range phone: 2^15 attempts at ~35 000 BLAKE2b/s in the
// phone's WebAssembly (measurements and assumptions in docs/envelope.md section 6).
inline constexpr std::uint8_t kPowDifficulty = 15;

using PowChallenge = std::array<std::uint8_t, 32>;

enum class PowStatus {
  ok,
  wrong_size,     // not a whole envelope
  too_easy,       // the header's difficulty is below the required minimum
  invalid,        // the nonce does not satisfy the difficulty for this envelope
  not_found,      // the search slice ended without a solution (call again)
};

std::string_view status_name(PowStatus status);
std::string_view describe(PowStatus status);

// Leading zero bits of work for this challenge and nonce.
int pow_zero_bits(const PowChallenge& challenge, std::uint64_t nonce);

// A resumable search over one envelope.
struct PowSearch {
  PowChallenge challenge{};
  std::uint8_t difficulty = 0;
  std::uint64_t next_nonce = 0;  // starts random
  std::uint64_t attempts = 0;
};

// Starts a search for a sealed envelope (its header carries the difficulty).
PowStatus begin_pow_search(std::span<const std::uint8_t> envelope, PowSearch* search);
// Tries up to max_attempts nonces; on ok writes the nonce into envelope.
PowStatus continue_pow_search(PowSearch* search, std::uint64_t max_attempts,
                              std::span<std::uint8_t> envelope);
// Both at once, unbounded: for tools and tests.
PowStatus solve_proof_of_work(std::span<std::uint8_t> envelope);

// The intake's check: size, difficulty >= minimum, and the nonce holds. Two BLAKE2b calls.
PowStatus verify_proof_of_work(std::span<const std::uint8_t> envelope,
                               std::uint8_t minimum_difficulty = kPowDifficulty);

}  // namespace signaal
