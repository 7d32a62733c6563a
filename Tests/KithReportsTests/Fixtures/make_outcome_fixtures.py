#!/usr/bin/env python3
"""Reference values for `kith change` and `kith compare` on Samples/service-outcomes.csv.

Run from the package root:  python3 Tests/KithReportsTests/Fixtures/make_outcome_fixtures.py
Writes outcome-fixtures.json beside this script.

Everything here is computed from the CSV and the instrument definitions alone (pandas,
SciPy, statsmodels), independently of Kith: answers are read as the definitions'
labels, scored (UCLA-3 sum, direct-question code, SWEMWBS raw sum converted through
Warwick's table), paired by Client ID, and analysed. Each case records the kith
command whose JSON output must match "expected" (objects in lists are matched by
their identifying field: provider, scale, term). Numbers must agree to 1e-9
relative (1e-12 absolute for values near zero); counts exactly.
"""
import json
import math
import os
import sys

import numpy as np
import pandas as pd
import scipy
import scipy.stats as st
import statsmodels
import statsmodels.formula.api as smf
from statsmodels.stats.anova import anova_lm
from statsmodels.stats.contingency_tables import mcnemar

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
SAMPLE = "Samples/service-outcomes.csv"
TOL = 1e-9  # threshold comparisons of metric changes (two-decimal values)


def load(name):
    with open(os.path.join(ROOT, "Instruments", name)) as fh:
        return json.load(fh)


ONS, SW = load("ons-loneliness.json"), load("swemwbs.json")


def codes(option_set):
    out = {}
    for o in option_set:
        for label in [o["label"], *o["aliases"]]:
            out[label.strip().casefold()] = o["code"]
    return out


UCLA_CODES, DIRECT_CODES, SW_CODES = codes(ONS["optionSets"]["ucla"]), codes(ONS["optionSets"]["direct"]), codes(SW["optionSets"]["frequency"])
UCLA = next(s for s in ONS["scales"] if s["id"] == "ucla3")
DIRECT = next(s for s in ONS["scales"] if s["id"] == "direct")
METRIC = SW["scales"][0]
CONVERT = {e["raw"]: e["value"] for e in METRIC["conversion"]["table"]}
LONELY = next(c for c in UCLA["classifications"] if c["id"] == "lonely-6-9")

UCLA_COLS = ["How often do you feel that you lack companionship?", "How often do you feel left out?", "How often do you feel isolated from others?"]
DIRECT_COL = "How often do you feel lonely?"
SW_COLS = ["Optimistic about the future", "Feeling useful", "Feeling relaxed", "Dealing with problems well", "Thinking clearly",
           "Feeling close to other people", "Able to make up my own mind"]


def score_rows(df):
    def code(mapping, v):
        return np.nan if pd.isna(v) else mapping[str(v).strip().casefold()]
    u = df[UCLA_COLS].apply(lambda col: col.map(lambda v: code(UCLA_CODES, v)))
    s = df[SW_COLS].apply(lambda col: col.map(lambda v: code(SW_CODES, v)))
    out = pd.DataFrame({"person": df["Client ID"], "wave": df["Wave"], "provider": df["Provider"]})
    out["ons-loneliness.ucla3"] = u.sum(axis=1, min_count=3).where(u.notna().all(axis=1))
    out["ons-loneliness.direct"] = df[DIRECT_COL].map(lambda v: code(DIRECT_CODES, v))
    raw = s.sum(axis=1).where(s.notna().all(axis=1))
    out["swemwbs.metric"] = raw.map(lambda r: np.nan if pd.isna(r) else CONVERT[int(r)])
    return out


SCORES = score_rows(pd.read_csv(os.path.join(ROOT, SAMPLE), dtype=str))
BASE = SCORES[SCORES.wave == "baseline"].set_index("person")
FOLL = SCORES[SCORES.wave == "follow-up"].set_index("person")
assert BASE.index.is_unique and FOLL.index.is_unique


