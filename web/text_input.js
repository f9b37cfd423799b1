// The keyboard's way into the canvas: one hidden textarea that is the real editor of whichever
// text field has the focus. It holds the field's whole value, so the phone's keyboard,
// autocorrect, IME composition, paste and selection behave as everywhere else; after every
// change its value and selection go to the wasm program (as UTF-8 byte offsets), which draws
// them. It lies over the field (for the keyboard's and IME's placement) but takes no taps:
// the canvas places the caret itself.
'use strict';

(() => {
  let module = null;
  let active = false;
  const textarea = () => document.getElementById('text-bridge');
  const encoder = new TextEncoder();
  const utf8Length = (s) => encoder.encode(s).length;

  // The UTF-16 index in `value` that UTF-8 byte offset `bytes` falls on.
  function indexOfByte(value, bytes) {
    let used = 0;
    for (let i = 0; i < value.length;) {
      const cp = value.codePointAt(i);
      const step = cp > 0xffff ? 2 : 1;
      const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (used + size > bytes) return i;
      used += size;
      i += step;
    }
    return value.length;
  }

  // Composed (NFC), as the texts and the fonts are: a keyboard may send "e" + U+0302 + U+0301
  // for "ế" (Vietnamese), which the report must hold as one character. Never while an IME is
  // composing: rewriting the textarea then would end the composition.
  let composing = false;
  function compose(ta) {
    const value = ta.value;
    const nfc = value.normalize('NFC');
    if (composing || nfc === value) return;
    const start = value.slice(0, ta.selectionStart).normalize('NFC').length;
    const end = value.slice(0, ta.selectionEnd).normalize('NFC').length;
    ta.value = nfc;
    ta.setSelectionRange(start, end);
  }

  let sent = null;  // what the program last heard: no call when nothing changed
  function send() {
    const ta = textarea();
    if (!active || !module || document.activeElement !== ta) return;
    compose(ta);
    const value = ta.value;
    const start = utf8Length(value.slice(0, ta.selectionStart));
    const end = utf8Length(value.slice(0, ta.selectionEnd));
    const key = `${start}:${end}:${value}`;
    if (key === sent) return;
    sent = key;
    module.withString(value, (p) => module._signaal_text_edit(p, start, end));
  }

  function set(on, value, start, end, rect) {
    const ta = textarea();
    active = on;
    if (!on) {
      ta.value = '';
      sent = null;
      if (document.activeElement === ta) ta.blur();
      return;
    }
    const [x, y, w, h] = rect;
    Object.assign(ta.style, { left: `${x}px`, top: `${y}px`, width: `${Math.max(w, 1)}px`, height: `${Math.max(h, 1)}px` });
    if (ta.value !== value) ta.value = value;
    ta.setSelectionRange(indexOfByte(value, start), indexOfByte(value, end));
    sent = `${start}:${end}:${value}`;
    // Inside the tap's event handler: only then does a phone open its keyboard.
    if (document.activeElement !== ta) ta.focus({ preventScroll: true });
  }

  function attach(mod) {
    module = mod;
    const ta = textarea();
    ta.addEventListener('compositionstart', () => { composing = true; });
    ta.addEventListener('compositionend', () => { composing = false; });  // before send, added below
    for (const type of ['input', 'compositionupdate', 'compositionend', 'select', 'keyup']) ta.addEventListener(type, send);
    document.addEventListener('selectionchange', send);
    ta.addEventListener('blur', () => {
      if (!active) return;
      active = false;
      sent = null;
      module._signaal_text_blur();
    });
  }

  // Quick exit: nothing typed may stay in the page.
  function wipe() {
    const ta = textarea();
    active = false;
    sent = null;
    ta.value = '';
    ta.blur();
  }

  window.signaalTextInput = { attach, set, wipe };
})();
