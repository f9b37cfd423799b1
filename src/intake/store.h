// Where sealed envelopes and sealed replies live. A store keeps only what the intake needs to
// hand envelopes to the organisation: a random id, the sealed bytes, the key id, the lookup
// tag and a coarse UTC day. Never an address, a user agent, a time of day or a sequence number.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "config.h"

namespace signaal::intake {

struct StoredEnvelope {
  std::string id;            // 16 random bytes
  std::string envelope;      // the sealed envelope, exactly as received
  std::string key_id;        // raw bytes, as in the envelope
  std::string lookup_tag;    // raw bytes, as in the envelope
  std::string received_day;  // YYYY-MM-DD, UTC
};

struct StoredReply {
  std::string lookup_tag;
  std::string reply;         // the sealed reply, exactly as the organisation made it
  std::string stored_day;    // YYYY-MM-DD, UTC (for retention)
};

// A store that could not do what was asked (disk full, database gone). Its message never
// carries request data.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Store {
 public:
  virtual ~Store() = default;

  // Returns only once the envelope is durable (survives a crash or power loss of this host).
  virtual void put_envelope(const StoredEnvelope& envelope) = 0;
  // Replaces any earlier reply under the same tag: a follow-up shows the latest answer.
  virtual void put_reply(const StoredReply& reply) = 0;
  virtual std::optional<std::string> find_reply(const std::string& lookup_tag) = 0;

  // Envelopes received on or after `since_day` (all when empty), ordered by id so that the
  // order says nothing about arrival.
  virtual void for_each_envelope(const std::string& since_day,
                                 const std::function<void(const StoredEnvelope&)>& visit) = 0;
  // Deletes envelopes and replies from days before `before_day`; returns how many went.
  virtual long long delete_before(const std::string& before_day) = 0;
};

// Opens (and creates the schema of) the store the configuration names.
std::unique_ptr<Store> open_store(const StoreConfig& config);

}  // namespace signaal::intake
