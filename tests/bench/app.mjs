// What a phone user pays, measured in Debian's Chromium against the real intake server.
// Prints one JSON object on stdout; scripts/lib/bench_report.py turns it into the table.
//   --url     the site as deployed (config.json's locales): timing median and the seal
//   --all-url the same program with every locale in locales/ offered (bench-only config):
//             bytes, time and memory per locale
//   --runs    fresh browsers for each median (default 5); --locale-runs per locale (default 1)
import { parseArgs } from 'node:util';
import { describe, find, tap } from '../e2e/lib.mjs';
import { answerAll, tapAndWait } from '../e2e/routes.mjs';
import { CPU_SLOWDOWN, NETWORK, fresh, harnessWait, markTime, phonePage, stats } from './phone.mjs';

const { values: args } = parseArgs({ options: {
  url: { type: 'string' }, 'all-url': { type: 'string' }, runs: { type: 'string' }, 'locale-runs': { type: 'string' },
} });
const runs = Number(args.runs || 5);
const localeRuns = Number(args['locale-runs'] || 1);

// The fewest taps from the start screen to the first question: who is answering, then past
// the safety check. The locale is the phone's own (navigator.languages), so no language tap.
async function toFirstQuestion(page) {
  await tap(page, 'who.self');
  await find(page, (w) => w.id === 'safety.continue', 'safety.continue');
  await tap(page, 'safety.continue');
}

// One fresh load on the slow phone in `locale`: times, bytes (at the first question, and
// after 3 s more: what keeps loading in the background), memory.
async function load(url, locale) {
  return fresh(async (context) => {
    const { page, cdp, bytes } = await phonePage(context, { languages: [locale] });
    await page.goto(url);
    const ready = await markTime(page, 'signaal-ready');
    await toFirstQuestion(page);
    const first = await markTime(page, 'first-question');
    const atFirst = bytes.snapshot();
    const wait = await harnessWait(page);
    const desc = await describe(page);
    await page.waitForTimeout(3000);
    const heap = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.signaal.memoryBytes());
    const settled = bytes.snapshot();
    return { lang: desc.lang, screen: desc.screen, ready, first, app_first: first - wait, harness_wait: wait,
      bytes: atFirst, settled, heap: heap.usedSize, wasm };
  });
}

const sum = (o) => Object.values(o).reduce((a, b) => a + b, 0);

async function perLocale(url) {
  const config = await (await fetch(new URL('config.json', url))).json();
  const out = {};
  for (const locale of config.locales) {
    const samples = [];
    for (let i = 0; i < localeRuns; i++) samples.push(await load(url, locale));
    const m = samples[0];
    out[locale] = {
      runs: samples.length, shown: m.lang,  // the locale the app chose for a phone set to `locale`
      bytes_to_first_question: sum(m.bytes.totals), breakdown: m.bytes.totals, files: m.bytes.files,
      bytes_after_settle: sum(m.settled.totals),
      signaal_ready_ms: stats(samples.map((s) => s.ready)),
      first_question_ms: stats(samples.map((s) => s.first)),
      first_question_app_ms: stats(samples.map((s) => s.app_first)),
      wasm_memory_bytes: Math.max(...samples.map((s) => s.wasm)),
      js_heap_bytes: Math.max(...samples.map((s) => s.heap)),
    };
  }
  return out;
}

// Time to ready and to the first question: `runs` fresh browsers in the default locale.
async function timing(url) {
  const config = await (await fetch(new URL('config.json', url))).json();
  const locale = config.default_locale;
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await load(url, locale));
  return {
    locale, offered: config.locales,
    signaal_ready_ms: stats(samples.map((s) => s.ready)),
    first_question_ms: stats(samples.map((s) => s.first)),
    first_question_app_ms: stats(samples.map((s) => s.app_first)),
    harness_wait_ms: stats(samples.map((s) => s.harness_wait)),
    bytes_to_first_question: stats(samples.map((s) => sum(s.bytes.totals))),
  };
}

// Idle CPU on a question screen (unthrottled: the share of one core the page keeps busy),
// and the cost of each frame drawn during a tap-through.
async function idleAndFrames(url) {
  return fresh(async (context) => {
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
    await markTime(page, 'signaal-ready');
    await toFirstQuestion(page);
    await markTime(page, 'first-question');
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
}

// One report through the real screens: every question answered "prefer not to say", the
// result, the consent screen, Send; the app's own marks time padding + sealing and the proof
// of work. CPU slowed 4x as everywhere; the network is not throttled here, so that the long
// scripted route stays short (the marks time wasm work only, not the upload).
async function sealOnce(url) {
  return fresh(async (context) => {
    const { page } = await phonePage(context, { network: false });
    await page.goto(url);
    await markTime(page, 'signaal-ready');
    await tapAndWait(page, 'who.self');
    await tapAndWait(page, 'safety.continue');
    await answerAll(page, () => ['prefer_not']);
    await tap(page, 'result.report');
    await page.waitForFunction(() => window.signaal.describe().screen === 'report_consent');
    await tap(page, 'report.send');
    await page.waitForFunction(() => ['report_sent', 'report_failed', 'report_refused'].includes(window.signaal.describe().screen),
      null, { timeout: 120000 });
    const screen = (await describe(page)).screen;
    if (screen !== 'report_sent') throw new Error(`the report ended on ${screen}`);
    return page.evaluate(() => {
      const at = (n) => performance.getEntriesByName(n, 'mark')[0].startTime;
      return { seal: at('report-sealed') - at('report-seal-start'), pow: at('report-solved') - at('report-sealed') };
    });
  });
}

async function seal(url) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await sealOnce(url));
  return { network: 'not throttled (CPU 4x)', seal_ms: stats(samples.map((s) => s.seal)), pow_ms: stats(samples.map((s) => s.pow)) };
}

const only = (name) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(name);
const result = { profile: { viewport: '412x915', dpr: 2.6, cpu_slowdown: CPU_SLOWDOWN, ...NETWORK } };
if (only('locales')) result.locales = await perLocale(args['all-url'] || args.url);
if (only('timing')) result.timing = await timing(args.url);
if (only('idle')) result.idle_and_frames = await idleAndFrames(args.url);
if (only('seal')) result.seal = await seal(args.url);
console.log(JSON.stringify(result));