def people(provider=None):
    """Baseline people joined with their follow-up (left join: the lost have NaN follow-up)."""
    b = BASE if provider is None else BASE[BASE.provider == provider]
    return b.merge(FOLL.drop(columns=["wave", "provider"]), left_index=True, right_index=True, how="left", suffixes=("", "_f")), b


def welch(x, y):
    """Welch t test of mean(x) - mean(y) with its 95% interval (Welch-Satterthwaite df)."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    a, b = x.var(ddof=1) / len(x), y.var(ddof=1) / len(y)
    se, df = math.sqrt(a + b), (a + b) ** 2 / (a * a / (len(x) - 1) + b * b / (len(y) - 1))
    res = st.ttest_ind(x, y, equal_var=False)
    d = x.mean() - y.mean()
    h = st.t.isf(0.025, df) * se
    return {"difference": d, "ci": [d - h, d + h], "t": res.statistic, "df": df, "p": res.pvalue}


def direction_counts(b, f, higher_better, threshold):
    change = (f - b) * (1 if higher_better else -1)
    t = (threshold - TOL) if threshold is not None else TOL
    return int((change >= t).sum()), int(((change < t) & (change > -t)).sum()), int((change <= -t).sum())


def rci_criterion(scale_id, definition):
    """Jacobson & Truax (1991): SEM from the definition when it says so, else SD_baseline*sqrt(1 - r)
    with the SD of everyone paired on the scale; S_diff = sqrt(2)*SEM; reliable when |change| / S_diff > 1.96."""
    sem = definition.get("sem")
    if sem and sem["use"] == "reliable-change":
        return sem["value"]
    j, _ = people()
    pair = j[[scale_id, scale_id + "_f"]].dropna()
    return pair[scale_id].std(ddof=1) * math.sqrt(1 - definition["reliability"]["value"])


def score_change(scale_id, definition, provider=None):
    j, b = people(provider)
    higher_better = definition["higherIs"] == "better"
    pair = j[[scale_id, scale_id + "_f"]].dropna()
    x, y = pair[scale_id].to_numpy(float), pair[scale_id + "_f"].to_numpy(float)
    d = y - x
    n = len(d)
    res = st.ttest_rel(y, x)
    se = d.std(ddof=1) / math.sqrt(n)
    h = st.t.isf(0.025, n - 1) * se
    dav = d.mean() / ((x.std(ddof=1) + y.std(ddof=1)) / 2)
    mc = definition.get("meaningfulChange")
    imp, same, worse = direction_counts(x, y, higher_better, mc["points"] if mc else None)
    sem = rci_criterion(scale_id, definition)
    rc = d / (math.sqrt(2) * sem)
    good = rc if higher_better else -rc
    lost = j[j[scale_id].notna() & j[scale_id + "_f"].isna()][scale_id].to_numpy(float)
    w = welch(lost, x)
    return {
        "scale": scale_id, "baseline_n": int(b[scale_id].notna().sum()), "paired": n,
        "baseline_mean": x.mean(), "followup_mean": y.mean(), "baseline_sd": x.std(ddof=1), "followup_sd": y.std(ddof=1),
        "mean_change": d.mean(), "ci": [d.mean() - h, d.mean() + h], "se": se, "t": res.statistic, "df": n - 1, "p": res.pvalue,
        "dz": d.mean() / d.std(ddof=1), "dav": dav, "gav": dav * (1 - 3 / (4 * (n - 1) - 1)),
        "improved": imp, "unchanged": same, "worse": worse,
        "reliable_improvement": int((good > 1.96).sum()), "no_reliable_change": int((np.abs(rc) <= 1.96).sum()),
        "reliable_deterioration": int((good < -1.96).sum()),
        "reliable_change": {"sem": sem, "se_difference": math.sqrt(2) * sem, "critical_difference": 1.96 * math.sqrt(2) * sem},
        "lost_to_followup": {"lost": len(lost), "lost_mean": lost.mean(), "paired_mean": x.mean(), **welch(lost, x)},
    }


def wilson(x, n, z):
    p = x / n
    centre, half = (p + z * z / (2 * n)) / (1 + z * z / n), z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def newcombe(a, b, c, d):
    """Newcombe (1998) method 10 for p1 - p2, p1 = (a+b)/n, p2 = (a+c)/n, written out from the paper."""
    n = a + b + c + d
    z = st.norm.isf(0.025)
    p1, p2 = (a + b) / n, (a + c) / n
    l1, u1 = wilson(a + b, n, z)
    l2, u2 = wilson(a + c, n, z)
    prod = (a + b) * (c + d) * (a + c) * (b + d)
    A = a * d - b * c
    phi = 0.0 if prod == 0 else ((A - n / 2) / math.sqrt(prod) if A > n / 2 else (A / math.sqrt(prod) if A < 0 else 0.0))
    dl1, du1, dl2, du2 = p1 - l1, u1 - p1, p2 - l2, u2 - p2
    D = p1 - p2
    return D, [D - math.sqrt(dl1 ** 2 - 2 * phi * dl1 * du2 + du2 ** 2), D + math.sqrt(dl2 ** 2 - 2 * phi * dl2 * du1 + du1 ** 2)]


def category_change(scale_id, category_of, k, headline, higher_better, provider=None, classification=None):
    j, _ = people(provider)
    pair = j[[scale_id, scale_id + "_f"]].dropna()
    r = pair[scale_id].map(category_of).to_numpy()
    c = pair[scale_id + "_f"].map(category_of).to_numpy()
    table = pd.crosstab(r, c).reindex(index=range(k), columns=range(k), fill_value=0).to_numpy()
    full = np.zeros((k + 1, k + 1), dtype=int)
    full[:k, :k] = table
    full[:k, k], full[k, :k], full[k, k] = table.sum(1), table.sum(0), table.sum()
    up = 1 if higher_better else -1
    hb, hf = np.isin(r, headline), np.isin(c, headline)
    a, b, cc, d = int((hb & hf).sum()), int((hb & ~hf).sum()), int((~hb & hf).sum()), int((~hb & ~hf).sum())
    diff, ci = newcombe(a, cc, b, d)  # follow-up first: follow-up minus baseline
    tab = [[a, b], [cc, d]]
    n = len(r)
    return {
        "scale": scale_id, "classification": classification, "paired": n, "transitions": full.tolist(),
        "improved": int(((c - r) * up > 0).sum()), "unchanged": int((c == r).sum()), "worse": int(((c - r) * up < 0).sum()),
        "headline": {"baseline": a + b, "followup": a + cc, "baseline_percent": 100 * (a + b) / n, "followup_percent": 100 * (a + cc) / n,
                     "left": b, "entered": cc, "change": diff, "ci": ci,
                     "mcnemar_exact_p": mcnemar(tab, exact=True).pvalue,
                     "mcnemar_chi_square": mcnemar(tab, exact=False, correction=False).statistic,
                     "mcnemar_chi_square_p": mcnemar(tab, exact=False, correction=False).pvalue},
    }


def band(bands):
    return lambda v: max(i for i, b in enumerate(bands) if b["from"] <= v)


def change_group(provider, classify):
    direct_codes = sorted(o["code"] for o in ONS["optionSets"]["direct"])
    cats = [category_change("ons-loneliness.direct", lambda v: direct_codes.index(int(v)), len(direct_codes),
                            [direct_codes.index(c) for c in DIRECT["headline"]["codes"]], True, provider)]
    if classify:
        cats.append(category_change("ons-loneliness.ucla3", band(LONELY["bands"]), len(LONELY["bands"]), [len(LONELY["bands"]) - 1],
                                    False, provider, "lonely-6-9"))
    j, b = people(provider)
    both = int(b.index.isin(FOLL.index).sum())
    # A person's provider is their baseline provider, else their follow-up one.
    foll = FOLL if provider is None else FOLL[FOLL.index.isin(b.index) | (~FOLL.index.isin(BASE.index) & (FOLL.provider == provider))]
    return {
        "provider": provider,
        "people": {"baseline": len(b), "followup": len(foll), "both": both, "lost": len(b) - both, "lost_percent": 100 * (len(b) - both) / len(b),
                   "followup_only": len(foll) - both},
        "scales": [score_change("ons-loneliness.ucla3", UCLA, provider), score_change("swemwbs.metric", METRIC, provider)],
        "categories": cats,
    }


def funnel_exact(n, theta, P):
    """Spiegelhalter (2005) Stat Med 24:1185, Appendix A.1.1: interpolated binomial limit."""
    r = int(st.binom.ppf(P, n, theta))
    Fr, Fr1 = st.binom.cdf(r, n, theta), st.binom.cdf(r - 1, n, theta)
    alpha = (Fr - P) / (Fr - Fr1) if Fr > Fr1 else 0.0
    return min(max((r - alpha) / n, 0.0), 1.0)


def compare(scale_id, definition, classify=None):
    providers = sorted(BASE.provider.unique())
    higher_better = definition["higherIs"] == "better"
    rows, events, dens = [], [], []
    for p in [*providers, None]:
        j, b = people(p)
        pair = j[[scale_id, scale_id + "_f"]].dropna()
        x, y = pair[scale_id].to_numpy(float), pair[scale_id + "_f"].to_numpy(float)
        d = y - x
        h = st.t.isf(0.025, len(d) - 1) * d.std(ddof=1) / math.sqrt(len(d))
        if classify:
            worst = len(classify["bands"]) - 1 if not higher_better else 0
            of = band(classify["bands"])
            at_risk = np.array([of(v) == worst for v in x])
            ev, den = int((at_risk & np.array([of(v) != worst for v in y])).sum()), int(at_risk.sum())
        else:
            mc = definition.get("meaningfulChange")
            ev, den = direction_counts(x, y, higher_better, mc["points"] if mc else None)[0], len(d)
        lost = int(j[scale_id].notna().sum()) - len(d)
        rows.append({"provider": p, "baseline_n": int(j[scale_id].notna().sum()), "paired": len(d), "lost": lost,
                     "lost_percent": 100 * lost / int(j[scale_id].notna().sum()),
                     "baseline_mean": x.mean(), "followup_mean": y.mean(), "mean_change": d.mean(), "ci": [d.mean() - h, d.mean() + h],
                     "p": st.ttest_rel(y, x).pvalue, "events": ev, "denominator": den, "percent": 100 * ev / den})
        if p is not None:
            events.append(ev)
            dens.append(den)
    j, _ = people()
    data = j[[scale_id, scale_id + "_f", "provider"]].dropna().rename(columns={scale_id: "b", scale_id + "_f": "f"})
    full = smf.ols("f ~ b + C(provider)", data=data).fit()
    reduced = smf.ols("f ~ b", data=data).fit()
    beta, V = full.params, full.cov_params().to_numpy()
    names = list(full.params.index)
    xbar = data.b.mean()
    tcrit = st.t.isf(0.025, full.df_resid)
    C = []
    for p in providers:
        c = np.array([1.0 if nm == "Intercept" else xbar if nm == "b" else (1.0 if nm == f"C(provider)[T.{p}]" else 0.0) for nm in names])
        C.append(c)
    C = np.array(C)
    adj = C @ beta.to_numpy()
    adj_se = np.sqrt(np.einsum("ij,jk,ik->i", C, V, C))
    D = C - C.mean(axis=0)
    dev = D @ beta.to_numpy()
    dev_se = np.sqrt(np.einsum("ij,jk,ik->i", D, V, D))
    ftest = anova_lm(reduced, full)
    term = {"Intercept": "(Intercept)", "b": "baseline", **{f"C(provider)[T.{p}]": f"provider[{p}]" for p in providers}}
    theta = sum(events) / sum(dens)
    points = []
    for p, ev, den in zip(providers, events, dens):
        limits = [[funnel_exact(den, theta, (1 - lv) / 2), funnel_exact(den, theta, 1 - (1 - lv) / 2)] for lv in (0.95, 0.998)]
        prop = ev / den
        points.append({"provider": p, "events": ev, "n": den, "proportion": prop, "limits": limits,
                       "positions": ["below" if prop < lo else "above" if prop > hi else "within" for lo, hi in limits]})
    return {
        "scale": scale_id,
        "providers": rows[:-1], "all": rows[-1],
        "adjusted": {
            "n": int(full.nobs), "baseline_mean": xbar, "residual_sd": math.sqrt(full.scale),
            "f": float(ftest["F"].iloc[1]), "f_df": [int(ftest["df_diff"].iloc[1]), int(full.df_resid)], "f_p": float(ftest["Pr(>F)"].iloc[1]),
            "coefficients": [{"term": term[nm], "estimate": full.params[nm], "se": full.bse[nm],
                              "ci": full.conf_int().loc[nm].tolist(), "p": full.pvalues[nm]} for nm in names],
            "providers": [{"provider": p, "adjusted_mean": adj[i], "adjusted_mean_ci": [adj[i] - tcrit * adj_se[i], adj[i] + tcrit * adj_se[i]],
                           "adjusted_change": adj[i] - xbar, "adjusted_change_ci": [adj[i] - tcrit * adj_se[i] - xbar, adj[i] + tcrit * adj_se[i] - xbar],
                           "difference": dev[i], "difference_se": dev_se[i], "difference_ci": [dev[i] - tcrit * dev_se[i], dev[i] + tcrit * dev_se[i]],
                           "difference_p": 2 * st.t.sf(abs(dev[i] / dev_se[i]), full.df_resid)} for i, p in enumerate(providers)],
        },
        "funnel": {"centre": theta, "points": points},
    }


def plain(v):
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple, np.ndarray)):
        return [plain(x) for x in v]
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        assert math.isfinite(v), v
        return float(v)
    return v


def main():
    providers = sorted(BASE.provider.unique())
    change_cmd = ["change", SAMPLE, "--from", "baseline", "--to", "follow-up", "--by", "provider", "--classify", "lonely-6-9",
                  "--suppress", "none", "--format", "json"]
    cases = [
        {"name": "change by provider, with lonely-6-9", "command": change_cmd,
         "expected": {"groups": [change_group(p, True) for p in [None, *providers]]}},
        {"name": "compare SWEMWBS, % improved by 3 points",
         "command": ["compare", SAMPLE, "--by", "provider", "--instrument", "swemwbs", "--from", "baseline", "--to", "follow-up",
                     "--suppress", "none", "--format", "json"],
         "expected": compare("swemwbs.metric", METRIC)},
        {"name": "compare UCLA-3, % no longer lonely (6-9)",
         "command": ["compare", SAMPLE, "--by", "provider", "--instrument", "ons-loneliness.ucla3", "--classify", "lonely-6-9",
                     "--from", "baseline", "--to", "follow-up", "--suppress", "none", "--format", "json"],
         "expected": compare("ons-loneliness.ucla3", UCLA, LONELY)},
    ]
    doc = {
        "generator": "Tests/KithReportsTests/Fixtures/make_outcome_fixtures.py (run from the package root)",
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "pandas": pd.__version__,
                     "scipy": scipy.__version__, "statsmodels": statsmodels.__version__},
        "tolerance": {"relative": 1e-9, "absolute": 1e-12,
                      "reason": "the same formulas in double precision; sums in a different order and independent t, F, binomial "
                                "and normal implementations differ in the last few digits only"},
        "cases": plain(cases),
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "outcome-fixtures.json")
    with open(path, "w") as fh:
        json.dump(doc, fh, indent=1, allow_nan=False)
        fh.write("\n")
    print(f"{os.path.relpath(path, ROOT)}: {len(cases)} cases")


if __name__ == "__main__":
    main()
