// Calls into web/bridge.js (see web_bridge.h). The functions live on window.signaalBridge so
// that the page's own scripts, not generated code, decide what each call may do. They are
// named in brackets: the closure compiler renames dotted properties it does not know.
#include "web_bridge.h"

#include <emscripten/emscripten.h>

namespace bridge {

namespace {
// clang-format off
EM_JS(void, js_open_external, (const char* url), { window["signaalBridge"]["openExternal"](UTF8ToString(url)); });
EM_JS(void, js_call, (const char* phone), { window["signaalBridge"]["call"](UTF8ToString(phone)); });
EM_JS(void, js_quick_exit, (), { window["signaalBridge"]["quickExit"](); });
EM_JS(void, js_set_document, (const char* lang, int rtl, const char* title), {
  window["signaalBridge"]["setDocument"](UTF8ToString(lang), !!rtl, UTF8ToString(title));
});
EM_JS(void, js_publish, (const char* json), { window["signaalBridge"]["publish"](UTF8ToString(json)); });
EM_JS(void, js_mark, (const char* name), { performance.mark(UTF8ToString(name)); });
EM_JS(void, js_show_fatal, (const char* text), { window["signaalBridge"]["showFatal"](UTF8ToString(text)); });
EM_JS(void, js_request_locale, (const char* code), { window["signaalBridge"]["requestLocale"](UTF8ToString(code)); });
EM_JS(void, js_request_part, (const char* part), { window["signaalBridge"]["requestPart"](UTF8ToString(part)); });
EM_JS(void, js_set_text_input, (int active, const char* value, int start, int end, float x, float y, float w, float h), {
  window["signaalBridge"]["setTextInput"](!!active, UTF8ToString(value), start, end, [x, y, w, h]);
});
EM_JS(double, js_now_seconds, (), { return Date.now() / 1000; });
// A copy leaves the sealer's memory; the page zeroes it once the upload is over.
EM_JS(void, js_upload_sealed, (int keep), {
  window["signaalBridge"]["upload"](window["signaalSealer"]["envelope"](), !!keep, (outcome) => _signaal_upload_done(outcome));
});
EM_JS(void, js_flush_outbox, (), { window["signaalBridge"]["flushOutbox"](); });
EM_JS(void, js_fetch_reply, (const unsigned char* id, int size), {
  window["signaalBridge"]["fetchReply"](HEAPU8.slice(id, id + size), (bytes) => {
    if (!bytes) { _signaal_reply_done(0, 0); return; }
    const ptr = _malloc(bytes.length);
    HEAPU8.set(bytes, ptr);
    _signaal_reply_done(ptr, bytes.length);
    HEAPU8.fill(0, ptr, ptr + bytes.length);
    _free(ptr);
  });
});
// clang-format on
}  // namespace

void OpenExternal(const std::string& url) { js_open_external(url.c_str()); }
void Call(const std::string& phone) { js_call(phone.c_str()); }
void QuickExit() { js_quick_exit(); }
void SetDocument(const std::string& lang, bool rtl, const std::string& title) {
  js_set_document(lang.c_str(), rtl ? 1 : 0, title.c_str());
}
void PublishDescription(const std::string& json) { js_publish(json.c_str()); }
void Mark(const char* name) { js_mark(name); }
void ShowFatal(const std::string& text) { js_show_fatal(text.c_str()); }
void RequestLocale(const std::string& code) { js_request_locale(code.c_str()); }
void RequestPart(const char* part) { js_request_part(part); }
void SetTextInput(bool active, const std::string& value, int selection_start, int selection_end, float x,
                  float y, float w, float h) {
  js_set_text_input(active ? 1 : 0, value.c_str(), selection_start, selection_end, x, y, w, h);
}
double NowSeconds() { return js_now_seconds(); }
void FetchReply(const std::array<std::uint8_t, 32>& lookup_id) {
  js_fetch_reply(lookup_id.data(), static_cast<int>(lookup_id.size()));
}
void UploadSealed(bool keep) { js_upload_sealed(keep ? 1 : 0); }
void FlushOutbox() { js_flush_outbox(); }

}  // namespace bridge
