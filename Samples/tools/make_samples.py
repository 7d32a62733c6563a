#!/usr/bin/env python3
"""Generate Kith's synthetic sample exports and their expected results.

Every file under Samples/ (except README.md and this tools/ folder) is written
by this script, together with Samples/expected/<file-stem>.json. The expected
results come from the script's own in-memory truth (the answer codes it drew
for each simulated respondent), never from parsing the written files back.

Deterministic: every generator draws from its own random.Random seeded with a
fixed string, so re-running gives byte-identical output and changing one
generator does not disturb the others. Standard library only.

    python3 Samples/tools/make_samples.py

All people, e-mail addresses (example.org), IP addresses (RFC 5737
documentation ranges) and identifiers are invented.

Copyright: WEMWBS/SWEMWBS statement wording is licensed and is never written;
columns carry short theme phrases only. A check at the end refuses to finish
if a forbidden phrase appears in any output. ONS loneliness wording is Open
Government Licence and is used verbatim.
"""

import csv
import datetime as dt
import io
import json
import math
import random
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent
EXPECTED = SAMPLES / "expected"

# --------------------------------------------------------------------------
# Instruments (facts from /work/shared/reference/instruments.md)
# --------------------------------------------------------------------------

ONS_INTRO = ("The next four questions are about relationships with others. "
             "For each one, please say how often (if at all) you feel that way.")
UCLA_ITEMS = ["ucla3_1", "ucla3_2", "ucla3_3"]
UCLA_TEXT = {
    "ucla3_1": "How often do you feel that you lack companionship?",
    "ucla3_2": "How often do you feel left out?",
    "ucla3_3": "How often do you feel isolated from others?",
}
UCLA_LABELS = {1: "Hardly ever or never", 2: "Some of the time", 3: "Often"}
DIRECT_TEXT = "How often do you feel lonely?"
DIRECT_LABELS = {1: "Often/always", 2: "Some of the time", 3: "Occasionally",
                 4: "Hardly ever", 5: "Never"}
FREQ_LABELS = {1: "None of the time", 2: "Rarely", 3: "Some of the time",
               4: "Often", 5: "All of the time"}

# WEMWBS item k (1-based) -> theme phrase used as a column header.
WEMWBS_THEMES = {
    1: "Optimistic about the future", 2: "Feeling useful", 3: "Feeling relaxed",
    4: "Interested in other people", 5: "Energy to spare",
    6: "Dealing with problems well", 7: "Thinking clearly",
    8: "Feeling good about myself", 9: "Feeling close to other people",
    10: "Feeling confident", 11: "Able to make up my own mind",
    12: "Feeling loved", 13: "Interested in new things", 14: "Feeling cheerful",
}
SWEMWBS_FROM_WEMWBS = [1, 2, 3, 6, 7, 9, 11]          # swemwbs_j = wemwbs_k
SW_KEYS = [f"wemwbs_{k}" for k in SWEMWBS_FROM_WEMWBS]  # truth keys, SWEMWBS order
SW_THEMES = [WEMWBS_THEMES[k] for k in SWEMWBS_FROM_WEMWBS]
WEMWBS_KEYS = [f"wemwbs_{k}" for k in range(1, 15)]
SWEMWBS_METRIC = {
    7: 7.00, 8: 9.51, 9: 11.25, 10: 12.40, 11: 13.33, 12: 14.08, 13: 14.75,
    14: 15.32, 15: 15.84, 16: 16.36, 17: 16.88, 18: 17.43, 19: 17.98,
    20: 18.59, 21: 19.25, 22: 19.98, 23: 20.73, 24: 21.54, 25: 22.35,
    26: 23.21, 27: 24.11, 28: 25.03, 29: 26.02, 30: 27.03, 31: 28.13,
    32: 29.31, 33: 30.70, 34: 32.55, 35: 35.00,
}

# Never written to any file: the stem of every licensed WEMWBS statement.
FORBIDDEN = ["i've been", "i\u2019ve been", "ive been", "i have been"]

AGE_BANDS = ["16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75 or over"]
SEXES = ["Female", "Male", "Prefer to self-describe", "Prefer not to say"]
KENT_DISTRICTS = ["Ashford", "Canterbury", "Dartford", "Dover",
                  "Folkestone and Hythe", "Gravesham", "Maidstone", "Sevenoaks",
                  "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells"]
ACTIVITIES = ["Went to a lunch club", "Joined a walking group",
              "Had a befriending phone call", "None of these"]
Q_AGE = "What is your age?"
Q_DISTRICT = "Which district do you live in?"
Q_ACT = "Which of these have you done in the last month? (Please tick all that apply)"
Q_CONTACTS = "On how many of the last 7 days did you talk to a friend, neighbour or relative?"
Q_COMMENT = "Is there anything else you would like to tell us?"
SW_STEM = "Over the last 2 weeks"

COMMENTS = [
    "The lunch club on Tuesdays is the highlight of my week.",
    "Since my husband died I don't see many people, but the phone calls help.",
    "I'd like more things in the evenings, not just daytime.",
    "Buses stop at 6pm so it's hard to get anywhere.",
    "Thank you for asking.",
    "My neighbour pops in most days, which makes a difference.",
    "It would help to have something for carers, we can't always get out.",
    "Not lonely as such, just very busy with work and the kids.",
    "The walking group got me out of the house again.",
    "Prefer to talk on the phone than fill in forms, to be honest.",
    "Moved here last year and still don't really know anyone.",
    "More benches in the park please, so older people can stop and chat.",
]


class Invalid:
    """An answer that is present but unusable: out-of-range code, unknown label."""

    def __init__(self, raw):
        self.raw = raw


NOANSWER = "no-answer"   # an explicit "no answer" code (9, -99): counts as unanswered


def R(name):
    """A generator's own random source (str seeds are hashed with SHA-512: stable)."""
    return random.Random(f"kith-samples/{name}/v1")


# --------------------------------------------------------------------------
# Simulated people
# --------------------------------------------------------------------------

def latent(rng, lshift=0.0, wshift=0.5):
    """Loneliness L and wellbeing W, correlated about -0.55."""
    lon = rng.gauss(lshift, 1.0)
    wel = -0.55 * lon + math.sqrt(1 - 0.55 ** 2) * rng.gauss(0, 1) + wshift
    return lon, wel


def ucla_code(rng, lon):
    z = lon + rng.gauss(0, 0.6)
    return 1 if z < 0.5 else (2 if z < 1.5 else 3)


def direct_code(rng, lon):
    z = lon + rng.gauss(0, 0.5)
    if z > 1.6:
        return 1
    if z > 0.75:
        return 2
    if z > 0.15:
        return 3
    if z > -0.75:
        return 4
    return 5


def freq_code(rng, wel):
    # Tuned so a general-population sample (wshift 0.5) has SWEMWBS metric mean
    # about 23.7, SD about 4.1: close to the HSE 2010-13 norms (23.7 men, 23.2 women).
    z = wel + rng.gauss(0, 0.8)
    if z < -2.2:
        return 1
    if z < -1.3:
        return 2
    if z < 0.0:
        return 3
    if z < 1.8:
        return 4
    return 5


def answers_for(rng, lon, wel, wemwbs14=False):
    ans = {k: ucla_code(rng, lon) for k in UCLA_ITEMS}
    ans["direct"] = direct_code(rng, lon)
    keys = WEMWBS_KEYS if wemwbs14 else SW_KEYS
    for k in keys:
        ans[k] = freq_code(rng, wel)
    return ans


def person(rng, lshift=0.0, wshift=0.5, wemwbs14=False):
    lon, wel = latent(rng, lshift, wshift)
    return answers_for(rng, lon, wel, wemwbs14)


def lonely_person(rng, wemwbs14=False):
    """Someone who answers the direct question 'Often/always', with coherent other answers."""
    lon = 1.7 + abs(rng.gauss(0, 0.45))
    wel = -0.55 * lon + math.sqrt(1 - 0.55 ** 2) * rng.gauss(0, 1) + 0.5
    ans = answers_for(rng, lon, wel, wemwbs14)
    ans["direct"] = 1
    return ans


# --------------------------------------------------------------------------
# Scoring the truth (what a correct engine must report)
# --------------------------------------------------------------------------

def _collect(ans, keys, ids):
    codes, missing, invalid = [], [], []
    for key, ident in zip(keys, ids):
        v = ans.get(key)
        if isinstance(v, Invalid):
            invalid.append(ident)
        elif v is None or v == NOANSWER:
            missing.append(ident)
        else:
            codes.append(v)
    return codes, missing, invalid


def _result(value, missing, invalid, extra_null=()):
    if invalid:
        out = {"value": None}
        out.update({k: None for k in extra_null})
        out.update({"status": "invalid", "invalid": invalid})
        if missing:
            out["missing"] = missing
        return out
    if missing:
        out = {"value": None}
        out.update({k: None for k in extra_null})
        out.update({"status": "incomplete", "missing": missing})
        return out
    return None


def score(ans, scales):
    out = {}
    if "ucla3" in scales:
        codes, m, inv = _collect(ans, UCLA_ITEMS, UCLA_ITEMS)
        out["ons-loneliness.ucla3"] = _result(None, m, inv) or {
            "value": sum(codes), "status": "complete"}
    if "direct" in scales:
        codes, m, inv = _collect(ans, ["direct"], ["direct"])
        out["ons-loneliness.direct"] = _result(None, m, inv, ("label",)) or {
            "value": codes[0], "label": DIRECT_LABELS[codes[0]], "status": "complete"}
    if "swemwbs" in scales:
        ids = [f"swemwbs_{j}" for j in range(1, 8)]
        codes, m, inv = _collect(ans, SW_KEYS, ids)
        raw = sum(codes)
        out["swemwbs.metric"] = _result(None, m, inv, ("raw",)) or {
            "value": SWEMWBS_METRIC[raw], "raw": raw, "status": "complete"}
    if "wemwbs" in scales:
        codes, m, inv = _collect(ans, WEMWBS_KEYS, WEMWBS_KEYS)
        out["wemwbs.total"] = _result(None, m, inv) or {
            "value": sum(codes), "status": "complete"}
    return out


def expected_row(i, rec, scales):
    excluded = rec.get("status") == "excluded"
    return {
        "row": i,
        "source_id": rec.get("source_id"),
        "status": rec.get("status", "complete"),
        "reason": rec.get("reason"),
        "duplicate_of": rec.get("duplicate_of"),
        "person": rec.get("person"),
        "wave": rec.get("wave"),
        "scores": {} if excluded else score(rec["ans"], scales),
    }


# --------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------

WRITTEN = []


def encode(text, encoding):
    if encoding == "utf-8":
        return text.encode("utf-8")
    if encoding == "utf-8-bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if encoding == "utf-16le":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if encoding == "windows-1252":
        return text.encode("cp1252")
    raise ValueError(encoding)


def table_text(rows, delimiter=",", quoting=csv.QUOTE_MINIMAL, newline="\r\n"):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator=newline)
    for r in rows:
        w.writerow(r)
    return buf.getvalue()


def check_text(name, text):
    low = text.lower()
    for phrase in FORBIDDEN:
        if phrase in low:
            raise SystemExit(f"forbidden phrase {phrase!r} in {name}")


def write_file(name, text, encoding):
    check_text(name, text)
    path = SAMPLES / name
    path.write_bytes(encode(text, encoding))
    WRITTEN.append(path)


def write_json(path, obj):
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(obj, indent=2, ensure_ascii=False) + "\n"
    check_text(path.name, text)
    path.write_text(text, encoding="utf-8")
    WRITTEN.append(path)


def write_expected(name, source, encoding, delimiter, header_rows, recs, scales, notes):
    rows = [expected_row(i, rec, scales) for i, rec in enumerate(recs, start=1)]
    write_json(EXPECTED / (Path(name).stem + ".json"), {
        "file": name, "source": source, "encoding": encoding,
        "delimiter": delimiter, "header_rows": header_rows,
        "rows": rows, "notes": notes,
    })
    return rows


# --------------------------------------------------------------------------
# Dates (UK local time; BST from 01:00 UTC on 29 March 2026)
# --------------------------------------------------------------------------

BST_START = dt.datetime(2026, 3, 29, 2, 0)   # local clock after the change


def is_bst(local):
    return local >= BST_START and local < dt.datetime(2026, 10, 25, 1, 0)


def to_utc(local):
    return local - dt.timedelta(hours=1) if is_bst(local) else local


def fmt_us_ampm(d):            # SurveyMonkey: 03/11/2026 09:03:12 AM
    return d.strftime("%m/%d/%Y %I:%M:%S %p")


def fmt_iso(d):                # 2026-03-11 09:03:12
    return d.strftime("%Y-%m-%d %H:%M:%S")


def fmt_uk(d):                 # 11/03/2026 09:03:12
    return d.strftime("%d/%m/%Y %H:%M:%S")


