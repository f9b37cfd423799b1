// Read-aloud for people who read with difficulty: the question screen's "read aloud" button
// has the app call say(lang, text) (src/app/speech.cpp). Only voices the device runs itself
// (localService) are ever used, so the words never leave the phone; the app shows the button
// only for the languages the page lists here.
'use strict';

(() => {
  let module = null;
  let voices = [];
  const supported = () => 'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window;
  const base = (lang) => String(lang).toLowerCase().split(/[-_]/)[0];

  function tell() {
    voices = speechSynthesis.getVoices().filter((v) => v.localService);
    const langs = [...new Set(voices.map((v) => base(v.lang)))].join(',');
    const size = module.lengthBytesUTF8(langs) + 1;
    const ptr = module._malloc(size);
    module.stringToUTF8(langs, ptr, size);
    try { module._signaal_set_voices(ptr); } finally { module._free(ptr); }
  }

  function attach(mod) {
    module = mod;
    if (!supported()) return;
    tell();
    speechSynthesis.addEventListener('voiceschanged', tell);  // browsers load voices late
  }

  function say(lang, text) {
    const mine = voices.filter((v) => base(v.lang) === lang);
    const voice = mine.find((v) => v.default) || mine[0];
    if (!voice) return;
    speechSynthesis.cancel();
    const u = new SpeechSynthesisUtterance(text);
    u.voice = voice;
    u.lang = voice.lang;
    u.rate = 0.9;  // a little slower than usual: the listener may not read well
    speechSynthesis.speak(u);
  }

  function stop() { if (supported()) speechSynthesis.cancel(); }

  window.signaalSpeech = { attach, say, stop };
})();
