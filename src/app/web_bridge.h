// Calls from the wasm program into the page's JavaScript (web/bridge.js). Everything that
// leaves the canvas goes through here: links and calls, the quick exit, the document's
// language and title, the description for tests and screen readers, performance marks and
// the keyboard's textarea.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace bridge {

void OpenExternal(const std::string& url);   // a new tab, no referrer, no opener
void Call(const std::string& phone);         // tel: link
void QuickExit();                            // wipe the page's memory, replace the page
void SetDocument(const std::string& lang, bool rtl, const std::string& title);
void PublishDescription(const std::string& json);
void Mark(const char* name);                 // performance.mark
void RequestLocale(const std::string& code); // fetch it; the page calls signaal_locale_ready
void SetTextInput(bool active);              // focus or blur the hidden textarea
double NowSeconds();                         // the device's clock, Unix seconds (the core has none)
// POST the envelope to the intake; the page retries and calls signaal_upload_done.
void Upload(const std::vector<std::uint8_t>& envelope);

}  // namespace bridge
