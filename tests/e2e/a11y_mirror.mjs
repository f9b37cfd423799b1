// The accessible mirror (web/mirror.js) on every screen the app has (app.h's Screen), and the
// start, the first questions and the result once more in Arabic (right to left), in high
// contrast and at 200% text: axe-core finds no serious or critical violation; the mirror holds
// exactly the widgets the canvas drew, at their places, with their roles and states; the focus
// order is the visual order; a language's own name carries its own lang; and a live region
// announces each new question.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { assert, describe, find, openApp, startServer, tap, INTAKE_PATH, ROOT } from './lib.mjs';
import { axeViolations, chooseOnDisplay } from './a11y_lib.mjs';
import { outbox } from './outbox.mjs';
import { planner } from './planner.mjs';
import { makeKeys, toResult, waitScreen } from './report.mjs';
import { answerAll, tapAndWait } from './routes.mjs';
import { toTwoLanguages } from './two_languages.mjs';

const EXAMPLES = process.env.SIGNAAL_EXAMPLES || '/work/shared/content-model/examples.json';
const ROLE = { heading: /^H[12]$/, text: /^P$/, button: /^BUTTON$/, option: /^BUTTON$/, checkbox: /^BUTTON$/,
               link: /^BUTTON$/, progressbar: /^DIV$/, textbox: /^DIV$/ };

// The mirror against the app's own description: same widgets, same order, same places, the
// role and state a screen reader needs.
async function checkMirror(page, screen) {
  const desc = await describe(page);
  const els = await page.evaluate(() => [...document.querySelectorAll('#mirror > *')].map((el) => ({
    id: el.dataset.id, tag: el.tagName, role: el.getAttribute('role'), pressed: el.getAttribute('aria-pressed'),
    checked: el.getAttribute('aria-checked'), label: el.getAttribute('aria-label'), text: el.textContent,
    aside: el.querySelector('span') && { lang: el.querySelector('span').lang, dir: el.querySelector('span').dir },
    box: [parseFloat(el.style.left), parseFloat(el.style.top), parseFloat(el.style.width), parseFloat(el.style.height)],
  })));
  assert(els.length === desc.widgets.length, `${screen}: ${els.length} mirror elements for ${desc.widgets.length} widgets`);
  desc.widgets.forEach((w, i) => {
    const el = els[i];
    const where = `${screen}: widget ${i} (${w.id})`;
    assert(el.id === w.id, `${where} is mirrored by ${el.id}`);
    assert(ROLE[w.role].test(el.tag), `${where}: a ${w.role} mirrored as <${el.tag}>`);
    assert(el.box.every((v, k) => Math.abs(v - w.rect[k]) < 0.5), `${where} at ${el.box}, drawn at ${w.rect}`);
    if (w.role === 'textbox') assert(el.role === 'textbox' && el.label === w.label, `${where}: textbox not named`);
    else {
      // A button's aside (the worker's words beneath) is part of its name, in its own language.
      const name = w.aside ? `${w.label} ${w.aside.label}` : w.label;
      assert((el.label || el.text) === name, `${where}: named "${el.label || el.text}", shows "${name}"`);
      if (w.aside) assert(el.aside && el.aside.lang === w.aside.lang && el.aside.dir === w.aside.dir,
        `${where}: its aside is marked ${JSON.stringify(el.aside)}, not ${w.aside.lang}/${w.aside.dir}`);
    }
    if (w.role === 'option') assert(el.pressed === String(w.selected), `${where}: aria-pressed ${el.pressed}`);
    if (w.role === 'checkbox') assert(el.role === 'checkbox' && el.checked === String(w.selected), `${where}: not a checkbox`);
    if (w.role === 'link') assert(el.role === 'link', `${where}: not a link`);
  });
  const h1 = els.filter((el) => el.tag === 'H1');
  assert(h1.length === 1, `${screen}: ${h1.length} main headings`);
}

