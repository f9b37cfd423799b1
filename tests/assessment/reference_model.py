"""An independent reference of the assessment rule of engine th-ilo-palermo-v1.

Written from the shared content model's MODEL.md ("Rule") and the readings of it in
docs/assessment.md alone, not from src/core/assessment.cpp, so that differential_test.py can
hold the engine against a second reading of the same text. It computes the level, categories,
flags and dimension statuses of the evaluation contract; reasons are out of scope.

assess(catalogue, case): catalogue is the parsed indicators.json, case an input object of the
contract (age_group, under16, activities, answers), assumed valid.
"""

GRADED = ("REC_DEC", "REC_COE", "REC_VUL", "EXP", "DEST_COE", "DEST_VUL")
REC = ("REC_DEC", "REC_COE", "REC_VUL")
DEST = ("DEST_COE", "DEST_VUL")
VULNERABILITY = ("REC_VUL", "DEST_VUL")
COERCION = ("REC_COE", "DEST_COE")
# Unsure answers here are what may raise an inconclusive result to level 3 (step 5).
RAISING = ("EXP", "REC_COE", "DEST_COE")
# Minors, step 4: any of these present is level 4 whatever the rest.
DECISIVE = frozenset({
    "EXP.SEX.MINOR_COMMERCIAL", "EXP.SEX.ONLINE_CONTENT", "EXP.CRIM.CRIMES_FOR_OTHERS",
    "EXP.BEG.FORCED_BEGGING", "EXP.OTHER.MARRIAGE_ORGAN_SURROGACY",
})


def dimension_status(grades):
    """Step 2, on the grades of a dimension's present indicators ("-" counts as nothing)."""
    s, m, w = grades.count("S"), grades.count("M"), grades.count("W")
    if s >= 2 or (s >= 1 and m + w >= 1) or m >= 3 or (m >= 2 and w >= 1):
        return "positive"
    if s or m:
        return "partial"
    return "weak" if w else "absent"


def implied_category(indicator_id):
    """Step 6: the category a present indicator implies, or None."""
    if indicator_id.startswith("EXP.SEX."):
        return "sexual"
    if indicator_id == "EXP.CRIM.IDENTITY_MISUSE":
        return "financial"
    for prefix, category in (("EXP.CRIM.", "criminal"), ("EXP.BEG.", "begging"),
                             ("EXP.OTHER.", "other")):
        if indicator_id.startswith(prefix):
            return category
    return None


def adult_level(status, present, grade, invol, coerc, any_unsure):
    def in_dims(dims):
        return [i for i in present if i["dimension"] in dims]

    exp_positive = status["EXP"] == "positive"
    if exp_positive and (
            (any(status[d] == "positive" for d in REC) and any(status[d] == "positive" for d in DEST))
            or (status["DEST_COE"] == "positive" and invol and coerc)):
        return 4
    if (exp_positive and (coerc or status["REC_DEC"] != "absent" or in_dims(VULNERABILITY))) \
            or (invol and coerc) \
            or any(grade(i) == "S" for i in in_dims(COERCION)):
        return 3
    if in_dims(("EXP",)):
        return 2
    if in_dims(VULNERABILITY) or any_unsure:
        return 1
    return 0


def minor_level(status, present, coerc):
    # No means are required for minors, and the rule has no level 2 and no "unsure" branch.
    risk = sum(1 for i in present if i["dimension"] == "RISK_MINOR")
    vulnerable = any(i["dimension"] in VULNERABILITY for i in present)
    if status["EXP"] == "positive" or any(i["id"] in DECISIVE for i in present):
        return 4
    if any(i["dimension"] == "EXP" for i in present) or coerc or risk >= 2 or (risk and vulnerable):
        return 3
    if risk or vulnerable:
        return 1
    return 0


def assess(catalogue, case):
    by_id = {indicator["id"]: indicator for indicator in catalogue}
    answers = case.get("answers", {})
    # Present is state "yes" only; unsure and no never count as present.
    present = [by_id[i] for i, state in answers.items() if state == "yes"]
    unsure = [by_id[i] for i, state in answers.items() if state == "unsure"]
    child = case.get("age_group", "unknown") != "adult"  # unknown age is scored as a minor

    categories = set(case.get("activities", []))
    categories |= {implied_category(i["id"]) for i in present} - {None}

    sexual = "sexual" in categories
    profile = ("CS" if sexual else "CL") if child else ("AS" if sexual else "AL")

    def grade(indicator):
        return indicator["strength"][profile]

    status = {d: dimension_status([grade(i) for i in present if i["dimension"] == d])
              for d in GRADED}
    invol = any(i["icls"] == "invol" for i in present)
    coerc = any(i["icls"] == "coerc" for i in present)

    if child:
        level = minor_level(status, present, coerc)
    else:
        level = adult_level(status, present, grade, invol, coerc, bool(unsure))

    present_ids = {i["id"] for i in present}
    flags = []
    if "SAFE.IMMEDIATE_DANGER" in present_ids:
        flags.append("URGENT")
    if child:
        flags.append("MINOR")
        if case.get("under16", False):
            flags.append("UNDER16")
    # Looks at the level of step 4, before the INCONCLUSIVE raise below.
    if "CTX.SMUGGLED_PAID" in present_ids and level <= 1:
        flags.append("SMUGGLING_NOT_TRAFFICKING")

    asked = sum(1 for i in answers if by_id[i]["dimension"] in GRADED)
    unsure_graded = [i for i in unsure if i["dimension"] in GRADED]
    if unsure_graded and len(unsure_graded) * 10 >= asked * 3:
        flags.append("INCONCLUSIVE")
        if level < 3 and any(i["dimension"] in RAISING for i in unsure_graded):
            level = 3

    return {"level": level, "categories": sorted(categories), "flags": flags,
            "dimensions": status}
