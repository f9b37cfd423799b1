// Safety and privacy, end to end on a phone: the quick exit (button and Escape twice) wipes
// the wasm memory and replaces the page without leaving the app in the history; no screen
// adds a history entry; nothing is stored; no request leaves the site and none goes beyond
// its static files; the Content-Security-Policy is strict and never violated.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { assert, describe, find, openApp, screenshot, startServer, tap } from './lib.mjs';
import { makeKeys, toResult, waitScreen } from './report.mjs';
import { tapAndWait } from './routes.mjs';

function siteFiles(dir, prefix = '/') {
  const out = new Set();
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) for (const f of siteFiles(full, `${prefix}${name}/`)) out.add(f);
    else out.add(prefix + name);
  }
  return out;
}

// Whatever the page keeps on the device: cookies (the page's and the browser's), web storage,
// IndexedDB databases, Cache API caches, service workers. Empty when nothing is kept.
async function storedOnDevice(page) {
  const kept = await page.evaluate(async () => ({
    'document.cookie': document.cookie,
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
    'service workers': (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope),
  }));
  kept.cookies = (await page.context().cookies()).map((c) => `${c.domain} ${c.name}`);
  return Object.entries(kept).filter(([, v]) => v.length > 0).map(([where, v]) => `${where}: ${JSON.stringify(v)}`);
}

export async function assertNothingStored(page, when) {
  const kept = await storedOnDevice(page);
  assert(kept.length === 0, `${when}, the device keeps ${kept.join('; ')}`);
}

async function tapAndSettle(page, id) {
  await tap(page, id);
  await page.waitForTimeout(100);
}

// Start, safety check, two answers: the session then holds answers worth wiping.
async function answerTwo(page) {
  await tapAndSettle(page, 'who.self');
  await tapAndSettle(page, 'safety.continue');
  await find(page, (w) => w.id === 'q.safe_now', 'first question');
  await tapAndSettle(page, 'answer.no');
  await find(page, (w) => w.id === 'q.age', 'second question');
  await tapAndSettle(page, 'answer.adult');
  const d = await describe(page);
  assert(d.answers === 2, `session holds ${d.answers} answers, expected 2`);
}

// Looks at the page at the last moment before it goes (the bridge's 'signaal-exit' event):
// how many bytes of wasm memory are still non-zero, how many answers the session holds.
async function watchLeave(page) {
  const seen = [];
  await page.exposeFunction('__leaving', (v) => seen.push(v));
  await page.evaluate(() => addEventListener('signaal-exit', () =>
    window.__leaving({ memory: window.signaal.memoryInUse(), answers: window.signaal.describe().answers })));
  return seen;
}

async function checkExit(page, site, server, seen, historyBefore) {
  const config = JSON.parse(readFileSync(path.join(site, 'config.json'), 'utf8'));
  await page.waitForURL((u) => u.href === config.exit_url);
  await page.waitForTimeout(200);
  assert(seen.length === 1, `the app's page was not seen leaving (${seen.length})`);
  assert(seen[0].memory === 0, `${seen[0].memory} bytes of wasm memory were not wiped`);
  assert(seen[0].answers === 0, `${seen[0].answers} answers left`);
  const historyAfter = await page.evaluate(() => history.length);
  assert(historyAfter === historyBefore, `history grew from ${historyBefore} to ${historyAfter}`);
  await page.goBack().catch(() => null);
  assert(!page.url().startsWith(server.origin), `going back returns to the app (${page.url()})`);
}

export async function run(t, { context, server, site }) {
  await t.test('the exit button wipes memory and replaces the page, no history left', async () => {
    const { page } = await openApp(context, server);
    const historyBefore = await page.evaluate(() => history.length);
    await answerTwo(page);
    assert(await page.evaluate(() => history.length) === historyBefore, 'screens added history entries');
    await screenshot(page, 'exit-before');
    const seen = await watchLeave(page);
    await tap(page, 'exit');
    await checkExit(page, site, server, seen, historyBefore);
    await page.close();
  });

  await t.test('after own words were sealed and sent, the exit wipes the sealer\'s memory too', async () => {
    const keys = makeKeys(site);
    const sending = await startServer(site, { '/config.json': keys.config });
    try {
      const { page } = await openApp(context, sending);
      const historyBefore = await page.evaluate(() => history.length);
      await toResult(page, site, 0);
      await tapAndWait(page, 'result.report');
      await tap(page, 'field.free_text');
      await page.keyboard.type('mijn eigen woorden');
      await tapAndWait(page, 'report.send');
      await waitScreen(page, 'report_sent');
      assert(await page.evaluate(() => window.signaalSealer.heap() !== null), 'the sealer never loaded');
      const seen = await watchLeave(page);
      await tap(page, 'exit');
      await checkExit(page, site, sending, seen, historyBefore);
      await page.close();
    } finally {
      await sending.close();
      rmSync(keys.dir, { recursive: true, force: true });
    }
  });

  await t.test('Escape pressed twice leaves the same way', async () => {
    const { page } = await openApp(context, server);
    const historyBefore = await page.evaluate(() => history.length);
    await answerTwo(page);
    const seen = await watchLeave(page);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await checkExit(page, site, server, seen, historyBefore);
    await page.close();
  });

  await t.test('nothing stored, only the site\'s own static files requested, CSP strict and kept', async () => {
    const first = server.requests.length;
    const { page, foreign } = await openApp(context, server);
    await page.evaluate(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await answerTwo(page);
    await tapAndSettle(page, 'language');
    await tapAndSettle(page, 'lang.en');
    await find(page, (w) => w.id === 'q.activities', 'third question in English');

    await assertNothingStored(page, 'after two answers and a language switch');
    const violations = await page.evaluate(() => window.__csp);
    assert(violations.length === 0, `CSP violations: ${violations.join('; ')}`);
    assert(foreign.length === 0, `requests to other origins: ${foreign.join(', ')}`);

    const files = siteFiles(site);
    const mine = server.requests.slice(first);
    const bad = mine.filter((r) => r.method !== 'GET' || !files.has(r.path === '/' ? '/index.html' : r.path));
    assert(bad.length === 0, `requests beyond the static files: ${bad.map((r) => `${r.method} ${r.path}`).join(', ')}`);
    assert(mine.every((r) => !r.headers.cookie), 'a request carried a cookie');

    const html = readFileSync(path.join(site, 'index.html'), 'utf8');
    const csp = (html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/) || [])[1] || '';
    assert(csp.includes("script-src 'self' 'wasm-unsafe-eval'"), `script-src: ${csp}`);
    assert(!/unsafe-inline|'unsafe-eval'/.test(csp), `CSP allows inline code or eval: ${csp}`);
    assert(/default-src 'none'/.test(csp) && /connect-src 'self'/.test(csp), `CSP: ${csp}`);
    assert(!/<script(?![^>]*\bsrc=)[^>]*>/.test(html), 'index.html has an inline script');
    assert(/<meta name="referrer" content="no-referrer">/.test(html), 'no no-referrer policy: the exit would tell the next site where the person was');
    await page.close();
  });
}
