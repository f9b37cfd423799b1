// Keyboard only: a whole route from the start screen to the end screen with nothing but Tab,
// Shift+Tab, Enter and Space, the focus ring drawn on the canvas around the focused widget,
// the arrow and page keys scrolling, a text field typed into and left with Tab, and the quick
// exit (Escape twice) while a button has the focus. The test reads which element has the focus
// (and the app's description, to know where the widget is); it never taps or clicks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assert, describe, find, openApp, screenshot } from './lib.mjs';
import { countColour, focused, localeTexts, palette, tabTo } from './a11y_lib.mjs';
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

  await t.test('the focused widget scrolls into view; arrow and page keys scroll the screen', async () => {
    const { page } = await openApp(context, server, { viewport: { width: 360, height: 640 } });
    const last = ui['start.who.professional'];
    await tabTo(page, last);
    await page.waitForTimeout(150);
    const { widget } = await find(page, (w) => w.id === 'who.professional', 'who.professional');
    assert(widget.rect[1] + widget.rect[3] <= 640, `the focused answer is off screen: ${widget.rect}`);
    // Each key must move the content as far as it says: wait for the app to draw it.
    const scroll = async () => (await describe(page)).scroll;
    const after = async (key, test) => {
      const before = await scroll();
      await page.keyboard.press(key);
      for (let i = 0; i < 100; i++) {
        const now = await scroll();
        if (test(before, now)) return now;
        await page.waitForTimeout(30);
      }
      throw new Error(`${key} did not scroll as expected: from ${before} to ${await scroll()}`);
    };
    const [, max] = await after('Home', (_, [y]) => y === 0);
    assert(max > 200, `the start screen at 360x640 scrolls only ${max} px: nothing to test`);
    await after('ArrowDown', ([y0], [y]) => y === y0 + 48);
    await after('PageDown', ([y0], [y, m]) => y > y0 + 200 || y === m);
    await after('End', (_, [y, m]) => y === m);
    await after('PageUp', ([y0], [y]) => y < y0);
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
