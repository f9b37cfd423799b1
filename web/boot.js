// Starts Signaal: fetches the deployment config, the content, the chosen locale (with its
// fallbacks) and the fonts, all from this site, hands them to the wasm program and starts
// it. Every failure is handed over too, so the app can say what failed in plain words.
'use strict';

(() => {
  const CONTENT = ['content/indicators.json', 'content/questionnaire.json', 'content/help.json', 'locales/index.json'];
  const FONTS = [['fonts/NotoSans-Regular.ttf', 0], ['fonts/NotoSans-Bold.ttf', 1]];
  const fetched = new Map();  // file name -> text, or an Error
  let module = null;

  async function fetchFile(name, as = 'text') {
    const response = await fetch(name, { credentials: 'same-origin', redirect: 'error' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return as === 'bytes' ? new Uint8Array(await response.arrayBuffer()) : response.text();
  }

  async function fetchInto(name) {
    if (fetched.has(name)) return fetched.get(name);
    let result;
    try { result = await fetchFile(name); } catch (e) { result = e instanceof Error ? e : new Error(String(e)); }
    fetched.set(name, result);
    return result;
  }

  // A locale and every locale its fallback chain names (read from its locale.json), and
  // English: the last resort in which an error can always be said.
  async function fetchLocale(code) {
    const names = [];
    const queue = [code, 'en'];
    while (queue.length) {
      const c = queue.shift();
      const name = `locales/${c}.json`;
      if (names.includes(name)) continue;
      names.push(name);
      const text = await fetchInto(name);
      if (text instanceof Error) continue;
      try {
        for (const f of JSON.parse(text)['locale.json'].fallback || []) queue.push(f);
      } catch (e) { /* the core reports the broken file */ }
    }
    return names;
  }

  function handOver(names) {
    for (const name of names) {
      const value = fetched.get(name);
      withStrings(name, value instanceof Error ? `could not be loaded (${value.message})` : value,
        (n, t) => (value instanceof Error ? module._signaal_file_failed(n, t) : module._signaal_add_file(n, t)));
    }
  }

  function withStrings(a, b, fn) {
    const put = (s) => {
      const size = module.lengthBytesUTF8(s) + 1;
      const p = module._malloc(size);
      module.stringToUTF8(s, p, size);
      return p;
    };
    const pa = put(a);
    const pb = put(b);
    try { fn(pa, pb); } finally { module._free(pa); module._free(pb); }
  }

  function chooseLocale(config) {
    const offered = Array.isArray(config.locales) ? config.locales : [];
    for (const wanted of navigator.languages || []) {
      const code = wanted.toLowerCase().split('-')[0];
      if (offered.includes(code)) return code;
    }
    return config.default_locale || offered[0] || 'en';
  }

  async function requestLocale(code) {
    const names = await fetchLocale(code);
    handOver(names);
    withStrings(code, '', (p) => module._signaal_locale_ready(p));
  }

  async function start() {
    const configText = await fetchInto('config.json');
    let config = {};
    if (!(configText instanceof Error)) {
      try { config = JSON.parse(configText); } catch (e) { /* the core reports it */ }
    }
    const locale = chooseLocale(config);
    const [, localeNames, fonts, mod] = await Promise.all([
      Promise.all(CONTENT.map(fetchInto)),
      fetchLocale(locale),
      Promise.all(FONTS.map(([name, bold]) => fetchFile(name, 'bytes').then((b) => [name, bold, b], (e) => [name, bold, e]))),
      createSignaal({ locateFile: (path) => path }),
    ]);
    module = mod;
    window.signaalBridge.attach(module, config);
    handOver(['config.json', ...CONTENT, ...localeNames]);
    for (const [name, bold, bytes] of fonts) {
      if (bytes instanceof Error) {
        withStrings(name, `could not be loaded (${bytes.message})`, (n, t) => module._signaal_file_failed(n, t));
        continue;
      }
      const ptr = module._malloc(bytes.length);  // the font atlas frees it
      module.HEAPU8.set(bytes, ptr);
      if (!module._signaal_add_font(bold, ptr, bytes.length))
        withStrings(name, 'is not a font', (n, t) => module._signaal_file_failed(n, t));
    }
    let ok = 0;
    withStrings('#canvas', locale, (c, l) => { ok = module._signaal_start(c, l); });
    if (!ok) throw new Error('WebGL2 is not available');
  }

  window.signaalBoot = { requestLocale };

  // Only when the program itself cannot run (no wasm, no WebGL2) does the page speak for it,
  // in the chosen language when its texts arrived, else in English.
  function fatalText() {
    for (const [name, text] of fetched) {
      if (!name.startsWith('locales/') || name === 'locales/index.json' || text instanceof Error) continue;
      try {
        const message = JSON.parse(text)['ui.json']['error.no_start'];
        if (message) return message;
      } catch (e) { /* next one */ }
    }
    return '';
  }

  start().catch((e) => window.signaalBridge.showFatal(`${fatalText()} (${e.message})`));
})();
