// The app's way to the sealer (src/app/sealer): every piece of cryptography lives in that
// second program, which the page fetches only when asked (web/sealing.js). Once it is there,
// calls are synchronous: an operation and a JSON request in, a JSON answer out.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace sealing {

enum class State { absent, loading, ready, failed };

// Fetch it now unless it is there or on its way (after a failure: try again).
void Load();
State GetState();
// The page's answer to Load (signaal_sealer_ready).
void Loaded(bool ok);
// One operation of the sealer; only when ready. The request is zeroed after the call.
nlohmann::json Call(std::string_view op, const nlohmann::json& request = nlohmann::json::object());

}  // namespace sealing
