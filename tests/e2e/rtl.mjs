// Right-to-left: with Arabic offered and chosen (a site built for this test), the document and
// the description say rtl, the top bar is mirrored (quick exit in the left corner, the
// language switch to its right, the name at the right edge), and a whole worked route still
// reaches the same result as in Dutch. Shaping Arabic letters is the languages issue's job;
// this proves the layout and the flow.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assert, describe, find, openApp, screenshot, startServer, ROOT } from './lib.mjs';
import { toResult } from './report.mjs';

// The site rebuilt from the same app with Arabic offered too.
function siteWithArabic(site) {
  const dir = mkdtempSync(path.join(tmpdir(), 'signaal-rtl-'));
  const config = JSON.parse(readFileSync(path.join(ROOT, 'web/config.json'), 'utf8'));
  config.locales = [...config.locales, 'ar'];
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
  execFileSync('/usr/bin/python3', [path.join(ROOT, 'src/app/tools/build_site.py'), '--web', path.join(ROOT, 'web'),
    '--locales', path.join(ROOT, 'locales'), '--app', site, '--fonts', '/usr/share/fonts',
    '--config', path.join(dir, 'config.json'), '--out', path.join(dir, 'site')], { stdio: ['ignore', 'ignore', 'inherit'] });
  return dir;
}

const rect = (d, id) => d.widgets.find((w) => w.id === id)?.rect;

export async function run(t, { context, site }) {
  await t.test('Arabic lays out right to left and a worked route reaches the same result', async () => {
    const dir = siteWithArabic(site);
    const server = await startServer(path.join(dir, 'site'));
    try {
      const { page, errors } = await openApp(context, server, { languages: ['ar'] });
      const start = await describe(page);
      assert(start.lang === 'ar' && start.dir === 'rtl', `the start screen is ${start.lang}/${start.dir}`);
      const html = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
      assert(html[0] === 'ar' && html[1] === 'rtl', `the document says ${html}`);
      const width = page.viewportSize().width;
      const exit = rect(start, 'exit');
      assert(exit[0] < 20, `the quick exit is not in the left corner: ${exit}`);
      await screenshot(page, 'rtl-start');

      await find(page, (w) => w.id === 'who.self', 'who.self');
      const result = await toResult(page, site);
      const q = await describe(page);
      const lang = rect(q, 'language');
      assert(lang && lang[0] > exit[0] + exit[2] && lang[0] < width / 2, `the language switch is not right of the exit: ${lang}`);
      const examples = JSON.parse(readFileSync(process.env.SIGNAAL_EXAMPLES || '/work/shared/content-model/examples.json', 'utf8'));
      const level = result.widgets.find((w) => w.id.startsWith('result.level.')).id;
      assert(level === `result.level.${examples[0].expected_level}`,
        `the first worked example gives ${level} in Arabic, expected level ${examples[0].expected_level}`);
      await screenshot(page, 'rtl-result');
      assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
      await page.close();
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
