// The two endpoints of the intake, free of HTTP plumbing so that tests and fuzzers can drive
// them directly:
//   submit: a sealed envelope -> 201 once durable, or the one constant rejection
//   poll:   a 32-byte lookup id -> always 200 with exactly kReplyBytes: the sealed reply
//           stored under its tag, or random bytes of the same size (see docs/intake.md)
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "config.h"
#include "envelope_check.h"
#include "store.h"

namespace signaal::intake {

struct ApiAnswer {
  int status = 0;
  std::string body;
  std::string content_type;
};

// Every rejection, for any reason, is this answer: same status, same body.
ApiAnswer rejection();
// A store failure: the client should try again later.
ApiAnswer unavailable();

class IntakeApi {
 public:
  IntakeApi(const Config& config, Store& store);

  // now: Unix seconds (the key windows) -- the day stored is taken from it too.
  ApiAnswer submit_envelope(std::span<const std::uint8_t> body, std::int64_t now);
  ApiAnswer poll_reply(std::span<const std::uint8_t> body);

 private:
  EnvelopeRules rules_;
  Store& store_;
};

}  // namespace signaal::intake
