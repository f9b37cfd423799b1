// What a phone user pays, measured in Debian's Chromium against the real intake server:
// bytes to the first question per locale (as served, compressed), time to `signaal-ready`
// and `first-question` under a slow-phone profile, idle CPU, frame times during a tap-through
// and memory. Prints one JSON object on stdout; scripts/bench turns it into the table.
// Usage: node tests/bench/app.mjs --url http://127.0.0.1:PORT/ --runs 5
import { launch, waitForMark, describe, tap, find } from '../e2e/lib.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const url = args.url;
const runs = Number(args.runs || 5);

// The profile the budgets are set for (issue 7): 4x CPU throttle, 150 ms RTT, 1.6 Mbps down,
// 750 kbps up; the page itself is the phone (412x915, dpr 2.6, touch) from lib.mjs.
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const CPU_SLOWDOWN = 4;

function kind(path, mime) {
  if (path.endsWith('.wasm')) return 'wasm';
  if (path.endsWith('.js')) return 'js';
  if (/\.(ttf|otf|woff2?)$/.test(path)) return 'fonts';
  if (path.endsWith('.json')) return 'content';
  if (mime.includes('html') || path.endsWith('/')) return 'html';
  return 'other';
}

// Records every response's bytes on the wire (headers + compressed body).
async function recordBytes(cdp) {
  const seen = new Map();
  const totals = { html: 0, js: 0, wasm: 0, fonts: 0, content: 0, other: 0 };
  cdp.on('Network.responseReceived', (e) => seen.set(e.requestId,
    kind(new URL(e.response.url).pathname, e.response.mimeType || '')));
  cdp.on('Network.loadingFinished', (e) => {
    const k = seen.get(e.requestId);
    if (k) totals[k] += e.encodedDataLength;
  });
  return totals;
}

async function throttledPage(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { page, cdp };
}

async function markTime(page, name) {
  await waitForMark(page, name);
  return page.evaluate((n) => performance.getEntriesByName(n, 'mark')[0].startTime, name);
}

// From the start screen to the first question in `locale`, by tapping as a person would.
async function toFirstQuestion(page, locale) {
  await tap(page, `lang.${locale}`);
  await find(page, (w) => w.id === 'who.self', 'who.self');
  await tap(page, 'who.self');
  await find(page, (w) => w.id === 'safety.continue', 'safety.continue');
  await tap(page, 'safety.continue');
}

async function fresh(fn) {
  const browser = await launch();
  try { return await fn(browser.context); } finally { await browser.close(); }
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), min: sorted[0], max: sorted[sorted.length - 1], p50: at(0.5), p95: at(0.95), n: sorted.length };
}

async function loadLocale(context, locale) {
  const { page, cdp } = await throttledPage(context);
  const bytes = await recordBytes(cdp);
  await page.goto(url);
  const ready = await markTime(page, 'signaal-ready');
  await toFirstQuestion(page, locale);
  const first = await markTime(page, 'first-question');
  await page.waitForTimeout(500);
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.signaal.memoryBytes());
  return { page, cdp, ready, first, bytes, heap, wasm };
}

const config = await (await fetch(new URL('config.json', url))).json();
const result = { profile: { viewport: '412x915', dpr: 2.6, cpu_slowdown: CPU_SLOWDOWN, ...NETWORK }, locales: {} };

for (const locale of config.locales) {
  result.locales[locale] = await fresh(async (context) => {
    const m = await loadLocale(context, locale);
    const total = Object.values(m.bytes).reduce((a, b) => a + b, 0);
    return {
      bytes_to_first_question: total, breakdown: m.bytes,
      js_heap_bytes: m.heap.usedSize,
      wasm_memory_bytes: m.wasm,
    };
  });
}

// Time to ready and to the first question: `runs` fresh browsers in the default locale.
const locale = config.default_locale;
const ready = [], first = [];
for (let i = 0; i < runs; i++) {
  await fresh(async (context) => {
    const m = await loadLocale(context, locale);
    ready.push(m.ready);
    first.push(m.first);
  });
}
result.timing = { locale, signaal_ready_ms: stats(ready), first_question_ms: stats(first) };

// Idle CPU on a question screen (unthrottled: the share of one core the page keeps busy),
// and the cost of each frame drawn during a tap-through.
result.idle_and_frames = await fresh(async (context) => {
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__frames = [];
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => raf((t) => {
      const start = performance.now();
      cb(t);
      window.__frames.push(performance.now() - start);
    });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  await waitForMark(page, 'signaal-ready');
  await toFirstQuestion(page, locale);
  await waitForMark(page, 'first-question');
  await page.waitForTimeout(1000);
  const metric = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
  const before = await metric();
  const framesBefore = await page.evaluate(() => window.__frames.length);
  const idleSeconds = 5;
  await page.waitForTimeout(idleSeconds * 1000);
  const after = await metric();
  const idleFrames = (await page.evaluate(() => window.__frames.length)) - framesBefore;
  await page.evaluate(() => { window.__frames = []; });
  // Tap through ten questions with "prefer not to say", which every question offers.
  for (let i = 0; i < 10; i++) {
    const desc = await describe(page);
    if (desc.screen !== 'question') break;
    await tap(page, 'answer.prefer_not');
    await page.waitForTimeout(300);
  }
  const frames = await page.evaluate(() => window.__frames);
  return {
    idle_seconds: idleSeconds,
    idle_cpu_share: (after.TaskDuration - before.TaskDuration) / idleSeconds,
    idle_frames: idleFrames,
    frame_ms: stats(frames.length ? frames : [0]),
  };
});

console.log(JSON.stringify(result));
