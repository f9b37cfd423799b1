// Right-to-left: on a phone set to Arabic, the document and the description say rtl, the top
// bar is mirrored (quick exit in the left corner, the language switch to its right, the name at
// the right edge), a whole worked route reaches the same result as in Dutch, and every line the
// app draws in Arabic (shaped into its contextual forms and put in display order for ImGui,
// which draws code points left to right) equals GNU FriBidi's display of the same text
// (tests/text/reference_test.py drawn).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assert, describe, find, openApp, screenshot, ROOT } from './lib.mjs';
import { toResult } from './report.mjs';

const rect = (d, id) => d.widgets.find((w) => w.id === id)?.rect;

// The one-line texts of a screen as drawn (a longer text's line breaks are the app's own).
const drawnLines = (desc) => desc.widgets.filter((w) => w.drawn && w.drawn.length === 1)
  .map((w) => ({ text: w.label, drawn: w.drawn[0], rtl: desc.dir === 'rtl' }));

function fribidiDisagrees(lines) {
  const dir = mkdtempSync(path.join(tmpdir(), 'signaal-rtl-'));
  try {
    const file = path.join(dir, 'lines.json');
    writeFileSync(file, JSON.stringify(lines));
    execFileSync('/usr/bin/python3', [path.join(ROOT, 'tests/text/reference_test.py'), 'drawn', file], { encoding: 'utf8' });
    return '';
  } catch (e) {
    return `${e.stdout || ''}${e.stderr || ''}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(t, { context, server, site }) {
  await t.test('Arabic lays out right to left, is drawn as FriBidi shows it, and a worked route reaches the same result', async () => {
    const { page, errors } = await openApp(context, server, { languages: ['ar'] });
    const start = await describe(page);
    assert(start.lang === 'ar' && start.dir === 'rtl', `the start screen is ${start.lang}/${start.dir}`);
    const html = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
    assert(html[0] === 'ar' && html[1] === 'rtl', `the document says ${html}`);
    const width = page.viewportSize().width;
    const exit = rect(start, 'exit');
    assert(exit[0] < 20, `the quick exit is not in the left corner: ${exit}`);
    await screenshot(page, 'rtl-start');
    const lines = drawnLines(start);

    let first = null;
    const result = await toResult(page, site, 0, async (n, desc) => {
      lines.push(...drawnLines(desc));
      if (n === 1) first = desc;
    });
    lines.push(...drawnLines(result));
    const lang = rect(first, 'language');
    assert(lang && lang[0] > exit[0] + exit[2] && lang[0] < width / 2, `the language switch is not right of the exit: ${lang}`);
    const examples = JSON.parse(readFileSync(process.env.SIGNAAL_EXAMPLES || '/work/shared/content-model/examples.json', 'utf8'));
    const level = result.widgets.find((w) => w.id.startsWith('result.level.')).id;
    assert(level === `result.level.${examples[0].expected_level}`,
      `the first worked example gives ${level} in Arabic, expected level ${examples[0].expected_level}`);
    await screenshot(page, 'rtl-result');

    const arabic = lines.filter((l) => /[\u0600-\u06ff]/.test(l.text));
    assert(arabic.length >= 30, `only ${arabic.length} Arabic lines were drawn: nothing to compare`);
    // (Hamza, U+0621, and tatweel, U+0640, have no contextual forms: they stay.)
    const unshaped = arabic.find((l) => /[\u0622-\u063f\u0641-\u064a]/.test(l.drawn));
    assert(!unshaped, `drawn with unshaped Arabic letters: ${JSON.stringify(unshaped)}`);
    const differences = fribidiDisagrees(lines);
    assert(differences === '', `drawn lines differ from FriBidi's:\n${differences}`);
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
    await page.close();
  });

  await t.test("Arabic's name is shaped on a Dutch start screen", async () => {
    const { page } = await openApp(context, server);
    const { widget } = await find(page, (w) => w.id === 'lang.ar', 'lang.ar');
    assert(widget.drawn && widget.drawn.length === 1, `the name is drawn as ${JSON.stringify(widget.drawn)}`);
    const differences = fribidiDisagrees([{ text: widget.label, drawn: widget.drawn[0], rtl: false }]);
    assert(differences === '', `the name differs from FriBidi's:\n${differences}`);
    await page.close();
  });
}
