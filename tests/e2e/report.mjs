// The anonymous report, end to end: a worked route to the result, the consent screen, Send,
// and the one envelope the (stand-in) intake receives, opened by the independent Python
// implementation with a key set made for this test only. Before Send nothing but static
// files may have been fetched. A bundle that is expired or badly signed must stop the report
// before anything is sealed or sent.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assert, checkQuickExit, describe, find, openApp, screenshot, startServer, tap, INTAKE_PATH, ROOT } from './lib.mjs';
import { assertNothingStored } from './privacy.mjs';
import { localeTexts } from './a11y_lib.mjs';
import { planner } from './planner.mjs';
import { answerAll, tapAndWait } from './routes.mjs';

const EXAMPLES = process.env.SIGNAAL_EXAMPLES || '/work/shared/content-model/examples.json';
const KEYGEN = path.join(ROOT, 'build/native/bin/signaal-keygen');
const OPENER = path.join(ROOT, 'tests/crypto/open_with_pynacl.py');
const ENVELOPE_BYTES = 16488;
const POW_DIFFICULTY = 15;
const DAY_MS = 86400000;

const utc = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

// A development organisation in a temporary directory (as scripts/dev-keys makes one): its
// signing key, one encryption key valid from `from` for `days`, the bundle signed at `now`,
// and the site's config.json with these public keys.
export function makeKeys(site, { from = Date.now() - DAY_MS, days = 92, now } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'signaal-keys-'));
  const keygen = (...args) => execFileSync(KEYGEN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  keygen('signing', dir);
  keygen('encryption', dir, '--not-before', utc(from), '--days', String(days));
  keygen('bundle', dir, ...(now ? ['--now', utc(now)] : []));
  const configFile = path.join(dir, 'config.json');
  writeFileSync(configFile, readFileSync(path.join(site, 'config.json')));
  keygen('config', dir, configFile);
  const key = path.join(dir, readdirSync(dir).find((f) => /^enc-.*\.key$/.test(f)));
  return { dir, configFile, config: readFileSync(configFile, 'utf8'), key };
}

// The site's locale files as one flat catalog (the locale, then its fallbacks).
function catalog(site, codes) {
  return Object.assign({}, ...[...codes].reverse().map((code) => localeTexts(site, code)));
}

// From the start screen to the result of a worked example (the first: self mode; the third:
// a professional); returns the result.
export async function toResult(page, site, example = 0, onQuestion = undefined) {
  const ex = JSON.parse(readFileSync(EXAMPLES, 'utf8'))[example];
  const questionnaire = JSON.parse(readFileSync(path.join(site, 'content/questionnaire.json'), 'utf8'));
  await tapAndWait(page, ex.mode === 'professional' ? 'who.professional' : 'who.self');
  await tapAndWait(page, 'safety.continue');
  return answerAll(page, planner(questionnaire, ex), onQuestion);
}

export async function waitScreen(page, screen, ms = 30000) {
  await page.waitForFunction((s) => window.signaal.describe().screen === s, screen, { timeout: ms });
  const desc = await describe(page);
  checkQuickExit(desc);
  return desc;
}

