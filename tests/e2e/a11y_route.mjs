// A whole route through the accessibility tree only, as a screen reader walks it: every
// question is read from the main heading and every answer found by its role and accessible
// name (Playwright role queries), then activated the way assistive technology does, with a
// click event on the element itself (the mirror takes no pointer events: fingers go to the
// canvas). No tap, no coordinates, no app description: only what a screen reader has.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assert, openApp, screenshot } from './lib.mjs';
import { localeTexts } from './a11y_lib.mjs';
import { planner } from './planner.mjs';

const EXAMPLES = process.env.SIGNAAL_EXAMPLES || '/work/shared/content-model/examples.json';

export async function run(t, { context, server, site }) {
  const questionnaire = JSON.parse(readFileSync(path.join(site, 'content/questionnaire.json'), 'utf8'));
  const examples = JSON.parse(readFileSync(EXAMPLES, 'utf8'));

  for (const [code, example] of [['nl', examples[0]], ['en', examples[2]]]) {
    await t.test(`${example.id} (${example.mode}) from start to result by role and name only, in ${code}`, async () => {
      const text = localeTexts(site, code);
      const { page, errors } = await openApp(context, server, { languages: [code] });
      // A question is known by what it says (its wording for any audience) and, where two
      // say the same, by the answers it offers.
      const byText = new Map();
      for (const [key, value] of Object.entries(text)) {
        const m = key.match(/^q\.([a-z0-9_]+)\.(self|self_minor|professional)$/);
        if (m) byText.set(value, new Set([...(byText.get(value) || []), m[1]]));
      }
      const offered = async (qid) => {
        const q = questionnaire.questions.find((x) => x.id === qid);
        if (q.type === 'yesno') return true;
        const name = text[`q.${qid}.opt.${q.options[0].value}`];
        return (await page.getByRole(q.type === 'multi' ? 'checkbox' : 'button', { name, exact: true }).count()) > 0;
      };
      const questionOf = async (heading) => {
        for (const qid of byText.get(heading) || []) if (await offered(qid)) return qid;
        return null;
      };
      const h1 = page.getByRole('heading', { level: 1 });
      const press = (role, name) => page.getByRole(role, { name, exact: true }).dispatchEvent('click');
      const nextPage = async (before) => {
        await page.waitForFunction((b) => document.querySelector('#mirror h1')?.textContent !== b, before);
        return h1.textContent();
      };

      assert((await h1.textContent()) === text['start.title'], `start heading: ${await h1.textContent()}`);
      await press('button', text[`start.who.${example.mode === 'professional' ? 'professional' : 'self'}`]);
      let heading = await nextPage(text['start.title']);
      assert(heading === text['safety.title'], `after choosing who: ${heading}`);
      await press('button', text['safety.continue']);
      heading = await nextPage(heading);

      const answer = planner(questionnaire, example);
      const level = (n) => text[`result.level.${n}.${example.mode === 'professional' ? 'professional' : 'self'}.title`];
      for (let n = 0; n < 60 && ![1, 2, 3, 4].some((l) => heading === level(l)); n++) {
        if (heading === text['emergency.title'] && !byText.has(heading)) {
          // The result may open with the emergency heading too: the level heading follows it.
          if (await page.getByRole('heading', { name: level(example.expected_level), exact: true }).count()) break;
          await press('button', text['emergency.continue']);
          heading = await nextPage(heading);
          continue;
        }
        const qid = await questionOf(heading);
        assert(qid, `the heading "${heading}" is no question`);
        const q = questionnaire.questions.find((x) => x.id === qid);
        const label = (v) => (v === 'prefer_not' || q.type === 'yesno' ? text[`answer.${v}`] : text[`q.${qid}.opt.${v}`]);
        const values = answer(qid);
        if (q.type === 'multi' && values[0] !== 'prefer_not') {
          for (const v of values) {
            const box = page.getByRole('checkbox', { name: label(v), exact: true });
            await box.dispatchEvent('click');
            await page.waitForFunction((name) => [...document.querySelectorAll('#mirror [role=checkbox]')]
              .some((el) => el.textContent === name && el.getAttribute('aria-checked') === 'true'), label(v));
          }
          await press('button', text['question.next']);
        } else {
          await press('button', label(values[0]));
        }
        heading = await nextPage(heading);
      }
      const shown = page.getByRole('heading', { name: level(example.expected_level), exact: true });
      assert(await shown.count() === 1, `the result does not say "${level(example.expected_level)}" (main heading "${heading}")`);
      await screenshot(page, `a11y-route-result-${code}`);
      assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
      await page.close();
    });
  }
}
