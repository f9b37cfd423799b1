// The page side of the wasm program (src/app/web_bridge.cpp calls window.signaalBridge):
// links and calls, the quick exit, the document's language, the description of the screen
// (window.signaal.describe() and a hidden DOM mirror for screen readers), the text fields'
// keyboard (web/text_input.js), the upload of an anonymous report the person chose to send
// (web/upload.js) and reading a reply. No storage (but a professional's outbox, upload.js).
'use strict';

(() => {
  let module = null;      // the Emscripten module, set by boot.js
  let config = {};        // web/config.json
  let description = '{"screen":"loading","widgets":[]}';
  let exiting = false;
  const mirror = () => document.getElementById('mirror');

  // Calls into wasm with a string argument (copied into the heap and freed after).
  function withString(text, fn) {
    const size = module.lengthBytesUTF8(text) + 1;
    const ptr = module._malloc(size);
    module.stringToUTF8(text, ptr, size);
    try { return fn(ptr); } finally { module._free(ptr); }
  }

  // --- Quick exit: nothing of the answers may stay behind, in memory or in the history.
  function quickExit() {
    if (exiting) return;
    exiting = true;
    window.signaalTextInput.wipe();
    window.signaalUpload.stop();
    mirror().replaceChildren();
    description = '{"screen":"exit","widgets":[]}';
    if (module) module.HEAPU8.fill(0);  // the whole wasm memory: answers, texts, everything
    document.getElementById('canvas').width = 0;
    // The last moment the page can be looked at (tests check the wipe here).
    window.dispatchEvent(new Event('signaal-exit'));
    location.replace(config.exit_url || 'about:blank');
  }

  // --- The mirror: one hidden element per widget, at the widget's place, in reading order.
  const tagOf = { heading: 'h2', text: 'p', button: 'button', option: 'button', checkbox: 'button',
                  link: 'button', progressbar: 'div', textbox: 'div' };
  function renderMirror(desc) {
    const nodes = [];
    let first = true;
    for (const w of desc.widgets) {
      const tag = w.role === 'heading' && first ? 'h1' : tagOf[w.role] || 'p';
      if (w.role === 'heading') first = false;
      const el = document.createElement(tag);
      el.textContent = w.label;
      const [x, y, width, height] = w.rect;
      el.style.left = `${x}px`;
      el.style.top = `${y}px`;
      el.style.width = `${width}px`;
      el.style.height = `${height}px`;
      if (w.role === 'option' || w.role === 'checkbox') el.setAttribute('aria-pressed', String(!!w.selected));
      if (w.role === 'link') el.setAttribute('role', 'link');
      if (w.role === 'progressbar') {
        el.setAttribute('role', 'progressbar');
        el.setAttribute('aria-valuemin', '0');
        el.setAttribute('aria-valuemax', '100');
        el.setAttribute('aria-valuenow', String(Math.round((w.value || 0) * 100)));
      }
      if (tag === 'button') {
        el.type = 'button';
        el.tabIndex = -1;
        el.addEventListener('click', () => { if (!exiting) withString(w.id, (p) => module._signaal_activate(p)); });
      }
      nodes.push(el);
    }
    mirror().replaceChildren(...nodes);
  }

  // --- A follow-up reply: one POST of the lookup id, only when the person asks. The intake
  // always answers 200 with a reply-sized body (random when there is none).
  async function fetchReply(lookupId, done) {
    let bytes = null;
    try {
      const res = await fetch(config.replies_url, {
        method: 'POST', body: lookupId, headers: { 'Content-Type': 'application/octet-stream' },
        credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer',
      });
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
      renderMirror(JSON.parse(json));
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
    // Bytes of wasm memory that are not zero: 0 once the quick exit has wiped it.
    memoryInUse() {
      if (!module) return 0;
      let n = 0;
      for (const b of module.HEAPU8) if (b !== 0) n++;
      return n;
    },
  };
})();