// Tab order is DOM order; it must run top to bottom, and along a row from the start side.
async function checkOrder(page, screen) {
  const desc = await describe(page);
  const rtl = desc.dir === 'rtl';
  const boxes = await page.evaluate(() => [...document.querySelectorAll('#mirror button, #mirror [role=textbox]')]
    .filter((el) => el.style.width !== '0px').map((el) => [el.dataset.id, parseFloat(el.style.left), parseFloat(el.style.top)]));
  for (let i = 1; i < boxes.length; i++) {
    const [a, ax, ay] = boxes[i - 1];
    const [b, bx, by] = boxes[i];
    const sameRow = Math.abs(ay - by) < 4;
    const inOrder = sameRow ? (rtl ? bx < ax : bx > ax) : by > ay;
    assert(inOrder, `${screen}: focus goes from ${a} (${ax}, ${ay}) to ${b} (${bx}, ${by}), against the reading order`);
  }
}

// Holds the page's report uploads until `release()`; `arrived` settles when the first one is
// asked for (the sending screen then waits, saying it uploads).
async function holdUploads(page) {
  let release, arrive;
  const released = new Promise((resolve) => { release = resolve; });
  const arrived = new Promise((resolve) => { arrive = resolve; });
  await page.route((url) => url.pathname === INTAKE_PATH, async (route) => {
    arrive();
    await released;
    await route.continue();
  });
  return { arrived, release };
}

