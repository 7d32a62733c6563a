#!/usr/bin/env python3
"""Writes the samples of the instruments added after the first wave, with their expected
results (Samples/expected/<stem>.json) computed from the script's own truth by each source's
rules, never by reading the files back. Deterministic (fixed seeds); standard library only.

    python3 Samples/tools/make_instrument_samples.py

- ons4-social-prescribing.csv: a link worker's baseline and follow-up ONS4 answers (ONS wording,
  Open Government Licence); 0-10 numbers, end labels, a blank, two answers that are not on the
  scale, and a "Happiness" column answered in words that must not be taken for the ONS4 item.
- djg6-older-people.csv: the De Jong Gierveld 6-item scale, yes / more or less / no. Its wording
  is not shipped (see Instruments/djg6.json), so the columns carry short theme phrases.
- lsns6-assessments.csv: the Lubben Social Network Scale (LSNS-6), numbers of relatives and
  friends. Wording not shipped either: the columns carry short descriptions.

Rules (the expected results):
- ONS4 (reference instruments.md section 5): each item is its own 0-10 scale; no composite.
- DJG-6 (de Jong Gierveld & van Tilburg, Manual of the Loneliness Scale, SPSS syntax in its
  section on the 6-item scale): emotional items score 1 for yes or more or less, social items 1
  for no or more or less; a subscale is missing when any of its items is; the total is missing
  when more than one item is, and with one missing it is the sum of the five answered.
- LSNS-6 (Lubben et al. 2006): six items coded 0-5; family = items 1-3, friends = items 4-6,
  total = all six; every item needed.
An answer that is not an option makes every scale that reads it invalid (Kith's rule).
"""

import csv
import json
import random
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent
EXPECTED = SAMPLES / "expected"


