#include "intake_api.h"

#include <sodium.h>

#include <chrono>

#include "core/follow_up.h"
#include "core/follow_up_reply.h"
#include "day.h"
#include "response_policy.h"

namespace signaal::intake {
namespace {

constexpr std::string_view kStoredBody = "{\"status\":\"stored\"}\n";

std::string bytes_of(std::span<const std::uint8_t> bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

std::string random_bytes(size_t count) {
  std::string bytes(count, '\0');
  randombytes_buf(bytes.data(), bytes.size());
  return bytes;
}

}  // namespace

ApiAnswer rejection() { return {400, std::string(kErrorBody), "application/json"}; }
ApiAnswer unavailable() { return {503, std::string(kErrorBody), "application/json"}; }

IntakeApi::IntakeApi(const Config& config, Store& store)
    : rules_{&config.key_bundle, static_cast<std::int64_t>(config.grace_days) * 86400,
             config.minimum_pow_difficulty},
      store_(store) {}

ApiAnswer IntakeApi::submit_envelope(std::span<const std::uint8_t> body, std::int64_t now) {
  EnvelopeHeader header;
  if (check_envelope(body, rules_, now, &header) != EnvelopeVerdict::accept) return rejection();
  StoredEnvelope stored{random_bytes(16), bytes_of(body), bytes_of(header.key_id),
                        bytes_of(header.lookup_tag),
                        to_string(std::chrono::floor<std::chrono::days>(
                            std::chrono::sys_seconds(std::chrono::seconds(now))))};
  try {
    store_.put_envelope(stored);
  } catch (const StoreError&) {
    return unavailable();
  }
  return {201, std::string(kStoredBody), "application/json"};
}

ApiAnswer IntakeApi::poll_reply(std::span<const std::uint8_t> body) {
  LookupId lookup_id{};
  if (body.size() != lookup_id.size()) return rejection();
  std::copy(body.begin(), body.end(), lookup_id.begin());
  const LookupTag tag = lookup_tag_of(lookup_id);
  // Both outcomes cost the same work: the decoy is drawn whether or not a reply exists.
  std::string answer = random_bytes(kReplyBytes);
  try {
    if (std::optional<std::string> reply = store_.find_reply(bytes_of(tag));
        reply && reply->size() == kReplyBytes) {
      answer = std::move(*reply);
    }
  } catch (const StoreError&) {
    return unavailable();
  }
  return {200, std::move(answer), "application/octet-stream"};
}

}  // namespace signaal::intake
