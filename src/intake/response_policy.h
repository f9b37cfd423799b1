// What every answer of the intake carries, and how its body is written.
// Security headers go on every response (the site, the API, errors). Cache-Control defaults to
// no-store; only the static site opts in to caching, so an API answer is never cached.
#pragma once

#include <string>
#include <string_view>

#include <httplib.h>

namespace signaal::intake {

// Headers on every response: CSP, Referrer-Policy, X-Content-Type-Options,
// Permissions-Policy, COOP/CORP, frame denial, Cache-Control: no-store.
httplib::Headers default_headers(const std::string& content_security_policy);

// The CSP used unless the configuration gives another: the app's own files only, wasm allowed.
extern const char* const kDefaultContentSecurityPolicy;

void set_cache_control(httplib::Response& res, std::string_view value);

// Writes a body with a fixed Content-Length that httplib never re-encodes, so its size on the
// wire is the size given here whatever the client's Accept-Encoding says.
void set_exact_body(httplib::Response& res, std::string body, const std::string& content_type);

// The one body of every error answer, whatever went wrong: it tells a prober nothing.
inline constexpr std::string_view kErrorBody = "{\"error\":\"not accepted\"}\n";

}  // namespace signaal::intake
