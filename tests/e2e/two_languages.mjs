// Two languages for an outreach worker (issue 8): the worker, in Dutch, lets the person answer
// in their own language. Together: every question and answer in the person's language with the
// worker's words beneath, in Dutch and marked so; the route reaches the example's level.
// Handed over: when the device comes back nothing of the answers is on the screen, and only
// the person's tap shows the result, or erases every answer. Every language, as the person's,
// fits the narrowest phone with the Dutch beneath.
import { readFileSync } from 'node:fs';
import { localeTexts } from './a11y_lib.mjs';
import { assert, describe, find, openApp, screenshot } from './lib.mjs';
import { checkFits } from './locales.mjs';
import { planner } from './planner.mjs';
import { waitScreen } from './report.mjs';
import { answerAll, tapAndWait } from './routes.mjs';
import path from 'node:path';

const EXAMPLES = process.env.SIGNAAL_EXAMPLES || '/work/shared/content-model/examples.json';
const WORKER = 'nl';

// From the Dutch start screen to the screen where the worker picks the person's language.
export async function toTwoLanguages(page) {
  await tapAndWait(page, 'who.professional');
  await tapAndWait(page, 'safety.two_languages');
  return waitScreen(page, 'two_languages');
}

// From the Dutch start screen to the first screen the person reads in `person`.
async function pairUp(page, person, how) {
  await toTwoLanguages(page);
  await tapAndWait(page, `lang.${person}`);
  await tapAndWait(page, how);
  const first = how === 'pair.hand_over' ? 'hand_over' : 'safety';
  await waitScreen(page, first);
  const desc = await describe(page);
  assert(desc.lang === person, `the person's screen is in "${desc.lang}", not "${person}"`);
  return desc;
}

// The key of `label` among the texts of a question (its wording) or of its answers.
function keyOf(texts, label, prefixes) {
  return Object.keys(texts).find((k) => prefixes.some((p) => k.startsWith(p)) && texts[k] === label);
}

function routeOf(site, example) {
  const ex = JSON.parse(readFileSync(EXAMPLES, 'utf8'))[example];
  const questionnaire = JSON.parse(readFileSync(path.join(site, 'content/questionnaire.json'), 'utf8'));
  assert(ex.mode === 'self', `example ${example} is answered by the person themselves`);
  return { ex, answer: planner(questionnaire, ex) };
}

const level = (desc) => Number(desc.widgets.find((w) => w.id.startsWith('result.level.')).id.split('.')[2]);

export async function run(t, { context, server, site }) {
  const worker = localeTexts(site, WORKER);

  await t.test('together: each question and answer in Polish with the Dutch beneath; the example reaches its level', async () => {
    const person = localeTexts(site, 'pl');
    const { ex, answer } = routeOf(site, 0);
    const { page, errors } = await openApp(context, server);
    await pairUp(page, 'pl', 'pair.together');
    await tapAndWait(page, 'safety.continue');
    let checked = 0;
    const result = await answerAll(page, answer, async (n, desc, qid) => {
      const heading = desc.widgets.find((w) => w.id === `q.${qid}`);
      const key = keyOf(person, heading.label, [`q.${qid}.`]);
      assert(key, `q.${qid} says "${heading.label}", no Polish text of that question`);
      const beneath = desc.widgets.find((w) => w.id === `q.${qid}.beneath`);
      assert(beneath && beneath.lang === WORKER && beneath.label === worker[key],
        `beneath q.${qid}: ${JSON.stringify(beneath)}, not the Dutch "${worker[key]}"`);
      for (const w of desc.widgets.filter((x) => x.id.startsWith('answer.'))) {
        const answerKey = keyOf(person, w.label, [`q.${qid}.opt.`, 'answer.']);
        assert(answerKey && w.aside && w.aside.lang === WORKER && w.aside.label === worker[answerKey],
          `${w.id} "${w.label}" has aside ${JSON.stringify(w.aside)}, not the Dutch "${worker[answerKey]}"`);
        assert(!w.overflow, `${w.id} with its aside overflows`);
      }
      if (n === 2) await screenshot(page, 'two-languages-question');
      checked++;
    });
    assert(checked >= 5, `only ${checked} questions were checked`);
    assert(level(result) === ex.expected_level, `level ${level(result)}, expected ${ex.expected_level}`);
    const beneath = result.widgets.find((w) => w.id === 'result.level.beneath');
    assert(beneath && beneath.lang === WORKER, 'the level is not also said in Dutch');
    assert(errors.length === 0, errors.join('\n'));
    await page.close();
  });

  await t.test('handed over (Arabic): the device comes back showing no answer; the person shows the result', async () => {
    const { ex, answer } = routeOf(site, 1);
    const { page, errors } = await openApp(context, server);
    const handOver = await pairUp(page, 'ar', 'pair.hand_over');
    assert(handOver.dir === 'rtl', 'the Arabic screen is not right to left');
    const note = handOver.widgets.find((w) => w.id === 'handover.worker');
    assert(note && note.lang === WORKER && note.dir === 'ltr' && note.label === worker['handover.worker'],
      `the worker's note: ${JSON.stringify(note)}`);
    await tapAndWait(page, 'handover.begin');
    await tapAndWait(page, 'safety.continue');
    const back = await answerAll(page, answer);
    assert(back.screen === 'handed_back', `the last answer led to "${back.screen}"`);
    assert(back.answers > 0, 'the answers are gone before the person chose');
    const revealing = back.widgets.filter((w) => /^(answer|q|result|reason|help|nav)\./.test(w.id));
    assert(revealing.length === 0, `the returned device shows ${revealing.map((w) => w.id)}`);
    await screenshot(page, 'two-languages-handed-back');
    await tapAndWait(page, 'handback.show');
    const result = (await find(page, (w) => w.id.startsWith('result.level.'), 'the result')).desc;
    assert(level(result) === ex.expected_level, `level ${level(result)}, expected ${ex.expected_level}`);
    assert(errors.length === 0, errors.join('\n'));
    await page.close();
  });

  await t.test('handed over: "erase my answers" leaves no answer in memory', async () => {
    const { answer } = routeOf(site, 1);
    const { page, errors } = await openApp(context, server);
    await pairUp(page, 'en', 'pair.hand_over');
    await tapAndWait(page, 'handover.begin');
    await tapAndWait(page, 'safety.continue');
    await answerAll(page, answer);
    await tapAndWait(page, 'handback.erase');
    await waitScreen(page, 'end');
    const desc = await describe(page);
    assert(desc.answers === 0, `${desc.answers} answers are still in memory`);
    assert(!desc.widgets.some((w) => w.id.endsWith('.beneath') || w.aside), 'the worker\'s language is still shown');
    assert(errors.length === 0, errors.join('\n'));
    await page.close();
  });

  const config = JSON.parse(readFileSync(path.join(site, 'config.json'), 'utf8'));
  const narrow = { width: 360, height: 640 };
  await t.test('each language as the person\'s: the hand-over screen and a question with the Dutch beneath fit 360 px', async () => {
    for (const code of config.locales.filter((c) => c !== WORKER)) {
      const { page, errors } = await openApp(context, server, { viewport: narrow });
      await pairUp(page, code, 'pair.hand_over');
      await checkFits(page, code, 'handing over');
      await tapAndWait(page, 'handover.begin');
      await tapAndWait(page, 'safety.continue');
      await find(page, (w) => w.id.endsWith('.beneath'), 'the first question\'s Dutch');
      await checkFits(page, code, 'the first question with the Dutch beneath');
      assert(errors.length === 0, `${code}: ${errors.join('\n')}`);
      await page.close();
    }
  });
}