def fmt_gforms(d):             # 2026/03/11 9:03:12 AM GMT  (GMT+1 in summer)
    h12 = d.hour % 12 or 12
    ampm = "AM" if d.hour < 12 else "PM"
    tz = "GMT+1" if is_bst(d) else "GMT"
    return f"{d.year}/{d.month:02d}/{d.day:02d} {h12}:{d:%M:%S} {ampm} {tz}"


def times(rng, start, n, min_gap=20, max_gap=600, dur=(240, 900)):
    """n ascending (start, end) local datetime pairs."""
    out, t = [], start
    for _ in range(n):
        t = t + dt.timedelta(minutes=rng.randint(min_gap, max_gap), seconds=rng.randint(0, 59))
        if t.hour < 8:
            t = t.replace(hour=8 + rng.randint(0, 3))
        if t.hour > 21:
            t = (t + dt.timedelta(days=1)).replace(hour=9 + rng.randint(0, 2))
        out.append((t, t + dt.timedelta(seconds=rng.randint(*dur))))
    return out


def ip(rng):
    net = rng.choice(["192.0.2", "198.51.100", "203.0.113"])
    return f"{net}.{rng.randint(2, 254)}"


def pick_activities(rng):
    if rng.random() < 0.2:
        return [ACTIVITIES[3]]
    chosen = [a for a in ACTIVITIES[:3] if rng.random() < 0.35]
    return chosen or [ACTIVITIES[rng.randint(0, 2)]]


def demo(rng):
    return {
        "age": rng.choices(AGE_BANDS, weights=[6, 8, 10, 12, 16, 22, 26])[0],
        "district": rng.choice(KENT_DISTRICTS),
        "activities": pick_activities(rng),
        "contacts": rng.choice(["0", "1", "2", "3", "4", "5", "6", "7"]),
        "comment": rng.choice(COMMENTS) if rng.random() < 0.45 else "",
    }


def label(ans, key):
    """Choice text for a truth answer ('' when unanswered)."""
    v = ans.get(key)
    if v is None or v == NOANSWER:
        return ""
    if isinstance(v, Invalid):
        return v.raw
    if key in UCLA_ITEMS:
        return UCLA_LABELS[v]
    if key == "direct":
        return DIRECT_LABELS[v]
    return FREQ_LABELS[v]


def code(ans, key, missing=""):
    v = ans.get(key)
    if v is None:
        return ""
    if v == NOANSWER:
        return missing
    if isinstance(v, Invalid):
        return v.raw
    return str(v)


SURVEY_NOTE_SCALES = ("ucla3", "direct", "swemwbs")


# ==========================================================================
# 1. SurveyMonkey
# ==========================================================================

def gen_surveymonkey():
    rng = R("surveymonkey")
    n = 14
    h1 = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
          "Email Address", "First Name", "Last Name", "Custom Data 1"]
    h2 = [""] * 9
    h1 += [Q_AGE, Q_DISTRICT]
    h2 += ["Response", "Response"]
    h1 += [Q_ACT] + [""] * (len(ACTIVITIES) - 1)
    h2 += ACTIVITIES
    h1 += [ONS_INTRO, "", ""]
    h2 += [UCLA_TEXT[k] for k in UCLA_ITEMS]
    h1 += [DIRECT_TEXT]
    h2 += ["Response"]
    h1 += [f"{SW_STEM}, how often has each of these been true for you?"] + [""] * 6
    h2 += SW_THEMES
    h1 += [Q_CONTACTS, Q_COMMENT]
    h2 += ["Open-Ended Response", "Open-Ended Response"]

    recs = []
    slots = times(rng, dt.datetime(2026, 3, 11, 8, 40), n)
    rid = 118234567890
    for i in range(n):
        rid += rng.randint(3, 400)
        rec = {"ans": person(rng), "d": demo(rng), "t": slots[i], "source_id": str(rid)}
        rec["email_collector"] = i % 4 == 1
        recs.append(rec)
    # edge cases (in chronological order; file is written newest first)
    recs[3]["ans"]["ucla3_2"] = None                      # skipped one matrix row
    part = recs[8]                                         # abandoned after page 2
    for k in ["direct"] + SW_KEYS:
        part["ans"][k] = None
    part["d"]["contacts"] = ""
    part["d"]["comment"] = ""
    part["partial"] = True
    recs[10]["ans"] = lonely_person(rng)
    recs[10]["d"]["comment"] = 'Some days I don\'t speak to anyone at all, "not even the postman".'

    rows = [h1, h2]
    names = [("jo@example.org", "Jo", "Bloggs"), ("sam.patel@example.org", "Sam", "Patel"),
             ("m.okafor@example.org", "Mary", "Okafor"), ("alex@example.org", "Alex", "Reid")]
    ordered = list(reversed(recs))                         # newest first
    for j, rec in enumerate(ordered):
        a, d = rec["ans"], rec["d"]
        start, end = rec["t"]
        if rec.get("partial"):
            end = start + dt.timedelta(seconds=140)
        if rec["email_collector"]:
            em, fn, ln = names[j % len(names)]
            coll, custom = "431234599", "Library outreach"
        else:
            em = fn = ln = ""
            coll, custom = "431234567", ""
        row = [rec["source_id"], coll, fmt_us_ampm(start), fmt_us_ampm(end), ip(rng), em, fn, ln, custom,
               d["age"], d["district"]]
        row += [opt if opt in d["activities"] else "" for opt in ACTIVITIES]
        row += [label(a, k) for k in UCLA_ITEMS] + [label(a, "direct")]
        row += [label(a, k) for k in SW_KEYS]
        row += [d["contacts"], d["comment"]]
        rows.append(row)
    write_file("surveymonkey.csv", table_text(rows), "utf-8")

    pos = {id(r): i for i, r in enumerate(ordered, start=1)}
    notes = [
        "Two header rows: row 1 has the question text over the first column of each question only; row 2 has "
        "'Response' / 'Open-Ended Response' for single-column questions, the option text for each multi-select "
        "column and the row label (full ONS wording / theme phrase) for each matrix column.",
        "The first nine columns are respondent metadata; dates here are US month/day/year with AM/PM and no time "
        "zone. A public copy of a 2022 export has 'YYYY-MM-DD HH:MM:SS' instead: accept both.",
        "Rows here are newest first (Respondent IDs descend); row order is not meaningful in real exports.",
        f"Row {pos[id(recs[3])]}: one UCLA matrix row skipped -> UCLA incomplete (ucla3_2).",
        f"Row {pos[id(part)]}: partial response (left after the loneliness page): direct question and all SWEMWBS "
        "items blank. SurveyMonkey's export has no completion-status column, so the row's status is 'complete' "
        "(not marked otherwise) and the partial shows only as incomplete scores.",
        "Multi-select: one column per option; a cell holds the option text when ticked, blank otherwise.",
        "Email-collector rows carry Email Address / First Name / Last Name and Custom Data 1; web-link rows leave them blank.",
        f"Row {pos[id(recs[10])]}: comment contains a comma, an apostrophe and embedded double quotes (CSV-escaped).",
    ]
    for rec in recs:
        rec["status"] = "complete"
    write_expected("surveymonkey.csv", "surveymonkey", "utf-8", ",", 2, ordered,
                   SURVEY_NOTE_SCALES, notes)


# ==========================================================================
# 2-3. Qualtrics (choice text, numeric, legacy)
# ==========================================================================

QUAL_META = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)",
             "Finished", "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName",
             "RecipientEmail", "ExternalReference", "LocationLatitude", "LocationLongitude",
             "DistributionChannel", "UserLanguage"]
QUAL_META_LABEL = ["Start Date", "End Date", "Response Type", "IP Address", "Progress",
                   "Duration (in seconds)", "Finished", "Recorded Date", "Response ID",
                   "Recipient Last Name", "Recipient First Name", "Recipient Email",
                   "External Data Reference", "Location Latitude", "Location Longitude",
                   "Distribution Channel", "User Language"]
QUAL_META_IMPORT = ['{"ImportId":"startDate","timeZone":"Europe/London"}',
                    '{"ImportId":"endDate","timeZone":"Europe/London"}',
                    '{"ImportId":"status"}', '{"ImportId":"ipAddress"}', '{"ImportId":"progress"}',
                    '{"ImportId":"duration"}', '{"ImportId":"finished"}',
                    '{"ImportId":"recordedDate","timeZone":"Europe/London"}',
                    '{"ImportId":"_recordId"}', '{"ImportId":"recipientLastName"}',
                    '{"ImportId":"recipientFirstName"}', '{"ImportId":"recipientEmail"}',
                    '{"ImportId":"externalDataReference"}', '{"ImportId":"locationLatitude"}',
                    '{"ImportId":"locationLongitude"}', '{"ImportId":"distributionChannel"}',
                    '{"ImportId":"userLanguage"}']
QUAL_ACT = ["Went to a lunch club", "Joined a walking group", "Had a befriending phone call",
            "Other (please specify)", "None of these"]
QUAL_UCLA_RECODE = {1: "0", 2: "1", 3: "2"}               # designer recoded UCLA to 0-2
QUAL_DIRECT_RECODE = {1: "1", 2: "2", 3: "3", 4: "4", 5: "6"}  # 'Never' deleted and re-added
QUAL_STATUS_NUM = {"IP Address": "0", "Survey Preview": "1", "Spam": "8"}

_QUAL_CACHE = {}


