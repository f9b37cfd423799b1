// Starts Signaal: fetches the deployment config, the content, the chosen locale and its fonts,
// all from this site, hands them to the wasm program and starts it. Every failure is handed
// over too, so the app can say what failed in plain words.
//
// What a slow phone waits for is the longest chain of round trips, so everything that does
// not depend on the config starts at once (index.html preloads it too), and a locale whose
// texts are complete (the build says which, <meta name="signaal-build">) starts without its
// fallbacks. English is fetched before the start whenever the locale needs it: for missing
// texts, or to say an error when the locale itself failed.
'use strict';

(() => {
  const CONTENT = ['content/indicators.json', 'content/questionnaire.json', 'content/help.json', 'locales/index.json'];
  const LAST_RESORT = 'en';
  const fetched = new Map();  // file name -> Promise of text or bytes, or of an Error
  const fontsAdded = new Set();  // "face:file": a file may serve both faces
  let module = null;

  // Every call into wasm with a string argument goes through this one helper (boot.js,
  // mirror.js, text_input.js): the string is copied into the heap, passed as a pointer and
  // freed after. It is handed to Emscripten as a module option, so it is a method of the module.
  function withString(text, fn) {
    const size = this.lengthBytesUTF8(text) + 1;
    const ptr = this._malloc(size);
    this.stringToUTF8(text, ptr, size);
    try { return fn(ptr); } finally { this._free(ptr); }
  }

  // The build's facts: {fonts: {code: {regular: [files], bold: [files]}}, self_sufficient: [codes]}.
  const build = (() => {
    try { return JSON.parse(document.querySelector('meta[name="signaal-build"]').content); } catch (e) { return {}; }
  })();

  async function fetchFile(name, as) {
    const response = await fetch(name, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    if (response.redirected) throw new Error('redirected');
    return as === 'bytes' ? new Uint8Array(await response.arrayBuffer()) : response.text();
  }

  // Each file is fetched once; the result (text, bytes or the Error) is kept.
  function fetchInto(name, as = 'text') {
    if (!fetched.has(name))
      fetched.set(name, fetchFile(name, as).catch((e) => (e instanceof Error ? e : new Error(String(e)))));
    return fetched.get(name);
  }

  const localeFile = (code) => `locales/${code}.json`;

  // Usable to start in: it loaded, parses, and can at least say an error.
  function usable(text) {
    if (text instanceof Error) return false;
    try { return Boolean(JSON.parse(text)['ui.json']['error.title']); } catch (e) { return false; }
  }

  // A locale and what it needs before its first screen: its fallback chain (read from its
  // locale.json) unless the build found it complete; English when it failed. Returns the
  // file names, in the order they are to be handed over.
  async function fetchLocale(code) {
    const complete = (build.self_sufficient || []).includes(code);
    const names = [localeFile(code)];
    if (!complete) fetchInto(localeFile(LAST_RESORT));  // the usual chain: start it now
    const own = await fetchInto(localeFile(code));
    const queue = [];
    if (!complete && !(own instanceof Error)) {
      try { queue.push(...(JSON.parse(own)['locale.json'].fallback || [])); } catch (e) { /* the core reports it */ }
    }
    if (!usable(own)) queue.push(LAST_RESORT);
    while (queue.length) {
      const name = localeFile(queue.shift());
      if (names.includes(name)) continue;
      names.push(name);
      const text = await fetchInto(name);
      if (text instanceof Error) continue;
      try { queue.push(...(JSON.parse(text)['locale.json'].fallback || [])); } catch (e) { /* reported */ }
    }
    return names;
  }

  // The font files of a locale, regular face first; each face's first file makes the face.
  function fontFiles(code) {
    const plan = (build.fonts || {})[code] || {};
    return [...(plan.regular || []).map((f) => [f, 0]), ...(plan.bold || []).map((f) => [f, 1])];
  }

  function fetchFonts(code) {
    return Promise.all(fontFiles(code).map(([name, bold]) => fetchInto(name, 'bytes').then((bytes) => [name, bold, bytes])));
  }

  function addFonts(fonts) {
    for (const [name, bold, bytes] of fonts) {
      if (fontsAdded.has(`${bold}:${name}`)) continue;
      fontsAdded.add(`${bold}:${name}`);
      if (bytes instanceof Error) {
        withStrings(name, `could not be loaded (${bytes.message})`, (n, t) => module._signaal_file_failed(n, t));
        continue;
      }
      const ptr = module._malloc(bytes.length);  // the font atlas frees it
      module.HEAPU8.set(bytes, ptr);
      if (!module._signaal_add_font(bold, ptr, bytes.length))
        withStrings(name, 'is not a font', (n, t) => module._signaal_file_failed(n, t));
    }
  }

  async function handOver(names) {
    for (const name of names) {
      const value = await fetchInto(name);
      withStrings(name, value instanceof Error ? `could not be loaded (${value.message})` : value,
        (n, t) => (value instanceof Error ? module._signaal_file_failed(n, t) : module._signaal_add_file(n, t)));
    }
  }

  function withStrings(a, b, fn) {
    module.withString(a, (pa) => module.withString(b, (pb) => fn(pa, pb)));
  }

  // The phone's first language the site offers: the same tag, or its language (pt-BR -> pt;
  // zh-CN, zh-SG -> zh-Hans, Simplified Chinese).
  function chooseLocale(config) {
    const offered = Array.isArray(config.locales) ? config.locales : [];
    for (const wanted of navigator.languages || []) {
      const tag = wanted.toLowerCase();
      const code = tag.split('-')[0];
      const exact = offered.find((o) => o.toLowerCase() === tag);
      if (exact) return exact;
      if (offered.includes(code)) return code;
      if (code === 'zh' && !/-(tw|hk|mo|hant)/.test(tag) && offered.includes('zh-Hans')) return 'zh-Hans';
    }
    return config.default_locale || offered[0] || LAST_RESORT;
  }

  // The person chose another language: its texts and fonts, then the app switches.
  async function requestLocale(code) {
    const [names, fonts] = await Promise.all([fetchLocale(code), fetchFonts(code)]);
    addFonts(fonts);
    await handOver(names);
    withStrings(code, '', (p) => module._signaal_locale_ready(p));
  }

  async function start() {
    // Nothing here waits for anything it does not need: the program and the content are
    // fetched at once, the locale and its fonts as soon as the config names the choices.
    const program = createSignaal({ locateFile: (path) => path, withString });
    CONTENT.forEach((name) => fetchInto(name));
    const configText = await fetchInto('config.json');
    let config = {};
    if (!(configText instanceof Error)) {
      try { config = JSON.parse(configText); } catch (e) { /* the core reports it */ }
    }
    const locale = chooseLocale(config);
    const [localeNames, fonts, mod] = await Promise.all([fetchLocale(locale), fetchFonts(locale), program]);
    module = mod;
    window.signaalBridge.attach(module, config);
    await handOver(['config.json', ...CONTENT, ...localeNames]);
    addFonts(fonts);
    let ok = 0;
    withStrings('#canvas', locale, (c, l) => { ok = module._signaal_start(c, l); });
    if (!ok) throw new Error('WebGL2 is not available');
  }

  window.signaalBoot = { requestLocale };

  // Only when the program itself cannot run (no wasm, no WebGL2) does the page speak for it,
  // in the chosen language when its texts arrived, else in English.
  async function fatalText() {
    for (const [name, pending] of fetched) {
      if (!name.startsWith('locales/') || name === 'locales/index.json') continue;
      const text = await pending;
      if (text instanceof Error) continue;
      try {
        const message = JSON.parse(text)['ui.json']['error.no_start'];
        if (message) return message;
      } catch (e) { /* next one */ }
    }
    return '';
  }

  start().catch(async (e) => window.signaalBridge.showFatal(`${await fatalText()} (${e.message})`));
})();
