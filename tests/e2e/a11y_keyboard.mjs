// Keyboard only: a whole route from the start screen to the end screen with nothing but Tab,
// Shift+Tab, Enter and Space, the focus ring drawn on the canvas around the focused widget,
// the arrow keys moving through a group of answers (mirrored in Arabic) and scrolling
// elsewhere, the page keys scrolling, a text field typed into and left with Tab, and the quick
// exit (Escape twice) while a button has the focus. The test reads which element has the focus
// (and the app's description, to know where the widget is); it never taps or clicks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assert, describe, find, openApp, screenshot } from './lib.mjs';
import { countColour, focused, localeTexts, palette, tabTo, INTERACTIVE } from './a11y_lib.mjs';
import { planner } from './planner.mjs';

const EXAMPLES = process.env.SIGNAAL_EXAMPLES || '/work/shared/content-model/examples.json';

// Waits until the focus sits on the new page's main heading (the mirror moves it there).
async function expectHeadingFocus(page, what) {
  for (let i = 0; i < 100; i++) {
    const f = await focused(page);
    if (f.tag === 'H1') return f;
    await page.waitForTimeout(30);
  }
  throw new Error(`${what}: the focus is on ${JSON.stringify(await focused(page))}, not the new page's heading`);
}

// The ring is drawn in a band just outside the widget's rectangle.
async function ringPixels(page, id, colour) {
  const { widget } = await find(page, (w) => w.id === id, id);
  const [x, y, w, h] = widget.rect;
  return countColour(page, [Math.max(0, x - 8), Math.max(0, y - 8), w + 16, h + 16], colour);
}

// Presses `key` and waits until the content's scroll ([y, max], CSS px) passes `test(before,
// now)`: each key must move the content as far as it says, once the app has drawn it.
async function scrollsAfter(page, key, test) {
  const scroll = async () => (await describe(page)).scroll;
  const before = await scroll();
  await page.keyboard.press(key);
  for (let i = 0; i < 100; i++) {
    const now = await scroll();
    if (test(before, now)) return now;
    await page.waitForTimeout(30);
  }
  throw new Error(`${key} did not scroll as expected: from ${before} to ${await scroll()}`);
}

// The ids of the screen's first group of answers (a run of options, or of checkboxes, as
// web/mirror.js groups them), in the order the app draws them.
async function answerGroup(page) {
  const controls = (await describe(page)).widgets.filter((w) => INTERACTIVE.includes(w.role));
  const first = controls.findIndex((w) => w.role === 'option' || w.role === 'checkbox');
  const end = controls.findIndex((w, i) => i > first && w.role !== controls[first].role);
  return controls.slice(first, end < 0 ? undefined : end).map((w) => w.id);
}

// Presses Tab until the focus is in the screen's group of answers; returns the group's ids.
async function tabIntoGroup(page) {
  const group = await answerGroup(page);
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (group.includes((await focused(page)).id)) return group;
  }
  throw new Error(`Tab never reached the answers ${group}`);
}

// Presses an arrow key and waits for the focus to land on widget `id`; then checks that it lies
// `after` (or before) the widget it came from in reading order, on the canvas the app drew.
async function arrowTo(page, key, id, { after = true } = {}) {
  const from = (await focused(page)).id;
  await page.keyboard.press(key);
  for (let i = 0; i < 100 && (await focused(page)).id !== id; i++) await page.waitForTimeout(20);
  const f = await focused(page);
  assert(f.id === id, `${key} from ${from} moved the focus to ${f.id}, not ${id}`);
  const desc = await describe(page);
  const rect = (w) => desc.widgets.find((x) => x.id === w).rect;
  const [a, b] = [rect(from), rect(id)];
  if (a[3] === 0 || b[3] === 0) return;  // one is scrolled away: no place to compare
  const sameRow = Math.abs(a[1] - b[1]) < 4;
  const later = sameRow ? (desc.dir === 'rtl' ? b[0] < a[0] : b[0] > a[0]) : b[1] > a[1];
  assert(later === after, `${key}: ${id} ${b} is ${later ? 'after' : 'before'} ${from} ${a} in reading order`);
}

