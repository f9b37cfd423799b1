// Shared helpers of the browser tests: a static server for the site that records every
// request, Debian's Chromium with WebGL2 through SwiftShader, a phone-sized page with touch,
// and the app's own description of the screen (window.signaal.describe()) to find where to
// tap. Tests tap at the rectangles the app reports, as a person would; they never call
// into the core.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOTS = path.join(ROOT, 'build/screenshots');
export const PHONE = { width: 412, height: 915, dpr: 2.6 };

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm', '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
};

// Serves `siteDir` on 127.0.0.1 (a free port). `overrides` maps a path to replacement text
// (to test broken content); every request is recorded, a POST with its body. POST to the
// intake's envelope route stands in for the intake: `intakeStatus` (201, as it answers).
export const INTAKE_PATH = '/api/v1/envelopes';
export async function startServer(dir, overrides = {}, { intakeStatus = 201 } = {}) {
  const siteDir = path.resolve(dir);
  const requests = [];
  const intake = { status: intakeStatus };  // setIntakeStatus() changes it while running
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const record = { method: req.method, path: url.pathname, headers: req.headers };
    requests.push(record);
    if (req.method === 'POST') {
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      record.body = Buffer.concat(chunks);
      res.writeHead(url.pathname === INTAKE_PATH ? intake.status : 404);
      res.end();
      return;
    }
    let file = decodeURIComponent(url.pathname);
    if (file.endsWith('/')) file += 'index.html';
    if (file in overrides) {
      const body = overrides[file];
      if (body === null) { res.writeHead(404); res.end(); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
      res.end(body);
      return;
    }
    const full = path.join(siteDir, path.normalize(file));
    if (!full.startsWith(siteDir)) { res.writeHead(403); res.end(); return; }
    try {
      const body = await readFile(full);
      res.writeHead(200, { 'content-type': TYPES[path.extname(full)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, origin: `http://127.0.0.1:${port}`, requests,
           setIntakeStatus: (status) => { intake.status = status; },
           close: () => new Promise((resolve) => server.close(resolve)) };
}

export async function launch({ width = PHONE.width, height = PHONE.height, dpr = PHONE.dpr } = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), 'signaal-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
           '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width, height },
    deviceScaleFactor: dpr,
    isMobile: true,
    hasTouch: true,
    locale: 'nl-NL',
  });
  context.setDefaultTimeout(20000);
  return { context, close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

// A phone page that blocks (and records) every request to another origin.
export async function openApp(context, server, { viewport, languages } = {}) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const foreign = [];
  await page.route((url) => !url.href.startsWith(server.origin) && !url.href.startsWith('data:'), async (route) => {
    foreign.push(route.request().url());
    try {
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<title>elsewhere</title>' });
    } catch { /* the test is over and the page closed */ }
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  if (languages) await page.addInitScript((l) => Object.defineProperty(navigator, 'languages', { get: () => l }), languages);
  await page.goto(server.url);
  await waitForMark(page, 'signaal-ready');
  return { page, foreign, errors };
}

export async function waitForMark(page, name) {
  await page.waitForFunction((n) => performance.getEntriesByName(n, 'mark').length > 0, name);
}

// What the build wrote into index.html for boot.js: {fonts: {code: {part: [[file, face]]}},
// self_sufficient: [codes]}.
export function siteBuild(site) {
  const html = readFileSync(path.join(site, 'index.html'), 'utf8');
  const content = html.match(/<meta name="signaal-build" content="([^"]*)">/)[1];
  return JSON.parse(content.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
}

export async function describe(page) {
  return page.evaluate(() => window.signaal.describe());
}

// Waits until a visible widget matches `pred`, then returns it with the whole description.
export async function find(page, pred, what) {
  const deadline = Date.now() + 10000;
  let desc;
  while (Date.now() < deadline) {
    desc = await describe(page);
    const w = desc.widgets.find((x) => pred(x) && x.visible);
    if (w) return { widget: w, desc };
    await page.waitForTimeout(50);
  }
  throw new Error(`no visible widget ${what} on screen "${desc?.screen}": ${JSON.stringify(desc?.widgets.map((w) => w.id))}`);
}

// Scrolls by dragging a finger over the canvas (CDP touch events, as a phone sends them).
export async function drag(page, fromY, toY, x = 200) {
  const cdp = await page.context().newCDPSession(page);
  const steps = 8;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: fromY }] });
  for (let i = 1; i <= steps; i++)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: fromY + ((toY - fromY) * i) / steps }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

