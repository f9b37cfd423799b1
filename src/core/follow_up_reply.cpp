#include "follow_up_reply.h"

#include <algorithm>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "report.h"
#include "report_date.h"

namespace signaal {

static_assert(kReplyBytes == 4184);

std::string_view status_name(ReplyStatus status) {
  switch (status) {
    case ReplyStatus::ok: return "ok";
    case ReplyStatus::truncated: return "truncated";
    case ReplyStatus::oversized: return "oversized";
    case ReplyStatus::bad_magic: return "bad_magic";
    case ReplyStatus::unsupported_version: return "unsupported_version";
    case ReplyStatus::malformed_header: return "malformed_header";
    case ReplyStatus::wrong_code: return "wrong_code";
    case ReplyStatus::tampered: return "tampered";
    case ReplyStatus::bad_inner: return "bad_inner";
    case ReplyStatus::invalid_content: return "invalid_content";
  }
  return "unknown_status";
}

std::string_view describe(ReplyStatus status) {
  switch (status) {
    case ReplyStatus::ok: return "the reply is valid";
    case ReplyStatus::truncated: return "the reply is truncated: shorter than 4184 bytes";
    case ReplyStatus::oversized: return "the reply is longer than 4184 bytes";
    case ReplyStatus::bad_magic: return "this is not a Signaal reply (no SGNR magic)";
    case ReplyStatus::unsupported_version: return "the reply has a format version this program does not know";
    case ReplyStatus::malformed_header: return "the reply header's reserved bytes are not zero";
    case ReplyStatus::wrong_code: return "this reply belongs to another follow-up code";
    case ReplyStatus::tampered: return "the reply does not open with this code: it was changed or damaged";
    case ReplyStatus::bad_inner: return "the reply opened, but its content is not valid";
    case ReplyStatus::invalid_content: return "the reply text is too long, not valid UTF-8, or the date is invalid";
  }
  return "unknown status";
}

ReplyStatus seal_reply(const ReplyContent& reply, const LookupTag& lookup_tag,
                       const PublicKey& reply_public_key, Bytes* envelope) {
  auto count = count_text_code_points(reply.text);
  if (!count || *count > kReplyTextMaxCodePoints || !is_report_day(reply.date)) return ReplyStatus::invalid_content;
  crypto_ready();
  const std::string plain = nlohmann::json{{"reply_format", 1}, {"date", reply.date}, {"text", reply.text}}.dump();
  if (plain.size() >= kReplyPaddedBytes) return ReplyStatus::invalid_content;
  Bytes inner(kReplyPaddedBytes, 0);
  std::copy(plain.begin(), plain.end(), inner.begin());
  std::size_t padded = 0;
  sodium_pad(&padded, inner.data(), plain.size(), kReplyPaddedBytes, inner.size());
  Bytes out(kReplyBytes, 0);
  std::copy(kReplyMagic.begin(), kReplyMagic.end(), out.begin());
  out[4] = kReplyVersion;
  std::copy(lookup_tag.begin(), lookup_tag.end(), out.begin() + kReplyOffsetLookupTag);
  crypto_box_seal(out.data() + kReplyHeaderBytes, inner.data(), inner.size(), reply_public_key.data());
  *envelope = std::move(out);
  return ReplyStatus::ok;
}

ReplyStatus parse_reply_header(std::span<const std::uint8_t> envelope, LookupTag* lookup_tag) {
  if (envelope.size() >= kReplyMagic.size() && !std::equal(kReplyMagic.begin(), kReplyMagic.end(), envelope.begin()))
    return ReplyStatus::bad_magic;
  if (envelope.size() < kReplyBytes) return ReplyStatus::truncated;
  if (envelope.size() > kReplyBytes) return ReplyStatus::oversized;
  if (envelope[4] != kReplyVersion) return ReplyStatus::unsupported_version;
  if (envelope[5] != 0 || envelope[6] != 0 || envelope[7] != 0) return ReplyStatus::malformed_header;
  std::copy_n(envelope.begin() + kReplyOffsetLookupTag, lookup_tag->size(), lookup_tag->begin());
  return ReplyStatus::ok;
}

ReplyStatus open_reply(std::span<const std::uint8_t> envelope, const FollowUpKeys& keys, ReplyContent* reply) {
  LookupTag tag{};
  if (auto status = parse_reply_header(envelope, &tag); status != ReplyStatus::ok) return status;
  if (tag != keys.lookup_tag) return ReplyStatus::wrong_code;
  crypto_ready();
  Bytes inner(kReplyPaddedBytes);
  if (crypto_box_seal_open(inner.data(), envelope.data() + kReplyHeaderBytes, kReplyPaddedBytes + crypto_box_SEALBYTES,
                           keys.reply_public_key.data(), keys.reply_secret_key.bytes.data()) != 0)
    return ReplyStatus::tampered;
  std::size_t length = 0;
  if (sodium_unpad(&length, inner.data(), inner.size(), kReplyPaddedBytes) != 0) return ReplyStatus::bad_inner;
  try {
    const auto j = nlohmann::json::parse(inner.begin(), inner.begin() + static_cast<std::ptrdiff_t>(length));
    if (!j.is_object() || j.size() != 3 || j.value("reply_format", 0) != 1) return ReplyStatus::bad_inner;
    ReplyContent out{j.at("date").get<std::string>(), j.at("text").get<std::string>()};
    auto count = count_text_code_points(out.text);
    if (!count || *count > kReplyTextMaxCodePoints || !is_report_day(out.date)) return ReplyStatus::bad_inner;
    *reply = std::move(out);
    return ReplyStatus::ok;
  } catch (const nlohmann::json::exception&) {
    return ReplyStatus::bad_inner;
  }
}

}  // namespace signaal
