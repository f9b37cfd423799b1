// The page side of the wasm program (src/app/web_bridge.cpp calls window.signaalBridge):
// links and calls, the quick exit, the document's language, the description of the screen
// (window.signaal.describe(), and the accessible DOM mirror of web/mirror.js), the text fields'
// keyboard (web/text_input.js), the upload of an anonymous report the person chose to send
// (web/upload.js) and reading a reply. No storage (but a professional's outbox, upload.js).
'use strict';

(() => {
  let module = null;      // the Emscripten module, set by boot.js
  let config = {};        // web/config.json
  let description = '{"screen":"loading","widgets":[]}';
  let exiting = false;

  // --- Quick exit: nothing of the answers may stay behind, in memory or in the history.
  function quickExit() {
    if (exiting) return;
    exiting = true;
    window.signaalTextInput.wipe();
    window.signaalUpload.stop();
    window.signaalSealer.wipe();
    window.signaalMirror.clear();
    description = '{"screen":"exit","widgets":[]}';
    if (module) module.HEAPU8.fill(0);  // the whole wasm memory: answers, texts, everything
    document.getElementById('canvas').width = 0;
    // The last moment the page can be looked at (tests check the wipe here).
    window.dispatchEvent(new Event('signaal-exit'));
    location.replace(config.exit_url || 'about:blank');
  }

  // --- A follow-up reply: one POST of the lookup id, only when the person asks. The intake
  // always answers 200 with a reply-sized body (random when there is none).
  async function fetchReply(lookupId, done) {
    let bytes = null;
    try {
      const res = await window.signaalUpload.postBytes(config.replies_url, lookupId);
      if (res.ok) bytes = new Uint8Array(await res.arrayBuffer());
    } catch { /* offline or unreachable: said as such */ }
    lookupId.fill(0);
    if (!exiting) done(bytes);
  }

  window.signaalBridge = {
    attach(mod, cfg) {
      module = mod;
      config = cfg || {};
      window.signaalTextInput.attach(mod);
      window.signaalUpload.attach(config, (n) => { if (!exiting) module._signaal_outbox_count(n); });
      window.signaalMirror.attach(mod);
      window.signaalSpeech.attach(mod);
      window.signaalPreferences.attach(mod);
    },
    openExternal(url) {
      if (!/^https?:\/\//.test(url)) return;
      window.open(url, '_blank', 'noopener,noreferrer');
    },
    call(phone) {
      const number = String(phone).replace(/[^0-9+]/g, '');
      if (!number) return;
      const a = document.createElement('a');
      a.href = `tel:${number}`;
      a.rel = 'noreferrer';
      a.click();
    },
    quickExit,
    setDocument(lang, rtl, title) {
      document.documentElement.lang = lang;
      document.documentElement.dir = rtl ? 'rtl' : 'ltr';
      document.title = title;
    },
    publish(json) {
      if (exiting) return;
      description = json;
      window.signaalMirror.render(JSON.parse(json));
    },
    // 1 sent, 0 failed, 2 kept in the outbox; the copy is zeroed either way.
    upload(bytes, keep, done) {
      window.signaalUpload.send(bytes, keep).then(
        (outcome) => { if (!exiting) done({ sent: 1, failed: 0, kept: 2 }[outcome]); },
        () => { bytes.fill(0); if (!exiting) done(0); });
    },
    flushOutbox() { window.signaalUpload.flush(); },
    fetchReply,
    requestLocale(code) { window.signaalBoot.requestLocale(code); },
    requestPart(part) { window.signaalBoot.requestPart(part); },
    setTextInput(active, value, start, end, rect) { window.signaalTextInput.set(active, value, start, end, rect); },
    showFatal(text) {
      const el = document.getElementById('fatal');
      el.textContent = text;
      el.hidden = false;
    },
  };

  // For tests and assistive tools: what the current screen shows, with each widget's role,
  // id, label, state and rectangle in CSS px.
  window.signaal = {
    describe() {
      const desc = JSON.parse(description);
      desc.answers = module && !exiting ? module._signaal_answer_count() : 0;
      return desc;
    },
    // The size of the wasm memory (for the benchmark's memory figure).
    memoryBytes() { return module ? module.HEAPU8.length : 0; },
    // Bytes of wasm memory, the app's and the sealer's, that are not zero: 0 once the quick
    // exit has wiped them.
    memoryInUse() {
      let n = 0;
      for (const heap of [module && module.HEAPU8, window.signaalSealer.heap()])
        for (const b of heap || []) if (b !== 0) n++;
      return n;
    },
  };
})();
