// The anonymous report, end to end: a worked route to the result, the consent screen, Send,
// and the one envelope the (stand-in) intake receives, opened by the independent Python
// implementation with a key set made for this test only: every line the consent screen
// showed must say what was sealed, and own words or contact details removed before Send are
// not in it. Before Send nothing but static files may have been fetched; after it, sent or
// failed, nothing is stored. A bundle that is expired or badly signed must stop the report
// before anything is sealed or sent.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assert, checkQuickExit, describe, find, openApp, screenshot, startServer, tap, typeInto, INTAKE_PATH, ROOT } from './lib.mjs';
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

// Opens a captured envelope with the independent Python implementation; returns the report.
function openSealed(keys, body) {
  const envelope = path.join(keys.dir, 'captured.sgnl');
  writeFileSync(envelope, body);
  return JSON.parse(execFileSync('/usr/bin/python3', [OPENER, '--key', keys.key, '--config', keys.configFile,
    '--min-difficulty', String(POW_DIFFICULTY), envelope], { encoding: 'utf8' }));
}

// The envelope of the intake's last POST, opened.
const lastSealed = (server, keys) => openSealed(keys, server.requests.filter((r) => r.method === 'POST').at(-1).body);

// A catalog text with its {placeholders} filled, as the core's Catalog::format does.
const format = (pattern, args) => pattern.replace(/\{(\w+)\}/g, (whole, name) => args[name] ?? whole);

