#include "routes.h"

#include <chrono>
#include <cstdio>
#include <thread>

#include "core/envelope.h"
#include "core/follow_up_reply.h"
#include "response_policy.h"

namespace signaal::intake {
namespace {

std::span<const std::uint8_t> bytes_of(const std::string& body) {
  return {reinterpret_cast<const std::uint8_t*>(body.data()), body.size()};
}

void send(httplib::Response& res, ApiAnswer answer) {
  res.status = answer.status;
  set_exact_body(res, std::move(answer.body), answer.content_type);
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

void install_routes(HttpServer& server, const Config& config, IntakeApi& api,
                    const StaticSite* site) {
  server.set_default_headers(default_headers(config.content_security_policy));
  // The largest body any endpoint takes; longer ones are refused before they are read.
  server.set_payload_max_length(std::max(kEnvelopeBytes, kReplyBytes));

  server.Post(kEnvelopePath, [&api](const httplib::Request& req, httplib::Response& res) {
    send(res, api.submit_envelope(bytes_of(req.body), unix_now()));
  });

  const auto floor = config.poll_floor;
  server.Post(kPollPath, [&api, floor](const httplib::Request& req, httplib::Response& res) {
    // Every poll answers after the same delay, so a stored reply cannot be told from none
    // by timing the lookup.
    const auto answer_at = std::chrono::steady_clock::now() + floor;
    ApiAnswer answer = api.poll_reply(bytes_of(req.body));
    std::this_thread::sleep_until(answer_at);
    send(res, std::move(answer));
  });

  server.Get("/.*", [site](const httplib::Request& req, httplib::Response& res) {
    if (req.path.starts_with("/api/") || !site || !site->serve(req, res)) res.status = 404;
  });

  // Every error, from a handler or from httplib itself (bad request line, body too large,
  // unknown path), leaves with the same body. Under /api/ every 4xx is the same 400, so a
  // prober learns nothing about which check failed.
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.path.starts_with("/api/") && res.status < 500) res.status = 400;
    res.headers.erase("Content-Encoding");
    set_cache_control(res, "no-store");
    set_exact_body(res, std::string(kErrorBody), "application/json");
  });

  // Logged without anything from the request: no path, no headers, no body.
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        std::fputs("signaal-intake: internal error while answering a request\n", stderr);
        res.status = 500;
      });
}

}  // namespace signaal::intake
