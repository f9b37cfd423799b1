#include "response_policy.h"

#include <memory>

namespace signaal::intake {

const char* const kDefaultContentSecurityPolicy =
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; media-src 'self'; connect-src 'self'; "
    "manifest-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'";

httplib::Headers default_headers(const std::string& content_security_policy) {
  return {
      {"Content-Security-Policy", content_security_policy},
      {"Referrer-Policy", "no-referrer"},
      {"X-Content-Type-Options", "nosniff"},
      {"Permissions-Policy",
       "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
       "microphone=(), payment=(), usb=(), browsing-topics=()"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Cross-Origin-Resource-Policy", "same-origin"},
      {"X-Frame-Options", "DENY"},
      {"Cache-Control", "no-store"},
  };
}

void set_cache_control(httplib::Response& res, std::string_view value) {
  res.headers.erase("Cache-Control");
  res.set_header("Cache-Control", std::string(value));
}

void set_exact_body(httplib::Response& res, std::string body, const std::string& content_type) {
  res.headers.erase("Content-Type");
  auto shared = std::make_shared<std::string>(std::move(body));
  res.set_content_provider(shared->size(), content_type,
                           [shared](size_t offset, size_t length, httplib::DataSink& sink) {
                             return sink.write(shared->data() + offset, length);
                           });
}

}  // namespace signaal::intake
