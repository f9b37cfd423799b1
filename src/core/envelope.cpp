#include "envelope.h"

#include <algorithm>

#include <sodium.h>

namespace signaal {

static_assert(kSealOverheadBytes == crypto_box_SEALBYTES);
static_assert(kEnvelopeBytes == 16488);

std::string_view status_name(EnvelopeStatus status) {
  switch (status) {
    case EnvelopeStatus::ok: return "ok";
    case EnvelopeStatus::truncated: return "truncated";
    case EnvelopeStatus::oversized: return "oversized";
    case EnvelopeStatus::bad_magic: return "bad_magic";
    case EnvelopeStatus::unsupported_version: return "unsupported_version";
    case EnvelopeStatus::malformed_header: return "malformed_header";
    case EnvelopeStatus::unknown_key_id: return "unknown_key_id";
    case EnvelopeStatus::wrong_key: return "wrong_key";
    case EnvelopeStatus::tampered: return "tampered";
    case EnvelopeStatus::bad_inner: return "bad_inner";
    case EnvelopeStatus::header_mismatch: return "header_mismatch";
    case EnvelopeStatus::invalid_content: return "invalid_content";
    case EnvelopeStatus::content_too_large: return "content_too_large";
    case EnvelopeStatus::crypto_unavailable: return "crypto_unavailable";
  }
  return "unknown_status";
}

std::string_view describe(EnvelopeStatus status) {
  switch (status) {
    case EnvelopeStatus::ok: return "the envelope is valid";
    case EnvelopeStatus::truncated: return "the envelope is truncated: it is shorter than 16488 bytes";
    case EnvelopeStatus::oversized: return "the envelope is longer than 16488 bytes";
    case EnvelopeStatus::bad_magic: return "this is not a Signaal report envelope (no SGNL magic)";
    case EnvelopeStatus::unsupported_version: return "the envelope has a format version this program does not know";
    case EnvelopeStatus::malformed_header: return "the envelope header's reserved bytes are not zero";
    case EnvelopeStatus::unknown_key_id: return "the envelope is sealed to a key that is not one of this organisation's keys";
    case EnvelopeStatus::wrong_key: return "the envelope is sealed to one of the organisation's keys, but not to any secret key given: wrong key file";
    case EnvelopeStatus::tampered: return "the envelope does not open with the key it names: it was changed or damaged";
    case EnvelopeStatus::bad_inner: return "the envelope opened, but the report inside is not valid";
    case EnvelopeStatus::header_mismatch: return "the envelope opened, but its outer lookup tag differs from the sealed one: the header was changed";
    case EnvelopeStatus::invalid_content: return "the report breaks a rule of the format and was not sealed";
    case EnvelopeStatus::content_too_large: return "the report is too large for the envelope and was not sealed";
    case EnvelopeStatus::crypto_unavailable: return "the cryptography library could not be initialised; nothing was sealed";
  }
  return "unknown status";
}

EnvelopeStatus parse_envelope_header(std::span<const std::uint8_t> envelope, EnvelopeHeader* header) {
  // Magic first, so a short file of another kind is called what it is.
  if (envelope.size() >= kEnvelopeMagic.size() &&
      !std::equal(kEnvelopeMagic.begin(), kEnvelopeMagic.end(), envelope.begin()))
    return EnvelopeStatus::bad_magic;
  if (envelope.size() < kEnvelopeBytes) return EnvelopeStatus::truncated;
  if (envelope.size() > kEnvelopeBytes) return EnvelopeStatus::oversized;
  if (envelope[kEnvelopeOffsetVersion] != kEnvelopeVersion) return EnvelopeStatus::unsupported_version;
  if (envelope[kEnvelopeOffsetReserved] != 0 || envelope[kEnvelopeOffsetReserved + 1] != 0)
    return EnvelopeStatus::malformed_header;
  EnvelopeHeader h;
  h.version = envelope[kEnvelopeOffsetVersion];
  h.pow_difficulty = envelope[kEnvelopeOffsetPowDifficulty];
  std::copy_n(envelope.begin() + kEnvelopeOffsetKeyId, h.key_id.size(), h.key_id.begin());
  std::copy_n(envelope.begin() + kEnvelopeOffsetLookupTag, h.lookup_tag.size(), h.lookup_tag.begin());
  *header = h;
  return EnvelopeStatus::ok;
}

std::string report_plaintext(const ReportContent& report) {
  nlohmann::json j = report;
  return j.dump();
}

EnvelopeStatus seal_report(const ReportContent& report, const RecipientKey& recipient,
                           std::uint8_t pow_difficulty, Bytes* envelope, std::string* detail) {
  if (!crypto_ready()) return EnvelopeStatus::crypto_unavailable;
  if (auto problem = validate_report(report)) {
    if (detail) *detail = *problem;
    return EnvelopeStatus::invalid_content;
  }
  std::string plain = report_plaintext(report);
  if (plain.size() >= kInnerPaddedBytes) {
    if (detail) *detail = std::to_string(plain.size()) + " bytes of JSON, at most " + std::to_string(kInnerPaddedBytes - 1);
    return EnvelopeStatus::content_too_large;
  }
  Bytes inner(kInnerPaddedBytes, 0);
  std::copy(plain.begin(), plain.end(), inner.begin());
  std::size_t padded = 0;
  const bool padded_ok = sodium_pad(&padded, inner.data(), plain.size(), kInnerPaddedBytes, inner.size()) == 0 &&
                         padded == kInnerPaddedBytes;
  sodium_memzero(plain.data(), plain.size());
  if (!padded_ok) {
    sodium_memzero(inner.data(), inner.size());
    return EnvelopeStatus::content_too_large;
  }

  Bytes out(kEnvelopeBytes, 0);
  std::copy(kEnvelopeMagic.begin(), kEnvelopeMagic.end(), out.begin());
  out[kEnvelopeOffsetVersion] = kEnvelopeVersion;
  out[kEnvelopeOffsetPowDifficulty] = pow_difficulty;
  std::copy(recipient.key_id.begin(), recipient.key_id.end(), out.begin() + kEnvelopeOffsetKeyId);
  // Without follow-up the tag is random, so the intake cannot tell which reports have it.
  if (report.follow_up)
    std::copy(report.follow_up->lookup_tag.begin(), report.follow_up->lookup_tag.end(),
              out.begin() + kEnvelopeOffsetLookupTag);
  else
    randombytes_buf(out.data() + kEnvelopeOffsetLookupTag, LookupTag{}.size());
  const int sealed = crypto_box_seal(out.data() + kEnvelopeOffsetSealed, inner.data(), inner.size(),
                                     recipient.public_key.data());
  sodium_memzero(inner.data(), inner.size());
  if (sealed != 0) return EnvelopeStatus::crypto_unavailable;
  *envelope = std::move(out);
  return EnvelopeStatus::ok;
}

namespace {

bool contains(std::span<const KeyId> ids, const KeyId& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Unpads and parses the opened plaintext.
EnvelopeStatus parse_inner(Bytes& inner, ReportContent* report, std::string* detail) {
  std::size_t length = 0;
  if (sodium_unpad(&length, inner.data(), inner.size(), kInnerPaddedBytes) != 0) {
    if (detail) *detail = "the padding is not ISO/IEC 7816-4";
    return EnvelopeStatus::bad_inner;
  }
  try {
    nlohmann::json j = nlohmann::json::parse(inner.begin(), inner.begin() + static_cast<std::ptrdiff_t>(length));
    *report = j.get<ReportContent>();
    return EnvelopeStatus::ok;
  } catch (const ReportFormatError& e) {
    if (detail) *detail = e.what();
  } catch (const nlohmann::json::exception& e) {
    if (detail) *detail = std::string("not JSON: ") + e.what();
  }
  return EnvelopeStatus::bad_inner;
}

}  // namespace

EnvelopeStatus open_envelope(std::span<const std::uint8_t> envelope,
                             std::span<const EncryptionKeyPair> keys, std::span<const KeyId> issued,
                             OpenedEnvelope* opened, std::string* detail) {
  if (!crypto_ready()) return EnvelopeStatus::crypto_unavailable;
  EnvelopeHeader header;
  if (auto status = parse_envelope_header(envelope, &header); status != EnvelopeStatus::ok) return status;
  auto key = std::find_if(keys.begin(), keys.end(),
                          [&](const EncryptionKeyPair& k) { return k.key_id == header.key_id; });
  if (key == keys.end())
    return contains(issued, header.key_id) ? EnvelopeStatus::wrong_key : EnvelopeStatus::unknown_key_id;

  Bytes inner(kInnerPaddedBytes);
  if (crypto_box_seal_open(inner.data(), envelope.data() + kEnvelopeOffsetSealed, kSealedBytes,
                           key->public_key.data(), key->secret_key.bytes.data()) != 0)
    return EnvelopeStatus::tampered;
  OpenedEnvelope result;
  result.header = header;
  EnvelopeStatus status = parse_inner(inner, &result.report, detail);
  sodium_memzero(inner.data(), inner.size());
  if (status != EnvelopeStatus::ok) return status;
  if (result.report.follow_up && result.report.follow_up->lookup_tag != header.lookup_tag)
    return EnvelopeStatus::header_mismatch;
  *opened = std::move(result);
  return EnvelopeStatus::ok;
}

}  // namespace signaal