def write_csv(name, rows):
    with open(SAMPLES / name, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def write_expected(name, rows, notes):
    with open(EXPECTED / (Path(name).stem + ".json"), "w", encoding="utf-8") as f:
        json.dump({"file": name, "source": "generic", "encoding": "utf-8", "delimiter": ",", "header_rows": 1,
                   "rows": rows, "notes": notes}, f, indent=1, ensure_ascii=False)
        f.write("\n")


def row(number, source_id, scores, person=None, wave=None):
    return {"row": number, "source_id": source_id, "status": "complete", "reason": None, "duplicate_of": None,
            "person": person, "wave": wave, "scores": scores}


def scale_result(items, answers, total):
    """Kith's status for a scale that needs every item: invalid wins, then incomplete, else `total`."""
    invalid = [i for i in items if answers[i] == "invalid"]
    missing = [i for i in items if answers[i] is None]
    if invalid:
        return {"value": None, "status": "invalid", "invalid": invalid}
    if missing:
        return {"value": None, "status": "incomplete", "missing": missing}
    return {"value": total(items), "status": "complete"}


# --------------------------------------------------------------------------
# ONS4
# --------------------------------------------------------------------------

ONS4_ITEMS = ["ons4_satisfaction", "ons4_worthwhile", "ons4_happiness", "ons4_anxiety"]
ONS4_SCALES = {"ons4_satisfaction": "life-satisfaction", "ons4_worthwhile": "worthwhile",
               "ons4_happiness": "happiness", "ons4_anxiety": "anxiety"}
ONS4_HEADERS = [
    "Q1. Overall, how satisfied are you with your life nowadays?",
    # Two common variants: 'worthwhile' without 'that', anxiety without the scale's preamble.
    "Q2. Overall, to what extent do you feel the things you do in your life are worthwhile?",
    "Q3. Overall, how happy did you feel yesterday?",
    "Q4. Overall, how anxious did you feel yesterday? (0 = not at all, 10 = completely)",
]


def ons4_cell(code, rng):
    if code == 0:
        return rng.choice(["0", "Not at all", "0 - Not at all"])
    if code == 10:
        return rng.choice(["10", "Completely", "10 - Completely"])
    return str(code)


def make_ons4():
    rng = random.Random("ons4-social-prescribing")
    # "Happiness" is an alias of the ONS4 item, but this column is answered in words (a service feedback
    # question): the answers are not on the 0-10 scale, so it must not be taken for the item.
    header = ["ID", "Client ID", "Wave"] + ONS4_HEADERS + ["Happiness", "Referred by"]
    rows, expected = [header], []
    clients = [f"C{n:03d}" for n in range(1, 15)]
    # Fixed baselines cover every band boundary: life satisfaction etc. 4|5, 6|7, 8|9; anxiety 1|2, 3|4, 5|6.
    fixed = {
        "C001": [0, 4, 5, 6], "C002": [4, 5, 6, 7], "C003": [5, 6, 7, 8], "C004": [6, 7, 8, 9],
        "C005": [7, 8, 9, 10], "C006": [8, 9, 10, 0], "C007": [9, 10, 3, 1], "C008": [10, 2, 4, 2],
        "C009": [3, 0, 1, 3], "C010": [2, 3, 2, 4], "C011": [1, 1, 0, 5],
    }
    lost = {"C004", "C009", "C013"}
    number = 0
    for wave in ["Baseline", "Follow-up"]:
        for client in clients:
            if wave == "Follow-up" and client in lost:
                continue
            number += 1
            if wave == "Baseline" and client in fixed:
                codes = list(fixed[client])
            else:
                codes = [rng.randint(3, 10), rng.randint(3, 10), rng.randint(2, 10), rng.randint(0, 8)]
            answers = dict(zip(ONS4_ITEMS, codes))
            cells = [ons4_cell(c, rng) for c in codes]
            # Edge cases: a skipped question, a number off the scale, a fraction.
            if wave == "Baseline" and client == "C012":
                cells[2], answers["ons4_happiness"] = "", None
            if wave == "Follow-up" and client == "C002":
                cells[0], answers["ons4_satisfaction"] = "11", "invalid"
            if wave == "Follow-up" and client == "C006":
                cells[3], answers["ons4_anxiety"] = "7.5", "invalid"
            service = rng.choice(["Very happy", "Quite happy", "Not very happy"])
            rows.append([f"R{number:03d}", client, wave] + cells + [service, rng.choice(["GP", "Self", "Housing officer"])])
            scores = {f"ons4.{ONS4_SCALES[i]}": scale_result([i], answers, lambda items: answers[items[0]]) for i in ONS4_ITEMS}
            expected.append(row(number, f"R{number:03d}", scores, person=client, wave=wave.lower()))
    write_csv("ons4-social-prescribing.csv", rows)
    write_expected("ons4-social-prescribing.csv", expected, [
        "ONS4 personal well-being, each question its own 0-10 score (no composite); ONS wording (Open Government Licence).",
        "Baselines of C001-C011 put a score on each side of every ONS threshold (4|5, 6|7, 8|9; anxiety 1|2, 3|4, 5|6).",
        "Answers 'Not at all', '0 - Not at all' read as 0 and 'Completely', '10 - Completely' as 10.",
        "C012 baseline: happiness skipped -> incomplete. C002 follow-up: life satisfaction '11' -> invalid. "
        "C006 follow-up: anxiety '7.5' -> invalid (not a whole-number code).",
        "C004, C009 and C013 have no follow-up.",
        "'Happiness' (an alias of the ONS4 item) is answered in words (Very happy ...): not on the 0-10 scale, so not taken for the item.",
    ])


# --------------------------------------------------------------------------
# De Jong Gierveld 6-item scale
# --------------------------------------------------------------------------

DJG_ITEMS = ["djg6_1", "djg6_2", "djg6_3", "djg6_4", "djg6_5", "djg6_6"]
EMOTIONAL = ["djg6_1", "djg6_4", "djg6_6"]
SOCIAL = ["djg6_2", "djg6_3", "djg6_5"]
DJG_HEADERS = ["Q5a. Sense of emptiness", "Q5b. Plenty of people I can rely on", "Q5c. Many people I can trust completely",
               "Q5d. Miss having people around", "Q5e. Enough people I feel close to", "Q5f. Often feel rejected"]
DJG_LABELS = {"yes": ["Yes", "yes", "YES"], "more or less": ["More or less", "more or less", "Somewhat"], "no": ["No", "no"]}


def djg_item_score(item, answer):
    """The manual's dichotomous scoring."""
    if item in EMOTIONAL:
        return 1 if answer in ("yes", "more or less") else 0
    return 1 if answer in ("no", "more or less") else 0


def djg_total(answers):
    invalid = [i for i in DJG_ITEMS if answers[i] == "invalid"]
    missing = [i for i in DJG_ITEMS if answers[i] is None]
    if invalid:
        return {"value": None, "status": "invalid", "invalid": invalid}
    if len(missing) > 1:
        return {"value": None, "status": "incomplete", "missing": missing}
    value = sum(djg_item_score(i, answers[i]) for i in DJG_ITEMS if answers[i] is not None)
    if missing:
        return {"value": value, "status": "answered-sum", "missing": missing}
    return {"value": value, "status": "complete"}


def make_djg():
    rng = random.Random("djg6-older-people")
    header = ["Respondent", "Age band"] + DJG_HEADERS + ["Lives alone"]
    rows, expected = [header], []
    # Fixed rows: totals 0-6 and both sides of each subscale's 0|1 boundary; then the missing-item rules.
    fixed = [
        ["no", "yes", "yes", "no", "yes", "no"],                            # total 0
        ["more or less", "yes", "yes", "no", "yes", "no"],                  # emotional 1, total 1
        ["no", "more or less", "yes", "no", "yes", "no"],                   # social 1, total 1
        ["yes", "no", "yes", "no", "yes", "no"],                            # 1 + 1 = 2
        ["yes", "no", "more or less", "more or less", "yes", "no"],         # 2 + 2 = 4
        ["yes", "no", "no", "yes", "yes", "more or less"],                  # 3 + 2 = 5
        ["yes", "no", "no", "yes", "no", "yes"],                            # 3 + 3 = 6
        ["no", "no", "more or less", "no", "no", "no"],                     # 0 + 3 = 3
    ]
    special = {
        9: ("djg6_4", None),        # one emotional item missing: emotional missing, total = sum of five
        10: ("djg6_3", None),       # one social item missing
        11: ("djg6_1,djg6_2", None),  # two missing (one of each): both subscales and the total missing
        12: ("djg6_4,djg6_6", None),  # two emotional missing: emotional and total missing, social scored
        13: ("djg6_5", "invalid"),  # "Don't know" is not an option: social and total invalid
    }
    for number in range(1, 21):
        if number <= len(fixed):
            answers = dict(zip(DJG_ITEMS, fixed[number - 1]))
        else:
            answers = {i: rng.choice(["yes", "more or less", "no"]) for i in DJG_ITEMS}
        if number in special:
            items, value = special[number]
            for item in items.split(","):
                answers[item] = value
        cells = []
        for item in DJG_ITEMS:
            answer = answers[item]
            cells.append("" if answer is None else "Don't know" if answer == "invalid" else rng.choice(DJG_LABELS[answer]))
        rows.append([f"P{number:02d}", rng.choice(["65-74", "75-84", "85 or over"])] + cells + [rng.choice(["Yes", "No"])])
        scores = {
            "djg6.emotional": scale_result(EMOTIONAL, answers, lambda its: sum(djg_item_score(i, answers[i]) for i in its)),
            "djg6.social": scale_result(SOCIAL, answers, lambda its: sum(djg_item_score(i, answers[i]) for i in its)),
            "djg6.total": djg_total(answers),
        }
        expected.append(row(number, f"P{number:02d}", scores))
    write_csv("djg6-older-people.csv", rows)
    write_expected("djg6-older-people.csv", expected, [
        "De Jong Gierveld 6-item scale, 3-option form; columns carry theme phrases (wording not shipped).",
        "Manual's scoring: emotional items (1, 4, 6) score 1 for yes or more or less; social items (2, 3, 5) score 1 for no or more or less.",
        "Rows 1-8: totals 0-6 and each subscale at 0 and 1 (the 0|1 lonely boundary) and the total at 1|2 and 4|5.",
        "Row 9: djg6_4 missing -> emotional incomplete, total the sum of the five answered (answered-sum), not emotional + social.",
        "Row 10: djg6_3 missing -> social incomplete, total answered-sum. Row 11: djg6_1 and djg6_2 missing -> all three missing.",
        "Row 12: djg6_4 and djg6_6 missing -> emotional and total missing, social scored. Row 13: 'Don't know' -> social and total invalid.",
    ])


# --------------------------------------------------------------------------
# Lubben Social Network Scale, 6 items
# --------------------------------------------------------------------------

LSNS_ITEMS = [f"lsns6_{n}" for n in range(1, 7)]
LSNS_HEADERS = ["Relatives seen or heard from monthly", "Relatives to talk to about private matters", "Relatives to call on for help",
                "Friends seen or heard from monthly", "Friends to talk to about private matters", "Friends to call on for help"]
LSNS_LABELS = {0: "None", 1: "One", 2: "Two", 3: "Three or four", 4: "Five to eight", 5: "Nine or more"}


def make_lsns():
    rng = random.Random("lsns6-assessments")
    header = ["ID"] + LSNS_HEADERS + ["Lives alone"]
    rows, expected = [header], []
    # Fixed rows: the total at 11|12 and each subscale at 5|6, both ends (0 and 30).
    fixed = [
        [0, 0, 0, 0, 0, 0],      # 0 / 0 / 0
        [5, 5, 5, 5, 5, 5],      # 15 / 15 / 30
        [2, 2, 1, 2, 2, 2],      # 5 / 6 / 11
        [2, 2, 2, 2, 2, 2],      # 6 / 6 / 12
        [3, 3, 0, 1, 2, 2],      # 6 / 5 / 11
        [4, 1, 1, 3, 2, 1],      # 6 / 6 / 12
        [1, 1, 1, 5, 5, 4],      # 3 / 14 / 17
    ]
    special = {8: ("lsns6_2", None), 9: ("lsns6_6", None), 10: ("lsns6_4", "invalid")}
    for number in range(1, 19):
        codes = fixed[number - 1] if number <= len(fixed) else [rng.randint(0, 5) for _ in LSNS_ITEMS]
        answers = dict(zip(LSNS_ITEMS, codes))
        if number in special:
            item, value = special[number]
            answers[item] = value
        cells = []
        for item in LSNS_ITEMS:
            answer = answers[item]
            if answer is None:
                cells.append("")
            elif answer == "invalid":
                cells.append("Several")
            else:
                cells.append(LSNS_LABELS[answer] if rng.random() < 0.6 else str(answer))
        rows.append([f"L{number:02d}"] + cells + [rng.choice(["Yes", "No"])])
        total = lambda its: sum(answers[i] for i in its)  # noqa: E731
        scores = {
            "lsns6.family": scale_result(LSNS_ITEMS[:3], answers, total),
            "lsns6.friends": scale_result(LSNS_ITEMS[3:], answers, total),
            "lsns6.total": scale_result(LSNS_ITEMS, answers, total),
        }
        expected.append(row(number, f"L{number:02d}", scores))
    write_csv("lsns6-assessments.csv", rows)
    write_expected("lsns6-assessments.csv", expected, [
        "Lubben Social Network Scale, 6 items coded 0-5 (None, One, Two, Three or four, Five to eight, Nine or more), as labels or numbers.",
        "Columns carry short descriptions (wording not shipped).",
        "Rows 1-7: both ends (0, 30), the total at 11|12 and each subscale at 5|6.",
        "Row 8: lsns6_2 missing -> family and total incomplete. Row 9: lsns6_6 missing -> friends and total incomplete. "
        "Row 10: 'Several' -> friends and total invalid.",
    ])


if __name__ == "__main__":
    make_ons4()
    make_djg()
    make_lsns()
