// Power: frames are drawn only after input or a state change (plus ImGui's settling
// frames); an idle app draws no frames at all, and a hidden tab draws none whatever changes
// until it is visible again.
import { assert, describe, tap } from './lib.mjs';

// Counts what the app costs: the animation frames it asks for, and the frames it draws (each
// clears the canvas once, renderer_webgl2.cpp, whether an animation frame ran it or an input
// event ran it at once).
function countFrames(page) {
  return page.addInitScript(() => {
    window.__frames = { asked: 0, drawn: 0 };
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => raf((ts) => { window.__frames.asked++; cb(ts); });
    const clear = WebGL2RenderingContext.prototype.clear;
    WebGL2RenderingContext.prototype.clear = function (...args) {
      window.__frames.drawn++;
      return clear.apply(this, args);
    };
  });
}

const frames = (page) => page.evaluate(() => ({ ...window.__frames }));
const since = (before, after) => ({ asked: after.asked - before.asked, drawn: after.drawn - before.drawn });
const none = (n) => n.asked === 0 && n.drawn === 0;

// Headless Chromium shows every page, whatever tab or window is in front, so the test hides
// the tab the way a browser tells a page: document.hidden and visibilityState change, then
// visibilitychange fires. The browser keeps running animation frames, so only the app's own
// handling (platform_web.cpp OnVisibility) can keep it from drawing.
function controlVisibility(page) {
  return page.addInitScript(() => {
    let hidden = false;
    Object.defineProperty(document, 'hidden', { get: () => hidden });
    Object.defineProperty(document, 'visibilityState', { get: () => (hidden ? 'hidden' : 'visible') });
    window.__setHidden = (value) => {
      hidden = value;
      document.dispatchEvent(new Event('visibilitychange'));
    };
  });
}

const backingStore = (page) => page.evaluate(() => {
  const c = document.getElementById('canvas');
  return { width: c.width, height: c.height, css: c.clientWidth * devicePixelRatio };
});

export async function run(t, { context, server }) {
  await t.test('idle means no frames', async () => {
    const page = await context.newPage();
    await countFrames(page);
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName('signaal-ready', 'mark').length > 0);
    await tap(page, 'who.self');
    await page.waitForTimeout(3000);  // settle (headless Chromium runs few animation frames)
    const before = await frames(page);
    await page.waitForTimeout(3000);
    const idle = since(before, await frames(page));
    assert(none(idle), `frames while idle: ${JSON.stringify(idle)}`);
    await page.close();
  });

  await t.test('a hidden tab draws nothing when the screen size or the contrast preference changes; visible again, it draws them', async () => {
    const page = await context.newPage();
    await countFrames(page);
    await controlVisibility(page);
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName('signaal-ready', 'mark').length > 0);
    await page.waitForTimeout(2000);  // settle
    await page.evaluate(() => window.__setHidden(true));
    const hidden = await frames(page);
    const drawn = await backingStore(page);

    await page.setViewportSize({ width: 360, height: 640 });
    await page.emulateMedia({ contrast: 'more' });
    assert(await page.evaluate(() => matchMedia('(prefers-contrast: more)').matches), 'the contrast preference did not change');
    await page.waitForTimeout(2000);
    const whileHidden = since(hidden, await frames(page));
    assert(none(whileHidden), `frames while hidden: ${JSON.stringify(whileHidden)}`);
    const held = await backingStore(page);
    assert(held.width === drawn.width && held.css !== drawn.width, `the canvas was redrawn at ${held.width} px while hidden`);

    await page.evaluate(() => window.__setHidden(false));
    await page.waitForFunction((n) => window.__frames.drawn > n, hidden.drawn, { timeout: 5000 });
    await page.waitForFunction(() => {
      const c = document.getElementById('canvas');
      return c.width === Math.round(c.clientWidth * devicePixelRatio);
    }, null, { timeout: 5000 });
    await page.close();
  });

  await t.test('a tap on a hidden tab draws nothing; visible again, the app answers it', async () => {
    const page = await context.newPage();
    await countFrames(page);
    await controlVisibility(page);
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName('signaal-ready', 'mark').length > 0);
    await page.waitForTimeout(2000);  // settle
    const start = await describe(page);
    const display = start.widgets.find((w) => w.id === 'display');
    assert(display && display.visible, 'no visible display button on the start screen');
    await page.evaluate(() => window.__setHidden(true));
    const hidden = await frames(page);

    const [x, y, width, height] = display.rect;
    await page.touchscreen.tap(x + width / 2, y + height / 2);
    await page.waitForTimeout(2000);
    const whileHidden = since(hidden, await frames(page));
    assert(none(whileHidden), `frames while hidden: ${JSON.stringify(whileHidden)}`);
    assert((await describe(page)).screen === start.screen, 'the screen changed while hidden');

    await page.evaluate(() => window.__setHidden(false));
    await page.waitForFunction(() => window.signaal.describe().screen === 'display', null, { timeout: 5000 });
    await page.close();
  });
}
