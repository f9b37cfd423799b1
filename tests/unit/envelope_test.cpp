#include <catch2/catch.hpp>
#include <sodium.h>

#include "../crypto/sample_reports.h"
#include "core/envelope.h"
#include "core/follow_up.h"
#include "core/proof_of_work.h"

using namespace signaal;

namespace {

EncryptionKeyPair new_key() {
  REQUIRE(crypto_ready());
  SecretKey secret;
  randombytes_buf(secret.bytes.data(), secret.bytes.size());
  return key_pair_from_secret(secret);
}

RecipientKey recipient_of(const EncryptionKeyPair& key) { return {key.key_id, key.public_key}; }

Bytes seal(const ReportContent& report, const EncryptionKeyPair& key) {
  Bytes envelope;
  std::string detail;
  REQUIRE(seal_report(report, recipient_of(key), 0, &envelope, &detail) == EnvelopeStatus::ok);
  return envelope;
}

EnvelopeStatus open(const Bytes& envelope, const EncryptionKeyPair& key, std::span<const KeyId> issued = {},
                    OpenedEnvelope* opened = nullptr) {
  OpenedEnvelope scratch;
  return open_envelope(envelope, std::span(&key, 1), issued, opened ? opened : &scratch);
}

}  // namespace

TEST_CASE("a sealed report opens to exactly what was sealed", "[envelope]") {
  const auto key = new_key();
  for (const ReportContent& report : {test::minimal_report(), test::maximal_report()}) {
    const Bytes envelope = seal(report, key);
    OpenedEnvelope opened;
    REQUIRE(open(envelope, key, {}, &opened) == EnvelopeStatus::ok);
    CHECK(opened.report == report);
    CHECK(opened.header.key_id == key.key_id);
    CHECK(opened.header.version == kEnvelopeVersion);
  }
}

TEST_CASE("every envelope has the same length, whatever it holds", "[envelope]") {
  const auto key = new_key();
  ReportContent empty_answers = test::minimal_report();
  empty_answers.answers.clear();
  const Bytes small = seal(empty_answers, key);
  const Bytes large = seal(test::maximal_report(), key);
  CHECK(small.size() == kEnvelopeBytes);
  CHECK(large.size() == kEnvelopeBytes);
  CHECK(kEnvelopeBytes == 16488);
  // The maximal report really is large: the bucket is not trivially oversized for it.
  CHECK(report_plaintext(test::maximal_report()).size() > 10000);
}

TEST_CASE("the header is as specified", "[envelope]") {
  const auto key = new_key();
  Bytes envelope;
  REQUIRE(seal_report(test::minimal_report(), recipient_of(key), 17, &envelope) == EnvelopeStatus::ok);
  CHECK(std::string(envelope.begin(), envelope.begin() + 4) == "SGNL");
  CHECK(envelope[4] == 1);
  CHECK(envelope[5] == 17);
  CHECK(envelope[6] == 0);
  CHECK(envelope[7] == 0);
  CHECK(std::equal(key.key_id.begin(), key.key_id.end(), envelope.begin() + 8));
  EnvelopeHeader header;
  REQUIRE(parse_envelope_header(envelope, &header) == EnvelopeStatus::ok);
  CHECK(header.pow_difficulty == 17);
}

TEST_CASE("without follow-up the lookup tag is random; with it, the code's tag", "[envelope]") {
  const auto key = new_key();
  const ReportContent plain = test::minimal_report();
  EnvelopeHeader a, b;
  REQUIRE(parse_envelope_header(seal(plain, key), &a) == EnvelopeStatus::ok);
  REQUIRE(parse_envelope_header(seal(plain, key), &b) == EnvelopeStatus::ok);
  CHECK(a.lookup_tag != b.lookup_tag);
  CHECK(a.lookup_tag != LookupTag{});

  FollowUpKeys follow_up;
  REQUIRE(derive_follow_up_keys(generate_follow_up_code(), &follow_up) == FollowUpStatus::ok);
  ReportContent with = plain;
  with.follow_up = ReportFollowUp{follow_up.lookup_tag, follow_up.reply_public_key};
  const Bytes envelope = seal(with, key);
  EnvelopeHeader h;
  REQUIRE(parse_envelope_header(envelope, &h) == EnvelopeStatus::ok);
  CHECK(h.lookup_tag == follow_up.lookup_tag);
  OpenedEnvelope opened;
  REQUIRE(open(envelope, key, {}, &opened) == EnvelopeStatus::ok);
  CHECK(opened.report.follow_up == with.follow_up);
}