export async function run(t, { context, site }) {
  await t.test('consent shows the report; Send uploads one envelope that opens to exactly that', async () => {
    const keys = makeKeys(site);
    const server = await startServer(site, { '/config.json': keys.config });
    try {
      const { page, errors } = await openApp(context, server);
      const result = await toResult(page, site);
      const level = Number(result.widgets.find((w) => w.id.startsWith('result.level.')).id.split('.')[2]);
      await tap(page, 'result.report');
      const consent = await waitScreen(page, 'report_consent');
      await screenshot(page, 'report-consent');
      const ids = consent.widgets.map((w) => w.id);
      for (const id of ['consent.date', 'consent.locale', 'consent.audience', `consent.level.${level}`, 'report.send', 'report.dont'])
        assert(ids.includes(id), `consent screen lacks ${id}: ${JSON.stringify(ids)}`);
      const shown = Object.fromEntries(consent.widgets.filter((w) => w.id.startsWith('consent.a.'))
        .map((w) => [w.id.slice('consent.a.'.length), w.label]));
      assert(Object.keys(shown).length > 0, 'no answers on the consent screen');
      const date = consent.widgets.find((w) => w.id === 'consent.date').label;
      assert(/\d{4}-W\d{2}/.test(date), `self mode must send the ISO week: ${date}`);

      // Privacy: until Send, only the static files were fetched.
      const early = server.requests.filter((r) => r.method !== 'GET' || r.path.startsWith('/api/'));
      assert(early.length === 0, `requests before Send: ${JSON.stringify(early.map((r) => [r.method, r.path]))}`);

      await tap(page, 'report.send');
      await waitScreen(page, 'report_sent');
      await screenshot(page, 'report-sent');
      const timing = await page.evaluate(() => {
        const at = (n) => performance.getEntriesByName(n, 'mark')[0].startTime;
        return { seal: at('report-sealed') - at('report-seal-start'), pow: at('report-solved') - at('report-sealed') };
      });
      console.log(`     report: seal ${timing.seal.toFixed(1)} ms, proof of work ${timing.pow.toFixed(0)} ms (swiftshader headless)`);
      await assertNothingStored(page, 'after a report was sent in self mode');

      const posts = server.requests.filter((r) => r.method !== 'GET');
      assert(posts.length === 1, `expected one POST, got ${JSON.stringify(posts.map((r) => [r.method, r.path]))}`);
      const [post] = posts;
      assert(post.path === INTAKE_PATH, `POST to ${post.path}`);
      assert(post.headers['content-type'] === 'application/octet-stream', `content type ${post.headers['content-type']}`);
      assert(post.body.length === ENVELOPE_BYTES, `envelope of ${post.body.length} bytes`);

      const envelope = path.join(keys.dir, 'captured.sgnl');
      writeFileSync(envelope, post.body);
      const opened = JSON.parse(execFileSync('/usr/bin/python3', [OPENER, '--key', keys.key, '--config', keys.configFile,
        '--min-difficulty', String(POW_DIFFICULTY), envelope], { encoding: 'utf8' }));
      assert(opened.assessment.level === level, `sealed level ${opened.assessment.level}, result screen ${level}`);
      assert(opened.locale === consent.lang, `sealed locale ${opened.locale}, shown ${consent.lang}`);
      const contentHash = createHash('sha256').update(readFileSync(path.join(site, 'content/questionnaire.json')))
        .update(readFileSync(path.join(site, 'content/indicators.json'))).digest('hex');
      assert(opened.questionnaire.hash === contentHash,
        `sealed content hash ${opened.questionnaire.hash}, docs/envelope.md's definition gives ${contentHash}`);
      const sealedIds = Object.keys(opened.answers).sort();
      assert(JSON.stringify(sealedIds) === JSON.stringify(Object.keys(shown).sort()),
        `sealed questions ${sealedIds} differ from the consent screen's ${Object.keys(shown).sort()}`);
      const text = catalog(site, [consent.lang, 'en']);
      for (const [qid, values] of Object.entries(opened.answers)) {
        const labels = values.map((v) => text[`q.${qid}.opt.${v}`] ?? text[`answer.${v}`]).join(', ');
        assert(labels === shown[qid], `${qid}: sealed ${values} (${labels}), shown "${shown[qid]}"`);
      }
      assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
      await page.close();
    } finally {
      await server.close();
      rmSync(keys.dir, { recursive: true, force: true });
    }
  });

  // The intake refuses (4xx: final, one POST) or is down (5xx: retried, three POSTs in all):
  // the failure screen, whose "try again" posts the same envelope once more.
  for (const [status, posts] of [[400, 1], [503, 3]]) {
    await t.test(`the intake answers ${status}: ${posts} POST(s), the failure screen, try again`, async () => {
      const keys = makeKeys(site);
      const server = await startServer(site, { '/config.json': keys.config }, { intakeStatus: status });
      try {
        const { page } = await openApp(context, server);
        await toResult(page, site);
        await tap(page, 'result.report');
        await waitScreen(page, 'report_consent');
        await tap(page, 'report.send');
        await waitScreen(page, 'report_failed');
        await screenshot(page, `report-failed-${status}`);
        const sent = () => server.requests.filter((r) => r.method === 'POST');
        assert(sent().length === posts, `${sent().length} POSTs for ${status}, expected ${posts}`);
        await tap(page, 'report.retry');
        // The failure screen is still up while the retry starts: wait for the tries to land
        // (with their 1 s and 2 s pauses), then for the failure screen they end on.
        for (const deadline = Date.now() + 20000; sent().length < 2 * posts && Date.now() < deadline;)
          await page.waitForTimeout(100);
        await waitScreen(page, 'report_failed');
        assert(sent().length === 2 * posts, `${sent().length} POSTs after trying again, expected ${2 * posts}`);
        assert(sent().every((r) => r.body.equals(sent()[0].body)), 'try again sent a different envelope');
        await assertNothingStored(page, `after a send the intake answered ${status} in self mode`);
        await page.close();
      } finally {
        await server.close();
        rmSync(keys.dir, { recursive: true, force: true });
      }
    });
  }

  const refusals = {
    expired: () => makeKeys(site, { from: Date.now() - 40 * DAY_MS, days: 10, now: Date.now() - 35 * DAY_MS }),
    bad_signature: () => {
      const keys = makeKeys(site);
      const config = JSON.parse(keys.config);
      config.key_bundle.keys[0].not_after = utc(Date.now() + 3650 * DAY_MS);  // no longer what was signed
      return { ...keys, config: JSON.stringify(config) };
    },
  };
  for (const [reason, make] of Object.entries(refusals)) {
    await t.test(`a key bundle refused as ${reason}: nothing sealed, nothing sent`, async () => {
      const keys = make();
      const server = await startServer(site, { '/config.json': keys.config });
      try {
        const { page, errors } = await openApp(context, server);
        await toResult(page, site);
        await tap(page, 'result.report');
        await waitScreen(page, 'report_consent');
        await tap(page, 'report.send');
        const refused = await waitScreen(page, 'report_refused');
        await screenshot(page, `report-refused-${reason}`);
        const why = refused.widgets.find((w) => w.id === 'report.refused.reason');
        assert(why && why.label === reason, `refusal reason ${why?.label}, expected ${reason}`);
        await page.waitForTimeout(300);
        const posts = server.requests.filter((r) => r.method !== 'GET');
        assert(posts.length === 0, `requests after a refusal: ${JSON.stringify(posts.map((r) => [r.method, r.path]))}`);
        await tap(page, 'report.back');
        await find(page, (w) => w.id.startsWith('result.level.'), 'the result again');
        assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
        await page.close();
      } finally {
        await server.close();
        rmSync(keys.dir, { recursive: true, force: true });
      }
    });
  }
}
