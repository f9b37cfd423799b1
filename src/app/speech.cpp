// Read-aloud (see speech.h).
#include "speech.h"

#include <emscripten/emscripten.h>

#include <vector>

namespace speech {

namespace {

std::vector<std::string>& Voices() {
  static std::vector<std::string> v;
  return v;
}

// clang-format off
EM_JS(void, js_say, (const char* lang, const char* text), {
  window["signaalSpeech"]["say"](UTF8ToString(lang), UTF8ToString(text));
});
EM_JS(void, js_stop, (), { window["signaalSpeech"]["stop"](); });
// clang-format on

}  // namespace

void SetVoices(std::string_view languages) {
  std::vector<std::string>& v = Voices();
  v.clear();
  while (!languages.empty()) {
    const std::size_t comma = languages.find(',');
    const std::string_view one = languages.substr(0, comma);
    if (!one.empty())
      v.emplace_back(one);
    languages = comma == std::string_view::npos ? std::string_view() : languages.substr(comma + 1);
  }
}

bool CanSpeak(std::string_view language) {
  for (const std::string& l : Voices())
    if (l == language)
      return true;
  return false;
}

void Say(std::string_view language, const std::string& text) { js_say(std::string(language).c_str(), text.c_str()); }

void Stop() { js_stop(); }

}  // namespace speech
