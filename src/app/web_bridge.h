// Calls from the wasm program into the page's JavaScript (web/bridge.js). Everything that
// leaves the canvas goes through here: links and calls, the quick exit, the document's
// language and title, the description for tests and screen readers, performance marks and
// the keyboard's textarea.
#pragma once

#include <array>
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
void ShowFatal(const std::string& text);     // the page's own message, when the canvas cannot draw
void RequestLocale(const std::string& code); // fetch it; the page calls signaal_locale_ready
// Fetch a later part of the site, "result" or "typing" (web/boot.js); the page calls
// signaal_part_ready with its name once its files were handed over.
void RequestPart(const char* part);
// Focus the hidden textarea over `rect` (CSS px) with this value and selection (UTF-8 byte
// offsets), or blur it. The page calls signaal_text_edit after every change.
void SetTextInput(bool active, const std::string& value, int selection_start, int selection_end, float x,
                  float y, float w, float h);
double NowSeconds();                         // the device's clock, Unix seconds (the core has none)
// POST a follow-up lookup id to the intake's replies URL; the page calls signaal_reply_done.
void FetchReply(const std::array<std::uint8_t, 32>& lookup_id);
// POST the sealer's proven envelope to the intake; the page retries and calls
// signaal_upload_done. With `keep`, the page first puts it in the outbox and takes it out
// once it was sent.
void UploadSealed(bool keep);
// Try the outbox's envelopes now; the page calls signaal_outbox_count afterwards.
void FlushOutbox();

}  // namespace bridge
