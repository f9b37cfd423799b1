// Helpers of the accessibility suites (a11y_*.mjs): axe-core run inside the page, the texts of
// a locale (to find things by the names a screen reader hears), the keyboard's focus, the
// display settings, and a look at the canvas's own pixels (the focus ring and the theme are
// drawn, not in the DOM).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { tap, ROOT } from './lib.mjs';
import { tapAndWait } from './routes.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// The roles of the widgets a person operates (the others are read).
export const INTERACTIVE = ['button', 'option', 'checkbox', 'link', 'textbox'];

// axe-core over the whole page (the mirror, the live region, the canvas and the textarea).
// It is evaluated through the DevTools protocol, which the page's CSP (no inline script) does
// not govern, so the app's CSP stays as strict in the test as in production. Returns the
// serious and critical violations, each as "rule: target (help)".
export async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () =>
    window.axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.help})`));
}

// The texts of locale `code` as the site serves them, in its two parts (locales/<code>.json
// and .result.json), all message files in one {key: text}.
export function localeTexts(site, code) {
  const texts = {};
  for (const part of [`${code}.json`, `${code}.result.json`]) {
    const files = JSON.parse(readFileSync(path.join(site, 'locales', part), 'utf8'));
    for (const [file, messages] of Object.entries(files)) if (file !== 'locale.json') Object.assign(texts, messages);
  }
  return texts;
}

// The accessible name of the focused element (or the id of a non-mirror element).
export async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { name: '', id: '', tag: 'BODY' };
    return { name: el.getAttribute('aria-label') || el.textContent, id: el.dataset.id || el.id, tag: el.tagName,
             role: el.getAttribute('role') || '' };
  });
}

// Presses Tab (or Shift+Tab) until the focus is on a mirror element named `name` (exactly).
export async function tabTo(page, name, { back = false, max = 60 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (f.name === name) return f;
  }
  throw new Error(`Tab never reached "${name}"`);
}

// Opens the display screen and chooses `id` there (a text size, or high contrast); the
// display screen stays open.
export async function chooseOnDisplay(page, id) {
  await tapAndWait(page, 'display');
  await tap(page, id);
  await page.waitForFunction((i) => window.signaal.describe().widgets.find((w) => w.id === i)?.selected, id);
}

// Counts canvas pixels of colour `rgb` (within `tolerance` per channel) inside `rect`
// ([x, y, w, h], CSS px), from a real screenshot of what the app drew.
export async function countColour(page, rect, rgb, tolerance = 24) {
  const [x, y, w, h] = rect;
  const png = await page.screenshot({ clip: { x, y, width: w, height: h } });
  return page.evaluate(async ({ b64, rgb: [r, g, b], tolerance: t }) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4)
      if (Math.abs(data[i] - r) <= t && Math.abs(data[i + 1] - g) <= t && Math.abs(data[i + 2] - b) <= t) n++;
    return n;
  }, { b64: png.toString('base64'), rgb, tolerance });
}

// A palette of src/app/palette.h ('kStandard', 'kHighContrast'): {colour name: [r, g, b]}.
export function palette(name) {
  const source = readFileSync(path.join(ROOT, 'src/app/palette.h'), 'utf8');
  const body = source.slice(source.indexOf(`Palette ${name} = {`)).split('};')[0];
  const colours = {};
  for (const [, key, r, g, b] of body.matchAll(/\.(\w+) = \{(0x\w+), (0x\w+), (0x\w+)\}/g))
    colours[key] = [Number(r), Number(g), Number(b)];
  return colours;
}