// Taps the centre of the widget `id`, scrolling it into view by dragging when needed: a widget
// scrolled away (an empty rectangle) lies above the first shown one or below the last.
export async function tap(page, id) {
  const pred = typeof id === 'function' ? id : (w) => w.id === id;
  const view = page.viewportSize();
  let stuck = 0;
  for (let attempt = 0; attempt < 40; attempt++) {
    // The widget may appear a frame after the tap that asked for it.
    let desc = await describe(page);
    for (let i = 0; i < 200 && !desc.widgets.some(pred); i++) {
      await page.waitForTimeout(50);
      desc = await describe(page);
    }
    const at = desc.widgets.findIndex(pred);
    if (at < 0) break;
    const w = desc.widgets[at];
    const [x, y, width, height] = w.rect;
    if (w.visible && height >= 30 && y + height <= view.height - 10) {
      checkQuickExit(desc);
      await page.touchscreen.tap(x + width / 2, y + height / 2);
      return desc;
    }
    // A finger moves the content: up to bring what is below into view, down for what is above.
    const firstShown = desc.widgets.findIndex((o) => o.visible && !['exit', 'language'].includes(o.id));
    const above = w.visible ? y + height / 2 < view.height / 2 : at < firstShown;
    const [from, to] = above ? [0.3, 0.85] : [0.75, 0.2];
    await drag(page, view.height * from, view.height * to);
    // Wait until the app has drawn (and described) the scrolled screen; stop at the end.
    let moved = false;
    for (let i = 0; i < 60 && !moved; i++) {
      moved = (await describe(page)).scroll[0] !== desc.scroll[0];
      if (!moved) await page.waitForTimeout(25);
    }
    if (!moved && ++stuck >= 3) break;
  }
  await find(page, pred, String(id));  // throws with the screen's widgets listed
  throw new Error(`${id} is shown but could not be scrolled fully into view`);
}

// Taps the field, clears it and types `text` as a person would; waits until the field shows it.
export async function typeInto(page, id, text) {
  await tap(page, id);
  await page.waitForFunction(() => document.activeElement?.id === 'text-bridge');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(lines[i]);
  }
  await page.waitForFunction(([fid, want]) =>
    window.signaal.describe().widgets.some((w) => w.id === fid && w.value === want), [id, text]);
}

// Every screen has the quick exit, shown and at least 44x44 CSS px (issue 4). tap() checks it
// on the description it reads anyway, so every screen any suite taps on is checked for free.
export function checkQuickExit(desc) {
  const exit = desc.widgets.find((w) => w.id === 'exit');
  assert(exit?.visible && exit.rect[2] >= 44 && exit.rect[3] >= 44,
    `the quick exit on screen "${desc.screen}": ${exit ? `${exit.rect[2]}x${exit.rect[3]} CSS px, visible ${exit.visible}` : 'missing'}`);
}

export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(150);
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

// A tiny test harness: named checks, a closing line, a JUnit file, and the exit code.
export function suite(name) {
  const results = [];
  return {
    async test(title, fn) {
      const started = Date.now();
      try {
        await fn();
        results.push({ title, ok: true, ms: Date.now() - started });
        console.log(`ok   ${name}: ${title}`);
      } catch (e) {
        results.push({ title, ok: false, ms: Date.now() - started, error: e.stack || String(e) });
        console.log(`FAIL ${name}: ${title}\n${e.stack || e}`);
      }
    },
    results,
  };
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}
