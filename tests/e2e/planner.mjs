// Decides, for a worked example of /work/shared/content-model/examples.json (indicator
// states, age, activities, mode), which answer a person in that situation taps on each
// question the app shows. It reads only the content files (questionnaire.json), never the
// core: the app's own route and scoring are what is being tested.
export function planner(questionnaire, example) {
  const byId = new Map(questionnaire.questions.map((q) => [q.id, q]));
  const state = example.answers;  // indicator id -> yes | no | unsure
  const fed = (q) => [...(q.indicators || []).map((l) => l.id), ...(q.options || []).flatMap((o) => o.indicators || [])];
  // Questions whose indicators the example speaks about: their `when` must be made true.
  const wanted = questionnaire.questions.filter((q) => fed(q).some((id) => id in state));
  const enables = (q, value) => wanted.some((w) => (w.when || '').match(new RegExp(`\\b${q.id} (has|=) ${value}\\b`)));

  return function answer(questionId) {
    const q = byId.get(questionId);
    if (!q) throw new Error(`unknown question ${questionId}`);
    if (q.type === 'yesno') {
      for (const link of q.indicators || []) {
        const s = state[link.id];
        if (!s) continue;
        if (s === 'unsure') return ['unsure'];
        const present = s === 'yes';
        return [present !== !!link.reverse ? 'yes' : 'no'];
      }
      return ['prefer_not'];
    }
    if (q.id === 'age' || q.options.some((o) => o.profile && o.profile.age_group)) {
      const o = q.options.find((x) => x.profile && x.profile.age_group === example.age_group &&
        !!x.profile.under16 === !!example.under16);
      return [o ? o.value : 'prefer_not'];
    }
    const chosen = q.options.filter((o) =>
      (o.profile && o.profile.activity && example.activities.includes(o.profile.activity)) ||
      (o.indicators || []).some((id) => state[id] === 'yes') ||
      enables(q, o.value)).map((o) => o.value);
    if (q.type === 'choice') return [chosen[0] || 'prefer_not'];
    if (chosen.length) return chosen;
    return [q.options.some((o) => o.value === 'none') ? 'none' : 'prefer_not'];
  };
}
