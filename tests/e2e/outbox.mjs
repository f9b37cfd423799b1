// A professional's outbox: with no connection, a report the worker chose to keep waits in the
// page's outbox — only the sealed envelope, in IndexedDB — and goes out by itself once the
// connection is back, also after the page was closed and opened again; the empty outbox is
// deleted. Without the worker's choice nothing is kept, and in self mode the choice is never
// offered.
import { rmSync } from 'node:fs';
import { assert, find, openApp, screenshot, startServer, tap } from './lib.mjs';
import { makeKeys, toResult, waitScreen } from './report.mjs';

const ENVELOPE_BYTES = 16488;

// What the page's storage holds: the outbox databases and the envelopes in them.
export const outbox = (page) => page.evaluate(async () => {
  const dbs = (await indexedDB.databases()).map((d) => d.name);
  if (!dbs.includes('signaal-outbox')) return { dbs, envelopes: [] };
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('signaal-outbox');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const all = await new Promise((resolve) => {
    const r = db.transaction('envelopes').objectStore('envelopes').getAll();
    r.onsuccess = () => resolve(r.result);
  });
  db.close();
  return { dbs, envelopes: all.map((e) => Array.from(e)) };
});

const posts = (server) => server.requests.filter((r) => r.method === 'POST');

export async function run(t, { context, site }) {
  await t.test('offline, a kept report waits sealed in the outbox, is tried when online, and sent from the start screen later', async () => {
    const keys = makeKeys(site);
    const server = await startServer(site, { '/config.json': keys.config });
    try {
      const { page, errors } = await openApp(context, server);
      await toResult(page, site, 2);
      await tap(page, 'result.report');
      const consent = await waitScreen(page, 'report_consent');
      const option = consent.widgets.find((w) => w.id === 'report.outbox');
      assert(option && option.role === 'checkbox' && !option.selected, `the outbox choice: ${JSON.stringify(option)}`);
      await tap(page, 'report.outbox');
      await page.waitForFunction(() => window.signaal.describe().widgets.some((w) => w.id === 'report.outbox' && w.selected));

      await context.setOffline(true);
      await tap(page, 'report.send');
      await waitScreen(page, 'report_kept');
      await screenshot(page, 'outbox-kept');
      const kept = await outbox(page);
      assert(kept.envelopes.length === 1 && kept.envelopes[0].length === ENVELOPE_BYTES,
        `the outbox holds ${kept.envelopes.map((e) => e.length)} bytes`);
      const stored = Buffer.from(kept.envelopes[0]);
      assert(stored.subarray(0, 4).toString() === 'SGNL', 'the outbox holds something else than a sealed envelope');
      const ls = await page.evaluate(() => localStorage.length + sessionStorage.length);
      assert(ls === 0, 'the outbox used web storage besides IndexedDB');

      // Online again, but the intake is down: the page tries by itself (three POSTs), the
      // envelope stays kept.
      server.setIntakeStatus(503);
      await context.setOffline(false);
      await page.evaluate(() => dispatchEvent(new Event('online')));
      await page.waitForFunction(() => true);
      for (let i = 0; i < 100 && posts(server).length < 3; i++) await page.waitForTimeout(100);
      await page.waitForTimeout(500);
      assert(posts(server).length === 3, `${posts(server).length} POSTs after coming online to a failing intake`);
      assert((await outbox(page)).envelopes.length === 1, 'the envelope left the outbox although it was not accepted');
      await page.close();

      // Opened again later: the start screen says one waits; "send now" sends it once the
      // intake accepts, byte for byte, and the outbox database disappears.
      const again = await openApp(context, server);
      const waiting = (await find(again.page, (w) => w.id === 'outbox.waiting', 'the waiting line')).widget;
      assert(/\b1\b/.test(waiting.label), `the start screen says "${waiting.label}"`);
      await screenshot(again.page, 'outbox-waiting');
      for (let i = 0; i < 100 && posts(server).length < 6; i++) await again.page.waitForTimeout(100);  // its own try at start
      server.setIntakeStatus(201);
      await tap(again.page, 'outbox.send');
      await again.page.waitForFunction(() => !window.signaal.describe().widgets.some((w) => w.id === 'outbox.waiting'), null, { timeout: 30000 });
      const all = posts(server);
      assert(all.length === 7, `${all.length} POSTs in all, expected 3 + 3 + 1`);
      assert(all.every((p) => p.body.equals(stored)), 'a posted envelope differs from the kept one');
      const after = await outbox(again.page);
      assert(after.dbs.length === 0, `databases left behind: ${after.dbs}`);
      // The browser logs each failed POST itself; anything else would be the app's error.
      const unexpected = [...errors, ...again.errors].filter((e) => !e.startsWith('Failed to load resource'));
      assert(unexpected.length === 0, `page errors: ${unexpected.join('; ')}`);
      await again.page.close();
    } finally {
      await context.setOffline(false);
      await server.close();
      rmSync(keys.dir, { recursive: true, force: true });
    }
  });

  await t.test('without the choice nothing is kept offline; self mode never offers it', async () => {
    const keys = makeKeys(site);
    const server = await startServer(site, { '/config.json': keys.config });
    try {
      const { page } = await openApp(context, server);
      await toResult(page, site, 2);
      await tap(page, 'result.report');
      await waitScreen(page, 'report_consent');
      await context.setOffline(true);
      await tap(page, 'report.send');
      await waitScreen(page, 'report_failed');
      const left = await outbox(page);
      assert(left.dbs.length === 0, `an outbox exists although the worker did not choose it: ${left.dbs}`);
      await page.close();

      await context.setOffline(false);
      const self = await openApp(context, server);
      await toResult(self.page, site, 0);
      await tap(self.page, 'result.report');
      const consent = await waitScreen(self.page, 'report_consent');
      assert(!consent.widgets.some((w) => w.id === 'report.outbox'), 'self mode offers the outbox');
      await self.page.close();
    } finally {
      await context.setOffline(false);
      await server.close();
      rmSync(keys.dir, { recursive: true, force: true });
    }
  });
}