// The ISO 8601 week (YYYY-Www) of a day: its Thursday's year, and which seventh of it.
function isoWeek(day) {
  const thursday = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() + 3 - ((thursday.getUTCDay() + 6) % 7));
  const week = 1 + Math.floor((thursday - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / (7 * DAY_MS));
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

// Every line the consent screen showed, worded from the opened report as the app words it
// (report_consent.cpp): the answers, the result with its kind of situation, signs and reasons,
// the coarse date, the language and who filled it in. A line shown for something that was not
// sealed, or not shown for something that was, fails.
function checkConsentShows(consent, opened, site) {
  const text = catalog(site, [opened.locale, 'en']);
  const shown = new Map(consent.widgets.map((w) => [w.id, w.label]));
  const expect = (id, want, what) => assert(shown.get(id) === want, `${what}: the consent screen shows ${JSON.stringify(shown.get(id))}, the sealed report ${JSON.stringify(want)}`);
  const audience = opened.audience === 'professional' ? 'professional' : 'self';  // app::AudienceKey
  const { level, categories, flags, reasons } = opened.assessment;

  const shownQuestions = [...shown.keys()].filter((id) => id.startsWith('consent.a.')).map((id) => id.slice('consent.a.'.length));
  assert(JSON.stringify(shownQuestions.sort()) === JSON.stringify(Object.keys(opened.answers).sort()),
    `sealed questions ${Object.keys(opened.answers).sort()} differ from the consent screen's ${shownQuestions}`);
  for (const [qid, values] of Object.entries(opened.answers)) {
    const wordings = Object.keys(text).filter((k) => k.startsWith(`q.${qid}.`) && !k.includes('.opt.')).map((k) => text[k]);
    assert(wordings.includes(shown.get(`consent.q.${qid}`)), `consent.q.${qid} says "${shown.get(`consent.q.${qid}`)}", not that question`);
    expect(`consent.a.${qid}`, values.map((v) => text[`q.${qid}.opt.${v}`] ?? text[`answer.${v}`]).join(', '), `the answer to ${qid}`);
  }
  expect(`consent.level.${level}`, format(text['report.consent.level'], { level: text[`result.level.${level}.${audience}.title`] }), 'the level');
  const listed = (key, names) => (names.length ? format(text[`report.consent.${key}`], { [key]: names.join(', ') }) : undefined);
  expect('consent.categories', listed('categories', categories.map((c) => text[`category.${c}`])), 'the kinds of situation');
  expect('consent.flags', listed('flags', flags.map((f) => text[`flag.${f}`])), 'the signs');
  const reasonLines = [...new Set(reasons.map((r) => text['result.bullet'] + text[`reason.${r.rule}.${audience}`]))];
  const shownReasons = consent.widgets.filter((w) => w.id.startsWith('reason.')).map((w) => w.label);
  assert(JSON.stringify(shownReasons) === JSON.stringify(reasonLines), `reasons shown ${JSON.stringify(shownReasons)}, sealed ${JSON.stringify(reasonLines)}`);
  assert(shown.has('consent.reasons') === reasons.length > 0, `the reasons' heading with ${reasons.length} sealed reasons`);
  expect('consent.date', format(text['report.consent.date'], { date: opened.date }), 'the date');
  const locales = JSON.parse(readFileSync(path.join(site, 'locales/index.json'), 'utf8'));
  expect('consent.locale', format(text['report.consent.language'], { language: locales[opened.locale].name }), 'the language');
  assert(opened.locale === consent.lang, `sealed locale ${opened.locale}, the screen is in ${consent.lang}`);
  expect('consent.audience', format(text['report.consent.who'], { who: text[`start.who.${audience}`] }), 'who filled it in');
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

      const opened = openSealed(keys, post.body);
      assert(opened.assessment.level === level, `sealed level ${opened.assessment.level}, result screen ${level}`);
      checkConsentShows(consent, opened, site);
      assert(opened.audience === 'self' && opened.date === isoWeek(new Date()),
        `self mode seals audience ${opened.audience} and date ${opened.date}, not this ISO week ${isoWeek(new Date())}`);
      // Nothing beyond what was shown and what identifies the questionnaire, the assessment's
      // own profile and the de-duplicating nonce: no own words, contact or follow-up were given.
      const sealedKeys = Object.keys(opened).sort().join(',');
      assert(sealedKeys === 'age_group,answers,assessment,audience,date,locale,questionnaire,report_format,report_nonce', `sealed keys ${sealedKeys}`);
      const questionnaire = JSON.parse(readFileSync(path.join(site, 'content/questionnaire.json'), 'utf8'));
      assert(opened.questionnaire.id === questionnaire.id && opened.questionnaire.version === questionnaire.version,
        `sealed questionnaire ${JSON.stringify(opened.questionnaire)}, the site's is ${questionnaire.id} ${questionnaire.version}`);
      const contentHash = createHash('sha256').update(readFileSync(path.join(site, 'content/questionnaire.json')))
        .update(readFileSync(path.join(site, 'content/indicators.json'))).digest('hex');
      assert(opened.questionnaire.hash === contentHash,
        `sealed content hash ${opened.questionnaire.hash}, docs/envelope.md's definition gives ${contentHash}`);
      assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
      await page.close();
    } finally {
      await server.close();
      rmSync(keys.dir, { recursive: true, force: true });
    }
  });

  // A professional's report (a minor: with signs), sent twice. Each time the consent screen
  // shows what is sealed, and own words and contact details go only when they are still there
  // at Send: typed, then one of them removed, that one is not sealed and the other is; then
  // the other way round.
  await t.test('a professional\'s consent equals the sealed report; own words or contact details removed are not sealed', async () => {
    const keys = makeKeys(site);
    const server = await startServer(site, { '/config.json': keys.config });
    const ownWords = 'Mijn baas houdt mijn paspoort.';
    const contact = 'sms 06 12345678';
    try {
      const { page, errors } = await openApp(context, server);
      await toResult(page, site, 2);
      for (const removed of ['free_text', 'contact']) {
        await tap(page, 'result.report');
        const consent = await waitScreen(page, 'report_consent');
        await typeInto(page, 'field.free_text', ownWords);
        await tap(page, 'contact.add');
        await typeInto(page, 'field.contact', contact);
        await tap(page, `${removed}.remove`);
        await page.waitForFunction((id) => !window.signaal.describe().widgets.some((w) => w.id === id), `${removed}.remove`);
        await tap(page, 'report.send');
        await waitScreen(page, 'report_sent');
        const opened = lastSealed(server, keys);
        checkConsentShows(consent, opened, site);
        assert(opened.audience === 'professional' && opened.date === new Date().toISOString().slice(0, 10),
          `a professional's report seals audience ${opened.audience} and date ${opened.date}, not today`);
        assert(opened.assessment.flags.length > 0, 'the example no longer has signs to show');
        for (const [key, typed] of Object.entries({ free_text: ownWords, contact })) {
          if (key === removed) assert(!(key in opened), `${key} was removed but sealed: ${JSON.stringify(opened[key])}`);
          else assert(opened[key] === typed, `${key} was kept but sealed as ${JSON.stringify(opened[key])}`);
        }
        await tap(page, 'report.back');
        await waitScreen(page, 'result');
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
