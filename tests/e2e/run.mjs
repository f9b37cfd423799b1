// Runs every browser test against a built site:
//   node tests/e2e/run.mjs --site build/site [--junit out.xml] [--only name,...]
// Ends with "N passed, N failed" and exits non-zero on any failure.
import { writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launch, startServer, suite, ROOT } from './lib.mjs';

const SUITES = ['smoke', 'layout', 'privacy', 'csp', 'errors', 'idle', 'text_input', 'routes', 'help_links', 'report', 'follow_up', 'outbox', 'rtl', 'locales', 'atlas', 'two_languages',
  'a11y_mirror', 'a11y_route', 'a11y_keyboard', 'a11y_display'];

const { values } = parseArgs({ options: { site: { type: 'string' }, junit: { type: 'string' }, only: { type: 'string' } } });
const site = path.resolve(values.site || path.join(ROOT, 'build/site'));
if (!existsSync(path.join(site, 'index.html'))) {
  console.error(`e2e: no site at ${site} (build the wasm preset first)`);
  process.exit(2);
}

const chosen = values.only ? values.only.split(',') : SUITES;
const all = [];
const browser = await launch();
const server = await startServer(site);
try {
  for (const name of chosen) {
    const mod = await import(`./${name}.mjs`);
    const t = suite(name);
    await mod.run(t, { context: browser.context, server, site });
    all.push(...t.results.map((r) => ({ ...r, suite: name })));
  }
} finally {
  await server.close();
  await browser.close();
}

const failed = all.filter((r) => !r.ok).length;
if (values.junit) {
  const esc = (s) => String(s).replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' }[c]));
  const cases = all.map((r) => `  <testcase classname="e2e.${esc(r.suite)}" name="${esc(r.title)}" time="${r.ms / 1000}">` +
    (r.ok ? '' : `<failure message="failed">${esc(r.error)}</failure>`) + '</testcase>').join('\n');
  writeFileSync(values.junit, `<testsuite name="e2e" tests="${all.length}" failures="${failed}">\n${cases}\n</testsuite>\n`);
}
console.log(`e2e: ${all.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
