// Power: frames are drawn only after input or a state change (plus ImGui's settling
// frames); an idle app asks for no animation frames at all.
import { assert, tap } from './lib.mjs';

export async function run(t, { context, server }) {
  await t.test('idle means no frames', async () => {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const raf = window.requestAnimationFrame.bind(window);
      window.__frames = 0;
      window.requestAnimationFrame = (cb) => raf((ts) => { window.__frames++; cb(ts); });
    });
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName('signaal-ready', 'mark').length > 0);
    await tap(page, 'who.self');
    await page.waitForTimeout(3000);  // settle (headless Chromium runs few animation frames)
    const before = await page.evaluate(() => window.__frames);
    await page.waitForTimeout(3000);
    const after = await page.evaluate(() => window.__frames);
    assert(after === before, `${after - before} frames while idle`);
    await page.close();
  });
}
