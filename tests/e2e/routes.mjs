// Whole routes, tapped as a person would on a phone: for each worked example the person (or
// worker) starts, passes the safety check, answers every question the app asks, and must
// see the expected level on the result screen. One route switches the language halfway and
// must keep every answer.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assert, describe, find, openApp, screenshot, tap, ROOT } from './lib.mjs';
import { planner } from './planner.mjs';

const EXAMPLES = process.env.SIGNAAL_EXAMPLES || '/work/shared/content-model/examples.json';

async function waitChange(page, before, what) {
  const key = (d) => `${d.screen}|${(d.widgets.find((w) => w.id.startsWith('q.')) || {}).id}|` +
    d.widgets.filter((w) => w.selected).map((w) => w.id).join(',');
  const deadline = Date.now() + 10000;
  while (Date.now() < deadline) {
    const d = await describe(page);
    if (key(d) !== key(before)) return d;
    await page.waitForTimeout(30);
  }
  await screenshot(page, `failed-${what.replace(/\W+/g, '-')}`);
  throw new Error(`nothing changed after ${what} on ${key(before)}: ${JSON.stringify(before.widgets.map((w) => [w.id, w.rect.map(Math.round)]))}`);
}

export async function tapAndWait(page, id) {
  const before = await tap(page, id);
  return waitChange(page, before, `tapping ${id}`);
}

// Answers questions until the result screen (or, on a handed-over device, the screen that
// hands it back, or the error screen when the result could not be shown); `onQuestion(n,
// desc)` may act between them.
export async function answerAll(page, answer, onQuestion) {
  const end = (w) => w.id.startsWith('result.level.') || w.id === 'handback.show' || w.id === 'error.title';
  for (let n = 1; n <= 60; n++) {
    const { desc } = await find(page, (w) => w.id.startsWith('q.') || end(w), 'a question or the result');
    if (['result', 'handed_back', 'error'].includes(desc.screen)) return desc;
    if (desc.screen === 'emergency') { await tapAndWait(page, 'emergency.continue'); continue; }
    const qid = desc.widgets.find((w) => w.id.startsWith('q.')).id.slice(2);
    if (onQuestion) await onQuestion(n, desc, qid);
    const values = answer(qid);
    const multi = desc.widgets.some((w) => w.role === 'checkbox');
    if (multi && values[0] !== 'prefer_not') {
      for (const v of values) await tapAndWait(page, `answer.${v}`);
      await tapAndWait(page, 'question.next');
    } else {
      await tapAndWait(page, `answer.${values[0]}`);
    }
  }
  throw new Error('no result after 60 questions');
}

export async function run(t, { context, server, site }) {
  const examples = JSON.parse(readFileSync(EXAMPLES, 'utf8'));
  const questionnaire = JSON.parse(readFileSync(path.join(site, 'content/questionnaire.json'), 'utf8'));

  for (const [i, ex] of examples.entries()) {
    const switchLanguage = i === 0;
    await t.test(`${ex.id} (${ex.mode}, ${ex.age_group}) reaches level ${ex.expected_level}` +
      (switchLanguage ? ', switching nl -> en halfway' : ''), async () => {
      const { page, errors } = await openApp(context, server);
      await tapAndWait(page, ex.mode === 'professional' ? 'who.professional' : 'who.self');
      await tapAndWait(page, 'safety.continue');
      await page.waitForFunction(() => performance.getEntriesByName('first-question', 'mark').length > 0);
      const answer = planner(questionnaire, ex);
      const desc = await answerAll(page, answer, async (n, d, qid) => {
        if (n === 1) await screenshot(page, `question-${ex.id}-nl`);
        if (!switchLanguage || n !== 6) return;
        const heldBefore = d.answers;
        const nlText = d.widgets.find((w) => w.id === `q.${qid}`).label;
        await tapAndWait(page, 'language');
        await screenshot(page, 'language-nl');
        await tap(page, 'lang.en');
        const { desc: after } = await find(page, (w) => w.id === `q.${qid}`, `q.${qid} after switching`);
        await page.waitForFunction(() => window.signaal.describe().lang === 'en');
        const now = await describe(page);
        const enText = now.widgets.find((w) => w.id === `q.${qid}`).label;
        assert(after.screen === 'question', `after switching: screen ${after.screen}`);
        assert(enText !== nlText, `question text did not change language: ${enText}`);
        assert(now.answers === heldBefore, `answers ${heldBefore} -> ${now.answers} after switching`);
        assert(await page.evaluate(() => document.documentElement.lang) === 'en', 'document lang is not en');
        await screenshot(page, `question-${ex.id}-en`);
      });
      const level = desc.widgets.find((w) => w.id.startsWith('result.level.'));
      await screenshot(page, `result-${ex.id}-${desc.lang}`);
      assert(level.id === `result.level.${ex.expected_level}`, `result ${level.id}, expected level ${ex.expected_level}`);
      assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
      await page.close();
    });
  }
}
