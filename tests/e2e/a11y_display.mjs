// Seeing and hearing: text size from 100% to 200% (the app's setting, and the browser's zoom)
// without losing content or function; the high-contrast theme, chosen or asked for by the
// system (prefers-contrast: more); read-aloud with the device's own voice only.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { assert, describe, find, openApp, screenshot, tap, SCREENSHOTS } from './lib.mjs';
import { chooseOnDisplay, countColour, localeTexts, palette, INTERACTIVE } from './a11y_lib.mjs';
import { answerAll, tapAndWait } from './routes.mjs';
import { planner } from './planner.mjs';

const EXAMPLES = process.env.SIGNAAL_EXAMPLES || '/work/shared/content-model/examples.json';

// Nothing drawn on top of anything else: every visible control stands on its own.
async function checkNoOverlap(page, what) {
  const d = await describe(page);
  const boxes = d.widgets.filter((w) => w.visible && INTERACTIVE.includes(w.role));
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i].rect, boxes[j].rect];
      const overlap = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]) > 0.5 &&
                      Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]) > 0.5;
      assert(!overlap, `${what}: ${boxes[i].id} ${a} overlaps ${boxes[j].id} ${b}`);
    }
  return d;
}

// Pixels of the theme's background in a strip at the bottom of the screen, where no widget is.
async function backgroundPixels(page, colour) {
  const { width, height } = page.viewportSize();
  return countColour(page, [0, height - 12, width, 10], colour, 6);
}

