#include <catch2/catch.hpp>
#include <sodium.h>

#include "core/key_bundle.h"
#include "core/report_date.h"

using namespace signaal;

namespace {

constexpr std::int64_t kDay = 86400;
const std::int64_t kNow = *parse_utc_time("2026-11-27T12:00:00Z");

struct Signer {
  SigningPublicKey public_key{};
  SigningSecretKey secret_key;
  Signer() {
    REQUIRE(crypto_ready());
    crypto_sign_keypair(public_key.data(), secret_key.bytes.data());
  }
};

BundleKey bundle_key(std::int64_t not_before, std::int64_t not_after) {
  SecretKey secret;
  randombytes_buf(secret.bytes.data(), secret.bytes.size());
  const auto pair = key_pair_from_secret(secret);
  return {pair.key_id, pair.public_key, not_before, not_after};
}

}  // namespace

TEST_CASE("the valid key with the latest end is chosen", "[key_bundle]") {
  Signer signer;
  KeyBundle bundle;
  const BundleKey old_key = bundle_key(kNow - 90 * kDay, kNow + 10 * kDay);
  const BundleKey current = bundle_key(kNow - 10 * kDay, kNow + 80 * kDay);
  const BundleKey next = bundle_key(kNow + 70 * kDay, kNow + 170 * kDay);
  const BundleKey expired = bundle_key(kNow - 200 * kDay, kNow - 100 * kDay);
  bundle.keys = {old_key, next, current, expired};
  sign_key_bundle(&bundle, signer.secret_key);
  RecipientKey recipient;
  REQUIRE(select_recipient_key(bundle, signer.public_key, kNow, &recipient) == KeyBundleStatus::ok);
  CHECK(recipient.key_id == current.key_id);
  CHECK(recipient.public_key == current.public_key);
  // Windows: not_before inclusive, not_after exclusive.
  REQUIRE(select_recipient_key(bundle, signer.public_key, next.not_before, &recipient) == KeyBundleStatus::ok);
  CHECK(recipient.key_id == next.key_id);
  REQUIRE(select_recipient_key(bundle, signer.public_key, current.not_after - 1, &recipient) == KeyBundleStatus::ok);
  CHECK(recipient.key_id == next.key_id);
}

TEST_CASE("every refusal: unsigned, badly signed, expired, not yet valid", "[key_bundle]") {
  Signer signer, stranger;
  KeyBundle bundle;
  bundle.keys = {bundle_key(kNow - 10 * kDay, kNow + 80 * kDay)};
  RecipientKey recipient{};
  const RecipientKey untouched = recipient;

  SECTION("unsigned") {
    CHECK(select_recipient_key(bundle, signer.public_key, kNow, &recipient) == KeyBundleStatus::unsigned_bundle);
  }
  SECTION("signed by someone else") {
    sign_key_bundle(&bundle, stranger.secret_key);
    CHECK(select_recipient_key(bundle, signer.public_key, kNow, &recipient) == KeyBundleStatus::bad_signature);
  }
  SECTION("a key swapped in after signing") {
    sign_key_bundle(&bundle, signer.secret_key);
    const BundleKey attacker = bundle_key(kNow - 10 * kDay, kNow + 80 * kDay);
    bundle.keys[0].public_key = attacker.public_key;
    bundle.keys[0].key_id = attacker.key_id;
    CHECK(select_recipient_key(bundle, signer.public_key, kNow, &recipient) == KeyBundleStatus::bad_signature);
  }
  SECTION("a window stretched after signing") {
    sign_key_bundle(&bundle, signer.secret_key);
    bundle.keys[0].not_after += 365 * kDay;
    CHECK(select_recipient_key(bundle, signer.public_key, kNow, &recipient) == KeyBundleStatus::bad_signature);
  }
  SECTION("expired") {
    sign_key_bundle(&bundle, signer.secret_key);
    CHECK(select_recipient_key(bundle, signer.public_key, kNow + 80 * kDay, &recipient) == KeyBundleStatus::expired);
  }
  SECTION("not yet valid") {
    sign_key_bundle(&bundle, signer.secret_key);
    CHECK(select_recipient_key(bundle, signer.public_key, kNow - 11 * kDay, &recipient) == KeyBundleStatus::not_yet_valid);
  }
  CHECK(recipient.key_id == untouched.key_id);
}

TEST_CASE("the JSON form round-trips and the config selects", "[key_bundle]") {
  Signer signer;
  KeyBundle bundle;
  bundle.keys = {bundle_key(kNow - kDay, kNow + 90 * kDay)};
  sign_key_bundle(&bundle, signer.secret_key);
  const nlohmann::json j = bundle;
  CHECK(j["keys"][0]["not_before"] == "2026-11-26T12:00:00Z");
  KeyBundle parsed;
  REQUIRE(parse_key_bundle(j, &parsed) == KeyBundleStatus::ok);
  CHECK(parsed == bundle);

  const nlohmann::json config = {{"signing_public_key", to_hex(signer.public_key)}, {"key_bundle", j}};
  RecipientKey recipient;
  REQUIRE(select_recipient_key(config, kNow, &recipient) == KeyBundleStatus::ok);
  CHECK(recipient.key_id == bundle.keys[0].key_id);

  nlohmann::json unsigned_config = config;
  unsigned_config["key_bundle"].erase("signature");
  CHECK(select_recipient_key(unsigned_config, kNow, &recipient) == KeyBundleStatus::unsigned_bundle);
}

TEST_CASE("the signed bytes are the documented canonical form", "[key_bundle]") {
  KeyBundle bundle;
  bundle.keys = {bundle_key(1, 2)};
  const Bytes bytes = key_bundle_signed_bytes(bundle);
  const std::string context = "signaal-key-bundle-v1";
  REQUIRE(bytes.size() == context.size() + 4 + 8 + 32 + 8 + 8);
  CHECK(std::string(bytes.begin(), bytes.begin() + 21) == context);
  CHECK(bytes[21 + 3] == 1);  // u32 count, big-endian
  CHECK(bytes[25 + 40 + 7] == 1);  // not_before = 1
  CHECK(bytes[25 + 48 + 7] == 2);  // not_after = 2
}

TEST_CASE("malformed bundles name what is wrong", "[key_bundle]") {
  KeyBundle bundle;
  bundle.keys = {bundle_key(kNow, kNow + kDay)};
  const nlohmann::json good = bundle;
  std::string detail;
  KeyBundle parsed;
  auto check = [&](nlohmann::json j, const std::string& pointer) {
    CHECK(parse_key_bundle(j, &parsed, &detail) == KeyBundleStatus::malformed);
    CHECK(detail.rfind(pointer, 0) == 0);
  };
  check(nlohmann::json::array(), "/");
  auto j = good; j["keys"] = nlohmann::json::array(); check(j, "/keys");
  j = good; j["keys"][0]["key_id"] = "00000000000000zz"; check(j, "/keys/0/key_id");
  j = good; j["keys"][0]["key_id"] = "0000000000000000"; check(j, "/keys/0/key_id: is not the id");
  j = good; j["keys"][0]["not_after"] = "2026-11-27"; check(j, "/keys/0/not_after");
  j = good; j["keys"][0]["not_after"] = j["keys"][0]["not_before"]; check(j, "/keys/0/not_after");
  j = good; j["keys"][0]["public_key"] = 5; check(j, "/keys/0/public_key");
  j = good; j["signature"] = "abcd"; check(j, "/signature");
  j = good; j["comment"] = "x"; check(j, "/comment");
  j = good; j["bundle_format"] = 2; check(j, "/bundle_format");
}
