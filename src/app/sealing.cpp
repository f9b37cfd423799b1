// The app's way to the sealer (see sealing.h).
#include "sealing.h"

#include <emscripten/emscripten.h>
#include <sodium.h>

#include <cstdlib>
#include <string>

namespace sealing {

namespace {
State g_state = State::absent;

// clang-format off
EM_JS(void, js_sealer_load, (), {
  window["signaalSealer"]["load"]((ok) => _signaal_sealer_ready(ok ? 1 : 0));
});
// The answer, copied into this program's memory (malloc); the caller frees it.
EM_JS(char*, js_sealer_call, (const char* op, const char* request), {
  const answer = window["signaalSealer"]["call"](UTF8ToString(op), UTF8ToString(request));
  const size = lengthBytesUTF8(answer) + 1;
  const ptr = _malloc(size);
  stringToUTF8(answer, ptr, size);
  return ptr;
});
// clang-format on
}  // namespace

void Load() {
  if (g_state == State::absent || g_state == State::failed) {
    g_state = State::loading;
    js_sealer_load();
  }
}

State GetState() { return g_state; }

void Loaded(bool ok) { g_state = ok ? State::ready : State::failed; }

nlohmann::json Call(std::string_view op, const nlohmann::json& request) {
  std::string text = request.dump();
  char* answer = js_sealer_call(std::string(op).c_str(), text.c_str());
  sodium_memzero(text.data(), text.size());
  std::string answer_text(answer);
  sodium_memzero(answer, answer_text.size());
  std::free(answer);
  nlohmann::json parsed = nlohmann::json::parse(answer_text, nullptr, false);
  sodium_memzero(answer_text.data(), answer_text.size());
  return parsed.is_object() ? parsed : nlohmann::json{{"status", "malformed"}};
}

}  // namespace sealing
