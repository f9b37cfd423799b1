// Content or configuration that fails to load or validate: a plain error screen in the
// person's language (English when that locale itself failed) that names the file and JSON
// path; never a blank canvas, never a crash. What only the result needs is said when the
// result needs it; without any font, the page itself speaks.
import path from 'node:path';
import { localeTexts } from './a11y_lib.mjs';
import { assert, find, openApp, screenshot, siteBuild, startServer, SCREENSHOTS } from './lib.mjs';
import { toResult } from './report.mjs';

async function errorScreen(context, site, overrides, shot) {
  const server = await startServer(site, overrides);
  try {
    const { page, errors } = await openApp(context, server);
    const { desc } = await find(page, (w) => w.role === 'heading', 'a heading');
    await screenshot(page, shot);
    await page.close();
    return { desc, errors };
  } finally {
    await server.close();
  }
}

export async function run(t, { context, site }) {
  await t.test('an invalid questionnaire shows the error screen in Dutch naming file and path', async () => {
    const { desc, errors } = await errorScreen(context, site,
      { '/content/questionnaire.json': '{"id": "x", "version": "1", "engine": "th-ilo-palermo-v1", "questions": 5}' }, 'error-nl');
    assert(desc.screen === 'error' && desc.lang === 'nl', `screen ${desc.screen} in ${desc.lang}`);
    const text = desc.widgets.map((w) => w.label).join('\n');
    assert(/content\/questionnaire\.json: \/questions/.test(text), `no finding with file and path:\n${text}`);
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
  });

  await t.test('a missing locale falls back to English and says which file failed', async () => {
    const { desc } = await errorScreen(context, site, { '/locales/nl.json': null }, 'error-en');
    assert(desc.screen === 'error' && desc.lang === 'en', `screen ${desc.screen} in ${desc.lang}`);
    const text = desc.widgets.map((w) => w.label).join('\n');
    assert(text.includes('locales/nl.json'), `the failed file is not named:\n${text}`);
  });

  await t.test('broken JSON in the config and a missing questionnaire are both reported', async () => {
    const { desc } = await errorScreen(context, site, { '/config.json': '{"exit_url": ', '/content/questionnaire.json': null }, 'error-config');
    assert(desc.screen === 'error', `screen ${desc.screen}`);
    const text = desc.widgets.map((w) => w.label).join('\n');
    assert(text.includes('config.json') && text.includes('content/questionnaire.json'), `findings:\n${text}`);
  });

  await t.test('a missing help directory (the result part) lets the questions run and is said at the result', async () => {
    const server = await startServer(site, { '/content/help.json': null });
    try {
      const { page, errors } = await openApp(context, server);
      const desc = await toResult(page, site, 1);
      assert(desc.screen === 'error' && desc.lang === 'nl', `the last answer led to "${desc.screen}" in ${desc.lang}`);
      const text = desc.widgets.map((w) => w.label).join('\n');
      assert(text.includes('content/help.json'), `the failed file is not named:\n${text}`);
      assert(server.requests.some((r) => r.path === '/content/help.json'), 'the help directory was never asked for');
      const crashes = errors.filter((e) => !e.startsWith('Failed to load resource'));  // the 404 itself
      assert(crashes.length === 0, `page errors: ${crashes.join('; ')}`);
      await page.close();
    } finally {
      await server.close();
    }
  });

  await t.test('no font arrives: the page itself says what failed, in Dutch', async () => {
    const fonts = Object.values(siteBuild(site).fonts.nl).flat().map(([file]) => `/${file}`);
    const server = await startServer(site, Object.fromEntries(fonts.map((f) => [f, null])));
    try {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(server.url);
      await page.waitForSelector('#fatal:not([hidden])');
      const text = await page.textContent('#fatal');
      const nl = localeTexts(site, 'nl');
      assert(text.includes(nl['error.title']), `not the Dutch error:\n${text}`);
      assert(text.includes(fonts[0].slice(1)), `the font ${fonts[0]} is not named:\n${text}`);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'error-no-font.png') });
      assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
      await page.close();
    } finally {
      await server.close();
    }
  });
}
