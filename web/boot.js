// Starts Signaal: fetches the deployment config, the content, the chosen locale and its fonts,
// all from this site, hands them to the wasm program and starts it. Every failure is handed
// over too, so the app can say what failed in plain words.
//
// A slow phone gets what the first question needs first (the start part). What only the result
// needs (the indicator catalogue, the help directory, the result texts and their glyphs) is
// fetched when the app asks for it, as the first question shows; what a phone keyboard may
// type beyond the texts' glyphs, when a text field is first used (web/bridge.js requestPart).
//
// What a slow phone waits for is the longest chain of round trips, so everything that does
// not depend on the config starts at once (index.html preloads it too), and a locale whose
// texts are complete (the build says which, <meta name="signaal-build">) starts without its
// fallbacks. English is fetched before the start whenever the locale needs it: for missing
// texts, or to say an error when the locale itself failed.
'use strict';

(() => {
  const CONTENT = { start: ['content/questionnaire.json', 'locales/index.json'],
    result: ['content/indicators.json', 'content/help.json'], typing: [] };
  const LAST_RESORT = 'en';
  const fetched = new Map();  // file name -> Promise of text or bytes, or of an Error
  const fontsAdded = new Set();  // "face:file": a file may serve both faces; "failed:file"
  const parts = ['start'];  // the parts asked for so far, in order: start, result, typing
  const fontLocales = new Set();  // the locales whose fonts are in the atlas
  const localeFiles = new Set();  // the locale files handed over (their result parts follow them)
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

  // A locale's texts come in two parts: the start part names its fallbacks (locale.json).
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

  // The font files of a locale for `part`: [file, face] pairs, regular face first; each
  // face's first file makes the face.
  function fontFiles(code, part) {
    return ((build.fonts || {})[code] || {})[part] || [];
  }

  function fetchFonts(code, part) {
    return Promise.all(fontFiles(code, part).map(([name, bold]) => fetchInto(name, 'bytes').then((bytes) => [name, bold, bytes])));
  }

  // The fonts of every part asked for so far.
  async function fetchAllFonts(code) {
    fontLocales.add(code);
    return (await Promise.all(parts.map((part) => fetchFonts(code, part)))).flat();
  }

  function addFonts(fonts) {
    for (const [name, bold, bytes] of fonts) {
      if (fontsAdded.has(`${bold}:${name}`)) continue;
      const failedBefore = fontsAdded.has(`failed:${name}`);  // said once, though both faces use it
      fontsAdded.add(`${bold}:${name}`);
      if (bytes instanceof Error) {
        fontsAdded.add(`failed:${name}`);
        if (!failedBefore) withStrings(name, `could not be loaded (${bytes.message})`, (n, t) => module._signaal_file_failed(n, t));
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
      if (name.startsWith('locales/')) localeFiles.add(name);
      withStrings(name, value instanceof Error ? `could not be loaded (${value.message})` : value,
        (n, t) => (value instanceof Error ? module._signaal_file_failed(n, t) : module._signaal_add_file(n, t)));
    }
  }

  // The result parts of the locale files handed over, each once.
  const resultParts = (names) => names.filter((n) => /^locales\/[^/.]+\.json$/.test(n) && n !== 'locales/index.json')
    .map((n) => n.replace(/\.json$/, '.result.json'));

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

  // The person chose another language: its texts (and, once the result part was asked for,
  // its result texts) and fonts, then the app switches.
  async function requestLocale(code) {
    const [names, fonts] = await Promise.all([fetchLocale(code), fetchAllFonts(code)]);
    addFonts(fonts);
    await handOver(parts.includes('result') ? [...names, ...resultParts(names)] : names);
    withStrings(code, '', (p) => module._signaal_locale_ready(p));
  }

  // The app asks for a later part ("result" or "typing"): its files for every locale it has.
  async function requestPart(part) {
    if (parts.includes(part) || !CONTENT[part]) return;
    parts.push(part);
    const names = part === 'result' ? [...CONTENT.result, ...resultParts([...localeFiles])] : [];
    names.forEach((name) => fetchInto(name));
    const fonts = (await Promise.all([...fontLocales].map((code) => fetchFonts(code, part)))).flat();
    addFonts(fonts);
    await handOver(names);
    withStrings(part, '', (p) => module._signaal_part_ready(p));
  }

  async function start() {
    // Nothing here waits for anything it does not need: the program and the content are
    // fetched at once, the locale and its fonts as soon as the config names the choices.
    const program = createSignaal({ locateFile: (path) => path, withString });
    CONTENT.start.forEach((name) => fetchInto(name));
    const configText = await fetchInto('config.json');
    let config = {};
    if (!(configText instanceof Error)) {
      try { config = JSON.parse(configText); } catch (e) { /* the core reports it */ }
    }
    const locale = chooseLocale(config);
    const [localeNames, fonts, mod] = await Promise.all([fetchLocale(locale), fetchAllFonts(locale), program]);
    module = mod;
    window.signaalBridge.attach(module, config);
    await handOver(['config.json', ...CONTENT.start, ...localeNames]);
    addFonts(fonts);
    let ok = 0;
    withStrings('#canvas', locale, (c, l) => { ok = module._signaal_start(c, l); });
    if (!ok) throw new Error('WebGL2 is not available');
  }

  window.signaalBoot = { requestLocale, requestPart };

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