export async function run(t, { context, server, site }) {
  const questionnaire = JSON.parse(readFileSync(path.join(site, 'content/questionnaire.json'), 'utf8'));
  const example = JSON.parse(readFileSync(EXAMPLES, 'utf8'))[1];

  for (const code of ['nl', 'en']) {
    await t.test(`text at 200% (${code}): bigger, nothing overlaps, a whole route still works`, async () => {
      const { page, errors } = await openApp(context, server, { languages: [code] });
      const headingHeight = async () => (await find(page, (w) => w.id === 'heading', 'heading')).widget.rect[3];
      const small = await headingHeight();
      await chooseOnDisplay(page, 'display.size.200');
      await screenshot(page, `a11y-display-200-${code}`);
      await tapAndWait(page, 'nav.back');
      const big = await headingHeight();
      assert(big > small * 1.7, `the start heading is ${big} px tall at 200%, ${small} px at 100%`);
      await checkNoOverlap(page, 'start at 200%');
      await screenshot(page, `a11y-start-200-${code}`);
      await tapAndWait(page, 'who.self');
      await tapAndWait(page, 'safety.continue');
      await answerAll(page, planner(questionnaire, example), async (n) => {
        await checkNoOverlap(page, `question ${n} at 200%`);
        if (n === 3) await screenshot(page, `a11y-question-200-${code}`);
      });
      const d = await checkNoOverlap(page, 'result at 200%');
      assert(d.widgets.some((w) => w.id === `result.level.${example.expected_level}`), 'wrong or no result at 200%');
      await screenshot(page, `a11y-result-200-${code}`);
      assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
      await page.close();
    });
  }

  await t.test('browser zoom to 200% on an open page: the layout follows in CSS px, nothing overlaps', async () => {
    const { page } = await openApp(context, server, { languages: ['en'] });
    await tapAndWait(page, 'who.self');
    await tapAndWait(page, 'safety.continue');
    // What zooming a 412x915 phone to 200% does: half the CSS px, twice the device pixels each.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 206, height: 457, deviceScaleFactor: 5.2, mobile: true });
    await page.waitForFunction(() => {
      const exit = window.signaal.describe().widgets.find((w) => w.id === 'exit');
      return exit && exit.rect[0] + exit.rect[2] <= 206;
    });
    const c = await page.evaluate(() => { const e = document.getElementById('canvas'); return [e.width, e.height, e.clientWidth, e.clientHeight]; });
    assert(c[2] === 206 && Math.abs(c[0] - 206 * 5.2) <= 1 && Math.abs(c[1] - c[3] * 5.2) <= 1, `canvas ${c} at 200% zoom`);
    await checkNoOverlap(page, 'a question at 200% zoom');
    // Playwright's own screenshot would put its viewport back: take it through the same session.
    const shot = await cdp.send('Page.captureScreenshot', { format: 'png' });
    writeFileSync(path.join(SCREENSHOTS, 'a11y-zoom-200-question-en.png'), Buffer.from(shot.data, 'base64'));
    await cdp.detach();
    await page.close();
  });

  await t.test('200% text and 200% browser zoom together: the top bar takes two rows, exit first', async () => {
    const { page } = await openApp(context, server, { languages: ['en'], viewport: { width: 206, height: 457 } });
    await chooseOnDisplay(page, 'display.size.200');
    await tapAndWait(page, 'nav.back');
    await tapAndWait(page, 'who.self');
    const d = await checkNoOverlap(page, 'the safety screen at 200% text and zoom');
    const exit = d.widgets.find((w) => w.id === 'exit');
    const language = d.widgets.find((w) => w.id === 'language');
    assert(language.rect[1] >= exit.rect[1] + exit.rect[3], `language ${language.rect} is not under exit ${exit.rect}`);
    const order = d.widgets.map((w) => w.id);
    assert(order.indexOf('exit') < order.indexOf('language'), 'on two rows, exit does not come first in reading order');
    const heading = d.widgets.find((w) => w.role === 'heading');
    assert(heading.rect[1] >= language.rect[1] + language.rect[3], `the content ${heading.rect} starts under the bar`);
    await screenshot(page, 'a11y-bar-two-rows-en');
    await page.close();
  });

  await t.test('high contrast: chosen on the display screen, or asked for by the system', async () => {
    const hc = palette('kHighContrast');
    const std = palette('kStandard');
    const { page } = await openApp(context, server);
    assert(await backgroundPixels(page, std.background) > 1000, 'the standard background is not drawn');
    await chooseOnDisplay(page, 'display.contrast');
    await page.waitForTimeout(100);
    assert(await backgroundPixels(page, hc.background) > 1000, 'the high-contrast background is not drawn');
    await screenshot(page, 'a11y-high-contrast-display-nl');
    await page.close();

    const asked = await context.newPage();
    await asked.emulateMedia({ contrast: 'more' });
    await asked.goto(server.url);
    await asked.waitForFunction(() => performance.getEntriesByName('signaal-ready', 'mark').length > 0);
    await asked.waitForTimeout(200);
    assert(await backgroundPixels(asked, hc.background) > 1000, 'prefers-contrast: more did not switch to high contrast');
    await screenshot(asked, 'a11y-high-contrast-start-nl');
    await asked.emulateMedia({ contrast: 'no-preference' });
    await asked.waitForTimeout(200);
    assert(await backgroundPixels(asked, std.background) > 1000, 'the standard theme did not come back');
    await asked.close();
  });

  await t.test('read aloud: only with a local voice for the language; question and answers in that voice', async () => {
    // A fake speech engine with a local Dutch voice and a remote English one, recording what
    // it is asked to say. Installed before the page's own scripts run.
    const spoken = await context.newPage();
    await spoken.addInitScript(() => {
      const voices = [{ name: 'Lokaal NL', lang: 'nl-NL', localService: true, default: true },
                      { name: 'Cloud EN', lang: 'en-US', localService: false, default: false }];
      window.__said = [];
      window.__cancelled = 0;
      const engine = new EventTarget();
      engine.getVoices = () => voices;
      engine.speak = (u) => window.__said.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.name });
      engine.cancel = () => { window.__cancelled++; };
      Object.defineProperty(window, 'speechSynthesis', { value: engine });
      window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
    });
    await spoken.goto(server.url);
    await spoken.waitForFunction(() => performance.getEntriesByName('signaal-ready', 'mark').length > 0);
    await tapAndWait(spoken, 'who.self');
    await tapAndWait(spoken, 'safety.continue');
    const { desc } = await find(spoken, (w) => w.id === 'question.read_aloud', 'the read-aloud button');
    const question = desc.widgets.find((w) => w.id.startsWith('q.'));
    const button = desc.widgets.find((w) => w.id === 'question.read_aloud');
    assert(button.label === localeTexts(site, 'nl')['question.read_aloud'], `the button says "${button.label}"`);
    const answers = desc.widgets.filter((w) => w.id.startsWith('answer.'));
    await tap(spoken, 'question.read_aloud');
    await spoken.waitForFunction(() => window.__said.length > 0);
    const [said] = await spoken.evaluate(() => window.__said);
    assert(said.voice === 'Lokaal NL' && said.lang === 'nl-NL', `spoken with ${said.voice} (${said.lang})`);
    assert(said.text === [question.label, ...answers.map((a) => a.label)].join('\n'), `said ${JSON.stringify(said.text)}`);
    const cancelled = await spoken.evaluate(() => window.__cancelled);
    await tapAndWait(spoken, 'answer.no');
    assert(await spoken.evaluate(() => window.__cancelled) > cancelled, 'moving on did not stop the reading');
    await tapAndWait(spoken, 'language');
    await tap(spoken, 'lang.en');
    await spoken.waitForFunction(() => window.signaal.describe().lang === 'en' && window.signaal.describe().screen === 'question');
    const en = await describe(spoken);
    assert(!en.widgets.some((w) => w.id === 'question.read_aloud'), 'read aloud offered in English with only a remote voice');
    await spoken.close();
  });
}
