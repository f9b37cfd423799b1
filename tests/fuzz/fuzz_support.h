// What the intake fuzz targets share: a configuration with a freshly signed key bundle, an
// in-memory store, and envelopes that pass the cheap checks so the fuzzer reaches deep code.
#pragma once

#include <map>
#include <mutex>
#include <span>
#include <vector>

#include "config.h"
#include "core/envelope.h"
#include "store.h"

namespace signaal::fuzz {

// One key valid now (and for a year), signed; a low proof-of-work minimum so that a
// fuzzer-made nonce sometimes holds.
const intake::Config& fuzz_config();

class MemoryStore final : public intake::Store {
 public:
  void put_envelope(const intake::StoredEnvelope& envelope) override;
  void put_reply(const intake::StoredReply& reply) override;
  std::optional<std::string> find_reply(const std::string& lookup_tag) override;
  void for_each_envelope(const std::string& since_day,
                         const std::function<void(const intake::StoredEnvelope&)>& visit) override;
  long long delete_before(const std::string& before_day) override;

 private:
  std::mutex mutex_;
  std::vector<intake::StoredEnvelope> envelopes_;
  std::map<std::string, intake::StoredReply> replies_;
};

// The fuzz input made into a whole envelope: the right magic, version and key id, the
// input's bytes over the rest (and its first byte chooses the difficulty byte).
Bytes shaped_envelope(std::span<const std::uint8_t> data);

}  // namespace signaal::fuzz
