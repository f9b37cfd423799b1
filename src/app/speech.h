// Read-aloud through the browser's own speech synthesis (web/speech.js), for people who read
// with difficulty. Only voices that run on the device are used: the text never leaves it.
#pragma once

#include <string>
#include <string_view>

namespace speech {

// The page lists the languages (base codes such as "nl", comma-separated) it has a local
// voice for; it may do so late, when the browser has loaded its voices.
void SetVoices(std::string_view languages);
bool CanSpeak(std::string_view language);
void Say(std::string_view language, const std::string& text);  // stops whatever was being said first
void Stop();

}  // namespace speech
