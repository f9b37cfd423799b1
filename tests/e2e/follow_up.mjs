// The whole anonymous round trip with the real intake server: a person adds their own words
// and contact details, takes a reply code (shown once, a mistyped copy refused), and sends;
// the organisation exports, opens the envelope offline (signaal-open), answers with
// signaal-reply and stores the reply at the intake; the person comes back with the code and
// reads the answer. A code with a typo is caught before any request; a right code with no
// reply yet says so.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assert, describe, find, openApp, screenshot, tap, typeInto, ROOT } from './lib.mjs';
import { assertNothingStored } from './privacy.mjs';
import { makeKeys, toResult, waitScreen } from './report.mjs';

const BIN = path.join(ROOT, 'build/native/bin');
const tool = (name, ...args) => execFileSync(path.join(BIN, name), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

// The real intake on a free port, serving a copy of the site whose config holds the test keys.
async function startIntake(site, keys) {
  const dir = mkdtempSync(path.join(tmpdir(), 'signaal-intake-e2e-'));
  cpSync(site, path.join(dir, 'site'), { recursive: true });
  writeFileSync(path.join(dir, 'site/config.json'), keys.config);
  const config = path.join(dir, 'intake.json');
  writeFileSync(config, JSON.stringify({
    listen: { address: '127.0.0.1', port: 0 }, site: 'site',
    store: { kind: 'sqlite', path: 'intake.sqlite' }, key_bundle: 'site/config.json', poll_floor_ms: 50,
  }));
  const child = spawn(path.join(BIN, 'signaal-intake'), ['serve', '--config', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(err);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`signaal-intake exited with ${code}: ${err}`)));
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`, origin, config, dir,
    close: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.on('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const widget = async (page, id) => (await find(page, (w) => w.id === id, id)).widget;

// Counts the page's POSTs to the replies endpoint.
function countReplyPolls(page) {
  const polls = [];
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/api/v1/replies')) polls.push(r.postDataBuffer()); });
  return polls;
}

async function askForReply(page, code) {
  await tap(page, 'start.reply');
  await typeInto(page, 'field.reply_code', code);
  await tap(page, 'reply.check');
}

export async function run(t, { context, site }) {
  await t.test('own words, contact, reply code: sent, opened offline, answered, and the answer read with the code', async () => {
    const keys = makeKeys(site);
    const intake = await startIntake(site, keys);
    try {
      const { page, errors } = await openApp(context, intake);
      await toResult(page, site);
      await tap(page, 'result.report');
      await waitScreen(page, 'report_consent');

      const ownWords = 'Ik moet 14 uur per dag werken.\nمديري يحتفظ بجواز سفري';
      await typeInto(page, 'field.free_text', ownWords);
      const counter = await widget(page, 'counter.free_text');
      assert(counter.label.startsWith(`${[...ownWords].length} `), `the counter says "${counter.label}"`);
      const before = (await describe(page)).widgets.map((w) => w.id);
      assert(!before.includes('field.contact'), 'the contact field is there before its explanation was accepted');
      await tap(page, 'contact.add');
      await typeInto(page, 'field.contact', 'sms 06 12345678 na 22 uur');

      await tap(page, 'follow_up.add');
      await waitScreen(page, 'report_code');
      const code = (await widget(page, 'follow_up.code')).label;
      assert(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/.test(code), `the code looks like "${code}"`);
      await screenshot(page, 'follow-up-code');
      const wrong = code.replace(/^./, (c) => (c === '7' ? '8' : '7'));
      await typeInto(page, 'field.code', wrong);
      await tap(page, 'follow_up.confirm');
      await widget(page, 'follow_up.mismatch');
      assert((await describe(page)).screen === 'report_code', 'a wrong copy of the code was accepted');
      await typeInto(page, 'field.code', code.toLowerCase().replaceAll('-', ' '));  // typed as people do
      await tap(page, 'follow_up.confirm');
      await waitScreen(page, 'report_consent');
      const consent = await describe(page);
      assert(consent.widgets.some((w) => w.id === 'consent.follow_up'), 'the consent screen does not say a code goes with it');
      assert(!JSON.stringify(consent).includes(code), 'the consent screen still shows the code');

      await tap(page, 'report.send');
      await waitScreen(page, 'report_sent');
      await widget(page, 'report.sent.follow_up');
      await assertNothingStored(page, 'after a report with a reply code was sent');
      await page.close();

      // The organisation, offline: export, open, answer; the reply goes back to the intake.
      const exported = path.join(intake.dir, 'export.bin');
      tool('signaal-intake', 'export', '--config', intake.config, '--out', exported);
      const lines = tool('signaal-open', '--keys', keys.dir, exported).trim().split('\n');
      assert(lines.length === 1, `${lines.length} reports in the export`);
      const opened = JSON.parse(lines[0]);
      assert(opened.status === 'ok', `signaal-open: ${lines[0]}`);
      assert(opened.report.free_text === ownWords, `sealed own words ${JSON.stringify(opened.report.free_text)}`);
      assert(opened.report.contact === 'sms 06 12345678 na 22 uur', `sealed contact ${JSON.stringify(opened.report.contact)}`);
      assert(opened.report.follow_up && opened.report.follow_up.lookup_tag === opened.lookup_tag,
        'the report carries no follow-up, or not the header\'s tag');

      // Back with the code before any reply: "no reply yet", after one poll of 32 bytes.
      let p = await openApp(context, intake);
      let polls = countReplyPolls(p.page);
      await askForReply(p.page, code);
      await p.page.waitForFunction(() => window.signaal.describe().widgets.some((w) => w.id === 'reply.status' && !/…/.test(w.label)));
      assert(polls.length === 1 && polls[0].length === 32, `polls: ${polls.map((b) => b.length)}`);
      const none = await widget(p.page, 'reply.status');
      assert(/nog geen antwoord/.test(none.label), `before the reply the screen says "${none.label}"`);
      await p.page.close();

      const answer = 'Dank je. Bel ons gerust: 088 - 123 45 67. Je hoeft je naam niet te zeggen.';
      const lineFile = path.join(intake.dir, 'report.jsonl');
      writeFileSync(lineFile, lines[0]);
      const replyFile = path.join(intake.dir, 'reply.sgnr');
      tool('signaal-reply', '--report', lineFile, '--text', answer, '--out', replyFile, '--date', '2026-12-01');
      tool('signaal-intake', 'reply', '--config', intake.config, replyFile);

      // A typo is caught by the code's check before anything is sent.
      p = await openApp(context, intake);
      polls = countReplyPolls(p.page);
      const typo = code.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
      await askForReply(p.page, typo);
      const bad = await widget(p.page, 'reply.status');
      assert(/klopt niet/.test(bad.label), `a mistyped code says "${bad.label}"`);
      assert(polls.length === 0, `${polls.length} requests for a mistyped code`);

      // The right code reads the answer.
      await typeInto(p.page, 'field.reply_code', code);
      await tap(p.page, 'reply.check');
      const text = await widget(p.page, 'reply.text');
      assert(text.label === answer, `the reply reads "${text.label}"`);
      assert((await widget(p.page, 'reply.date')).label.includes('2026-12-01'), 'the reply\'s date is not shown');
      await screenshot(p.page, 'follow-up-reply');
      assert(errors.length === 0 && p.errors.length === 0, `page errors: ${[...errors, ...p.errors].join('; ')}`);
      await tap(p.page, 'reply.done');
      await waitScreen(p.page, 'start');
      assert(!JSON.stringify(await describe(p.page)).includes(answer), 'the reply is still described after leaving');
      await assertNothingStored(p.page, 'after the reply was read with the code');
      await p.page.close();
    } finally {
      await intake.close();
      rmSync(keys.dir, { recursive: true, force: true });
    }
  });
}
