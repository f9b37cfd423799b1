// The phone the budgets of issue 7 are set for, and what the benchmark watches on it: a fresh
// Chromium (412x915, dpr 2.6, touch, from tests/e2e/lib.mjs) with its CPU slowed 4x and a
// slow network, the bytes each response costs on the wire, and when each screen first took
// input (to tell the app's own time from the time the harness took to tap).
import { launch } from '../e2e/lib.mjs';

export const NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
export const CPU_SLOWDOWN = 4;

export function kind(path, mime) {
  if (path.endsWith('.wasm')) return 'wasm';
  if (path.endsWith('.js')) return 'js';
  if (/\.(ttf|otf|woff2?)$/.test(path)) return 'fonts';
  if (path.endsWith('.json')) return 'content';
  if (mime.includes('html') || path.endsWith('/')) return 'html';
  return 'other';
}

// A fresh browser for each measurement: nothing cached, nothing compiled.
export async function fresh(fn) {
  const browser = await launch();
  try { return await fn(browser.context); } finally { await browser.close(); }
}

// A page on the slow phone. `languages` stands for the phone's language setting (the app
// picks its locale from navigator.languages, as on a real phone); `network: false` keeps the
// CPU slow but the network fast (for long scripted routes).
export async function phonePage(context, { languages, network = true } = {}) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (network) await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  if (languages) await page.addInitScript((l) => Object.defineProperty(navigator, 'languages', { get: () => l }), languages);
  await page.addInitScript(watchScreens);
  return { page, cdp, bytes: recordBytes(cdp) };
}

// Every response's bytes on the wire (headers + body as served, compressed), by kind, and
// the files themselves (to name what was loaded).
function recordBytes(cdp) {
  const seen = new Map();
  const totals = { html: 0, js: 0, wasm: 0, fonts: 0, content: 0, other: 0 };
  const files = [];
  cdp.on('Network.responseReceived', (e) => {
    const path = new URL(e.response.url).pathname;
    seen.set(e.requestId, { path, kind: kind(path, e.response.mimeType || '') });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = seen.get(e.requestId);
    if (!r) return;
    totals[r.kind] += e.encodedDataLength;
    files.push([r.path, e.encodedDataLength]);
  });
  return { totals, files, snapshot: () => ({ totals: { ...totals }, files: files.map((f) => [...f]) }) };
}

// Runs in the page before anything else: notes when each screen was first described (it
// takes input from then on) and when each touch began. The bridge is set by assignment, so a
// setter sees it and wraps its publish().
function watchScreens() {
  window.__bench = { screens: [], touches: [] };
  addEventListener('touchstart', () => window.__bench.touches.push(performance.now()), { capture: true, passive: true });
  let bridge;
  Object.defineProperty(window, 'signaalBridge', {
    configurable: true,
    get: () => bridge,
    set: (b) => {
      const publish = b.publish;
      b.publish = function (json) {
        const screen = JSON.parse(json).screen;
        const last = window.__bench.screens[window.__bench.screens.length - 1];
        if (!last || last[0] !== screen) window.__bench.screens.push([screen, performance.now()]);
        return publish.call(this, json);
      };
      bridge = b;
    },
  });
}

export async function markTime(page, name) {
  await page.waitForFunction((n) => performance.getEntriesByName(n, 'mark').length > 0, name, { timeout: 60000 });
  return page.evaluate((n) => performance.getEntriesByName(n, 'mark')[0].startTime, name);
}

// How long the harness took on each screen before the tap that left it: from the moment the
// screen was described (took input) to the last touch before the next screen, so that
// finding the widget and scrolling to it (drags are touches too) count as the person's time,
// like reading. What remains is the app's own time: loading, and answering each tap.
export async function harnessWait(page) {
  const { screens, touches } = await page.evaluate(() => window.__bench);
  let wait = 0;
  for (let i = 0; i + 1 < screens.length; i++) {
    const [, shown] = screens[i];
    const [, next] = screens[i + 1];
    const before = touches.filter((t) => t >= shown && t <= next);
    if (before.length) wait += before[before.length - 1] - shown;
  }
  return wait;
}

export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), min: sorted[0], max: sorted[sorted.length - 1], p50: at(0.5), p95: at(0.95), n: sorted.length };
}
