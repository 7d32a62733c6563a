#!/usr/bin/env python3
"""Reference figures for `kith summary` on the samples, computed independently of Kith
from the CSV files (csv module), with statsmodels and SciPy.

    python3 Tests/Fixtures/summary/make_summary_fixtures.py > Tests/Fixtures/summary/summary.json

Tolerance: 1e-9 relative for intervals and test statistics (both sides compute the same closed
forms in double precision); p-values 1e-6 relative (SciPy's chi-square and F tails and Kith's
own incomplete gamma/beta differ in the last digits)."""
import csv, json, sys
from statsmodels.stats.proportion import proportion_confint
from statsmodels.stats.oneway import anova_oneway
from scipy.stats import chi2_contingency

def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))

def wilson(x, n):
    lo, hi = proportion_confint(x, n, alpha=0.05, method="wilson")
    return {"x": x, "n": n, "percent": 100 * x / n, "ci": [100 * lo, 100 * hi],
            "command": f"statsmodels.stats.proportion.proportion_confint({x}, {n}, alpha=0.05, method='wilson')"}

kent = rows("Samples/kent-esurvey.csv")
direct = "How often do you feel lonely?"
answered = [r for r in kent if r[direct].strip()]
often = sum(r[direct] == "Often/always" for r in kent)
some = sum(r[direct] == "Some of the time" for r in kent)

medway = rows("Samples/medway-panel.csv")
complete = [r for r in medway if r["Response status"] == "Complete"]
used = "Which of these have you used in the last year?"
choices = {}
for r in complete:
    for c in filter(None, r[used].split(";")):
        choices[c] = choices.get(c, 0) + 1

# Direct question by Sex (Kent): rows Female, Male, Prefer not to say, Prefer to self-describe;
# columns the five options; respondents who answered both.
sexes = ["Female", "Male", "Prefer not to say", "Prefer to self-describe"]
options = ["Often/always", "Some of the time", "Occasionally", "Hardly ever", "Never"]
table = [[sum(r["Sex"] == s and r[direct] == o for r in kent) for o in options] for s in sexes]
chi2, p, df, expected = chi2_contingency(table, correction=False)

# UCLA-3 by Sex (Kent), complete sets only; Welch's ANOVA over Female and Male.
ucla_items = ["How often do you feel that you lack companionship?", "How often do you feel left out?", "How often do you feel isolated from others?"]
code = {"Hardly ever or never": 1, "Some of the time": 2, "Often": 3}
def ucla(r):
    codes = [code.get(r[i]) for i in ucla_items]
    return None if None in codes else sum(codes)
# Every group with at least two scores and some spread, in the order Kith lists them.
order = ["Female", "Male", "Prefer to self-describe", "Prefer not to say"]
groups = [[ucla(r) for r in kent if r["Sex"] == s and ucla(r) is not None] for s in order]
groups = [g for g in groups if len(g) >= 2 and len(set(g)) > 1]
welch = anova_oneway(groups, use_var="unequal", welch_correction=True)

json.dump({
    "tolerance": {"relative": 1e-9, "p_relative": 1e-6},
    "kent": {"respondents": len(kent), "answered_direct": len(answered),
             "often_of_respondents": wilson(often, len(kent)), "often_of_answered": wilson(often, len(answered)),
             "some_of_respondents": wilson(some, len(kent)),
             "direct_by_sex": {"table": table, "chi_square": chi2, "df": int(df), "p": p,
                               "command": "scipy.stats.chi2_contingency(table, correction=False)"},
             "ucla3_by_sex": {"n": [len(g) for g in groups], "f": float(welch.statistic), "df1": float(welch.df[0]), "df2": float(welch.df[1]),
                              "p": float(welch.pvalue),
                              "command": "statsmodels.stats.oneway.anova_oneway(groups, use_var='unequal', welch_correction=True)"}},
    "medway": {"invited": 317, "complete": len(complete), "partial": len(medway) - len(complete),
               "response_rate": wilson(len(complete), 317), "used_in_last_year": choices},
}, sys.stdout, indent=1)
print()
