// The font atlas on a cheap phone's GPU: no texture larger than 2048 x 2048, even for Chinese
// at devicePixelRatio 3 with text at 200%, the most glyph pixels the app ever asks for; and
// every character on every screen of the route still has its glyph.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chooseOnDisplay } from './a11y_lib.mjs';
import { assert, describe, launch, openApp, screenshot } from './lib.mjs';
import { planner } from './planner.mjs';
import { answerAll, tapAndWait } from './routes.mjs';

const EXAMPLES = process.env.SIGNAAL_EXAMPLES || '/work/shared/content-model/examples.json';
const MAX_TEXTURE = 2048;

// Records the largest texture the page allocates through WebGL2.
function watchTextures() {
  window.__largestTexture = 0;
  const note = (w, h) => { window.__largestTexture = Math.max(window.__largestTexture, w, h); };
  const proto = WebGL2RenderingContext.prototype;
  const texImage2D = proto.texImage2D;
  proto.texImage2D = function (...args) {
    if (args.length >= 9) note(args[3], args[4]);
    return texImage2D.apply(this, args);
  };
  const texStorage2D = proto.texStorage2D;
  proto.texStorage2D = function (...args) {
    note(args[3], args[4]);
    return texStorage2D.apply(this, args);
  };
}

export async function run(t, { server, site }) {
  await t.test(`Chinese at dpr 3 and 200% text: every texture at most ${MAX_TEXTURE} px, no glyph missing`, async () => {
    const browser = await launch({ width: 412, height: 915, dpr: 3 });
    try {
      await browser.context.addInitScript(watchTextures);
      const { page, errors } = await openApp(browser.context, server, { languages: ['zh-CN'] });
      assert((await describe(page)).lang === 'zh-Hans', 'the phone\'s Chinese did not choose zh-Hans');
      await chooseOnDisplay(page, 'display.size.200');
      await tapAndWait(page, 'nav.back');
      const ex = JSON.parse(readFileSync(EXAMPLES, 'utf8'))[0];
      const questionnaire = JSON.parse(readFileSync(path.join(site, 'content/questionnaire.json'), 'utf8'));
      await tapAndWait(page, 'who.self');
      await tapAndWait(page, 'safety.continue');
      const missing = new Set();
      const result = await answerAll(page, planner(questionnaire, ex), (n, desc) => {
        for (const c of desc.missing_glyphs) missing.add(c);
      });
      for (const c of result.missing_glyphs) missing.add(c);
      await screenshot(page, 'atlas-zh-200-dpr3-result');
      assert(result.screen === 'result', `the route ended on "${result.screen}"`);
      assert(missing.size === 0, `characters without a glyph: ${[...missing].join(' ')}`);
      const largest = await page.evaluate(() => window.__largestTexture);
      assert(largest > 0, 'no texture was seen: the watch did not work');
      assert(largest <= MAX_TEXTURE, `a texture of ${largest} px`);
      assert(errors.length === 0, errors.join('\n'));
    } finally {
      await browser.close();
    }
  });
}
