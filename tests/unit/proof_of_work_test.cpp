#include <catch2/catch.hpp>
#include <sodium.h>

#include "../crypto/sample_reports.h"
#include "core/envelope.h"
#include "core/proof_of_work.h"

using namespace signaal;

namespace {
Bytes sealed_envelope(std::uint8_t difficulty) {
  REQUIRE(crypto_ready());
  SecretKey secret;
  randombytes_buf(secret.bytes.data(), secret.bytes.size());
  const auto key = key_pair_from_secret(secret);
  Bytes envelope;
  REQUIRE(seal_report(test::minimal_report(), {key.key_id, key.public_key}, difficulty, &envelope) ==
          EnvelopeStatus::ok);
  return envelope;
}
}  // namespace

TEST_CASE("a solved proof of work verifies, and only for its own envelope", "[pow]") {
  Bytes envelope = sealed_envelope(16);
  REQUIRE(solve_proof_of_work(envelope) == PowStatus::ok);
  CHECK(verify_proof_of_work(envelope, 16) == PowStatus::ok);

  SECTION("a wrong nonce is invalid") {
    // Another nonce may also satisfy 16 bits; find one that does not.
    Bytes changed = envelope;
    for (std::uint8_t v = 1; verify_proof_of_work(changed, 16) == PowStatus::ok; ++v)
      changed[kEnvelopeOffsetPowNonce + 7] = static_cast<std::uint8_t>(envelope[kEnvelopeOffsetPowNonce + 7] ^ v);
    CHECK(verify_proof_of_work(changed, 16) == PowStatus::invalid);
  }
  SECTION("the nonce does not carry over to another envelope") {
    Bytes other = sealed_envelope(16);
    std::copy(envelope.begin() + kEnvelopeOffsetPowNonce, envelope.end(), other.begin() + kEnvelopeOffsetPowNonce);
    CHECK(verify_proof_of_work(other, 16) == PowStatus::invalid);
  }
  SECTION("changing any byte of the envelope breaks it") {
    Bytes changed = envelope;
    changed[kEnvelopeOffsetSealed + 100] ^= 0x80;
    CHECK(verify_proof_of_work(changed, 16) == PowStatus::invalid);
  }
  SECTION("lowering the header's difficulty is too easy for the intake") {
    Bytes changed = envelope;
    changed[kEnvelopeOffsetPowDifficulty] = 4;
    CHECK(verify_proof_of_work(changed, 16) == PowStatus::too_easy);
  }
  SECTION("a truncated envelope has no proof") {
    CHECK(verify_proof_of_work(std::span(envelope).first(100), 16) == PowStatus::wrong_size);
  }
}

TEST_CASE("an unsolved envelope does not verify at the default difficulty", "[pow]") {
  const Bytes envelope = sealed_envelope(kPowDifficulty);
  // A zero nonce holds with probability 2^-15; the envelope is fresh each run.
  CHECK(verify_proof_of_work(envelope) != PowStatus::ok);
}

TEST_CASE("the search runs in slices and resumes", "[pow]") {
  Bytes envelope = sealed_envelope(10);
  PowSearch search;
  REQUIRE(begin_pow_search(envelope, &search) == PowStatus::ok);
  PowStatus status = PowStatus::not_found;
  int slices = 0;
  while (status == PowStatus::not_found) {
    status = continue_pow_search(&search, 16, envelope);
    ++slices;
  }
  CHECK(status == PowStatus::ok);
  CHECK(search.attempts <= static_cast<std::uint64_t>(slices) * 16);
  CHECK(verify_proof_of_work(envelope, 10) == PowStatus::ok);
  CHECK(pow_zero_bits(search.challenge, search.next_nonce - 1) >= 10);
}