def qualtrics_respondents():
    if "recs" in _QUAL_CACHE:
        return _QUAL_CACHE["recs"]
    rng = R("qualtrics")
    n = 16
    slots = times(rng, dt.datetime(2026, 3, 9, 15, 0), n, max_gap=900)
    recs = []
    for i in range(n):
        d = demo(rng)
        if ACTIVITIES[3] in d["activities"]:
            acts = ["None of these"]
        else:
            acts = d["activities"][:]
            if rng.random() < 0.15:
                acts.append("Other (please specify)")
        rec = {"ans": person(rng), "d": d, "acts": acts, "t": slots[i],
               "other": "Church coffee morning" if "Other (please specify)" in acts else "",
               "status": "complete", "qstatus": "IP Address", "progress": 100, "finished": True,
               "channel": "anonymous", "lastpage": 4,
               "source_id": "R_" + "".join(rng.choice("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(15)),
               "lat": f"{51.2 + rng.random() * 0.2:.13f}", "lon": f"{0.4 + rng.random() * 0.9:.13f}",
               "ip": ip(rng), "recipient": ("", "", "")}
        recs.append(rec)
    recs[0].update(status="excluded", reason="survey preview", qstatus="Survey Preview", channel="preview")
    recs[0]["t"] = (dt.datetime(2026, 3, 9, 14, 2, 41), dt.datetime(2026, 3, 9, 14, 4, 2))
    recs[3]["recipient"] = ("Bloggs", "Jo", "jo@example.org")
    recs[3]["channel"] = "email"
    recs[7]["recipient"] = ("Patel", "Sam", "sam.patel@example.org")
    recs[7]["channel"] = "email"
    # seen but unanswered: one UCLA row and, elsewhere, the direct question
    recs[5]["ans"]["ucla3_3"] = NOANSWER
    recs[11]["ans"]["direct"] = NOANSWER
    # partial: closed at 54 %, never reached page 3 (SWEMWBS) or page 4
    p = recs[9]
    p.update(status="partial", progress=54, finished=False, lastpage=2)
    for k in SW_KEYS:
        p["ans"][k] = None
    p["d"]["contacts"] = ""
    p["d"]["comment"] = ""
    # spam: flagged by Qualtrics, all answers the same
    s = recs[13]
    s.update(status="excluded", reason="spam", qstatus="Spam")
    s["ans"] = {**{k: 3 for k in UCLA_ITEMS}, "direct": 1, **{k: 1 for k in SW_KEYS}}
    s["d"]["comment"] = "www.example.com/cheap-offers"
    s["t"] = (s["t"][0], s["t"][0] + dt.timedelta(seconds=19))
    _QUAL_CACHE["recs"] = recs
    return recs


def _qual_columns():
    tags = QUAL_META + ["Q1", "Q2", "Q6", "Q6_4_TEXT", "Q3_1", "Q3_2", "Q3_3", "Q4"]
    tags += [f"Q5_{j}" for j in range(1, 8)] + ["Q7", "Q8"]
    texts = QUAL_META_LABEL + [Q_AGE, Q_DISTRICT,
                               f"{Q_ACT} - Selected Choice",
                               f"{Q_ACT} - Other (please specify) - Text"]
    texts += [f"{ONS_INTRO} - {UCLA_TEXT[k]}" for k in UCLA_ITEMS] + [DIRECT_TEXT]
    texts += [f"{SW_STEM} - {t}" for t in SW_THEMES] + [Q_CONTACTS, Q_COMMENT]
    imports = QUAL_META_IMPORT + ['{"ImportId":"QID1"}', '{"ImportId":"QID2"}',
                                  '{"ImportId":"QID6"}', '{"ImportId":"QID6_4_TEXT"}']
    imports += [f'{{"ImportId":"QID3_{j}"}}' for j in (1, 2, 3)] + ['{"ImportId":"QID4"}']
    imports += [f'{{"ImportId":"QID5_{j}"}}' for j in range(1, 8)]
    imports += ['{"ImportId":"QID7_TEXT"}', '{"ImportId":"QID8_TEXT"}']
    return tags, texts, imports


def gen_qualtrics(numeric):
    recs = qualtrics_respondents()
    rng = R("qualtrics-numeric" if numeric else "qualtrics-choice")
    tags, texts, imports = _qual_columns()
    rows = [tags, texts, imports]
    for rec in recs:
        a, d = rec["ans"], rec["d"]
        start, end = rec["t"]
        recorded = end + dt.timedelta(seconds=1) if rec["finished"] else end + dt.timedelta(hours=168)
        dur = int((end - start).total_seconds()) if rec["finished"] else int((recorded - start).total_seconds())
        if numeric:
            status = QUAL_STATUS_NUM[rec["qstatus"]]
            finished = "1" if rec["finished"] else "0"
            q1 = str(AGE_BANDS.index(d["age"]) + 1)
            q2 = str(KENT_DISTRICTS.index(d["district"]) + 1)
            q6 = ",".join(str(QUAL_ACT.index(x) + 1) for x in rec["acts"])
            ucla = []
            for k in UCLA_ITEMS:
                v = a.get(k)
                ucla.append("-99" if v == NOANSWER else ("" if v is None else QUAL_UCLA_RECODE[v]))
            v = a.get("direct")
            direct = "-99" if v == NOANSWER else ("" if v is None else QUAL_DIRECT_RECODE[v])
            sw = [code(a, k, "-99") for k in SW_KEYS]
        else:
            status = rec["qstatus"]
            finished = "True" if rec["finished"] else "False"
            q1, q2 = d["age"], d["district"]
            q6 = ",".join(rec["acts"])
            ucla = [label(a, k) for k in UCLA_ITEMS]
            direct = label(a, "direct")
            sw = [label(a, k) for k in SW_KEYS]
        last, first, email = rec["recipient"]
        row = [fmt_iso(start), fmt_iso(end), status, rec["ip"], str(rec["progress"]), str(dur),
               finished, fmt_iso(recorded), rec["source_id"], last, first, email, "",
               rec["lat"], rec["lon"], rec["channel"], "EN-GB",
               q1, q2, q6, rec["other"]] + ucla + [direct] + sw + [d["contacts"], d["comment"]]
        rows.append(row)
    name = "qualtrics-numeric.csv" if numeric else "qualtrics-choice-text.csv"
    write_file(name, table_text(rows), "utf-8-bom")

    notes = [
        "Three header rows: export tags (Q1, Q3_1, ...), question text ('<question> - <row>' for matrix rows), "
        "and ImportId JSON ({\"ImportId\":\"QID3_1\"}; dates also carry a timeZone).",
        "Columns follow the survey flow, not the tag numbers: Q6 (multi-select) comes before Q3.",
        "Row 1: Status 'Survey Preview' (DistributionChannel 'preview') -> excluded, reason 'survey preview'.",
        "Row 14: Status 'Spam' -> excluded, reason 'spam'.",
        "Row 10: Finished False, Progress 54 -> status 'partial'; the SWEMWBS page was never reached (blank). "
        "It was recorded when the session expired a week later, so RecordedDate and Duration reflect that.",
        "Row 6: UCLA row 3 seen but unanswered -> UCLA incomplete (ucla3_3).",
        "Row 12: direct question seen but unanswered -> direct incomplete.",
        "Q6 multi-select is one column, choices joined with ',' (no space); 'Other (please specify)' has its "
        "text in Q6_4_TEXT. Q6 header text ends ' - Selected Choice'.",
        "Dates are 'YYYY-MM-DD HH:MM:SS' in the time zone named in the ImportId row (Europe/London).",
        "Rows 4 and 8 came through an e-mail distribution: Recipient names/e-mail filled.",
    ]
    if numeric:
        notes[0:0] = [
            "Same survey and respondents as qualtrics-choice-text.csv, exported with 'Use numeric values' and "
            "'Recode seen but unanswered questions as -99'.",
            "Recode values are NOT the instrument codes: UCLA (Q3_1..Q3_3) is recoded 0 = Hardly ever or never, "
            "1 = Some of the time, 2 = Often; the direct question (Q4) uses 1,2,3,4,6 because 'Never' was deleted "
            "and re-added (6 = Never, there is no 5). SWEMWBS (Q5_*) is 1..5 as the instrument. "
            "qualtrics-numeric.map.json maps them; the expected scores assume that map is applied. "
            "Without it a reader must not score Q3 or Q4 (0 and 6 are out of range).",
            "-99 = seen but unanswered (counts as unanswered, not invalid). Blank = not seen (page never reached).",
            "Status is numeric: 0 = IP Address, 1 = Survey Preview, 8 = Spam; Finished is 1/0.",
        ]
        notes = [n for n in notes if not n.startswith("Row 1: Status") and not n.startswith("Row 14: Status")]
        notes.insert(4, "Row 1: Status 1 (Survey Preview) -> excluded; row 14: Status 8 (Spam) -> excluded.")
        notes = [n.replace("Status 'Survey Preview'", "Status 1") for n in notes]
    write_expected(name, "qualtrics", "utf-8-bom", ",", 3, recs, SURVEY_NOTE_SCALES, notes)


def gen_qualtrics_map():
    cols = {}
    for j, k in enumerate(UCLA_ITEMS, start=1):
        cols[f"Q3_{j}"] = {"item": f"ons-loneliness.{k}",
                           "codes": {v: c for c, v in QUAL_UCLA_RECODE.items()}}
    cols["Q4"] = {"item": "ons-loneliness.direct",
                  "codes": {v: c for c, v in QUAL_DIRECT_RECODE.items()}}
    for j in range(1, 8):
        cols[f"Q5_{j}"] = {"item": f"swemwbs.swemwbs_{j}",
                           "codes": {str(c): c for c in range(1, 6)}}
    write_json(SAMPLES / "qualtrics-numeric.map.json", {
        "format": "kith-map (proposal, v0)",
        "file": "qualtrics-numeric.csv",
        "comment": "Maps export columns to instrument items and the file's recode values to instrument codes. "
                   "Values listed under 'missing' mean unanswered. Any other value is invalid.",
        "header_rows": 3, "names_row": 1,
        "id_column": "ResponseId",
        "exclude": {"Status": ["1", "8"]},
        "exclude_comment": "Status 0 = IP Address (a normal response). 1 = Survey Preview and 8 = Spam are the codes "
                           "used in this file; the full list of Status codes is unconfirmed.",
        "missing": ["-99"],
        "columns": cols,
    })


def gen_qualtrics_legacy():
    rng = R("qualtrics-legacy")
    n = 10
    slots = times(rng, dt.datetime(2026, 3, 2, 10, 0), n, max_gap=1400)
    h1 = [f"V{i}" for i in range(1, 11)] + ["Q1", "Q2_1", "Q2_2", "Q2_3", "Q3"]
    h1 += [f"Q4_{j}" for j in range(1, 8)] + ["Q5", "LocationLatitude", "LocationLongitude",
                                               "LocationAccuracy", ""]
    h2 = ["ResponseID", "ResponseSet", "Name", "ExternalDataReference", "EmailAddress",
          "IPAddress", "Status", "StartDate", "EndDate", "Finished", Q_AGE]
    h2 += [f"{ONS_INTRO}-{UCLA_TEXT[k]}" for k in UCLA_ITEMS] + [DIRECT_TEXT]
    h2 += [f"{SW_STEM}-{t}" for t in SW_THEMES] + [Q_COMMENT, "LocationLatitude",
                                                    "LocationLongitude", "LocationAccuracy", ""]
    recs = []
    for i in range(n):
        rec = {"ans": person(rng), "d": demo(rng), "t": slots[i], "status": "complete",
               "qstatus": "0", "finished": "1",
               "source_id": "R_" + "".join(rng.choice("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(15))}
        recs.append(rec)
    recs[0].update(status="excluded", reason="survey preview", qstatus="1")
    recs[6]["ans"]["wemwbs_6"] = None
    recs[8].update(status="partial", finished="0")
    for k in SW_KEYS + ["direct"]:
        recs[8]["ans"][k] = None
    recs[8]["d"]["comment"] = ""
    rows = [h1, h2]
    for rec in recs:
        a, d = rec["ans"], rec["d"]
        start, end = rec["t"]
        row = [rec["source_id"], "Default Response Set", "Anonymous", "", "", ip(rng),
               rec["qstatus"], fmt_iso(start), fmt_iso(end), rec["finished"],
               str(AGE_BANDS.index(d["age"]) + 1)]
        row += [code(a, k) for k in UCLA_ITEMS] + [code(a, "direct")]
        row += [code(a, k) for k in SW_KEYS]
        row += [d["comment"], f"{51.2 + rng.random() * 0.2:.9f}", f"{0.4 + rng.random() * 0.9:.9f}", "-1", ""]
        rows.append(row)
    write_file("qualtrics-legacy.csv", table_text(rows), "utf-8")
    notes = [
        "Legacy (pre-2017) Qualtrics layout: two header rows. Row 1 has V1..V10 for the metadata and export tags "
        "for questions; row 2 has the metadata names (ResponseID, ResponseSet, Name, ExternalDataReference, "
        "EmailAddress, IPAddress, Status, StartDate, EndDate, Finished) and question text ('<question>-<row>').",
        "Every line ends with a comma: an empty, unnamed last column that a reader must drop.",
        "Numeric values with default recodes (1..n in display order), which match the instrument codes.",
        "Row 1: Status 1 (Survey Preview) -> excluded. Row 9: Finished 0 -> partial; direct and SWEMWBS blank.",
        "Row 7: SWEMWBS item 4 (theme 'Dealing with problems well') blank -> SWEMWBS incomplete.",
        "No Progress, Duration or RecordedDate columns in this layout.",
    ]
    write_expected("qualtrics-legacy.csv", "qualtrics-legacy", "utf-8", ",", 2, recs,
                   SURVEY_NOTE_SCALES, notes)


# ==========================================================================
# 4. Google Forms
# ==========================================================================

GF_ACT = ["Met friends, family or neighbours in person",
          "Phoned, texted or video-called someone",
          "Went to a club, class or group",
          "None of these"]


def gen_google_forms():
    rng = R("google-forms")
    n = 14
    head = ["Timestamp", "Email address", "Age group", Q_DISTRICT]
    head += [f"Relationships with others [{UCLA_TEXT[k]}]" for k in UCLA_ITEMS]
    head += [DIRECT_TEXT]
    head += [f"{SW_STEM} [{t}]" for t in SW_THEMES]
    head += ["Which of these have you done in the last week?", Q_CONTACTS, Q_COMMENT]
    slots = times(rng, dt.datetime(2026, 3, 17, 8, 50), n, min_gap=600, max_gap=4300)
    recs = []
    for i in range(n):
        d = demo(rng)
        if rng.random() < 0.15:
            acts = [GF_ACT[3]]
        else:
            acts = [o for o in GF_ACT[:3] if rng.random() < 0.5] or [GF_ACT[0]]
        recs.append({"ans": person(rng), "d": d, "acts": acts, "t": slots[i][1],
                     "email": f"resident{rng.randint(10, 99)}@example.org", "status": "complete"})
    recs[2]["ans"]["wemwbs_9"] = None                    # one grid row left blank
    recs[2]["acts"] = [GF_ACT[0], GF_ACT[1]]             # the ambiguous-comma example
    recs[5]["ans"] = lonely_person(rng)
    # duplicate of row 5: same answers, submitted again 61 seconds later
    dup = {k: (v.copy() if isinstance(v, (dict, list)) else v) for k, v in recs[4].items()}
    dup["ans"] = dict(recs[4]["ans"])
    dup["t"] = recs[4]["t"] + dt.timedelta(seconds=61)
    dup["duplicate_of"] = 5
    recs.insert(5, dup)
    rows = [head]
    for rec in recs:
        a, d = rec["ans"], rec["d"]
        rows.append([fmt_gforms(rec["t"]), rec["email"], d["age"], d["district"]]
                    + [label(a, k) for k in UCLA_ITEMS] + [label(a, "direct")]
                    + [label(a, k) for k in SW_KEYS]
                    + [", ".join(rec["acts"]), d["contacts"], d["comment"]])
    write_file("google-forms.csv", table_text(rows, newline="\n"), "utf-8")
    bst_rows = [i for i, r in enumerate(recs, start=1) if is_bst(r["t"])]
    notes = [
        "One header row. 'Timestamp' first, formatted 'YYYY/MM/DD h:mm:ss AM GMT' (12-hour clock, hour not "
        "zero-padded, zone suffix 'GMT' or 'GMT+1' after the clocks change on 29 March 2026).",
        f"Rows {bst_rows[0]}-{bst_rows[-1]} are in British Summer Time (GMT+1)." if bst_rows else
        "All rows are in GMT.",
        "Grid (multiple-choice grid) questions appear as one column per row: 'Question title [Row text]'.",
        "Checkbox answers are joined with ', ' and the options themselves contain commas: "
        "row 3 holds 'Met friends, family or neighbours in person, Phoned, texted or video-called someone' "
        "(two options). A reader must split against the known option list, not on commas.",
        "Row 6 is a near-identical duplicate of row 5 (same e-mail and answers, submitted 61 seconds later): "
        "duplicate_of = 5. Its scores are given; a de-duplication policy should keep row 5 only.",
        "Row 3: SWEMWBS grid row 'Feeling close to other people' blank -> SWEMWBS incomplete (swemwbs_6).",
        "Google Forms has no response id and no completion status: source_id is null, every row is 'complete'.",
        "Fields are quoted only when needed (commas, quotes); line ends are LF.",
    ]
    for i, rec in enumerate(recs, start=1):
        rec["source_id"] = None
    write_expected("google-forms.csv", "google-forms", "utf-8", ",", 1, recs, SURVEY_NOTE_SCALES, notes)


# ==========================================================================
# 5. Microsoft Forms (Unicode text and CSV UTF-8)
# ==========================================================================

def gen_microsoft_forms():
    rng = R("microsoft-forms")
    n = 12
    head = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time",
            Q_AGE, Q_DISTRICT] + [UCLA_TEXT[k] for k in UCLA_ITEMS] + [DIRECT_TEXT]
    head += SW_THEMES + [Q_ACT, Q_CONTACTS, Q_COMMENT]
    slots = times(rng, dt.datetime(2026, 3, 11, 9, 3), n, max_gap=1200)
    recs = []
    for i in range(n):
        recs.append({"ans": person(rng), "d": demo(rng), "t": slots[i], "source_id": str(i + 1),
                     "status": "complete", "modified": ""})
    recs[0]["t"] = (dt.datetime(2026, 3, 11, 9, 1, 47), dt.datetime(2026, 3, 11, 9, 3, 12))
    recs[2]["ans"]["ucla3_1"] = None
    recs[4]["modified"] = fmt_uk(recs[4]["t"][1] + dt.timedelta(hours=26, minutes=4))
    recs[6]["d"]["comment"] = ("Two things:\n1. The bus to town is every 2 hours.\n"
                               "2. I'd come to a \"coffee and chat\" if there was one.")
    recs[8]["ans"]["wemwbs_11"] = None
    recs[9]["ans"] = lonely_person(rng)
    rows = [head]
    for rec in recs:
        a, d = rec["ans"], rec["d"]
        start, end = rec["t"]
        rows.append([rec["source_id"], fmt_uk(start), fmt_uk(end), "anonymous", "", rec["modified"],
                     d["age"], d["district"]] + [label(a, k) for k in UCLA_ITEMS]
                    + [label(a, "direct")] + [label(a, k) for k in SW_KEYS]
                    + ["".join(x + ";" for x in d["activities"]), d["contacts"], d["comment"]])
    write_file("microsoft-forms.txt", table_text(rows, delimiter="\t"), "utf-16le")
    write_file("microsoft-forms-utf8.csv", table_text(rows), "utf-8-bom")
    common = [
        "Columns: ID, Start time, Completion time, Email ('anonymous' for anonymous forms), Name (blank), "
        "Last modified time (blank unless a response was edited), then one column per question.",
        "Dates are as Excel displays them in a UK locale: 'DD/MM/YYYY HH:MM:SS'.",
        "Likert questions give one column per statement, headed by the statement (ONS wording / theme phrase).",
        "Multi-select answers are joined with ';' and end with a trailing ';' (e.g. 'Went to a lunch club;None of these;').",
        "Row 3: UCLA 'lack companionship' blank -> UCLA incomplete. Row 9: SWEMWBS 'Able to make up my own mind' "
        "blank -> incomplete (swemwbs_7). Row 5 was edited after submission (Last modified time set).",
        "Row 7: the comment contains line breaks and double quotes inside one quoted field.",
        "Microsoft Forms has no completion-status column (only submitted responses are exported).",
    ]
    write_expected("microsoft-forms.txt", "microsoft-forms", "utf-16le", "\t", 1, recs, SURVEY_NOTE_SCALES,
                   ["Excel 'Unicode Text (*.txt)': UTF-16 little-endian with a byte-order mark (FF FE), "
                    "tab-separated, CRLF line ends; fields with tabs, quotes or line breaks are double-quoted."]
                   + common)
    write_expected("microsoft-forms-utf8.csv", "microsoft-forms", "utf-8-bom", ",", 1, recs,
                   SURVEY_NOTE_SCALES,
                   ["The same responses as microsoft-forms.txt saved from Excel as 'CSV UTF-8 (Comma delimited)': "
                    "UTF-8 with a byte-order mark (EF BB BF), comma-separated, CRLF line ends."] + common)


# ==========================================================================
# 6. SmartSurvey (layout assumed; see docs/dialects.md)
# ==========================================================================

def gen_smartsurvey():
    rng = R("smartsurvey")
    n = 12
    head = ["UserNo", "Name", "Email", "IP Address", "Unique ID", "Started", "Ended",
            f"Q1. {Q_AGE}", f"Q2. {Q_DISTRICT}"]
    head += [f"Q3. Relationships with others: {UCLA_TEXT[k]}" for k in UCLA_ITEMS]
    head += [f"Q4. {DIRECT_TEXT}"]
    head += [f"Q5. {SW_STEM}: {t}" for t in SW_THEMES]
    head += [f"Q6. Which of these have you done in the last month?: {o}" for o in ACTIVITIES]
    head += [f"Q7. {Q_CONTACTS}", f"Q8. {Q_COMMENT}"]
    slots = times(rng, dt.datetime(2026, 3, 12, 10, 0), n, max_gap=1500)
    recs, user_no = [], 40211873
    for i in range(n):
        user_no += rng.randint(1, 9)
        recs.append({"ans": person(rng), "d": demo(rng), "t": slots[i], "status": "complete",
                     "source_id": str(user_no)})
    recs[4]["status"] = "partial"
    for k in SW_KEYS:
        recs[4]["ans"][k] = None
    recs[4]["d"].update(contacts="", comment="", activities=[])
    recs[7]["ans"]["ucla3_1"] = None
    rows = [head]
    for i, rec in enumerate(recs):
        a, d = rec["ans"], rec["d"]
        start, end = rec["t"]
        named = i in (1, 6)
        rows.append([rec["source_id"], "Jo Bloggs" if i == 1 else ("Sam Patel" if i == 6 else ""),
                     "jo@example.org" if i == 1 else ("sam.patel@example.org" if i == 6 else ""),
                     ip(rng), f"INV-{rng.randint(1000, 9999)}" if named else "",
                     fmt_uk(start), "" if rec["status"] == "partial" else fmt_uk(end),
                     d["age"], d["district"]] + [label(a, k) for k in UCLA_ITEMS]
                    + [label(a, "direct")] + [label(a, k) for k in SW_KEYS]
                    + [o if o in d["activities"] else "" for o in ACTIVITIES]
                    + [d["contacts"], d["comment"]])
    write_file("smartsurvey.csv", table_text(rows), "utf-8-bom")
    notes = [
        "LAYOUT ASSUMED, NOT CONFIRMED: no SmartSurvey export documentation or public parser was found. "
        "Columns UserNo, Name, Email, IP Address, Unique ID, Started, Ended, then questions numbered 'Qn. text'; "
        "matrix rows as 'Qn. question: row'; multi-select one column per option (option text when ticked). "
        "Replace this file with a real export as soon as one is available.",
        "Dates assumed UK format 'DD/MM/YYYY HH:MM:SS'. UTF-8 with a byte-order mark (assumed).",
        "Row 5: 'Ended' blank -> treated as partial; SWEMWBS and later questions blank.",
        "Row 8: UCLA 'lack companionship' blank -> UCLA incomplete.",
    ]
    write_expected("smartsurvey.csv", "smartsurvey", "utf-8-bom", ",", 1, recs, SURVEY_NOTE_SCALES, notes)


# ==========================================================================
# 7. REDCap (raw export + data dictionary)
# ==========================================================================

REDCAP_ACT = ["Lunch club", "Walking group", "Befriending phone calls", "None of these"]
REDCAP_SEX = ["Female", "Male", "Prefer to self-describe", "Prefer not to say"]


def redcap_quote_rows(rows):
    """REDCap dictionary quoting: a field is quoted when it has a space, comma, quote or line break."""
    out = []
    for r in rows:
        cells = []
        for c in r:
            if any(ch in c for ch in ' ,"\n'):
                cells.append('"' + c.replace('"', '""') + '"')
            else:
                cells.append(c)
        out.append(",".join(cells))
    return "\n".join(out) + "\n"


def gen_redcap():
    rng = R("redcap")
    n = 14
    cols = ["record_id", "redcap_event_name", "redcap_survey_identifier", "about_you_timestamp",
            "age_band", "sex", "district"] + [f"activities___{j}" for j in range(1, 5)]
    cols += ["about_you_complete", "loneliness_wellbeing_timestamp", "ucla_1", "ucla_2", "ucla_3",
             "lonely_direct"] + [f"swemwbs_{j}" for j in range(1, 8)]
    cols += ["contacts_week", "comments", "loneliness_wellbeing_complete"]
    recs = []
    base_slots = times(rng, dt.datetime(2025, 11, 3, 9, 0), n, min_gap=300, max_gap=4000)
    for i in range(n):
        lon, wel = latent(rng, lshift=1.0, wshift=0.0)
        rid = str(1001 + i)
        d = demo(rng)
        b = {"ans": answers_for(rng, lon, wel), "d": d, "person": rid, "wave": "baseline",
             "event": "baseline_arm_1", "source_id": rid, "status": "complete", "complete": "2",
             "t": base_slots[i][1], "sex": rng.randint(1, 4) if rng.random() < 0.1 else rng.randint(1, 2)}
        recs.append(b)
        if rng.random() < 0.75:
            lon2 = lon - 0.5 + rng.gauss(0, 0.4)
            wel2 = wel + 0.35 + 0.4 * (lon - lon2 - 0.5) + rng.gauss(0, 0.4)
            f = {"ans": answers_for(rng, lon2, wel2), "d": demo(rng), "person": rid, "wave": "follow-up",
                 "event": "followup_arm_1", "source_id": rid, "status": "complete", "complete": "2",
                 "t": b["t"] + dt.timedelta(days=84 + rng.randint(-5, 12), minutes=rng.randint(-300, 300))}
            recs.append(f)
    fups = [r for r in recs if r["event"] == "followup_arm_1"]
    fups[1].update(status="partial", complete="0")         # survey started, not finished
    for k in SW_KEYS[3:]:
        fups[1]["ans"][k] = None
    fups[1]["d"]["comment"] = ""
    fups[3]["complete"] = "1"                               # entered by staff, unverified
    fups[3]["staff"] = True
    recs[0]["ans"]["direct"] = None
    rows = [cols]
    for rec in recs:
        a, d = rec["ans"], rec["d"]
        base = rec["event"] == "baseline_arm_1"
        ts = "[not completed]" if rec["complete"] == "0" else ("" if rec.get("staff") else fmt_iso(rec["t"]))
        row = [rec["person"], rec["event"], "",
               fmt_iso(rec["t"] - dt.timedelta(minutes=6)) if base else ""]
        if base:
            acts = [x for x in d["activities"]]
            ticks = ["1" if ACTIVITIES[j] in acts else "0" for j in range(4)]
            row += [str(AGE_BANDS.index(d["age"]) + 1), str(rec["sex"]),
                    str(KENT_DISTRICTS.index(d["district"]) + 1)] + ticks + ["2"]
        else:
            row += ["", "", "", "", "", "", "", ""]
        row += [ts] + [code(a, k) for k in UCLA_ITEMS] + [code(a, "direct")]
        row += [code(a, k) for k in SW_KEYS] + [d["contacts"] if rec["complete"] != "0" else "",
                                                 d["comment"], rec["complete"]]
        rows.append(row)
    write_file("redcap.csv", table_text(rows, newline="\n"), "utf-8")

    # data dictionary
    dd_head = ["Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
               "Choices, Calculations, OR Slider Labels", "Field Note",
               "Text Validation Type OR Show Slider Number", "Text Validation Min",
               "Text Validation Max", "Identifier?", "Branching Logic (Show field only if...)",
               "Required Field?", "Custom Alignment", "Question Number (surveys only)",
               "Matrix Group Name", "Matrix Ranking?", "Field Annotation"]

    def f(name, form, ftype, lab, choices="", section="", note="", val="", vmin="", vmax="",
          required="", matrix="", annot=""):
        return [name, form, section, ftype, lab, choices, note, val, vmin, vmax, "", "",
                required, "", "", matrix, "", annot]

    ch = lambda labels: " | ".join(f"{i}, {t}" for i, t in enumerate(labels, start=1))
    dd = [dd_head,
          f("record_id", "about_you", "text", "Record ID"),
          f("age_band", "about_you", "dropdown", Q_AGE, ch(AGE_BANDS), section="About you"),
          f("sex", "about_you", "radio", "What is your sex?", ch(REDCAP_SEX)),
          f("district", "about_you", "dropdown", Q_DISTRICT, ch(KENT_DISTRICTS)),
          f("activities", "about_you", "checkbox", Q_ACT, ch(REDCAP_ACT)),
          f("ucla_1", "loneliness_wellbeing", "radio", UCLA_TEXT["ucla3_1"], ch(UCLA_LABELS.values()),
            section=ONS_INTRO, required="y", matrix="ucla"),
          f("ucla_2", "loneliness_wellbeing", "radio", UCLA_TEXT["ucla3_2"], ch(UCLA_LABELS.values()),
            required="y", matrix="ucla"),
          f("ucla_3", "loneliness_wellbeing", "radio", UCLA_TEXT["ucla3_3"], ch(UCLA_LABELS.values()),
            required="y", matrix="ucla"),
          f("lonely_direct", "loneliness_wellbeing", "radio", DIRECT_TEXT, ch(DIRECT_LABELS.values()))]
    for j, t in enumerate(SW_THEMES, start=1):
        dd.append(f(f"swemwbs_{j}", "loneliness_wellbeing", "radio", t, ch(FREQ_LABELS.values()),
                    section=SW_STEM if j == 1 else "", matrix="swemwbs",
                    annot="SWEMWBS item (theme phrase only; wording licensed)" if j == 1 else ""))
    dd += [f("contacts_week", "loneliness_wellbeing", "text", Q_CONTACTS, val="integer", vmin="0", vmax="7"),
           f("comments", "loneliness_wellbeing", "notes", Q_COMMENT)]
    write_file("redcap-dictionary.csv", redcap_quote_rows(dd), "utf-8-bom")

    pos = {id(r): i for i, r in enumerate(recs, start=1)}
    notes = [
        "Raw (coded) export of a longitudinal project: one row per record per event; record_id + "
        "redcap_event_name is the row key (source_id holds record_id; person = record_id).",
        "Wave from redcap_event_name: baseline_arm_1 -> 'baseline', followup_arm_1 -> 'follow-up'.",
        "Codes are the dictionary's ('1, Hardly ever or never | 2, Some of the time | 3, Often'); they match "
        "the instrument codes, so no map is needed once the dictionary is read.",
        "Checkbox field 'activities' is exported as activities___1..activities___4 with 1/0.",
        "<form>_complete: 0 = Incomplete, 1 = Unverified, 2 = Complete. 0 -> status 'partial'; 1 and 2 -> 'complete' "
        f"(row {pos[id(fups[3])]} is Unverified: entered by staff, no survey timestamp).",
        f"Row {pos[id(fups[1])]}: survey started but not submitted (_complete 0, timestamp '[not completed]'); "
        "SWEMWBS items 4-7 blank -> SWEMWBS incomplete.",
        "Follow-up rows have the 'about_you' form columns blank (form not used at that event).",
        "Row 1: direct question blank -> direct incomplete.",
        "redcap-dictionary.csv: standard 18-column data dictionary, UTF-8 with a byte-order mark; fields quoted "
        "only when they contain a space, comma or quote. Field labels for SWEMWBS are theme phrases.",
        "Dates 'YYYY-MM-DD HH:MM:SS'. Line ends LF.",
    ]
    write_expected("redcap.csv", "redcap", "utf-8", ",", 1, recs, SURVEY_NOTE_SCALES, notes)


# ==========================================================================
# 8. LimeSurvey
# ==========================================================================

def gen_limesurvey():
    rng = R("limesurvey")
    n = 12
    head = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "ipaddr",
            "age", "district"] + [f"activity[SQ00{j}]" for j in range(1, 5)]
    head += [f"ucla[SQ00{j}]" for j in range(1, 4)] + ["lonely"]
    head += [f"wellb[SQ00{j}]" for j in range(1, 8)] + ["contacts", "comments"]
    slots = times(rng, dt.datetime(2026, 3, 10, 11, 0), n, max_gap=1300)
    recs = []
    for i in range(n):
        recs.append({"ans": person(rng), "d": demo(rng), "t": slots[i], "status": "complete",
                     "source_id": str(i + 1), "lastpage": "4"})
    recs[3].update(status="partial", lastpage="2")
    for k in SW_KEYS:
        recs[3]["ans"][k] = None
    recs[3]["d"].update(contacts="", comment="")
    recs[9].update(status="partial", lastpage="1")
    for k in SW_KEYS + UCLA_ITEMS + ["direct"]:
        recs[9]["ans"][k] = None
    recs[9]["d"].update(contacts="", comment="")
    recs[6]["ans"]["ucla3_2"] = None
    rows = [head]
    for rec in recs:
        a, d = rec["ans"], rec["d"]
        start, end = rec["t"]
        partial = rec["status"] == "partial"
        acode = lambda k: "" if a.get(k) is None else f"A{a[k]}"
        rows.append([rec["source_id"], "" if partial else fmt_iso(end), rec["lastpage"], "en",
                     str(rng.randint(10 ** 8, 2 * 10 ** 9)), fmt_iso(start),
                     fmt_iso(end if not partial else start + dt.timedelta(seconds=95)), ip(rng),
                     f"A{AGE_BANDS.index(d['age']) + 1}", f"A{KENT_DISTRICTS.index(d['district']) + 1}"]
                    + ["Y" if o in d["activities"] else "" for o in ACTIVITIES]
                    + [acode(k) for k in UCLA_ITEMS] + [acode("direct")]
                    + [acode(k) for k in SW_KEYS] + [d["contacts"], d["comment"]])
    write_file("limesurvey.csv", table_text(rows, quoting=csv.QUOTE_ALL, newline="\n"), "utf-8")
    cols = {f"ucla[SQ00{j}]": {"item": f"ons-loneliness.{k}", "codes": {f"A{c}": c for c in (1, 2, 3)}}
            for j, k in enumerate(UCLA_ITEMS, start=1)}
    cols["lonely"] = {"item": "ons-loneliness.direct", "codes": {f"A{c}": c for c in range(1, 6)}}
    for j in range(1, 8):
        cols[f"wellb[SQ00{j}]"] = {"item": f"swemwbs.swemwbs_{j}", "codes": {f"A{c}": c for c in range(1, 6)}}
    write_json(SAMPLES / "limesurvey.map.json", {
        "format": "kith-map (proposal, v0)", "file": "limesurvey.csv",
        "comment": "LimeSurvey 'Question code' headings and 'Answer codes' responses carry the designer's codes, "
                   "not the questions' wording: a map is the only way to read them.",
        "header_rows": 1, "names_row": 1, "id_column": "id", "missing": [""], "columns": cols})
    notes = [
        "Exported with Headings = 'Question code' and Responses = 'Answer codes'; every field is double-quoted, "
        "empty answers are \"\".",
        "Array sub-questions are 'code[SQ001]' (e.g. ucla[SQ001]); multiple choice is one column per option "
        "holding 'Y' or empty.",
        "Answer codes are the designer's A1..An in display order (A1 = Hardly ever or never ... A3 = Often; "
        "direct A1 = Often/always ... A5 = Never; SWEMWBS A1 = None of the time ... A5 = All of the time). "
        "Headers carry no wording, so limesurvey.map.json is needed; expected scores assume it.",
        "submitdate empty = incomplete response -> status 'partial'. lastpage = last page submitted.",
        "Row 4: partial (lastpage 2) -> SWEMWBS blank. Row 10: partial (lastpage 1) -> all scales blank.",
        "Row 7: ucla[SQ002] empty -> UCLA incomplete.",
        "Dates 'YYYY-MM-DD HH:MM:SS'; datestamp = last action.",
    ]
    write_expected("limesurvey.csv", "limesurvey", "utf-8", ",", 1, recs, SURVEY_NOTE_SCALES, notes)


# ==========================================================================
# 9. Typeform
# ==========================================================================

TF_ACT = ["Went to a lunch club", "Joined a walking group", "Had a befriending phone call", "None of these"]


def gen_typeform():
    rng = R("typeform")
    n = 12
    head = ["#", Q_AGE, Q_DISTRICT] + [UCLA_TEXT[k] for k in UCLA_ITEMS] + [DIRECT_TEXT]
    head += [f"{SW_STEM} - {t}" for t in SW_THEMES]
    head += ["Which of these have you done in the last month?", Q_CONTACTS, Q_COMMENT, "source",
             "Response Type", "Start Date (UTC)", "Stage Date (UTC)", "Submit Date (UTC)", "Network ID", "Tags"]
    slots = times(rng, dt.datetime(2026, 3, 24, 9, 0), n, max_gap=1500)
    recs = []
    tok = lambda: "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(32))
    for i in range(n):
        recs.append({"ans": person(rng), "d": demo(rng), "t": slots[i], "status": "complete",
                     "source_id": tok(), "src": rng.choice(["newsletter", "library", "gp-surgery", ""])})
    recs[2]["status"] = "partial"
    for k in SW_KEYS:
        recs[2]["ans"][k] = None
    recs[2]["d"].update(contacts="", comment="", activities=[])
    recs[7]["d"]["comment"] = "Lovely to be asked \U0001F642 thank you"
    recs[5]["ans"] = lonely_person(rng)
    rows = [head]
    for rec in recs:
        a, d = rec["ans"], rec["d"]
        start, end = rec["t"]
        partial = rec["status"] == "partial"
        rows.append([rec["source_id"], d["age"], d["district"]] + [label(a, k) for k in UCLA_ITEMS]
                    + [label(a, "direct")] + [label(a, k) for k in SW_KEYS]
                    + [",".join(d["activities"]), d["contacts"], d["comment"], rec["src"],
                       "partial" if partial else "completed", fmt_iso(to_utc(start)),
                       fmt_iso(to_utc(start + dt.timedelta(seconds=130))) if partial else "",
                       "" if partial else fmt_iso(to_utc(end)),
                       "".join(rng.choice("0123456789abcdef") for _ in range(10)), ""])
    write_file("typeform.csv", table_text(rows, newline="\n"), "utf-8")
    notes = [
        "One header row: '#' (32-character response token), one column per question headed by the question "
        "title, hidden fields (here 'source'), then Response Type, Start Date (UTC), Stage Date (UTC), "
        "Submit Date (UTC), Network ID, Tags.",
        "Dates are UTC 'YYYY-MM-DD HH:MM:SS' (rows after 29 March are an hour behind UK clock time).",
        "Each UCLA item and each SWEMWBS theme is its own question (one question per screen).",
        "Multi-select answers are one column, choices joined with ',' (no space).",
        "Row 3: Response Type 'partial' (no Submit Date) -> status 'partial'; SWEMWBS blank.",
        "Row 8: comment contains an emoji (4-byte UTF-8).",
        "Response Type and Stage Date only appear in exports that include partial responses (unconfirmed).",
    ]
    write_expected("typeform.csv", "typeform", "utf-8", ",", 1, recs, SURVEY_NOTE_SCALES, notes)


# ==========================================================================
# 10. KoboToolbox
# ==========================================================================

KOBO_UCLA = {1: "hardly_ever_or_never", 2: "some_of_the_time", 3: "often"}
KOBO_DIRECT = {1: "often_always", 2: "some_of_the_time", 3: "occasionally", 4: "hardly_ever", 5: "never"}
KOBO_FREQ = {1: "none_of_the_time", 2: "rarely", 3: "some_of_the_time", 4: "often", 5: "all_of_the_time"}
KOBO_SW = ["optimistic", "useful", "relaxed", "problems", "thinking_clearly", "close_to_others", "own_mind"]
KOBO_ACT = ["lunch_club", "walking_group", "befriending_call", "none"]
KOBO_UCLA_COLS = ["lack_companionship", "left_out", "isolated"]


def gen_kobo():
    rng = R("kobo")
    n = 12
    head = ["start", "end", "about/age_band", "about/district", "about/activities"]
    head += [f"about/activities/{a}" for a in KOBO_ACT]
    head += [f"loneliness/{c}" for c in KOBO_UCLA_COLS] + ["loneliness/lonely_direct"]
    head += [f"wellbeing/{c}" for c in KOBO_SW] + ["contacts_week", "comments"]
    head += ["_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status",
             "_submitted_by", "__version__", "_tags", "_index"]
    slots = times(rng, dt.datetime(2026, 3, 16, 10, 0), n, max_gap=1000)
    recs = []
    hexs = lambda k: "".join(rng.choice("0123456789abcdef") for _ in range(k))
    for i in range(n):
        recs.append({"ans": person(rng, lshift=0.4), "d": demo(rng), "t": slots[i], "status": "complete",
                     "source_id": str(318447201 + i * 3 + rng.randint(0, 2)),
                     "uuid": f"{hexs(8)}-{hexs(4)}-4{hexs(3)}-{rng.choice('89ab')}{hexs(3)}-{hexs(12)}",
                     "validation": "", "version": "vQ7ffD3kLzR8mWb2Hn5tYc"})
    recs[1]["validation"] = "validation_status_approved"
    recs[4]["ans"]["ucla3_3"] = None                     # not required; skipped
    recs[6]["ans"]["direct"] = Invalid("sometimes")      # older form version's choice name
    recs[6]["version"] = "vHk2sX9pLm4Qa7TtWe3Rzd"
    recs[9].update(status="excluded", reason="validation status: not approved",
                   validation="validation_status_not_approved")
    recs[10]["ans"]["wemwbs_2"] = None
    rows = [head]
    sub = ["outreach_team", "outreach_team", "", "m_okafor"]
    for i, rec in enumerate(recs, start=1):
        a, d = rec["ans"], rec["d"]
        start, end = rec["t"]
        off = "+01:00" if is_bst(start) else "+00:00"
        acts = [KOBO_ACT[ACTIVITIES.index(x)] for x in d["activities"]]
        dv = a.get("direct")
        direct = dv.raw if isinstance(dv, Invalid) else ("" if dv is None else KOBO_DIRECT[dv])
        rows.append([start.strftime("%Y-%m-%dT%H:%M:%S.") + f"{rng.randint(0, 999):03d}{off}",
                     end.strftime("%Y-%m-%dT%H:%M:%S.") + f"{rng.randint(0, 999):03d}{off}",
                     d["age"].replace("-", "_").replace(" ", "_"),
                     d["district"].lower().replace(" ", "_"), " ".join(acts)]
                    + ["1" if x in acts else "0" for x in KOBO_ACT]
                    + ["" if a.get(k) is None else KOBO_UCLA[a[k]] for k in UCLA_ITEMS] + [direct]
                    + ["" if a.get(k) is None else KOBO_FREQ[a[k]] for k in SW_KEYS]
                    + [d["contacts"], d["comment"], rec["source_id"], rec["uuid"],
                       to_utc(end + dt.timedelta(seconds=rng.randint(5, 3600))).strftime("%Y-%m-%dT%H:%M:%S"),
                       rec["validation"], "", "submitted_via_web", rng.choice(sub), rec["version"], "", str(i)])
    write_file("kobo.csv", table_text(rows, delimiter=";", quoting=csv.QUOTE_ALL), "utf-8")
    write_json(SAMPLES / "kobo.map.json", {
        "format": "kith-map (proposal, v0)", "file": "kobo.csv",
        "comment": "Kobo 'XML values and headers' export: choice names, not labels. The same name means "
                   "different codes in different lists ('often' = 3 for UCLA, 4 for SWEMWBS; "
                   "'some_of_the_time' = 2 for UCLA and the direct question, 3 for SWEMWBS), so names must be "
                   "mapped per column. Replacing '_' with ' ' and matching labels also works for every name here "
                   "except 'often_always' (label 'Often/always').",
        "header_rows": 1, "names_row": 1, "delimiter": ";", "id_column": "_id",
        "exclude": {"_validation_status": ["validation_status_not_approved"]},
        "missing": [""],
        "columns": {
            **{f"loneliness/{c}": {"item": f"ons-loneliness.{k}", "codes": {v: c2 for c2, v in KOBO_UCLA.items()}}
               for c, k in zip(KOBO_UCLA_COLS, UCLA_ITEMS)},
            "loneliness/lonely_direct": {"item": "ons-loneliness.direct",
                                         "codes": {v: c2 for c2, v in KOBO_DIRECT.items()}},
            **{f"wellbeing/{c}": {"item": f"swemwbs.swemwbs_{j}", "codes": {v: c2 for c2, v in KOBO_FREQ.items()}}
               for j, c in enumerate(KOBO_SW, start=1)},
        }})
    notes = [
        "Export type CSV, 'XML values and headers': ';' separator, every field double-quoted, CRLF line ends.",
        "Headers are 'group/name' (group separator '/'); cells hold XML choice names "
        "(hardly_ever_or_never, often_always, none_of_the_time, ...), not labels. A map (kobo.map.json) or "
        "name normalisation is needed; 'often' and 'some_of_the_time' mean different codes in different lists.",
        "select_multiple 'about/activities' appears as a space-separated summary column plus one 1/0 column per "
        "choice ('about/activities/lunch_club').",
        "start/end are ISO 8601 local time with milliseconds and offset; _submission_time is UTC without offset.",
        "Row 10: _validation_status 'validation_status_not_approved' -> excluded.",
        "Row 7: direct question holds 'sometimes', a choice name from an older form version (__version__ differs) "
        "that is not in the current list -> direct invalid.",
        "Row 5: UCLA 'isolated' blank (not required) -> UCLA incomplete. Row 11: SWEMWBS 'useful' blank -> incomplete.",
        "Kobo exports only submitted forms: no partial status.",
    ]
    write_expected("kobo.csv", "kobo", "utf-8", ";", 1, recs, SURVEY_NOTE_SCALES, notes)


# ==========================================================================
# 11. Paper forms typed into Excel (Windows-1252)
# ==========================================================================

def gen_paper_forms():
    rng = R("paper-forms")
    head = [" Client ID", "Wave ", "Date completed", "Q1 Lack companionship (1-3)",
            "Q2 Left out (1-3) ", "Q3 Isolated (1-3)", "Q4 Lonely (1-5)", "Q5 Optimistic (1-5)",
            "Q6 Useful (1-5)", "Q7 Relaxed (1-5)", "Q8 Problems (1-5)", "Q9 Thinking clearly (1-5)",
            "Q10 Close to others (1-5)", "Q11 Own mind (1-5)", "Notes"]
    clients = [f"KB-{n:04d}" for n in (12, 17, 23, 31, 38, 44, 52, 60)]
    recs = []
    d0 = dt.date(2025, 10, 6)
    for c in clients:
        lon, wel = latent(rng, lshift=1.2, wshift=-0.2)
        when = d0 + dt.timedelta(days=rng.randint(0, 40))
        recs.append({"ans": answers_for(rng, lon, wel), "person": c, "wave": "baseline",
                     "wave_raw": rng.choice(["Baseline", "baseline", "Baseline "]), "date": when,
                     "status": "complete", "notes": ""})
        if c not in ("KB-0038", "KB-0060"):
            lon2 = lon - 0.5 + rng.gauss(0, 0.4)
            wel2 = wel + 0.35 + rng.gauss(0, 0.3)
            recs.append({"ans": answers_for(rng, lon2, wel2), "person": c, "wave": "follow-up",
                         "wave_raw": rng.choice(["Follow-up", "Follow up", "follow-up"]),
                         "date": when + dt.timedelta(days=rng.randint(80, 100)),
                         "status": "complete", "notes": ""})
    recs.sort(key=lambda r: (r["date"], r["person"]))
    recs[1]["ans"]["ucla3_2"] = NOANSWER                     # 9 = no answer
    recs[3]["ans"]["ucla3_1"] = Invalid("4")                 # out of range on a 1-3 item
    recs[5]["ans"]["wemwbs_7"] = NOANSWER
    recs[7]["ans"]["wemwbs_9"] = Invalid("6")                # out of range on a 1-5 item
    recs[9]["ans"]["direct"] = NOANSWER
    recs[2]["notes"] = "Client\u2019s daughter helped fill this in"
    recs[4]["notes"] = "Given \u00a35 taxi voucher for the group"
    recs[6]["notes"] = "Seen at home, 10\u201311am"
    recs[8]["notes"] = "Hard of hearing \u2013 read questions aloud"
    lines = [",".join(head)]
    for i, rec in enumerate(recs):
        a = rec["ans"]
        cells = [rec["person"] if i % 5 else " " + rec["person"], rec["wave_raw"],
                 rec["date"].strftime("%d/%m/%Y")]
        vals = [code(a, k, "9") for k in UCLA_ITEMS] + [code(a, "direct", "9")]
        vals += [code(a, k, "9") for k in SW_KEYS]
        vals = [v if (not v or rng.random() > 0.15) else rng.choice([f" {v}", f"{v} "]) for v in vals]
        cells += vals
        note = rec["notes"]
        if note:
            cells.append(note)
            line = table_text([cells], newline="")
        elif i % 3 == 0:
            line = table_text([cells], newline="")          # ragged: Notes column missing entirely
        else:
            line = table_text([cells + [""]], newline="") + ",,,"  # trailing padding from Excel
        lines.append(line)
    lines += [",,,,,,,,,,,,,,", ",,,,,,,,,,,,,,", ""]
    write_file("paper-forms.csv", "\r\n".join(lines) + "\r\n", "windows-1252")
    for rec in recs:
        rec["source_id"] = None
    notes = [
        "Typed up from paper in Excel and saved as 'CSV (Comma delimited)': Windows-1252 (curly apostrophe 0x92, "
        "pound sign 0xA3, en dash 0x96 in Notes), CRLF line ends.",
        "Headers carry stray spaces (' Client ID', 'Wave ', 'Q2 Left out (1-3) ') and the code range in brackets; "
        "Q1-Q3 are the UCLA items, Q4 the direct question, Q5-Q11 the SWEMWBS items in SWEMWBS order.",
        "Numeric codes; 9 = no answer (counts as unanswered). Some values have stray spaces (' 2', '3 ').",
        "Wave is free text ('Baseline', 'baseline', 'Baseline ', 'Follow-up', 'Follow up', 'follow-up') -> "
        "normalised to 'baseline' / 'follow-up'. Person = Client ID (some have a leading space).",
        "Ragged rows: some lines stop before the Notes column, others end with ',,,' padding beyond it.",
        "The file ends with two lines of commas and a blank line: not data rows (rows below count only real rows).",
        "Row 2: Q2 = 9 -> UCLA incomplete. Row 4: Q1 = 4 (range 1-3) -> UCLA invalid. "
        "Row 6: Q9 = 9 -> SWEMWBS incomplete. Row 8: Q10 = 6 (range 1-5) -> SWEMWBS invalid. "
        "Row 10: Q4 = 9 -> direct incomplete.",
        "Dates 'DD/MM/YYYY'. Clients KB-0038 and KB-0060 have no follow-up.",
    ]
    write_expected("paper-forms.csv", "paper", "windows-1252", ",", 1, recs, SURVEY_NOTE_SCALES, notes)


# ==========================================================================
# 12. answers.csv (the simplest generic file)
# ==========================================================================

def gen_answers():
    rng = R("answers")
    n = 16
    head = ["ID"] + [UCLA_TEXT[k] for k in UCLA_ITEMS] + [DIRECT_TEXT] + SW_THEMES
    variants = {
        "Often/always": ["Often/always", "Often / always", "often/always", "Often/Always"],
        "Hardly ever or never": ["Hardly ever or never", "hardly ever or never", "Hardly ever",
                                 "Hardly Ever or Never"],
        "Some of the time": ["Some of the time", "some of the time", " Some of the time ", "SOME OF THE TIME"],
        "Hardly ever": ["Hardly ever", "hardly ever", "Hardly  ever"],
        "None of the time": ["None of the time", "none of the time"],
        "All of the time": ["All of the time", "all of the time", "All of the time "],
        "Often": ["Often", "often", " Often"],
        "Rarely": ["Rarely", "rarely"],
        "Occasionally": ["Occasionally", "occasionally"],
        "Never": ["Never", "never"],
    }
    recs = []
    for i in range(n):
        recs.append({"ans": person(rng), "source_id": f"A{i + 1:02d}", "status": "complete"})
    recs[4]["ans"]["wemwbs_3"] = None
    recs[9]["ans"]["ucla3_2"] = Invalid("Sometimes maybe")
    recs[12]["ans"] = lonely_person(rng)
    recs[6]["ans"] = lonely_person(rng)
    rows = [head]
    for rec in recs:
        out = [rec["source_id"]]
        for k in UCLA_ITEMS + ["direct"] + SW_KEYS:
            t = label(rec["ans"], k)
            out.append(rng.choice(variants[t][1:]) if t in variants and rng.random() < 0.25 else t)
        rows.append(out)
    write_file("answers.csv", table_text(rows, newline="\n"), "utf-8")
    notes = [
        "The simplest generic file: one header row, an ID column, the four ONS questions in ONS wording, the "
        "seven SWEMWBS theme phrases; answers as labels.",
        "Labels vary in case and spacing ('Often / always', 'often/always', 'hardly ever', ' Some of the time ', "
        "'SOME OF THE TIME', 'Hardly  ever' with two spaces): all valid after case/space normalisation and aliases.",
        "'Hardly ever' is an alias of UCLA option 1 (Hardly ever or never) but is option 4 of the direct question: "
        "labels must be matched per item.",
        "Row 5: 'Feeling relaxed' blank -> SWEMWBS incomplete (swemwbs_3).",
        "Row 10: 'Sometimes maybe' in 'left out' -> UCLA invalid (ucla3_2). ('Sometimes' alone would be an alias.)",
        "UTF-8 without byte-order mark, LF line ends, no curly quotes.",
    ]
    write_expected("answers.csv", "generic", "utf-8", ",", 1, recs, SURVEY_NOTE_SCALES, notes)


# ==========================================================================
# 13. wemwbs-14.csv
# ==========================================================================

def gen_wemwbs14():
    rng = R("wemwbs-14")
    n = 12
    head = ["Participant"] + [f"Q{k}. {WEMWBS_THEMES[k]}" for k in range(1, 15)]
    recs = []
    for i in range(n):
        recs.append({"ans": person(rng, wemwbs14=True), "source_id": f"W{i + 1:03d}", "status": "complete"})
    recs[2]["ans"] = {f"wemwbs_{k}": 1 for k in range(1, 15)}
    recs[7]["ans"] = {f"wemwbs_{k}": 5 for k in range(1, 15)}
    recs[4]["ans"]["wemwbs_5"] = None       # not a SWEMWBS item
    recs[9]["ans"]["wemwbs_9"] = None       # also SWEMWBS item 6
    rows = [head]
    for rec in recs:
        rows.append([rec["source_id"]] + [label(rec["ans"], f"wemwbs_{k}") for k in range(1, 15)])
    write_file("wemwbs-14.csv", table_text(rows, newline="\n"), "utf-8")
    notes = [
        "14-item WEMWBS, headers 'Qk. <theme phrase>' in item order; answers as labels.",
        "SWEMWBS is scored from items 1, 2, 3, 6, 7, 9, 11 of the same answers.",
        "Row 3: all 'None of the time' -> WEMWBS 14, SWEMWBS raw 7 -> metric 7.00.",
        "Row 8: all 'All of the time' -> WEMWBS 70, SWEMWBS raw 35 -> metric 35.00.",
        "Row 5: item 5 ('Energy to spare') blank -> WEMWBS incomplete, SWEMWBS complete (item 5 is not in SWEMWBS).",
        "Row 10: item 9 ('Feeling close to other people') blank -> WEMWBS incomplete and SWEMWBS incomplete (swemwbs_6).",
    ]
    write_expected("wemwbs-14.csv", "generic", "utf-8", ",", 1, recs, ("wemwbs", "swemwbs"), notes)


# ==========================================================================
# Summary helpers for the datasets
# ==========================================================================

def wilson(k, n, z=1.959963984540054):
    if n == 0:
        return (None, None)
    p = k / n
    den = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / den
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
    return (round(100 * (centre - half), 1), round(100 * (centre + half), 1))


def mean_sd(xs):
    n = len(xs)
    if n == 0:
        return None, None
    m = sum(xs) / n
    sd = math.sqrt(sum((x - m) ** 2 for x in xs) / (n - 1)) if n > 1 else None
    return round(m, 2), (round(sd, 2) if sd is not None else None)


def pct(k, n):
    return round(100 * k / n, 1) if n else None


# ==========================================================================
# 14. Kent-style e-survey (261 respondents)
# ==========================================================================

def gen_kent():
    rng = R("kent-esurvey")
    direct_counts = {1: 97, 2: 81, 3: 38, 4: 24, 5: 14, None: 7}
    cats = [c for c, k in direct_counts.items() for _ in range(k)]
    rng.shuffle(cats)
    centre = {1: 2.0, 2: 1.1, 3: 0.45, 4: -0.3, 5: -1.1}
    head = ["Response ID", "Date submitted", "Age band", "Sex", "District", DIRECT_TEXT,
            "Was this usual for you?", "Was it because of lockdown?"] + [UCLA_TEXT[k] for k in UCLA_ITEMS]
    head += ["Is there anything else you would like to tell us about how you have been feeling?"]
    recs, rows = [], [head]
    t = dt.datetime(2020, 5, 6, 9, 12)
    skip_all = set(rng.sample(range(261), 4))
    for i, c in enumerate(cats):
        lon = (centre[c] if c else rng.gauss(0.6, 1.0)) + rng.gauss(0, 0.35)
        ans = {k: ucla_code(rng, lon) for k in UCLA_ITEMS}
        ans["direct"] = c
        for k in UCLA_ITEMS:
            if rng.random() < 0.022 or i in skip_all:
                ans[k] = None
        usual = rng.choices(["Yes", "No", "Don't know"], weights=[45, 45, 10] if c in (1, 2) else [60, 30, 10])[0]
        if rng.random() < 0.05:
            usual = ""
        lock = rng.choices(["Yes", "Partly", "No", "Don't know"],
                           weights=[40, 35, 18, 7] if c in (1, 2) else [20, 25, 45, 10])[0]
        if rng.random() < 0.06:
            lock = ""
        t += dt.timedelta(minutes=rng.randint(3, 300))
        if t.hour >= 23 or t.hour < 7:
            t = t.replace(hour=7 + rng.randint(0, 2)) + dt.timedelta(days=1 if t.hour >= 23 else 0)
        comment = ""
        if rng.random() < 0.2:
            comment = rng.choice([
                "Shielding since March, I miss my grandchildren terribly.",
                "Working from home alone, the days all blur together.",
                "The volunteers who bring my shopping are the only people I see.",
                "I'm fine, but my mum (in a care home) is very lonely.",
                "Video calls help, but it's not the same as a hug.",
                "Lockdown has actually brought our street closer, we chat over the fence.",
                "Can't get used to not going to church, choir, or the library.",
                "My anxiety is worse; I've stopped going out at all.",
            ])
        rid = f"KCC-{10001 + i}"
        rows.append([rid, t.strftime("%d/%m/%Y %H:%M"),
                     rng.choices(AGE_BANDS, weights=[7, 10, 12, 15, 19, 20, 17])[0],
                     rng.choices(SEXES, weights=[58, 38, 1, 3])[0], rng.choice(KENT_DISTRICTS),
                     DIRECT_LABELS.get(c, ""), usual, lock] + [label(ans, k) for k in UCLA_ITEMS] + [comment])
        recs.append({"ans": ans, "source_id": rid, "status": "complete", "usual": usual, "lock": lock})
    write_file("kent-esurvey.csv", table_text(rows), "utf-8")

    counts = {lab: sum(1 for r in recs if r["ans"]["direct"] == c) for c, lab in DIRECT_LABELS.items()}
    blank = sum(1 for r in recs if r["ans"]["direct"] is None)
    answered = 261 - blank
    ucla_scores = [sum(r["ans"][k] for k in UCLA_ITEMS) for r in recs
                   if all(r["ans"][k] is not None for k in UCLA_ITEMS)]
    m, sd = mean_sd(ucla_scores)
    lonely6 = sum(1 for s in ucla_scores if s >= 6)
    by_direct = {}
    for c, lab in DIRECT_LABELS.items():
        xs = [sum(r["ans"][k] for k in UCLA_ITEMS) for r in recs
              if r["ans"]["direct"] == c and all(r["ans"][k] is not None for k in UCLA_ITEMS)]
        by_direct[lab] = mean_sd(xs)[0]
    usual_counts = {v: sum(1 for r in recs if r["usual"] == v) for v in ["Yes", "No", "Don't know", ""]}
    lock_counts = {v: sum(1 for r in recs if r["lock"] == v) for v in ["Yes", "Partly", "No", "Don't know", ""]}
    item_blank = {k: sum(1 for r in recs if r["ans"][k] is None) for k in UCLA_ITEMS}
    lo, hi = wilson(97, 261)
    lo2, hi2 = wilson(97, answered)
    notes = [
        "Kent-style e-survey (spring 2020 lockdown): 261 respondents, one header row, choice text, UTF-8, CRLF.",
        "Not everyone answered every question: blank = skipped.",
        f"Direct question counts: Often/always {counts['Often/always']}, Some of the time {counts['Some of the time']}, "
        f"Occasionally {counts['Occasionally']}, Hardly ever {counts['Hardly ever']}, Never {counts['Never']}, "
        f"blank {blank} (answered {answered}).",
        f"Often/always: 97 of 261 respondents = {pct(97, 261)}% (Wilson 95% CI {lo}-{hi}%); "
        f"97 of {answered} who answered = {pct(97, answered)}% (Wilson 95% CI {lo2}-{hi2}%). "
        "State which base is used.",
        f"UCLA-3 score (complete sets only): n = {len(ucla_scores)}, mean {m}, SD {sd}; "
        f"score 6-9 ('lonely' convention): {lonely6} ({pct(lonely6, len(ucla_scores))}%). "
        f"Blank per item: {item_blank['ucla3_1']} / {item_blank['ucla3_2']} / {item_blank['ucla3_3']} "
        f"(4 respondents skipped all three).",
        "Mean UCLA-3 by direct answer: " + ", ".join(f"{k} {v}" for k, v in by_direct.items()) + ".",
        "'Was this usual for you?': " + ", ".join(f"{k or 'blank'} {v}" for k, v in usual_counts.items()) + ".",
        "'Was it because of lockdown?': " + ", ".join(f"{k or 'blank'} {v}" for k, v in lock_counts.items()) + ".",
        "Comments contain commas, apostrophes and brackets (quoted where needed).",
    ]
    write_expected("kent-esurvey.csv", "generic", "utf-8", ",", 1, recs, ("ucla3", "direct"), notes)


# ==========================================================================
# 15. Medway-style citizens' panel
# ==========================================================================

MEDWAY_WARDS = ["All Saints", "Chatham Central & Brompton", "Fort Horsted", "Fort Pitt", "Gillingham North",
                "Gillingham South", "Hempstead & Wigmore", "Hoo St Werburgh & High Halstow",
                "Lordswood & Walderslade", "Luton", "Princes Park", "Rainham North", "Rainham South East",
                "Rochester East & Warren Wood", "Rochester West & Borstal", "Strood North & Frindsbury",
                "Strood Rural", "Strood West", "Twydall", "Watling"]
AGREE = ["Strongly agree", "Tend to agree", "Neither agree nor disagree", "Tend to disagree",
         "Strongly disagree", "Don't know"]
SERVICES = ["Library", "Community hub", "Leisure centre", "Country park", "None of these"]


def gen_medway():
    rng = R("medway-panel")
    invited = [f"MP{n:04d}" for n in range(1, 318)]
    responders = sorted(rng.sample(invited, 232))
    partial_ids = set(rng.sample(responders, 9))
    head = ["Panel ID", "Response status", "Date",
            "Have you heard of Medway Community Connectors?",
            "Have you heard of social prescribing at your GP surgery?",
            "I feel I belong to my neighbourhood", "People in my neighbourhood pull together to improve it",
            "I can influence decisions affecting my local area",
            DIRECT_TEXT] + [UCLA_TEXT[k] for k in UCLA_ITEMS] + SW_THEMES
    head += ["Which of these have you used in the last year?", "Age band", "Sex", "Ward"]
    recs, rows = [], [head]
    for pid in responders:
        lon, wel = latent(rng, lshift=-0.1, wshift=0.6)
        ans = answers_for(rng, lon, wel)
        partial = pid in partial_ids
        aware = [rng.choices(["Yes", "No"], weights=[28, 72])[0], rng.choices(["Yes", "No"], weights=[41, 59])[0]]
        agree = []
        for bias in (0.0, 0.3, 1.0):
            z = -0.4 * lon + 0.3 * wel + rng.gauss(0, 1) + bias
            idx = 0 if z < -1.0 else 1 if z < 0.2 else 2 if z < 0.9 else 3 if z < 1.7 else 4
            agree.append(AGREE[5] if rng.random() < 0.05 else AGREE[idx])
        used = [s for s in SERVICES[:4] if rng.random() < [0.45, 0.2, 0.3, 0.35][SERVICES.index(s)]]
        used = used or [SERVICES[4]]
        demo_cells = [rng.choices(AGE_BANDS, weights=[4, 9, 13, 17, 20, 21, 16])[0],
                      rng.choices(SEXES, weights=[52, 45, 1, 2])[0], rng.choice(MEDWAY_WARDS)]
        if partial:
            stop = rng.choice(["after_awareness", "after_agree", "after_loneliness"])
            if stop != "after_agree" and stop != "after_loneliness":
                agree = ["", "", ""]
            if stop != "after_loneliness":
                for k in UCLA_ITEMS + ["direct"]:
                    ans[k] = None
            for k in SW_KEYS:
                ans[k] = None
            used, demo_cells = [], ["", "", ""]
        for k in UCLA_ITEMS + ["direct"] + SW_KEYS:
            if not partial and ans[k] is not None and rng.random() < 0.012:
                ans[k] = None
        date = dt.date(2026, 2, 2) + dt.timedelta(days=rng.randint(0, 20))
        rows.append([pid, "Partial" if partial else "Complete", date.strftime("%d/%m/%Y")] + aware + agree
                    + [label(ans, "direct")] + [label(ans, k) for k in UCLA_ITEMS]
                    + [label(ans, k) for k in SW_KEYS] + [";".join(used)] + demo_cells)
        recs.append({"ans": ans, "source_id": pid, "person": pid, "status": "partial" if partial else "complete",
                     "aware": aware, "agree": agree})
    write_file("medway-panel.csv", table_text(rows), "utf-8")

    comp = [r for r in recs if r["status"] == "complete"]
    n = len(comp)
    lo, hi = wilson(n, 317)
    dcount = {lab: sum(1 for r in comp if r["ans"]["direct"] == c) for c, lab in DIRECT_LABELS.items()}
    dblank = sum(1 for r in comp if r["ans"]["direct"] is None)
    dans = n - dblank
    ow_lo, ow_hi = wilson(dcount["Often/always"], dans)
    ucla = [sum(r["ans"][k] for k in UCLA_ITEMS) for r in comp if all(r["ans"][k] is not None for k in UCLA_ITEMS)]
    sw = [SWEMWBS_METRIC[sum(r["ans"][k] for k in SW_KEYS)] for r in comp
          if all(r["ans"][k] is not None for k in SW_KEYS)]
    aw = [sum(1 for r in comp if r["aware"][j] == "Yes") for j in (0, 1)]
    belong = {a: sum(1 for r in comp if r["agree"][0] == a) for a in AGREE}
    notes = [
        f"Medway-style citizens' panel wave: 317 members invited; the file holds {len(recs)} responses = "
        f"{n} complete + {len(recs) - n} partial ('Response status' column).",
        f"Response rate = {n} complete of 317 invited = {pct(n, 317)}% (Wilson 95% CI {lo}-{hi}%). "
        "Partial responses do not count as responses; 85 members did not respond at all (not in the file).",
        "Headline figures below use the complete responses only.",
        "Direct question (complete responses): " + ", ".join(f"{k} {v}" for k, v in dcount.items())
        + f", blank {dblank}. Often/always {dcount['Often/always']} of {dans} = {pct(dcount['Often/always'], dans)}% "
          f"(Wilson 95% CI {ow_lo}-{ow_hi}%).",
        f"UCLA-3 (complete sets): n {len(ucla)}, mean {mean_sd(ucla)[0]}, SD {mean_sd(ucla)[1]}.",
        f"SWEMWBS metric (complete sets): n {len(sw)}, mean {mean_sd(sw)[0]}, SD {mean_sd(sw)[1]}.",
        f"Heard of Medway Community Connectors: Yes {aw[0]} of {n} ({pct(aw[0], n)}%); "
        f"heard of social prescribing: Yes {aw[1]} of {n} ({pct(aw[1], n)}%).",
        "'I feel I belong to my neighbourhood': " + ", ".join(f"{k} {v}" for k, v in belong.items())
        + "; agreement scale has 'Don't know' as a sixth option that is not part of the scale.",
        "Multi-select 'Which of these have you used in the last year?' joins options with ';' (no spaces).",
        "Person = Panel ID. The ONS direct question is asked before the UCLA items (Community Life Survey order).",
    ]
    write_expected("medway-panel.csv", "generic", "utf-8", ",", 1, recs, SURVEY_NOTE_SCALES, notes)


# ==========================================================================
# 16. Service outcomes (four providers, baseline / follow-up)
# ==========================================================================

PROVIDERS = [
    # name, prefix, n baseline, baseline loneliness shift, true loneliness drop,
    # true wellbeing gain (latent units), follow-up intercept (logit), severity effect on follow-up
    ("West Kent Befriending", "WKB", 62, 0.9, 0.60, 0.55, 1.6, -0.3),
    ("Medway Connect", "MC", 48, 0.8, 0.20, 0.15, 0.6, -0.3),
    ("Swale Community Links", "SCL", 55, 1.3, 0.50, 0.45, 1.0, -0.4),
    ("Thanet Together", "TT", 41, 1.8, 0.45, 0.40, 0.3, -0.7),
]


def _provider_draw(rng, spec):
    _, _, _, lshift, ldrop, wgain, _, _ = spec
    lon0, wel0 = latent(rng, lshift=lshift, wshift=-0.3)
    lon1 = lon0 - ldrop + rng.gauss(0, 0.45)
    wel1 = wel0 + wgain + 0.4 * (lon0 - lon1 - ldrop) + rng.gauss(0, 0.45)
    return lon0, wel0, lon1, wel1


def _true_changes(spec, draws=60000):
    """Population mean change in UCLA-3 and SWEMWBS metric under the generating model (Monte Carlo)."""
    rng = R("true-" + spec[1])
    du = dsw = 0.0
    for _ in range(draws):
        lon0, wel0, lon1, wel1 = _provider_draw(rng, spec)
        a0, a1 = answers_for(rng, lon0, wel0), answers_for(rng, lon1, wel1)
        du += sum(a1[k] for k in UCLA_ITEMS) - sum(a0[k] for k in UCLA_ITEMS)
        dsw += SWEMWBS_METRIC[sum(a1[k] for k in SW_KEYS)] - SWEMWBS_METRIC[sum(a0[k] for k in SW_KEYS)]
    return round(du / draws, 2), round(dsw / draws, 2)


def _ols(X, y):
    """Least squares by normal equations (small k)."""
    k = len(X[0])
    A = [[sum(r[i] * r[j] for r in X) for j in range(k)] for i in range(k)]
    b = [sum(r[i] * yy for r, yy in zip(X, y)) for i in range(k)]
    for c in range(k):
        p = max(range(c, k), key=lambda r: abs(A[r][c]))
        A[c], A[p], b[c], b[p] = A[p], A[c], b[p], b[c]
        for r in range(k):
            if r != c:
                f = A[r][c] / A[c][c]
                A[r] = [x - f * yv for x, yv in zip(A[r], A[c])]
                b[r] -= f * b[c]
    return [b[i] / A[i][i] for i in range(k)]


def gen_service_outcomes():
    rng = R("service-outcomes")
    head = ["Client ID", "Wave", "Provider", "Date"] + [UCLA_TEXT[k] for k in UCLA_ITEMS] + [DIRECT_TEXT] + SW_THEMES
    recs = []
    for spec in PROVIDERS:
        name, prefix, nb, _, _, _, icpt, sev = spec
        ids = sorted(rng.sample(range(1, 400), nb))
        for cid in ids:
            lon0, wel0, lon1, wel1 = _provider_draw(rng, spec)
            client = f"{prefix}-{cid:04d}"
            start = dt.date(2025, 6, 2) + dt.timedelta(days=rng.randint(0, 150))
            b = {"ans": answers_for(rng, lon0, wel0), "person": client, "wave": "baseline", "provider": name,
                 "date": start, "status": "complete", "source_id": None}
            recs.append(b)
            p_fu = 1 / (1 + math.exp(-(icpt + sev * (lon0 - spec[3]))))
            if rng.random() < p_fu:
                recs.append({"ans": answers_for(rng, lon1, wel1), "person": client, "wave": "follow-up",
                             "provider": name, "date": start + dt.timedelta(days=rng.randint(80, 110)),
                             "status": "complete", "source_id": None})
    for rec in recs:
        for k in UCLA_ITEMS + ["direct"] + SW_KEYS:
            if rng.random() < 0.006:
                rec["ans"][k] = None
    recs.sort(key=lambda r: (r["date"], r["person"]))
    rows = [head]
    for rec in recs:
        a = rec["ans"]
        rows.append([rec["person"], rec["wave"], rec["provider"], rec["date"].strftime("%d/%m/%Y")]
                     + [label(a, k) for k in UCLA_ITEMS] + [label(a, "direct")] + [label(a, k) for k in SW_KEYS])
    write_file("service-outcomes.csv", table_text(rows), "utf-8")

    def u(a):
        return sum(a[k] for k in UCLA_ITEMS) if all(a[k] is not None for k in UCLA_ITEMS) else None

    def s(a):
        return SWEMWBS_METRIC[sum(a[k] for k in SW_KEYS)] if all(a[k] is not None for k in SW_KEYS) else None

    notes = [
        "Service-outcomes dataset: long format, one row per client per wave ('baseline' / 'follow-up'), rows in "
        "date order; Client ID is the person; choice text; UTF-8, CRLF.",
        "A few answers are blank (incomplete sets are excluded from the figures below for that scale only).",
        "Change = follow-up minus baseline, on clients with a complete set at both waves for that scale "
        "(UCLA-3: lower is better; SWEMWBS metric: higher is better).",
    ]
    by = {}
    for spec in PROVIDERS:
        name = spec[0]
        base = {r["person"]: r for r in recs if r["provider"] == name and r["wave"] == "baseline"}
        fu = {r["person"]: r for r in recs if r["provider"] == name and r["wave"] == "follow-up"}
        bu = [u(r["ans"]) for r in base.values() if u(r["ans"]) is not None]
        bs = [s(r["ans"]) for r in base.values() if s(r["ans"]) is not None]
        pu = [(u(base[c]["ans"]), u(fu[c]["ans"])) for c in fu if u(base[c]["ans"]) is not None and u(fu[c]["ans"]) is not None]
        ps = [(s(base[c]["ans"]), s(fu[c]["ans"])) for c in fu if s(base[c]["ans"]) is not None and s(fu[c]["ans"]) is not None]
        by[name] = (pu, ps)
        tu, ts = _true_changes(spec)
        notes.append(
            f"{name}: baseline n {len(base)}, followed up {len(fu)} ({pct(len(fu), len(base))}%); "
            f"baseline mean UCLA-3 {mean_sd(bu)[0]} (n {len(bu)}), SWEMWBS {mean_sd(bs)[0]} (n {len(bs)}); "
            f"paired UCLA-3 n {len(pu)}, mean change {mean_sd([b - a for a, b in pu])[0]}; "
            f"paired SWEMWBS n {len(ps)}, mean change {mean_sd([b - a for a, b in ps])[0]}; "
            f"true mean change for all enrolled clients before attrition (generating model) UCLA-3 {tu}, SWEMWBS {ts}.")
    for j, scale in enumerate(["SWEMWBS metric", "UCLA-3"]):
        X, y = [], []
        names = [p[0] for p in PROVIDERS]
        pairs = [(nm, a, b) for nm in names for a, b in by[nm][1 - j]]
        grand = sum(a for _, a, _ in pairs) / len(pairs)
        for nm, a, b in pairs:
            X.append([1.0, a - grand] + [1.0 if nm == other else 0.0 for other in names[1:]])
            y.append(b)
        coef = _ols(X, y)
        adj = {names[0]: coef[0]}
        for i, nm in enumerate(names[1:], start=2):
            adj[nm] = coef[0] + coef[i]
        notes.append(
            f"Baseline-adjusted comparison, {scale} (ANCOVA: follow-up ~ baseline + provider, paired clients, "
            f"baseline centred on the pooled paired mean {grand:.2f}; slope {coef[1]:.3f}): adjusted mean change "
            + ", ".join(f"{nm} {adj[nm] - grand:+.2f}" for nm in names) + ".")
    notes.append("Design: Thanet Together has the most severe case mix and the lowest, severity-related follow-up "
                 "rate; Medway Connect has the smallest true improvement; West Kent Befriending the largest. "
                 "Unadjusted changes mix case mix and regression to the mean with the true effect.")
    write_expected("service-outcomes.csv", "generic", "utf-8", ",", 1, recs, SURVEY_NOTE_SCALES, notes)


# ==========================================================================

def main():
    EXPECTED.mkdir(parents=True, exist_ok=True)
    gen_surveymonkey()
    gen_qualtrics(numeric=False)
    gen_qualtrics(numeric=True)
    gen_qualtrics_map()
    gen_qualtrics_legacy()
    gen_google_forms()
    gen_microsoft_forms()
    gen_smartsurvey()
    gen_redcap()
    gen_limesurvey()
    gen_typeform()
    gen_kobo()
    gen_paper_forms()
    gen_answers()
    gen_wemwbs14()
    gen_kent()
    gen_medway()
    gen_service_outcomes()
    for p in sorted(WRITTEN):
        print(p.relative_to(SAMPLES))


if __name__ == "__main__":
    main()