export async function run(t, { context, server, site }) {
  const examples = JSON.parse(readFileSync(EXAMPLES, 'utf8'));
  const questionnaire = JSON.parse(readFileSync(path.join(site, 'content/questionnaire.json'), 'utf8'));
  const found = [];
  const visited = new Set();  // the screens (describe().screen) looked at
  const visit = async (page, screen) => {
    await page.waitForTimeout(100);
    visited.add((await describe(page)).screen);
    for (const v of await axeViolations(page)) found.push(`${screen}: ${v}`);
    await checkMirror(page, screen);
    await checkOrder(page, screen);
  };
  // A test that visits screens: axe's findings on all of them are listed together at its end.
  const screens = (title, route) => t.test(title, async () => {
    found.length = 0;
    await route();
    assert(found.length === 0, `axe found:\n${found.join('\n')}`);
  });

  await screens('every screen: axe finds no serious or critical violation, the mirror matches the canvas in visual order', async () => {
    const { page, errors } = await openApp(context, server);
    await visit(page, 'start');
    await tapAndWait(page, 'display');
    await visit(page, 'display');
    await tapAndWait(page, 'nav.back');
    await tap(page, 'start.reply');
    await find(page, (w) => w.role === 'textbox', 'the reply field');
    await visit(page, 'reply');
    await tap(page, (w) => w.role === 'textbox');
    await page.waitForFunction(() => document.activeElement?.id === 'text-bridge');
    await visit(page, 'reply, typing');
    await page.close();

    // The site's config without a key bundle (scripts/dev-keys may have written one into it):
    // the report is refused before anything is sealed.
    const config = JSON.parse(readFileSync(path.join(site, 'config.json'), 'utf8'));
    delete config.key_bundle;
    const keyless = await startServer(site, { '/config.json': JSON.stringify(config) });
    let second;
    try {
      second = await openApp(context, keyless);
      const p = second.page;
      await tapAndWait(p, 'who.self');
      await visit(p, 'safety');
      await tapAndWait(p, 'safety.continue');
      await visit(p, 'question (yes/no)');
      await tapAndWait(p, 'answer.yes');
      await visit(p, 'emergency');
      await tapAndWait(p, 'emergency.continue');
      await visit(p, 'question (choice)');
      await tapAndWait(p, 'language');
      await visit(p, 'language');
      await tapAndWait(p, 'nav.back');
      await tapAndWait(p, 'answer.adult');
      await find(p, (w) => w.role === 'checkbox', 'a multi question');
      await tapAndWait(p, (w) => w.role === 'checkbox');
      await visit(p, 'question (multiple, one ticked)');
      const answer = planner(questionnaire, examples[0]);
      await answerAll(p, answer);
      await visit(p, 'result');
      await tap(p, 'result.report');
      await visit(p, (await waitScreen(p, 'report_consent')).screen);
      await tap(p, 'report.send');
      await visit(p, (await waitScreen(p, 'report_refused')).screen);
      await p.close();
    } finally {
      await keyless.close();
    }

    const third = await openApp(context, server);
    await tapAndWait(third.page, 'who.professional');
    await tapAndWait(third.page, 'safety.continue');
    await answerAll(third.page, planner(questionnaire, examples[2]));
    await tapAndWait(third.page, 'result.done');
    await visit(third.page, 'end');
    await third.page.close();

    // A file the start needs (help.json comes only with the result part).
    const broken = await startServer(site, { '/content/questionnaire.json': null });
    try {
      const fourth = await openApp(context, broken);
      await visit(fourth.page, (await waitScreen(fourth.page, 'error', 10000)).screen);
      await fourth.page.close();
    } finally {
      await broken.close();
    }
    assert(errors.length === 0 && second.errors.length === 0, `page errors: ${[...errors, ...second.errors].join('; ')}`);
  });

  await screens('the report with a key bundle: follow-up code, sending, failed, sent, and kept in a worker\'s outbox', async () => {
    const keys = makeKeys(site);
    const keyed = await startServer(site, { '/config.json': keys.config });
    try {
      const { page } = await openApp(context, keyed);
      await toResult(page, site);
      await tap(page, 'result.report');
      await waitScreen(page, 'report_consent');
      await tap(page, 'follow_up.add');
      await visit(page, (await waitScreen(page, 'report_code')).screen);
      await tap(page, 'follow_up.cancel');
      await waitScreen(page, 'report_consent');
      // The upload waits until the sending screen has been looked at; the intake refuses it
      // (the failure screen) and takes it when tried again.
      const upload = await holdUploads(page);
      keyed.setIntakeStatus(400);
      await tap(page, 'report.send');
      await upload.arrived;
      await visit(page, (await waitScreen(page, 'report_sending')).screen);
      upload.release();
      await visit(page, (await waitScreen(page, 'report_failed')).screen);
      keyed.setIntakeStatus(201);
      await tap(page, 'report.retry');
      await visit(page, (await waitScreen(page, 'report_sent')).screen);
      await page.close();

      const worker = (await openApp(context, keyed)).page;
      await toResult(worker, site, 2);
      await tap(worker, 'result.report');
      await waitScreen(worker, 'report_consent');
      await tap(worker, 'report.outbox');
      await worker.waitForFunction(() => window.signaal.describe().widgets.some((w) => w.id === 'report.outbox' && w.selected));
      await visit(worker, 'report_consent (a worker\'s, the outbox chosen)');
      await context.setOffline(true);
      await tap(worker, 'report.send');
      await visit(worker, (await waitScreen(worker, 'report_kept')).screen);
      // Online again, the page sends it by itself: no outbox is left for a later test to meet.
      await context.setOffline(false);
      await worker.evaluate(() => dispatchEvent(new Event('online')));
      for (let i = 0; i < 100 && (await outbox(worker)).dbs.length > 0; i++) await worker.waitForTimeout(100);
      assert((await outbox(worker)).dbs.length === 0, 'the kept report is still in the outbox');
      await worker.close();
    } finally {
      await context.setOffline(false);
      await keyed.close();
      rmSync(keys.dir, { recursive: true, force: true });
    }
  });

  await screens('two languages: choosing the person\'s, handing over, a question and the result with the Dutch beneath', async () => {
    const { page, errors } = await openApp(context, server);
    await visit(page, (await toTwoLanguages(page)).screen);
    await tapAndWait(page, 'lang.ar');
    await visit(page, 'two_languages (Arabic chosen)');
    await tapAndWait(page, 'pair.hand_over');
    await visit(page, (await waitScreen(page, 'hand_over')).screen);
    await tapAndWait(page, 'handover.begin');
    await tapAndWait(page, 'safety.continue');
    const back = await answerAll(page, planner(questionnaire, examples[1]), async (n) => {
      if (n === 1) await visit(page, 'question (Arabic, the Dutch beneath)');
    });
    assert(back.screen === 'handed_back', `the last answer led to ${back.screen}`);
    await visit(page, back.screen);
    await tapAndWait(page, 'handback.show');
    await find(page, (w) => w.id.startsWith('result.level.'), 'the result');
    await visit(page, 'result (Arabic, the Dutch beneath)');
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
    await page.close();
  });

  const passes = {
    'Arabic (right to left)': { languages: ['ar'] },
    'high contrast': { setting: 'display.contrast' },
    '200% text': { setting: 'display.size.200' },
  };
  for (const [how, { languages, setting }] of Object.entries(passes)) {
    await screens(`in ${how}: the start, the first questions and the result`, async () => {
      const { page, errors } = await openApp(context, server, { languages });
      if (setting) {
        await chooseOnDisplay(page, setting);
        await visit(page, `display (${how})`);
        await tapAndWait(page, 'nav.back');
      }
      await visit(page, `start (${how})`);
      await toResult(page, site, 0, async (n) => {
        if (n <= 3) await visit(page, `question ${n} (${how})`);
      });
      await visit(page, `result (${how})`);
      assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
      await page.close();
    });
  }

  await t.test('the tests above looked at every screen of src/app/app.h', async () => {
    const source = readFileSync(path.join(ROOT, 'src/app/app.h'), 'utf8');
    const screenNames = source.match(/enum class Screen \{([^}]*)\}/)[1].split(',').map((name) => name.trim());
    const missing = screenNames.filter((name) => !visited.has(name));
    assert(screenNames.length >= 20 && missing.length === 0, `never looked at: ${missing.join(', ')}`);
  });

  await t.test('each language is named in its own language, and the page says which language it is in', async () => {
    const { page } = await openApp(context, server);
    const langs = await page.evaluate(() => [...document.querySelectorAll('#mirror [data-id^="lang."]')]
      .map((el) => [el.dataset.id.slice(5), el.lang, el.dir]));
    assert(langs.length >= 2, `only ${langs.length} languages listed`);
    for (const [code, lang, dir] of langs)
      assert(lang === code && (dir === 'ltr' || dir === 'rtl'), `the name of ${code} is marked lang="${lang}" dir="${dir}"`);
    const page_ = await page.evaluate(() => [document.documentElement.lang, document.getElementById('mirror').lang]);
    assert(page_[0] === 'nl' && page_[1] === 'nl', `the page is marked ${page_}`);
    await page.close();
  });

  await t.test('a live region announces each new question, with its place in the list', async () => {
    const { page } = await openApp(context, server);
    const live = () => page.evaluate(() => {
      const el = document.getElementById('announce');
      return { text: el.textContent, polite: el.getAttribute('aria-live') };
    });
    assert((await live()).text === '', 'something was announced before any question');
    await tapAndWait(page, 'who.self');
    await tapAndWait(page, 'safety.continue');
    const first = await describe(page);
    const q1 = first.widgets.find((w) => w.id.startsWith('q.'));
    const progress = first.widgets.find((w) => w.role === 'progressbar');
    const a1 = await live();
    assert(a1.polite === 'polite', 'the live region is not polite');
    assert(a1.text === `${progress.label}. ${q1.label}`, `announced "${a1.text}" for "${q1.label}"`);
    await tapAndWait(page, 'answer.no');
    const q2 = (await describe(page)).widgets.find((w) => w.id.startsWith('q.'));
    assert(q2.id !== q1.id, 'no second question');
    const a2 = await live();
    assert(a2.text.endsWith(q2.label), `announced "${a2.text}" for the second question "${q2.label}"`);
    await page.close();
  });
}