TEST_CASE("opening errors are distinct", "[envelope]") {
  const auto key = new_key();
  const auto other = new_key();
  const Bytes envelope = seal(test::minimal_report(), key);

  SECTION("truncated") {
    for (std::size_t size : {std::size_t{0}, std::size_t{3}, std::size_t{48}, kEnvelopeBytes - 1})
      CHECK(open(Bytes(envelope.begin(), envelope.begin() + static_cast<std::ptrdiff_t>(size)), key) ==
            EnvelopeStatus::truncated);
  }
  SECTION("oversized") {
    Bytes longer = envelope;
    longer.push_back(0);
    CHECK(open(longer, key) == EnvelopeStatus::oversized);
  }
  SECTION("bad magic") {
    Bytes changed = envelope;
    changed[0] = 'X';
    CHECK(open(changed, key) == EnvelopeStatus::bad_magic);
    CHECK(open(Bytes{'{', '"', 'a', '"'}, key) == EnvelopeStatus::bad_magic);
  }
  SECTION("unsupported version") {
    Bytes changed = envelope;
    changed[4] = 2;
    CHECK(open(changed, key) == EnvelopeStatus::unsupported_version);
  }
  SECTION("malformed header") {
    Bytes changed = envelope;
    changed[7] = 1;
    CHECK(open(changed, key) == EnvelopeStatus::malformed_header);
  }
  SECTION("unknown key id: not one of the organisation's keys") {
    CHECK(open(envelope, other) == EnvelopeStatus::unknown_key_id);
    const KeyId issued[] = {other.key_id};
    CHECK(open(envelope, other, issued) == EnvelopeStatus::unknown_key_id);
  }
  SECTION("wrong key: the organisation's key, but not the secret key given") {
    const KeyId issued[] = {key.key_id, other.key_id};
    CHECK(open(envelope, other, issued) == EnvelopeStatus::wrong_key);
  }
  SECTION("tampered: any changed byte of the sealed part") {
    for (std::size_t at : {kEnvelopeOffsetSealed, kEnvelopeOffsetSealed + 40, kEnvelopeOffsetPowNonce - 1}) {
      Bytes changed = envelope;
      changed[at] ^= 0x01;
      CHECK(open(changed, key) == EnvelopeStatus::tampered);
    }
  }
  SECTION("tampered: a key id relabelled to another of the organisation's keys") {
    Bytes changed = envelope;
    std::copy(other.key_id.begin(), other.key_id.end(), changed.begin() + kEnvelopeOffsetKeyId);
    const EncryptionKeyPair both[] = {key, other};
    OpenedEnvelope opened;
    CHECK(open_envelope(changed, both, {}, &opened) == EnvelopeStatus::tampered);
  }
  SECTION("header mismatch: a follow-up report's outer tag changed") {
    ReportContent with = test::minimal_report();
    FollowUpKeys follow_up;
    REQUIRE(derive_follow_up_keys(generate_follow_up_code(), &follow_up) == FollowUpStatus::ok);
    with.follow_up = ReportFollowUp{follow_up.lookup_tag, follow_up.reply_public_key};
    Bytes changed = seal(with, key);
    changed[kEnvelopeOffsetLookupTag] ^= 0x01;
    CHECK(open(changed, key) == EnvelopeStatus::header_mismatch);
  }
  SECTION("the proof-of-work nonce is not part of the seal") {
    Bytes changed = envelope;
    changed[kEnvelopeOffsetPowNonce] ^= 0xff;
    CHECK(open(changed, key) == EnvelopeStatus::ok);
  }
}

