// Every offered language on the narrowest phone (360x640 CSS px): each screen of a whole
// professional route (the longest the worked examples take) and the screens around it, with
// no text that overflows its box (the app flags a glyph wider than its line or a label taller
// than its button) and no widget reaching past the screen's edges. Saves each language's
// first question and result for review. SIGNAAL_E2E_LOCALES=ar,ti picks some of the languages.
// The language choice says of each language whether it is an unreviewed machine translation.
// A Dutch load fetches Dutch font files only.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { localeTexts } from './a11y_lib.mjs';
import { assert, describe, find, openApp, screenshot, siteBuild, tap } from './lib.mjs';
import { answerAll, tapAndWait } from './routes.mjs';
import { planner } from './planner.mjs';

const EXAMPLES = process.env.SIGNAAL_EXAMPLES || '/work/shared/content-model/examples.json';
const WIDTH = 360;

// Checks the screen as drawn now, scrolled or not: widgets scrolled away are laid out too.
export async function checkFits(page, code, what, screenWidth = WIDTH) {
  const desc = await describe(page);
  const bad = [];
  for (const w of desc.widgets) {
    if (w.overflow) bad.push(`${w.id} overflows: ${JSON.stringify(w.label)}`);
    const [x, , width] = w.rect;
    if (w.visible && (x < -0.5 || x + width > screenWidth + 0.5)) bad.push(`${w.id} reaches past the edge: ${w.rect}`);
  }
  if (bad.length) await screenshot(page, `failed-locale-${code}-${desc.screen}`);
  assert(bad.length === 0, `${code}, ${what} (${desc.screen}): ${bad.join('; ')}`);
  return desc;
}

async function toScreen(page, id, screen) {
  await tap(page, id);
  await page.waitForFunction((s) => window.signaal.describe().screen === s, screen);
}

// An unreviewed machine translation must say so under the language choice (start.cpp).
const unreviewed = (locale) => Boolean(locale.machine_translated) && !locale.reviewed;

async function checkUnreviewedNote(page, site, code, locale, where) {
  const note = (await describe(page)).widgets.find((w) => w.id === 'language.unreviewed');
  if (!unreviewed(locale)) {
    assert(!note, `${code} on ${where} says "${note?.label}" though its translation is reviewed or not machine-made`);
    return;
  }
  const own = localeTexts(site, code)['language.unreviewed'];
  assert(note?.label === own, `${code} on ${where}: the note says ${JSON.stringify(note?.label)}, not ${JSON.stringify(own)}`);
}

// The characters a font file maps (fontTools, as tools/site_fonts.py uses it).
function fontCharacters(file) {
  const script = 'import json, sys\nfrom fontTools.ttLib import TTFont\nprint(json.dumps(sorted(TTFont(sys.argv[1]).getBestCmap())))';
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' })).map((c) => String.fromCodePoint(c));
}

