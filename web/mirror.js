// The accessible mirror of the canvas: one real, invisible DOM element per widget the app
// describes (src/app/ui.cpp), at the widget's place and in reading order. It is the single
// source of screen-reader semantics and of keyboard focus:
// - roles, names, states, and a language and direction on elements in another language (also
//   on a button's aside: its label in the worker's language, in two-language mode);
// - Tab and Shift+Tab move through its buttons in visual order (DOM order = drawing order);
//   Enter and Space press them, and any click on them (a screen reader's "activate")
//   presses the widget through signaal_activate, the same path as a tap;
// - the arrow keys move the focus within a group of answers (below); elsewhere they scroll;
// - the app draws the focus ring around the widget the mirror reports focused (signaal_focus);
// - a text field's element hands the focus to the page's textarea (web/text_input.js), the
//   one real editor, which is then labelled for screen readers and Tab leaves it in order;
// - a new page moves a keyboard user's focus to its main heading, and a new question is
//   announced in a polite live region.
'use strict';

(() => {
  let module = null;
  let pageKey = '';  // the screen and its main heading: when it changes, a new page is shown
  const root = () => document.getElementById('mirror');
  const live = () => document.getElementById('announce');
  const textarea = () => document.getElementById('text-bridge');

  const activate = (id) => module.withString(id, (p) => module._signaal_activate(p));
  const reportFocus = (id) => module.withString(id, (p) => module._signaal_focus(p));

  const TAG = { heading: 'h2', text: 'p', button: 'button', option: 'button', checkbox: 'button', link: 'button',
                progressbar: 'div', textbox: 'div' };
  const controls = () => [...root().querySelectorAll('button, [role="textbox"]')];

  // One element, its semantics set afresh from the widget (elements are reused across frames so
  // that the focused one is never replaced).
  function update(el, w, tag) {
    const set = (name, value) => { if (value === null) el.removeAttribute(name); else el.setAttribute(name, value); };
    el.dataset.id = w.id;
    const [x, y, width, height] = w.rect;
    Object.assign(el.style, { left: `${x}px`, top: `${y}px`, width: `${width}px`, height: `${height}px` });
    set('lang', w.lang || null);
    set('dir', w.dir || null);
    if (w.role === 'textbox') {
      el.textContent = w.value;
      set('role', 'textbox');
      set('tabindex', '0');
      set('aria-label', w.label);
      el.dataset.focused = w.focused ? '1' : '';
      return;
    }
    el.textContent = w.label;
    if (w.aside) {  // the worker's words beneath the person's, read in their own language
      const aside = document.createElement('span');
      aside.lang = w.aside.lang;
      aside.dir = w.aside.dir;
      aside.textContent = ` ${w.aside.label}`;
      el.append(aside);
    }
    if (tag === 'h1') set('tabindex', '-1');  // the focus goes here on a new page
    if (tag === 'button') el.type = 'button';
    set('role', w.role === 'link' ? 'link' : w.role === 'checkbox' ? 'checkbox' : w.role === 'progressbar' ? 'progressbar' : null);
    set('aria-pressed', w.role === 'option' ? String(!!w.selected) : null);
    set('aria-checked', w.role === 'checkbox' ? String(!!w.selected) : null);
    if (w.role === 'progressbar') {
      set('aria-label', w.label);
      set('aria-valuemin', '0');
      set('aria-valuemax', '100');
      set('aria-valuenow', String(Math.round((w.value || 0) * 100)));
    }
  }

  // The focused field's textarea speaks for it: named like the field, and no longer hidden.
  function labelTextarea(desc) {
    const ta = textarea();
    const field = desc.widgets.find((w) => w.role === 'textbox' && w.focused);
    if (field) {
      ta.removeAttribute('aria-hidden');
      ta.setAttribute('aria-label', field.label);
    } else {
      ta.setAttribute('aria-hidden', 'true');
      ta.removeAttribute('aria-label');
    }
  }

  function announce(desc) {
    if (desc.screen !== 'question') return;
    const question = desc.widgets.find((w) => w.role === 'heading' && w.id.startsWith('q.'));
    const progress = desc.widgets.find((w) => w.role === 'progressbar');
    if (!question) return;
    live().lang = desc.lang;
    live().dir = desc.dir;
    live().textContent = progress ? `${progress.label}. ${question.label}` : question.label;
  }

  function render(desc) {
    const mirror = root();
    const focused = mirror.contains(document.activeElement) ? document.activeElement : null;
    mirror.lang = desc.lang;
    mirror.dir = desc.dir;

    // Reuse each element by tag, id and occurrence (paragraphs share an id).
    const old = new Map([...mirror.children].map((el) => [el.dataset.key, el]));
    const seen = new Map();
    const wanted = [];
    let firstHeading = null;
    for (const w of desc.widgets) {
      const tag = w.role === 'heading' && !firstHeading ? 'h1' : TAG[w.role] || 'p';
      if (w.role === 'heading' && !firstHeading) firstHeading = w;
      const base = `${tag}:${w.id}`;
      const n = (seen.get(base) || 0) + 1;
      seen.set(base, n);
      const key = `${base}:${n}`;
      let el = old.get(key);
      if (!el) {
        el = document.createElement(tag);
        el.dataset.key = key;
      }
      update(el, w, tag);
      wanted.push(el);
    }
    // Stale elements go first, then the order is fixed with as few moves as possible: moving
    // or removing the focused element would drop the focus.
    const keep = new Set(wanted);
    for (const el of [...mirror.children]) if (!keep.has(el)) el.remove();
    wanted.forEach((el, i) => { if (mirror.children[i] !== el) mirror.insertBefore(el, mirror.children[i] || null); });
    mirror.scrollTop = 0;  // focusing an element must never shift the mirror off the canvas
    labelTextarea(desc);

    const key = `${desc.screen}|${firstHeading ? firstHeading.id : ''}`;
    const newPage = key !== pageKey;
    pageKey = key;
    if (newPage) announce(desc);
    if (!focused) return;
    // A keyboard or screen-reader user starts a new page at its heading, and never loses the
    // focus to the body when the element they were on went away.
    const lost = !mirror.contains(document.activeElement);
    if (newPage || lost) {
      const heading = mirror.querySelector('h1') || controls()[0];
      if (heading) heading.focus({ preventScroll: true });
    }
  }

  function clear() {
    root().replaceChildren();
    live().textContent = '';
    pageKey = '';
  }

  // Tab from the textarea goes to the control after (or before) its field, as from any button.
  function onTextareaKey(e) {
    if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
    const list = controls();
    const at = list.findIndex((el) => el.dataset.focused === '1');
    const next = at < 0 ? null : list[at + (e.shiftKey ? -1 : 1)];
    if (!next) return;
    e.preventDefault();
    next.focus();
  }

  // A group of answers is a run of options (or of checkboxes) next to each other in the
  // mirror: a question's answers, the ticks of a multiple-choice one, the languages, the text
  // sizes. As in the WAI-ARIA Authoring Practices' radio group, Down and Right move the focus
  // to the next one, Up and Left to the previous (Left and Right swapped on a right-to-left
  // screen), wrapping at the ends; Tab still stops on each of them. Anywhere else the arrows
  // scroll the canvas (platform_web.cpp).
  const STEP = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };
  const choiceKind = (el) => (el.getAttribute('role') === 'checkbox' ? 'checkbox'
    : el.hasAttribute('aria-pressed') ? 'option' : '');

  function groupOf(el) {
    const kind = choiceKind(el);
    const list = controls();
    let first = list.indexOf(el);
    if (first < 0 || !kind) return [];
    let last = first;
    while (first > 0 && choiceKind(list[first - 1]) === kind) first--;
    while (last + 1 < list.length && choiceKind(list[last + 1]) === kind) last++;
    return list.slice(first, last + 1);
  }

  function onArrowKey(e) {
    if (!(e.key in STEP) || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const group = groupOf(document.activeElement);
    if (group.length < 2) return;
    const across = e.key === 'ArrowLeft' || e.key === 'ArrowRight';
    const step = across && root().dir === 'rtl' ? -STEP[e.key] : STEP[e.key];
    const at = group.indexOf(document.activeElement);
    e.preventDefault();
    // The app's own key listener (also on window, in the capture phase) would scroll as well.
    e.stopImmediatePropagation();
    // focusin reports the new focus, and the app scrolls it into view with its ring.
    group[(at + step + group.length) % group.length].focus();
  }

  function attach(mod) {
    module = mod;
    const mirror = root();
    mirror.addEventListener('click', (e) => {
      const el = e.target.closest('[data-id]');
      if (el && (el.tagName === 'BUTTON' || el.getAttribute('role') === 'textbox')) activate(el.dataset.id);
    });
    mirror.addEventListener('focusin', (e) => {
      const el = e.target.closest('[data-id]');
      if (!el) return;
      if (el.getAttribute('role') === 'textbox') {
        activate(el.dataset.id);  // the field takes the focus and gives it to the textarea
        return;
      }
      // The ring is for keyboard users; a screen reader's own cursor needs none.
      reportFocus(el.matches(':focus-visible') ? el.dataset.id : '');
    });
    mirror.addEventListener('focusout', (e) => {
      if (!mirror.contains(e.relatedTarget)) reportFocus('');
    });
    textarea().addEventListener('keydown', onTextareaKey);
    // Added before signaal_start adds the app's key listener: listeners of one target and
    // phase run in the order they were added, so this one can keep an arrow from the app.
    window.addEventListener('keydown', onArrowKey, true);
  }

  window.signaalMirror = { attach, render, clear };
})();
