// Smoke test: the start screen renders on a phone, crisp (backing store = CSS size x dpr),
// with a neutral title, and idles without drawing frames.
import { describe, find, openApp, screenshot, PHONE, assert } from './lib.mjs';

export async function run(t, { context, server }) {
  await t.test('start screen renders at the phone density with neutral wording', async () => {
    const { page, errors } = await openApp(context, server);
    const { desc } = await find(page, (w) => w.id === 'lang.nl', 'lang.nl');
    assert(desc.screen === 'start', `screen is ${desc.screen}`);
    const size = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight };
    });
    assert(size.w === Math.round(size.cw * PHONE.dpr) && size.h === Math.round(size.ch * PHONE.dpr),
      `canvas backing store ${size.w}x${size.h} for ${size.cw}x${size.ch} CSS px`);
    const title = await page.title();
    const words = [title, ...desc.widgets.map((w) => w.label)].join(' ').toLowerCase();
    for (const banned of ['trafficking', 'mensenhandel', 'uitbuiting', 'exploitation'])
      assert(!words.includes(banned), `the first screen says "${banned}"`);
    // Those wholly on screen: a widget cut by the screen's edge shows only its visible part.
    const whole = (x) => x.visible && x.rect[1] + x.rect[3] < PHONE.height - 1;
    for (const w of desc.widgets.filter((x) => whole(x) && ['button', 'option', 'link', 'checkbox'].includes(x.role)))
      assert(w.rect[2] >= 44 && w.rect[3] >= 44, `target ${w.id} is ${w.rect[2]}x${w.rect[3]}`);
    await screenshot(page, 'start-nl');
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
    await page.close();
  });
}