TEST_CASE("a report inside a valid seal that breaks the format is bad_inner", "[envelope]") {
  const auto key = new_key();
  auto seal_raw = [&](const std::string& json, bool pad) {
    Bytes inner(kInnerPaddedBytes, 0);
    std::copy(json.begin(), json.end(), inner.begin());
    std::size_t padded = 0;
    if (pad) REQUIRE(sodium_pad(&padded, inner.data(), json.size(), kInnerPaddedBytes, inner.size()) == 0);
    Bytes envelope(kEnvelopeBytes, 0);
    std::copy(kEnvelopeMagic.begin(), kEnvelopeMagic.end(), envelope.begin());
    envelope[4] = kEnvelopeVersion;
    std::copy(key.key_id.begin(), key.key_id.end(), envelope.begin() + kEnvelopeOffsetKeyId);
    REQUIRE(crypto_box_seal(envelope.data() + kEnvelopeOffsetSealed, inner.data(), inner.size(), key.public_key.data()) == 0);
    return envelope;
  };
  OpenedEnvelope opened;
  std::string detail;
  CHECK(open_envelope(seal_raw("{}", false), std::span(&key, 1), {}, &opened, &detail) == EnvelopeStatus::bad_inner);
  CHECK(detail.find("padding") != std::string::npos);
  CHECK(open_envelope(seal_raw("not json", true), std::span(&key, 1), {}, &opened, &detail) == EnvelopeStatus::bad_inner);
  nlohmann::json extra = test::minimal_report();
  extra["device"] = "Pixel 7";
  CHECK(open_envelope(seal_raw(extra.dump(), true), std::span(&key, 1), {}, &opened, &detail) == EnvelopeStatus::bad_inner);
  CHECK(detail == "/device: unknown key");
  nlohmann::json bad_level = test::minimal_report();
  bad_level["assessment"]["level"] = 9;
  CHECK(open_envelope(seal_raw(bad_level.dump(), true), std::span(&key, 1), {}, &opened, &detail) == EnvelopeStatus::bad_inner);
  CHECK(detail.rfind("/assessment/level", 0) == 0);
}

TEST_CASE("sealing refuses reports that break the rules, and sends nothing", "[envelope]") {
  const auto key = new_key();
  Bytes envelope;
  std::string detail;
  auto refused = [&](const ReportContent& r) {
    envelope.clear();
    const auto status = seal_report(r, recipient_of(key), 0, &envelope, &detail);
    CHECK(envelope.empty());
    return status;
  };
  ReportContent r = test::maximal_report();
  r.free_text->append("x");
  CHECK(refused(r) == EnvelopeStatus::invalid_content);
  CHECK(detail.rfind("/free_text: 2001 characters", 0) == 0);
  r = test::minimal_report();
  r.contact = std::string("bad \x01 control");
  CHECK(refused(r) == EnvelopeStatus::invalid_content);
  r.contact = std::string("\xC0\xAF");  // overlong UTF-8
  CHECK(refused(r) == EnvelopeStatus::invalid_content);
  r = test::minimal_report();
  r.date = "2026-11-27T10:31:00Z";  // a time of day must never be sent
  CHECK(refused(r) == EnvelopeStatus::invalid_content);
  r = test::minimal_report();
  r.audience = "admin";
  CHECK(refused(r) == EnvelopeStatus::invalid_content);
  r = test::minimal_report();
  for (int q = 0; q < 200; ++q)
    r.answers["question_with_a_long_identifier_" + std::to_string(q)].values =
        std::vector<std::string>(16, std::string(60, 'v'));
  CHECK(refused(r) == EnvelopeStatus::content_too_large);
}

TEST_CASE("hostile bytes never crash the header parser or the opener", "[envelope]") {
  const auto key = new_key();
  OpenedEnvelope opened;
  for (int round = 0; round < 200; ++round) {
    Bytes junk(randombytes_uniform(static_cast<std::uint32_t>(kEnvelopeBytes + 100)));
    randombytes_buf(junk.data(), junk.size());
    if (round % 2 == 0 && junk.size() >= 8) {
      std::copy(kEnvelopeMagic.begin(), kEnvelopeMagic.end(), junk.begin());
      junk[4] = 1;
      junk[6] = junk[7] = 0;
    }
    CHECK(open_envelope(junk, std::span(&key, 1), {}, &opened) != EnvelopeStatus::ok);
  }
}
