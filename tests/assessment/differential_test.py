#!/usr/bin/env python3
"""Differential test of the assessment engine: signaal-eval against reference_model.py, an
independent reading of MODEL.md and docs/assessment.md, on random and targeted inputs.

  differential_test.py --eval SIGNAAL_EVAL --catalogue INDICATORS.json --examples EXAMPLES.json
                       [--seed N] [--random N] [--targeted N]

Compared: level, flags (in order: their order is specified), categories (signaal-eval sorts
them, as assessment.h documents; the reference sorts too) and dimensions (statuses and key
order, the contract's order). Reasons are not compared. The worked examples are checked
against the reference first (their expected level, categories, flags), then joined to the
cases. signaal-eval has no batch mode: one process per case, several at a time, which is what
bounds the number of cases (about 3000 in 10 to 20 s, with the machine's load). Any mismatch
exits 1 and prints the first few inputs (their contract keys) with both results.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
import reference_model  # noqa: E402  (beside this file)

ACTIVITIES = ("labour", "domestic", "sexual", "criminal", "begging", "other")
STATES = ("yes", "unsure", "no")
SHOWN_MISMATCHES = 5
CONTRACT_KEYS = ("age_group", "under16", "activities", "answers")


class Generators:
    """Input generators, each a method taking no arguments and returning one case."""

    def __init__(self, rng, catalogue):
        self.rng = rng
        by_id = {i["id"]: i for i in catalogue}
        self.ids = list(by_id)
        self.graded = [i["id"] for i in catalogue if i["dimension"] in reference_model.GRADED]
        self.ungraded = [i for i in self.ids if i not in self.graded]
        self.raising = [i["id"] for i in catalogue if i["dimension"] in reference_model.RAISING]
        self.not_raising = [i for i in self.graded if i not in self.raising]
        self.exp = [i["id"] for i in catalogue if i["dimension"] == "EXP"]
        self.means = [i for i in self.graded if i not in self.exp]
        self.adult_weak_means = [i for i in self.means if by_id[i]["strength"]["AL"] == "W"]
        # Graded "-" under some profile: they count as present but add nothing to a status.
        self.dashed = [i["id"] for i in catalogue
                       if i["dimension"] in reference_model.GRADED and "-" in i["strength"].values()]
        # Graded differently under the sexual and the labour profile.
        self.profile_sensitive = [i["id"] for i in catalogue
                                  if i["strength"]["AL"] != i["strength"]["AS"]
                                  or i["strength"]["CL"] != i["strength"]["CS"]]

    def case(self, answers, age=None, under16=None, activities=None):
        """A contract input; None leaves the key out (its default: unknown, false, none)."""
        case = {"answers": answers}
        for key, value in (("age_group", age), ("under16", under16), ("activities", activities)):
            if value is not None:
                case[key] = value
        return case

    def age(self):
        return self.rng.choice(("adult", "adult", "minor", "unknown", None))

    def under16(self):
        return self.rng.choice((True, False, None))

    def activities(self):
        # Sometimes with a repeat: categories must still come out unique.
        chosen = self.rng.sample(ACTIVITIES, self.rng.randint(0, 3))
        if chosen and self.rng.random() < 0.1:
            chosen.append(chosen[0])
        return self.rng.choice((chosen, chosen, None))

    def answer(self, ids, count, weights=(1, 1, 1)):
        picked = self.rng.sample(ids, min(count, len(ids)))
        return {i: self.rng.choices(STATES, weights)[0] for i in picked}

    def random(self):
        # Density and mix of states vary per case so that levels 0..4 all occur.
        weights = [self.rng.random() for _ in STATES]
        answers = self.answer(self.ids, self.rng.choice((2, 5, 10, 25, 60)), weights)
        return self.case(answers, self.age(), self.under16(), self.activities())

    def sparse(self):
        # A few present indicators: the boundaries of step 2's thresholds.
        answers = self.answer(self.graded, self.rng.randint(1, 6), (6, 1, 2))
        answers.update(self.answer(self.ungraded, self.rng.randint(0, 2), (3, 1, 1)))
        return self.case(answers, self.age(), self.under16(), self.activities())

    def inconclusive_boundary(self):
        # Unsure at, just below or just above 30 % of the graded indicators asked (exactly 30 %
        # needs a multiple of 10 asked); ungraded answers are added, which must not count as asked.
        asked = self.rng.choice((10, 20, 30)) if self.rng.random() < 0.5 else self.rng.randint(1, 30)
        unsure = max(0, min(asked, -(-asked * 3 // 10) + self.rng.choice((-1, 0, 0, 1))))
        picked = self.rng.sample(self.graded, asked)
        answers = {i: "unsure" for i in picked[:unsure]}
        answers.update({i: self.rng.choice(("no", "no", "yes")) for i in picked[unsure:]})
        answers.update(self.answer(self.ungraded, self.rng.randint(0, 4)))
        return self.case(answers, self.age(), self.under16(), self.activities())

    def smuggling_with_raise(self):
        # Smuggled, little else present, and enough unsure to be inconclusive: some with an
        # unsure EXP/REC_COE/DEST_COE indicator (raised), some without (not raised).
        pool = self.raising if self.rng.random() < 0.7 else self.not_raising
        answers = {i: "unsure" for i in self.rng.sample(pool, self.rng.randint(1, 3))}
        for i in self.rng.sample(self.graded, self.rng.randint(0, 5)):
            answers.setdefault(i, self.rng.choice(("no", "no", "no", "yes")))
        answers["CTX.SMUGGLED_PAID"] = "yes"
        return self.case(answers, self.age(), self.under16(), self.activities())

    def minor_decisive(self):
        answers = self.answer(self.ids, self.rng.randint(0, 6), (1, 1, 2))
        answers[self.rng.choice(sorted(reference_model.DECISIVE))] = self.rng.choice(
            ("yes", "yes", "yes", "unsure", "no"))
        return self.case(answers, self.rng.choice(("minor", "unknown", None, "adult")),
                         self.under16(), self.activities())

    def dashed_grade(self):
        # A "-" indicator present alone or with a few others, under every profile.
        answers = {i: "yes" for i in self.rng.sample(self.dashed, self.rng.randint(1, len(self.dashed)))}
        for i in self.rng.sample(self.graded, self.rng.randint(0, 3)):
            answers.setdefault(i, self.rng.choice(STATES))
        return self.case(answers, self.age(), self.under16(), self.activities())

    def profile_switch(self):
        # Indicators whose grade depends on the sexual profile, with and without "sexual"
        # (chosen, or implied by a present EXP.SEX.* indicator).
        answers = {i: "yes" for i in self.profile_sensitive}
        answers.update(self.answer(self.graded, self.rng.randint(0, 4)))
        if self.rng.random() < 0.3:
            answers["EXP.SEX.EARNINGS_TAKEN"] = self.rng.choice(STATES)
        return self.case(answers, self.age(), self.under16(), self.activities())

    def exploitation_with_one_means(self):
        # An adult's exploitation with at most one means indicator: each clause of the adult
        # level 3 on its own (a lone weak REC_DEC, a lone vulnerability, a lone strong coercion).
        answers = {i: "yes" for i in self.rng.sample(self.exp, self.rng.randint(2, 5))}
        if self.rng.random() < 0.9:
            answers[self.rng.choice(self.rng.choice((self.means, self.adult_weak_means)))] = "yes"
        return self.case(answers, "adult", None, self.activities())

    def unknown_age(self):
        case = self.random()
        case.pop("age_group", None)
        if self.rng.random() < 0.5:
            case["age_group"] = "unknown"
        return case

    def under16_adult(self):
        case = self.random()
        case["age_group"] = "adult"
        case["under16"] = True
        return case


def engine(tool, catalogue_path, case):
    run = subprocess.run([tool, "--catalogue", catalogue_path, "-"], input=json.dumps(case),
                         capture_output=True, text=True, check=False)
    if run.returncode != 0:
        return {"exit": run.returncode, "stderr": run.stderr.strip()}
    result = json.loads(run.stdout)
    return {key: result[key] for key in ("level", "categories", "flags", "dimensions")}


def comparable(result):
    # Dimensions as a list of pairs, so their order is compared too.
    if "dimensions" not in result:
        return result
    return {**result, "dimensions": list(result["dimensions"].items())}


def check_examples(catalogue, examples):
    """The reference must reproduce the worked examples, or it is the reference that is wrong."""
    wrong = []
    for example in examples:
        got = reference_model.assess(catalogue, example)
        expected = {"level": example["expected_level"], "flags": example["expected_flags"],
                    "categories": sorted(example["expected_categories"])}
        if {key: got[key] for key in expected} != expected:
            wrong.append((example["id"], expected, got))
    return wrong


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", required=True, help="the signaal-eval binary")
    parser.add_argument("--catalogue", required=True, help="indicators.json")
    parser.add_argument("--examples", required=True, help="the shared examples.json")
    parser.add_argument("--seed", type=int, default=20240611)
    parser.add_argument("--random", type=int, default=2100, help="cases of the random generator")
    parser.add_argument("--targeted", type=int, default=100, help="cases of each targeted generator")
    args = parser.parse_args()

    catalogue = json.loads(Path(args.catalogue).read_text(encoding="utf-8"))
    examples = json.loads(Path(args.examples).read_text(encoding="utf-8"))
    wrong = check_examples(catalogue, examples)
    for example_id, expected, got in wrong:
        print(f"reference fails worked example {example_id}: expected {expected}, got {got}")
    if wrong:
        return 1

    print(f"seed {args.seed}")
    rng = random.Random(args.seed)
    generators = Generators(rng, catalogue)
    plan = [("random", generators.random, args.random)] + [
        (name, getattr(generators, name), args.targeted)
        for name in ("sparse", "inconclusive_boundary", "smuggling_with_raise", "minor_decisive",
                     "dashed_grade", "profile_switch", "exploitation_with_one_means", "unknown_age",
                     "under16_adult")]
    cases = [("example " + e["id"], e) for e in examples]
    for name, generate, count in plan:
        cases += [(name, generate()) for _ in range(count)]

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=(os.cpu_count() or 1) + 1) as pool:
        actual = list(pool.map(lambda c: engine(args.eval, args.catalogue, c[1]), cases))
    elapsed = time.monotonic() - started

    mismatches = []
    for (name, case), got in zip(cases, actual):
        expected = reference_model.assess(catalogue, case)
        if comparable(got) != comparable(expected):
            mismatches.append((name, case, expected, got))

    levels = sorted({r.get("level") for r in actual if "level" in r})
    print(f"compared {len(cases)} cases ({len(examples)} worked examples, {args.random} random, "
          f"{args.targeted} from each of {len(plan) - 1} targeted generators) in {elapsed:.1f} s; "
          f"levels seen {levels}")
    for name, case, expected, got in mismatches[:SHOWN_MISMATCHES]:
        contract = {key: case[key] for key in CONTRACT_KEYS if key in case}
        print(f"\nMISMATCH ({name}) input: {json.dumps(contract)}")
        print(f"  reference:    {json.dumps(expected)}")
        print(f"  signaal-eval: {json.dumps(got)}")
    if mismatches:
        print(f"\n{len(mismatches)} of {len(cases)} cases differ")
        return 1
    print("no differences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
