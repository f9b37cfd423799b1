// The result's help directory, tapped as a person would: "call" follows a tel: link with the
// entry's number inside the tap (the phone's dialler takes it from there), "website" opens the
// entry's site outside the app, in a page with no opener that is told no referrer; the app
// itself stays on the result, with no history entry added.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assert, describe, openApp, tap } from './lib.mjs';
import { toResult } from './report.mjs';

// The result's emergency block (result.cpp) calls 112 itself, not through a help entry.
const EMERGENCY = { id: '112', phone: '112' };

// The links the bridge clicks (tel: for a call): their address and whether the click came
// inside the person's tap, as a phone requires before it hands tel: to its dialler. The click
// goes no further: after two tel: launches from this page headless Chromium holds every later
// touch, where a phone would have opened its dialler.
async function watchLinks(page) {
  await page.evaluate(() => {
    window.__clicked = [];
    HTMLAnchorElement.prototype.click = function () {
      window.__clicked.push({ href: this.href, gesture: navigator.userActivation.isActive });
    };
  });
}

// window.open as the bridge calls it: each call's arguments (and whether it came inside the
// tap) are kept, then the real one opens the page.
async function watchOpen(page) {
  await page.evaluate(() => {
    const open = window.open;
    window.__opened = [];
    window.open = function (...args) {
      window.__opened.push({ args, gesture: navigator.userActivation.isActive });
      return open.apply(this, args);
    };
  });
}

// The help sites stand in for themselves: a tiny page, with the request's headers kept.
async function serveHelpSites(context, origins) {
  const requests = [];
  const handler = async (route) => {
    requests.push({ url: route.request().url(), headers: route.request().headers() });
    await route.fulfill({ status: 200, contentType: 'text/html', body: '<title>help</title>' });
  };
  const matches = (url) => origins.has(url.origin);
  await context.route(matches, handler);
  return { requests, stop: () => context.unroute(matches, handler) };
}

async function stayedOnResult(page, before, what) {
  const now = await describe(page);
  assert(now.screen === 'result', `after ${what} the app shows ${now.screen}`);
  assert(page.url() === before.url, `after ${what} the app's page is at ${page.url()}`);
  assert(await page.evaluate(() => history.length) === before.history, `${what} added a history entry`);
}

// Each "call" follows one tel: link with its entry's number, inside the tap.
async function checkCalls(page, calls, entryOf, before) {
  await watchLinks(page);
  for (const w of calls) {
    const entry = entryOf(w);
    assert(entry?.phone, `${w.id} belongs to no help entry with a number`);
    const want = `tel:${entry.phone.replace(/[^0-9+]/g, '')}`;
    await tap(page, w.id);
    await page.waitForFunction(() => window.__clicked.length > 0);
    const clicked = await page.evaluate(() => window.__clicked.splice(0));
    assert(clicked.length === 1 && clicked[0].href === want && clicked[0].gesture,
      `${w.id} followed ${JSON.stringify(clicked)}, not ${want} inside the tap`);
    await stayedOnResult(page, before, `tapping ${w.id}`);
  }
}

// Each "website" opens its entry's site in a page of its own, inside the tap, with no opener
// and no referrer (neither in the request nor in the page).
async function checkWebsites(page, webs, entryOf, before) {
  const context = page.context();
  await watchOpen(page);
  const sites = await serveHelpSites(context, new Set(webs.map((w) => new URL(entryOf(w).web).origin)));
  try {
    for (const w of webs) {
      const { web } = entryOf(w);
      const url = new URL(web).href;
      const opening = context.waitForEvent('page');
      await tap(page, w.id);
      const other = await opening;
      await other.waitForURL(url);
      const opened = await page.evaluate(() => window.__opened.splice(0));
      assert(opened.length === 1 && opened[0].gesture, `${w.id} opened ${JSON.stringify(opened)}, expected once inside the tap`);
      const [address, target, features] = opened[0].args;
      assert(address === web && target === '_blank', `${w.id} opened ${JSON.stringify(opened[0].args)}`);
      const words = (features || '').split(',').map((f) => f.trim());
      assert(words.includes('noopener') && words.includes('noreferrer'), `${w.id} opened with "${features}"`);
      const seen = await other.evaluate(() => ({ opener: window.opener, referrer: document.referrer }));
      assert(seen.opener === null && seen.referrer === '', `${url} sees ${JSON.stringify(seen)}`);
      const request = sites.requests.find((r) => r.url === url);
      assert(request && !('referer' in request.headers), `${url} was asked with ${JSON.stringify(request?.headers)}`);
      await other.close();
      await stayedOnResult(page, before, `tapping ${w.id}`);
    }
  } finally {
    await sites.stop();
  }
}

export async function run(t, { context, server, site }) {
  const entries = JSON.parse(readFileSync(path.join(site, 'content/help.json'), 'utf8')).entries;
  const byId = new Map([...entries, EMERGENCY].map((e) => [e.id, e]));
  const entryOf = (w) => byId.get(w.id.slice(w.id.indexOf('.') + 1));  // call.<id>, web.<id>

  await t.test('help entries: call follows tel: with the number, a website opens apart with no opener or referrer', async () => {
    const { page, errors } = await openApp(context, server);
    const result = await toResult(page, site);
    const before = { url: page.url(), history: await page.evaluate(() => history.length) };
    const calls = result.widgets.filter((w) => w.id.startsWith('call.'));
    const webs = result.widgets.filter((w) => w.id.startsWith('web.'));
    assert(calls.length > 0 && webs.length > 0, `the result lists ${calls.length} calls and ${webs.length} websites`);
    await checkCalls(page, calls, entryOf, before);
    await checkWebsites(page, webs, entryOf, before);
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
    await page.close();
  });
}