export async function run(t, { context, server, site }) {
  const ui = localeTexts(site, 'nl');
  const questionnaire = JSON.parse(readFileSync(path.join(site, 'content/questionnaire.json'), 'utf8'));
  const focusColour = palette('kStandard').focus;

  await t.test('Tab reaches a widget and the canvas draws a focus ring around it, only while it has the focus', async () => {
    const { page, errors } = await openApp(context, server);
    await page.keyboard.press('End');  // the answers sit below the languages
    const before = await ringPixels(page, 'who.self', focusColour);
    // The ring is drawn in the next frame: look until it shows (or goes), for a while.
    const ringUntil = async (test) => {
      let n = 0;
      for (let i = 0; i < 40 && !test(n = await ringPixels(page, 'who.self', focusColour)); i++) await page.waitForTimeout(50);
      return n;
    };
    const f = await tabTo(page, ui['start.who.self']);
    assert(f.tag === 'BUTTON', `focus on ${JSON.stringify(f)}`);
    const during = await ringUntil((n) => n > 200);
    await screenshot(page, 'a11y-focus-ring-nl');
    await page.keyboard.press('Shift+Tab');  // to the language above: its ring is far enough away
    const after = await ringUntil((n) => n < 20);
    assert(before < 20 && after < 20, `ring-coloured pixels without the focus: ${before} before, ${after} after`);
    assert(during > 200, `only ${during} ring-coloured pixels around the focused answer`);
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
    await page.close();
  });

  await t.test('a whole route, start to end, with Tab, Shift+Tab, Enter and Space only', async () => {
    const example = JSON.parse(readFileSync(EXAMPLES, 'utf8'))[0];
    const answer = planner(questionnaire, example);
    const { page, errors } = await openApp(context, server);
    // Shift+Tab from the top wraps to the last control; going back must still find the answer.
    await tabTo(page, ui[`start.who.${example.mode === 'professional' ? 'professional' : 'self'}`], { back: true });
    await page.keyboard.press('Enter');
    await expectHeadingFocus(page, 'the safety screen');
    await tabTo(page, ui['safety.continue']);
    await page.keyboard.press('Space');
    let questions = 0;
    for (let n = 0; n < 60; n++) {
      await expectHeadingFocus(page, `page ${n}`);
      const desc = await describe(page);
      if (desc.screen === 'result') break;
      if (desc.screen === 'emergency') {
        await tabTo(page, ui['emergency.continue']);
        await page.keyboard.press('Enter');
        continue;
      }
      assert(desc.screen === 'question', `unexpected screen ${desc.screen}`);
      const qid = desc.widgets.find((w) => w.id.startsWith('q.')).id.slice(2);
      const q = questionnaire.questions.find((x) => x.id === qid);
      const label = (v) => (v === 'prefer_not' || q.type === 'yesno' ? ui[`answer.${v}`] : ui[`q.${qid}.opt.${v}`]);
      const values = answer(qid);
      questions++;
      if (q.type === 'multi' && values[0] !== 'prefer_not') {
        for (const v of values) {
          await tabTo(page, label(v));
          await page.keyboard.press('Space');  // a checkbox: ticked, the focus stays
          await page.waitForFunction((name) => document.activeElement?.textContent === name &&
            document.activeElement.getAttribute('aria-checked') === 'true', label(v));
        }
        await tabTo(page, ui['question.next']);
        await page.keyboard.press('Enter');
      } else {
        await tabTo(page, label(values[0]));
        await page.keyboard.press(n % 2 ? 'Enter' : 'Space');
      }
      await page.waitForFunction((id) => !window.signaal.describe().widgets.some((w) => w.id === `q.${id}`) ||
        window.signaal.describe().screen !== 'question', qid);
    }
    const result = await describe(page);
    assert(result.screen === 'result', `no result after ${questions} questions`);
    const level = result.widgets.find((w) => w.id.startsWith('result.level.'));
    assert(level.id === `result.level.${example.expected_level}`, `result ${level.id}, expected ${example.expected_level}`);
    await screenshot(page, 'a11y-keyboard-result-nl');
    await tabTo(page, ui['result.done']);
    await page.keyboard.press('Enter');
    await expectHeadingFocus(page, 'the end screen');
    assert((await describe(page)).screen === 'end', 'Enter on "done" did not open the end screen');
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
    await page.close();
  });

  await t.test('arrow keys move through the answers in visual order, wrapping; Enter and Space answer; outside them arrows scroll', async () => {
    const { page, errors } = await openApp(context, server, { viewport: { width: 360, height: 640 } });
    await tabTo(page, ui['start.who.self']);
    await page.keyboard.press('Enter');
    await expectHeadingFocus(page, 'the safety screen');
    await tabTo(page, ui['safety.continue']);
    await page.keyboard.press('Enter');
    const question = async () => (await describe(page)).widgets.find((w) => w.id.startsWith('q.')).id;
    const answered = (qid) => page.waitForFunction((id) => !window.signaal.describe().widgets.some((w) => w.id === id), qid);
    const scrollY = async () => (await describe(page)).scroll[0];

    // A yes/no question: Tab enters its answers at the first, then only arrows move.
    await expectHeadingFocus(page, 'the first question');
    const first = await question();
    const yesNo = await tabIntoGroup(page);
    assert((await focused(page)).id === yesNo[0], `Tab entered the answers at ${(await focused(page)).id}`);
    const y0 = await scrollY();
    await arrowTo(page, 'ArrowDown', yesNo[1]);
    assert(await scrollY() === y0, 'moving to an answer in view also scrolled the content');
    await arrowTo(page, 'ArrowRight', yesNo[2]);
    await arrowTo(page, 'ArrowUp', yesNo[1], { after: false });
    await arrowTo(page, 'ArrowLeft', yesNo[0], { after: false });
    await arrowTo(page, 'ArrowUp', yesNo.at(-1));  // from the first to the last: wrapped
    await arrowTo(page, 'ArrowDown', yesNo[0], { after: false });
    await arrowTo(page, 'ArrowDown', 'answer.no');
    await page.keyboard.press('Enter');
    await answered(first);

    // A choice: to the third answer, pressed with Space.
    await expectHeadingFocus(page, 'the second question');
    const second = await question();
    const ages = await tabIntoGroup(page);
    await arrowTo(page, 'ArrowDown', ages[1]);
    await arrowTo(page, 'ArrowDown', ages[2]);
    await page.keyboard.press('Space');
    await answered(second);

    // Several answers: on the heading the arrows scroll; among the ticks Space ticks one and
    // the focus stays; wrapping to the last one, below the screen, brings it into view with
    // its ring, and back to the first, now above it.
    await expectHeadingFocus(page, 'the third question');
    // The new screen's first frames do not know yet how far it scrolls.
    await page.waitForFunction(() => window.signaal.describe().scroll[1] > 48);
    await scrollsAfter(page, 'ArrowDown', ([y], [now]) => now === y + 48);
    await scrollsAfter(page, 'ArrowUp', ([y], [now]) => now === y - 48);
    const boxes = await tabIntoGroup(page);
    for (const [i, id] of [boxes[0], boxes[1]].entries()) {
      if (i > 0) await arrowTo(page, 'ArrowDown', id);
      await page.keyboard.press('Space');
      await page.waitForFunction((b) => b.every((x) => window.signaal.describe().widgets.find((w) => w.id === x).selected),
        boxes.slice(0, i + 1));
      assert((await focused(page)).id === id, `ticking ${id} moved the focus to ${(await focused(page)).id}`);
    }
    const last = boxes.at(-1);
    const inView = (id) => find(page, (w) => w.id === id && w.rect[1] >= 0 && w.rect[1] + w.rect[3] <= 640, `${id} wholly in view`);
    assert(!(await describe(page)).widgets.find((w) => w.id === last).visible, `${last} is on screen already: nothing to scroll`);
    await arrowTo(page, 'ArrowUp', boxes[0], { after: false });
    await arrowTo(page, 'ArrowUp', last);
    await inView(last);
    const ring = await ringPixels(page, last, focusColour);
    assert(ring > 200, `only ${ring} ring-coloured pixels around ${last}`);
    await arrowTo(page, 'ArrowDown', boxes[0], { after: false });
    await inView(boxes[0]);
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
    await page.close();
  });

  await t.test('arrow keys in Arabic: Left goes to the next language, the one to its left; Right back', async () => {
    const { page } = await openApp(context, server, { languages: ['ar'] });
    assert((await describe(page)).dir === 'rtl', 'the Arabic start screen is not right to left');
    const languages = await tabIntoGroup(page);
    assert((await focused(page)).id === languages[0], `Tab entered the languages at ${(await focused(page)).id}`);
    await arrowTo(page, 'ArrowLeft', languages[1]);
    await arrowTo(page, 'ArrowLeft', languages[2]);
    await arrowTo(page, 'ArrowRight', languages[1], { after: false });
    await arrowTo(page, 'ArrowDown', languages[2]);
    await arrowTo(page, 'ArrowUp', languages[1], { after: false });
    await page.close();
  });

  await t.test('the focused widget scrolls into view; arrow and page keys scroll the screen', async () => {
    const { page } = await openApp(context, server, { viewport: { width: 360, height: 640 } });
    const last = ui['start.who.professional'];
    await tabTo(page, last);
    await page.waitForTimeout(150);
    const { widget } = await find(page, (w) => w.id === 'who.professional', 'who.professional');
    assert(widget.rect[1] + widget.rect[3] <= 640, `the focused answer is off screen: ${widget.rect}`);
    const [, max] = await scrollsAfter(page, 'Home', (_, [y]) => y === 0);
    assert(max > 200, `the start screen at 360x640 scrolls only ${max} px: nothing to test`);
    await scrollsAfter(page, 'ArrowDown', ([y0], [y]) => y === y0 + 48);
    await scrollsAfter(page, 'PageDown', ([y0], [y, m]) => y > y0 + 200 || y === m);
    await scrollsAfter(page, 'End', (_, [y, m]) => y === m);
    await scrollsAfter(page, 'PageUp', ([y0], [y]) => y < y0);
    await page.close();
  });

  await t.test('a text field: Tab gives it the keyboard, typing shows, Tab and Shift+Tab leave it in order', async () => {
    const { page } = await openApp(context, server);
    await tabTo(page, ui['start.reply']);
    await page.keyboard.press('Enter');
    await expectHeadingFocus(page, 'the reply screen');
    const field = (await find(page, (w) => w.role === 'textbox', 'a text field')).widget;
    await tabTo(page, field.label);
    assert((await page.evaluate(() => document.activeElement.id)) === 'text-bridge',
      'Tab onto the field did not give the keyboard to the textarea');
    const label = await page.evaluate(() => document.getElementById('text-bridge').getAttribute('aria-label'));
    assert(label === field.label, `the textarea is named ${JSON.stringify(label)}, not like its field`);
    await page.keyboard.type('ab12');
    await page.waitForFunction((id) => window.signaal.describe().widgets.find((w) => w.id === id)?.value === 'ab12', field.id);
    const controls = await page.evaluate(() => [...document.querySelectorAll('#mirror button, #mirror [role=textbox]')]
      .map((el) => el.dataset.id));
    const at = controls.indexOf(field.id);
    await page.keyboard.press('Tab');
    const next = await focused(page);
    assert(next.id === controls[at + 1], `Tab from the field went to ${next.id}, not ${controls[at + 1]}`);
    await page.waitForFunction((id) => !window.signaal.describe().widgets.find((w) => w.id === id).focused, field.id);
    const after = (await find(page, (w) => w.id === field.id, field.id)).widget;
    assert(after.value === 'ab12', `leaving the field changed it to ${JSON.stringify(after.value)}`);
    await page.keyboard.press('Shift+Tab');  // back onto the field's element: the textarea again
    await page.keyboard.press('Shift+Tab');
    const prev = await focused(page);
    assert(prev.id === controls[at - 1], `Shift+Tab from the field went to ${prev.id}, not ${controls[at - 1]}`);
    await page.close();
  });

  await t.test('Escape twice leaves even while a button has the focus', async () => {
    const { page } = await openApp(context, server);
    const config = JSON.parse(readFileSync(path.join(site, 'config.json'), 'utf8'));
    await tabTo(page, ui['start.who.self']);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForURL((u) => u.href === config.exit_url);
    await page.close();
  });
}
