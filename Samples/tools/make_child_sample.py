#!/usr/bin/env python3
"""Writes Samples/child-survey.csv (ONS loneliness measures for children aged 10-15, as a
school or youth-service survey might collect them) and Samples/expected/child-survey.json
from the script's own truth. Deterministic; standard library only.
Usage: python3 Samples/tools/make_child_sample.py"""
import csv, json, os, random
here = os.path.dirname(os.path.abspath(__file__))
samples = os.path.dirname(here)
rng = random.Random(1015)
THREE = ["Hardly ever or never", "Some of the time", "Often"]
DIRECT = ["Often/always", "Some of the time", "Occasionally", "Hardly ever", "Never"]
headers = ["Pupil ref", "Year group", "How often do you feel that you have no one to talk to?",
           "How often do you feel left out?", "How often do you feel alone?", "How often do you feel lonely?"]
rows, expected = [], []
for i in range(1, 19):
    codes = [rng.randrange(1, 4) for _ in range(3)]
    direct = rng.randrange(1, 6)
    cells = [THREE[c - 1] for c in codes]
    if i == 7: cells[1] = ""              # a skipped item: three-item measure incomplete
    if i == 12: cells[2] = "Sometimes?"   # not an option: invalid
    direct_cell = DIRECT[direct - 1] if i != 15 else ""
    rows.append([f"S{i:03d}", rng.choice(["Year 6", "Year 7", "Year 8", "Year 9", "Year 10", "Year 11"])] + cells + [direct_cell])
    scores = {}
    if i == 7:
        scores["ons-loneliness-child.three-item"] = {"value": None, "status": "incomplete", "missing": ["child_2"]}
    elif i == 12:
        scores["ons-loneliness-child.three-item"] = {"value": None, "status": "invalid", "invalid": ["child_3"]}
    else:
        scores["ons-loneliness-child.three-item"] = {"value": sum(codes), "status": "complete"}
    if i == 15:
        scores["ons-loneliness-child.direct"] = {"value": None, "status": "incomplete", "missing": ["child_direct"]}
    else:
        scores["ons-loneliness-child.direct"] = {"value": direct, "label": DIRECT[direct - 1], "status": "complete"}
    expected.append({"row": i, "source_id": f"S{i:03d}", "status": "complete", "reason": None, "duplicate_of": None,
                     "person": None, "wave": None, "scores": scores})
with open(os.path.join(samples, "child-survey.csv"), "w", newline="", encoding="utf-8") as f:
    csv.writer(f, lineterminator="\n").writerows([headers] + rows)
with open(os.path.join(samples, "expected", "child-survey.json"), "w", encoding="utf-8") as f:
    json.dump({"file": "child-survey.csv", "source": "generic", "encoding": "utf-8", "delimiter": ",", "header_rows": 1,
               "rows": expected,
               "notes": ["ONS children's measures (10-15): no one to talk to, left out, alone (sum 3-9) and the direct question.",
                         "'left out' and 'lonely' are also adult ONS wordings: the children's instrument is chosen because the file covers it completely.",
                         "Row 7: 'left out' skipped -> incomplete. Row 12: 'Sometimes?' -> invalid. Row 15: direct question skipped."]},
              f, indent=1)
    f.write("\n")