export async function run(t, { context, server, site }) {
  const config = JSON.parse(readFileSync(path.join(site, 'config.json'), 'utf8'));
  const questionnaire = JSON.parse(readFileSync(path.join(site, 'content/questionnaire.json'), 'utf8'));
  const examples = JSON.parse(readFileSync(EXAMPLES, 'utf8'));
  const longest = examples.find((e) => e.mode === 'professional') || examples[0];

  const only = process.env.SIGNAAL_E2E_LOCALES?.split(',');
  for (const code of config.locales.filter((c) => !only || only.includes(c))) {
    await t.test(`${code}: every screen of a whole route fits 360 px`, async () => {
      const { page, errors } = await openApp(context, server, { viewport: { width: WIDTH, height: 640 }, languages: [code] });
      await page.waitForFunction((c) => window.signaal.describe().lang === c, code);
      await checkFits(page, code, 'start');
      await toScreen(page, 'start.reply', 'reply');
      await checkFits(page, code, 'reading a reply');
      await toScreen(page, 'reply.back', 'start');
      await toScreen(page, 'display', 'display');
      await checkFits(page, code, 'text size and contrast');
      await toScreen(page, 'nav.back', 'start');
      await tapAndWait(page, longest.mode === 'professional' ? 'who.professional' : 'who.self');
      await checkFits(page, code, 'the safety check');
      await toScreen(page, 'safety.two_languages', 'two_languages');
      const person = config.locales.find((c) => c !== code);
      await tapAndWait(page, `lang.${person}`);
      await checkFits(page, code, 'choosing the person\'s language');
      await toScreen(page, 'nav.back', 'safety');
      await tapAndWait(page, 'safety.continue');
      await find(page, (w) => w.id.startsWith('q.'), 'the first question');
      await screenshot(page, `locale-${code}-question`);
      await toScreen(page, 'language', 'language');
      await checkFits(page, code, 'the language screen');
      await toScreen(page, 'nav.back', 'question');
      let whyOpened = false;
      const result = await answerAll(page, planner(questionnaire, longest), async (n, desc) => {
        await checkFits(page, code, `question ${n}`);
        if (whyOpened || !desc.widgets.some((w) => w.id === 'why')) return;
        await tap(page, 'why');  // the explanation opens under it
        await page.waitForFunction((count) => window.signaal.describe().widgets.length > count, desc.widgets.length);
        await checkFits(page, code, `question ${n} with "why we ask" open`);
        whyOpened = true;
      });
      assert(whyOpened, 'the route met no question with "why we ask"');
      assert(result.lang === code, `the route ended in ${result.lang}, not ${code}`);
      await checkFits(page, code, 'the result');
      await screenshot(page, `locale-${code}-result`);
      await toScreen(page, 'result.report', 'report_consent');
      await checkFits(page, code, 'the consent screen');
      await toScreen(page, 'follow_up.add', 'report_code');
      await checkFits(page, code, 'the reply code');
      await toScreen(page, 'follow_up.cancel', 'report_consent');
      await toScreen(page, 'report.dont', 'result');
      await toScreen(page, 'result.done', 'end');
      await checkFits(page, code, 'the end screen');
      assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
      await page.close();
    });
  }

  const index = JSON.parse(readFileSync(path.join(site, 'locales/index.json'), 'utf8'));

  await t.test('a machine translation says it is unreviewed under the language choice, a reviewed one does not', async () => {
    const { page, errors } = await openApp(context, server);
    const chosen = (code) => page.waitForFunction((c) => window.signaal.describe().lang === c, code);
    assert(unreviewed(index.pl) && !unreviewed(index.nl), 'the site no longer has pl unreviewed and nl reviewed');
    for (const code of config.locales) {
      await tap(page, `lang.${code}`);
      await chosen(code);
      await checkUnreviewedNote(page, site, code, index[code], 'the start screen');
    }
    await tap(page, 'lang.pl');
    await chosen('pl');
    await tapAndWait(page, 'who.self');
    await toScreen(page, 'language', 'language');
    await checkUnreviewedNote(page, site, 'pl', index.pl, 'the language screen');
    await tap(page, 'lang.nl');
    await chosen('nl');
    await checkUnreviewedNote(page, site, 'nl', index.nl, 'the language screen');
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
    await page.close();
  });

  // Dutch needs its own cuts and, for the other languages' names on the language choice, the
  // glyphs of those names; nothing of another locale's fonts.
  await t.test('a Dutch load fetches only the Dutch font files, whose other scripts hold only the languages\' names', async () => {
    const first = server.requests.length;
    const { page, errors } = await openApp(context, server);
    await toScreen(page, 'start.reply', 'reply');
    await tap(page, 'field.reply_code');  // a text field's first use brings the typing cut
    await page.waitForFunction(() => document.activeElement?.id === 'text-bridge');
    await toScreen(page, 'reply.back', 'start');
    await tapAndWait(page, 'who.self');
    await tapAndWait(page, 'safety.continue');
    await find(page, (w) => w.id.startsWith('q.'), 'the first question');  // it asks for the result part
    const dutch = Object.values(siteBuild(site).fonts.nl).flat().map(([file]) => `/${file}`);
    const fetchedFonts = () => [...new Set(server.requests.slice(first).map((r) => r.path).filter((p) => p.startsWith('/fonts/')))];
    for (let i = 0; i < 100 && !dutch.every((f) => fetchedFonts().includes(f)); i++) await page.waitForTimeout(50);
    const fetched = fetchedFonts();

    const missing = dutch.filter((f) => !fetched.includes(f));
    assert(missing.length === 0, `Dutch font files never fetched: ${missing.join(', ')}`);
    const foreign = fetched.filter((f) => !dutch.includes(f));
    assert(foreign.length === 0, `fetched font files that are not Dutch: ${foreign.join(', ')}`);
    const others = config.locales.filter((c) => c !== 'nl');
    const ofOthers = fetched.filter((f) => others.some((c) => f.startsWith(`/fonts/${c}-`)));
    assert(ofOthers.length === 0, `fetched another locale's font files: ${ofOthers.join(', ')}`);
    const names = new Set([...Object.values(index).map((l) => l.name).join('')]);
    for (const file of fetched.filter((f) => !f.startsWith('/fonts/nl-'))) {
      const beyond = fontCharacters(path.join(site, file)).filter((c) => !names.has(c));
      assert(beyond.length === 0, `${file} holds more than the languages' names: ${beyond.slice(0, 20).join('')}`);
    }
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
    await page.close();
  });
}
