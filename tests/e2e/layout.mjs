// Phone first: every screen size from a 360x640 phone to a 1280x800 tablet, portrait and
// landscape, at devicePixelRatio 1 to 3: crisp (backing store = CSS size x dpr), nothing
// tappable smaller than 44x44 CSS px, nothing wider than the screen. A phone in landscape and
// a tablet also go through every question of a whole route and the whole result, scrolled
// from top to bottom, with no text overflowing its box. Screenshots in en.
import { assert, describe, drag, find, launch, openApp, screenshot, tap } from './lib.mjs';
import { checkFits } from './locales.mjs';
import { toResult } from './report.mjs';

const SIZES = [
  { name: 'phone-360x640-dpr1', width: 360, height: 640, dpr: 1 },
  { name: 'phone-640x360-dpr3', width: 640, height: 360, dpr: 3 },
  { name: 'tablet-800x1280-dpr2', width: 800, height: 1280, dpr: 2 },
  { name: 'tablet-1280x800-dpr1.5', width: 1280, height: 800, dpr: 1.5 },
];

const TAPPABLE = ['button', 'option', 'checkbox', 'link'];

// Nothing shown reaches past the screen's sides; every target wholly on screen is at least
// 44x44 CSS px (one cut by the screen's bottom edge shows only its visible part).
function checkTargets(desc, size) {
  for (const w of desc.widgets) {
    if (!w.visible) continue;
    assert(w.rect[0] >= 0 && w.rect[0] + w.rect[2] <= size.width + 0.5, `${w.id} leaves the screen: ${w.rect}`);
    if (TAPPABLE.includes(w.role) && w.rect[3] >= 1 && w.rect[1] + w.rect[3] < size.height)
      assert(w.rect[2] >= 44 && w.rect[3] >= 44, `${w.id} is ${w.rect[2]}x${w.rect[3]} CSS px`);
  }
}

// The description once the app has drawn its settling frames: a new screen is first
// described from its first frame, before ImGui knows how far the screen scrolls. The app's
// frames are animation frames asked for before the ones awaited here, so they run first.
async function settled(page) {
  await page.evaluate(() => new Promise((resolve) => {
    let frames = 0;
    const next = () => (++frames >= 5 ? resolve() : requestAnimationFrame(next));
    requestAnimationFrame(next);
  }));
  return describe(page);
}

// Calls `check` on each view of the screen as a finger scrolls it from the top to the end.
async function eachView(page, check) {
  const { width, height } = page.viewportSize();
  for (let n = 0; n < 60; n++) {
    const desc = await settled(page);
    await check(desc);
    if (desc.scroll[0] >= desc.scroll[1]) return;
    await drag(page, height * 0.75, height * 0.3, width / 2);  // in the column, however wide the screen
    await page.waitForFunction((y) => window.signaal.describe().scroll[0] !== y, desc.scroll[0], { timeout: 5000 })
      .catch(() => { throw new Error(`${desc.screen} did not scroll from ${desc.scroll[0]} toward its end at ${desc.scroll[1]}`); });
  }
  throw new Error('the screen had no end after 60 drags');
}

// Every view of the current screen fits (no overflowing text, nothing past the sides), and
// every target is at least 44x44 CSS px in the view that shows the most of it: scrolled, a
// target cut by the top bar or the screen's bottom shows only its visible part.
async function checkWholeScreen(page, size, what) {
  const largest = new Map();  // id -> [width, height]
  await eachView(page, async (desc) => {
    await checkFits(page, 'en', `${size.name}, ${what}`, size.width);
    for (const w of desc.widgets.filter((x) => x.visible && TAPPABLE.includes(x.role))) {
      const [width, height] = largest.get(w.id) || [0, 0];
      largest.set(w.id, [Math.max(width, w.rect[2]), Math.max(height, w.rect[3])]);
    }
  });
  for (const [id, [width, height]] of largest)
    assert(width >= 44 && height >= 44, `${size.name}, ${what}: ${id} is at most ${width}x${height} CSS px`);
}

export async function run(t, { server, site }) {
  for (const size of SIZES) {
    await t.test(`start and safety screens at ${size.name}`, async () => {
      const browser = await launch(size);
      const page = await browser.context.newPage();
      await page.addInitScript(() => Object.defineProperty(navigator, 'languages', { get: () => ['en'] }));
      await page.goto(server.url);
      await page.waitForFunction(() => performance.getEntriesByName('signaal-ready', 'mark').length > 0);
      await find(page, (w) => w.id === 'heading', 'the heading');
      for (const screen of ['start', 'safety']) {
        const d = await describe(page);
        assert(d.screen === screen, `screen ${d.screen}, expected ${screen}`);
        const c = await page.evaluate(() => { const e = document.getElementById('canvas'); return [e.width, e.height, e.clientWidth, e.clientHeight]; });
        assert(Math.abs(c[0] - c[2] * size.dpr) <= 1 && Math.abs(c[1] - c[3] * size.dpr) <= 1, `backing store ${c}`);
        checkTargets(d, size);
        await screenshot(page, `${screen}-en-${size.name}`);
        if (screen === 'start') {
          await tap(page, 'who.self');
          await page.waitForFunction(() => window.signaal.describe().screen === 'safety');
        }
      }
      await browser.close();
    });
  }

  for (const size of SIZES.filter((s) => ['phone-640x360-dpr3', 'tablet-1280x800-dpr1.5'].includes(s.name))) {
    await t.test(`every question of a whole route and the result at ${size.name}`, async () => {
      const browser = await launch(size);
      try {
        const { page, errors } = await openApp(browser.context, server, { languages: ['en'] });
        let questions = 0;
        const result = await toResult(page, site, 0, async (n) => {
          if (n === 1) await screenshot(page, `question-en-${size.name}`);
          await checkWholeScreen(page, size, `question ${n}`);
          questions++;
        });
        assert(result.screen === 'result' && questions > 0, `the route ended on ${result.screen} after ${questions} questions`);
        await checkWholeScreen(page, size, 'the result');
        await screenshot(page, `result-en-${size.name}`);
        assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
      } finally {
        await browser.close();
      }
    });
  }
}
