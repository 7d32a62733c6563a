#!/usr/bin/env python3
"""Writes the samples of the instruments added after the first wave, with their expected
results (Samples/expected/<stem>.json) computed from the script's own truth by each source's
rules, never by reading the files back. Deterministic (fixed seeds); standard library only.

    python3 Samples/tools/make_instrument_samples.py

- ons4-social-prescribing.csv: a link worker's baseline and follow-up ONS4 answers (ONS wording,
  Open Government Licence); 0-10 numbers, end labels, a blank, two answers that are not on the
  scale, and a "Happiness" column answered in words that must not be taken for the ONS4 item.

Rules (the expected results):
- ONS4 (reference instruments.md section 5): each item is its own 0-10 scale; no composite.
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


if __name__ == "__main__":
    make_ons4()
