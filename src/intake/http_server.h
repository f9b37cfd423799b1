// cpp-httplib's Server with the connection handling the intake needs:
// - a whole request (headers and body) must arrive within a deadline, so a client trickling
//   bytes holds a thread for seconds, not forever (httplib's own timeout is per read);
// - a bounded pool and queue: connections beyond what the pool can take are shed at once
//   with a constant 503 instead of queueing without end;
// - the stream never asks for the peer's address, so no handler can log or store it.
#pragma once

#include <httplib.h>

#include "config.h"

namespace signaal::intake {

class HttpServer final : public httplib::Server {
 public:
  explicit HttpServer(const Limits& limits);

  // Binds, widens the listen backlog (httplib's is 5) and serves until stop().
  // Returns false when the address cannot be bound.
  bool serve(const std::string& address, int port);
  // Binds only; for tests that ask for port 0. Returns the bound port or -1.
  int bind_port(const std::string& address, int port);

  // Reads one request from the stream and writes its answer; false when the connection
  // should end. The connection loop uses it, and the request fuzzer feeds it memory streams.
  bool answer_one(httplib::Stream& stream, bool last);

 private:
  bool process_and_close_socket(socket_t sock) override;

  Limits limits_;
};

}  // namespace signaal::intake
