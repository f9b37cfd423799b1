// Phone first: every screen size from a 360x640 phone to a 1280x800 tablet, portrait and
// landscape, at devicePixelRatio 1 to 3: crisp (backing store = CSS size x dpr), nothing
// tappable smaller than 44x44 CSS px, nothing wider than the screen. Screenshots in en.
import { assert, describe, find, launch, screenshot, tap } from './lib.mjs';

const SIZES = [
  { name: 'phone-360x640-dpr1', width: 360, height: 640, dpr: 1 },
  { name: 'phone-640x360-dpr3', width: 640, height: 360, dpr: 3 },
  { name: 'tablet-800x1280-dpr2', width: 800, height: 1280, dpr: 2 },
  { name: 'tablet-1280x800-dpr1.5', width: 1280, height: 800, dpr: 1.5 },
];

export async function run(t, { server }) {
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
        for (const w of d.widgets) {
          if (!w.visible) continue;
          assert(w.rect[0] >= 0 && w.rect[0] + w.rect[2] <= size.width + 0.5, `${w.id} leaves the screen: ${w.rect}`);
          if (['button', 'option', 'checkbox', 'link'].includes(w.role) && w.rect[3] >= 1 && w.rect[1] + w.rect[3] < size.height)
            assert(w.rect[2] >= 44 && w.rect[3] >= 44, `${w.id} is ${w.rect[2]}x${w.rect[3]} CSS px`);
        }
        await screenshot(page, `${screen}-en-${size.name}`);
        if (screen === 'start') {
          await tap(page, 'who.self');
          await page.waitForFunction(() => window.signaal.describe().screen === 'safety');
        }
      }
      await browser.close();
    });
  }
}
