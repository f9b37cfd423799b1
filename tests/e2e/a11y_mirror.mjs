// The accessible mirror (web/mirror.js) on every screen the app has: axe-core finds no serious
// or critical violation; the mirror holds exactly the widgets the canvas drew, at their places,
// with their roles and states; the focus order is the visual order; a language's own name
// carries its own lang; and a live region announces each new question.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assert, describe, find, openApp, startServer, tap } from './lib.mjs';
import { axeViolations } from './a11y_lib.mjs';
import { answerAll, tapAndWait } from './routes.mjs';
import { planner } from './planner.mjs';

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
    else assert((el.label || el.text) === w.label, `${where}: named "${el.label || el.text}", shows "${w.label}"`);
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

export async function run(t, { context, server, site }) {
  const examples = JSON.parse(readFileSync(EXAMPLES, 'utf8'));
  const questionnaire = JSON.parse(readFileSync(path.join(site, 'content/questionnaire.json'), 'utf8'));
  const found = [];
  const visit = async (page, screen) => {
    await page.waitForTimeout(100);
    for (const v of await axeViolations(page)) found.push(`${screen}: ${v}`);
    await checkMirror(page, screen);
    await checkOrder(page, screen);
  };

  await t.test('every screen: axe finds no serious or critical violation, the mirror matches the canvas in visual order', async () => {
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

    const second = await openApp(context, server);
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
    const before = await describe(p);
    await tap(p, 'result.report');
    await p.waitForFunction((s) => window.signaal.describe().screen !== s, before.screen);
    await visit(p, (await describe(p)).screen);
    await p.close();

    const third = await openApp(context, server);
    await tapAndWait(third.page, 'who.professional');
    await tapAndWait(third.page, 'safety.continue');
    await answerAll(third.page, planner(questionnaire, examples[2]));
    await tapAndWait(third.page, 'result.done');
    await visit(third.page, 'end');
    await third.page.close();

    const broken = await startServer(site, { '/content/help.json': null });
    try {
      const fourth = await openApp(context, broken);
      await find(fourth.page, (w) => w.id === 'heading', 'the error heading');
      assert((await describe(fourth.page)).screen === 'error', 'no error screen for a missing help.json');
      await visit(fourth.page, 'error');
      await fourth.page.close();
    } finally {
      await broken.close();
    }
    assert(found.length === 0, `axe found:\n${found.join('\n')}`);
    assert(errors.length === 0 && second.errors.length === 0, `page errors: ${[...errors, ...second.errors].join('; ')}`);
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
