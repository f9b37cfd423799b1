// Content or configuration that fails to load or validate: a plain error screen in the
// person's language (English when that locale itself failed) that names the file and JSON
// path; never a blank canvas, never a crash.
import { assert, find, openApp, screenshot, startServer } from './lib.mjs';

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

  await t.test('broken JSON in the config and a missing help directory are both reported', async () => {
    const { desc } = await errorScreen(context, site, { '/config.json': '{"exit_url": ', '/content/help.json': null }, 'error-config');
    assert(desc.screen === 'error', `screen ${desc.screen}`);
    const text = desc.widgets.map((w) => w.label).join('\n');
    assert(text.includes('config.json') && text.includes('content/help.json'), `findings:\n${text}`);
  });
}
