// Wires the site and the API into the HTTP server: which paths exist, the headers every
// answer carries, and the one shape of every error. Nothing here logs a request.
#pragma once

#include "config.h"
#include "http_server.h"
#include "intake_api.h"
#include "static_site.h"

namespace signaal::intake {

inline constexpr const char* kEnvelopePath = "/api/v1/envelopes";
inline constexpr const char* kPollPath = "/api/v1/replies";

// site may be null (API only). api and site must outlive the server.
void install_routes(HttpServer& server, const Config& config, IntakeApi& api,
                    const StaticSite* site);

}  // namespace signaal::intake
