#!/usr/bin/env python3
"""Reference values for the KithStatistics tests.

Run from this folder:  python3 make_fixtures.py
Writes one JSON file per area. Every case records the exact Python expression
that produced its expected value ("expr"), evaluated with the case's "inputs"
as local variables, so each number can be re-derived by hand.
"""
import json
import math
import signal
import sys
from fractions import Fraction
from itertools import product

import mpmath as mp
import numpy as np
import pandas as pd
import scipy
import scipy.stats as st
import statsmodels
import statsmodels.api as sm
import statsmodels.formula.api as smf
from statsmodels.stats.anova import anova_lm
from statsmodels.stats.contingency_tables import mcnemar
from statsmodels.stats.oneway import anova_oneway
from statsmodels.stats.proportion import proportion_confint

VERSIONS = {
    "python": sys.version.split()[0],
    "numpy": np.__version__,
    "scipy": scipy.__version__,
    "statsmodels": statsmodels.__version__,
    "pandas": pd.__version__,
    "mpmath": mp.__version__,
}

NAMESPACE = {
    "np": np, "st": st, "sm": sm, "smf": smf, "pd": pd, "math": math,
    "anova_lm": anova_lm, "mcnemar": mcnemar, "anova_oneway": anova_oneway,
    "proportion_confint": proportion_confint, "Fraction": Fraction, "mp": mp,
}
mp.mp.dps = 40


def plain(value):
    """numpy / tuples -> JSON-ready Python values; ±inf as strings."""
    if isinstance(value, (np.ndarray, list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (bool, np.bool_)):
        return int(bool(value))  # the Swift side reads booleans as 0/1
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating, Fraction)):
        f = float(value)
        if math.isnan(f):
            return "NaN"
        if math.isinf(f):
            return "Infinity" if f > 0 else "-Infinity"
        return f
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def case(expr, **inputs):
    """Evaluate `expr` with `inputs` as locals; return the recorded case."""
    value = eval(expr, {**NAMESPACE, **inputs})  # one scope, so lambdas in expr see the inputs
    return {"expr": expr, "inputs": plain(inputs), "expected": plain(value)}


def write(name, note, cases):
    doc = {
        "generator": "make_fixtures.py",
        "versions": VERSIONS,
        "note": note,
        "cases": cases,
    }
    with open(f"{name}.json", "w") as fh:
        json.dump(doc, fh, indent=1, allow_nan=False)
    print(f"{name}.json: {len(cases)} cases")


# ---------------------------------------------------------------------------
# Independent high-precision (mpmath, 40 digits) versions of the distribution
# functions, used to cross-check SciPy. Floats convert to mpf exactly.
# ---------------------------------------------------------------------------
def _m(v):
    return v if isinstance(v, mp.mpf) else mp.mpf(float(v))


def mp_normal(fn, x):
    x = _m(x)
    if fn == "cdf":
        return mp.ncdf(x)
    if fn == "sf":
        return mp.ncdf(-x)
    raise KeyError(fn)


def mp_ibeta(a, b, x, y):
    """(I_x(a,b), 1 - I_x(a,b)) with y = 1 - x given exactly. The tail on the far
    side of the mean a/(a+b) is integrated directly (it is the small one, so
    forming 1 - it at 40 digits loses nothing); the other is its complement."""
    if x < a / (a + b):
        lower = mp.betainc(a, b, 0, x, regularized=True)
        return lower, 1 - lower
    upper = mp.betainc(b, a, 0, y, regularized=True)
    return 1 - upper, upper


def mp_t(fn, x, df):
    x, n = _m(x), _m(df)
    if fn == "pdf":
        return mp.gamma((n + 1) / 2) / (mp.sqrt(n * mp.pi) * mp.gamma(n / 2)) * (1 + x * x / n) ** (-(n + 1) / 2)
    ax = abs(x)
    if n == 1:
        tail = mp.atan(1 / ax) / mp.pi if ax > 0 else mp.mpf(1) / 2  # Cauchy
    elif n == 2:
        tail = (1 - ax / mp.sqrt(2 + ax * ax)) / 2 if ax < 1 else 1 / (mp.sqrt(2 + ax * ax) * (mp.sqrt(2 + ax * ax) + ax))
    else:
        tail = mp_ibeta(n / 2, mp.mpf(1) / 2, n / (n + ax * ax), ax * ax / (n + ax * ax))[0] / 2  # P(T > |x|)
    # return the tail itself where it is the asked-for side (no 1 - tiny at 40 digits)
    if (fn == "sf") == (x >= 0):
        return tail
    return 1 - tail


def mp_chi2(fn, x, df):
    x, a = _m(x), _m(df) / 2
    if fn == "pdf":
        return (x / 2) ** (a - 1) * mp.exp(-x / 2) / (2 * mp.gamma(a))
    # integrate the smaller side (mpmath's series for the other side may not converge)
    if x / 2 < a:
        lower = mp.gammainc(a, 0, x / 2, regularized=True)
        upper = 1 - lower
    else:
        upper = mp.gammainc(a, x / 2, mp.inf, regularized=True)
        lower = 1 - upper
    return {"cdf": lower, "sf": upper}[fn]


def mp_f(fn, x, d1, d2):
    x, d1, d2 = _m(x), _m(d1), _m(d2)
    if fn == "pdf":
        return mp.sqrt((d1 * x) ** d1 * d2 ** d2 / (d1 * x + d2) ** (d1 + d2)) / (x * mp.beta(d1 / 2, d2 / 2))
    lower, upper = mp_ibeta(d1 / 2, d2 / 2, d1 * x / (d1 * x + d2), d2 / (d1 * x + d2))
    return {"cdf": lower, "sf": upper}[fn]


def mp_beta(fn, x, a, b):
    x, a, b = _m(x), _m(a), _m(b)
    if fn == "pdf":
        return x ** (a - 1) * (1 - x) ** (b - 1) / mp.beta(a, b)
    lower, upper = mp_ibeta(a, b, x, 1 - x)
    return {"cdf": lower, "sf": upper}[fn]


def mp_invert(tail, target, x0, unit_interval=False):
    """Root of log(tail(x)) = log(target) near SciPy's x0 (a relative, not absolute,
    criterion), solved in u = log x (or u = logit x on (0, 1)) so the iterate
    stays inside the support."""
    target = _m(target)
    if unit_interval:
        to_x = lambda u: 1 / (1 + mp.exp(-u))
        x0 = min(max(_m(x0), mp.mpf(2) ** -1000), 1 - mp.mpf(2) ** -60)
        u0 = mp.log(x0 / (1 - x0))
    else:
        to_x = mp.exp
        u0 = mp.log(_m(x0))
    g = lambda u: mp.log(tail(to_x(u))) - mp.log(target)
    u = mp.findroot(g, u0, tol=mp.mpf(10) ** -30, verify=False)
    assert abs(g(u)) < mp.mpf(10) ** -25, ("mpmath inversion did not converge", target, x0)
    return to_x(u)


MISMATCHES = []


def checked(entry, reference, what, extra_inputs=None):
    """Keep SciPy's value if mpmath agrees to 1e-12 relative; otherwise use mpmath
    (recording SciPy's expression and value), so the fixture is right."""
    sc = entry["expected"]
    ref = float(reference)
    if isinstance(sc, str) or ref == 0 or sc == 0:
        ok = (sc == ref) or (isinstance(sc, float) and abs(sc - ref) <= 1e-300)
    else:
        ok = abs(sc - ref) <= 1e-12 * abs(ref)
    if ok:
        return entry
    MISMATCHES.append((entry["expr"], entry["inputs"], sc, ref))
    inputs = {**entry["inputs"], **(extra_inputs or {})}
    return {**entry, "expr": what, "inputs": inputs, "expected": plain(ref), "scipy_expr": entry["expr"], "scipy_value": sc}


MP_FUNCS = {"normal": mp_normal, "t": mp_t, "chi2": mp_chi2, "f": mp_f, "beta": mp_beta}


def mp_quantile(dist, fn, prob, x0, *params):
    """mpmath quantile: x with cdf(x) = prob (fn 'ppf') or sf(x) = prob (fn 'isf'),
    solved in whichever tail has probability <= 1/2."""
    func = MP_FUNCS[dist]
    prob = _m(prob)
    half = mp.mpf(1) / 2
    tail = "cdf" if fn == "ppf" else "sf"
    if prob > half:
        tail, prob = ("sf" if tail == "cdf" else "cdf"), 1 - prob
    if dist in ("normal", "t"):
        # symmetric about 0: solve for |x| in the upper tail
        if prob == half:
            return mp.mpf(0)
        y = mp_invert(lambda v: func("sf", v, *params), prob, abs(x0))
        return -y if tail == "cdf" else y
    return mp_invert(lambda v: func(tail, v, *params), prob, x0, unit_interval=(dist == "beta"))


NAMESPACE.update({"mp_normal": mp_normal, "mp_t": mp_t, "mp_chi2": mp_chi2, "mp_f": mp_f,
                  "mp_beta": mp_beta, "mp_quantile": mp_quantile})


class _Slow(Exception):
    pass


def _alarm(*_):
    raise _Slow()


def dcase(dist, fn, scipy_expr, params, **inputs):
    """A continuous-distribution case from SciPy, cross-checked against mpmath.
    If mpmath needs more than 10 s (a few far-tail points with huge df), the
    SciPy value is kept and the case says the cross-check was skipped."""
    entry = {"dist": dist, "fn": fn, **case(scipy_expr, **inputs)}
    names = ", ".join(params)
    params_text = ", " + names if names else ""
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(10)
    try:
        if fn in ("ppf", "isf"):
            prob_name = next(k for k in inputs if k not in params)
            x0 = entry["expected"]
            x0 = 1e-300 if x0 == 0 else x0
            extra_inputs = {"x0": plain(x0)}  # mpmath's starting point (SciPy's answer), needed to re-run mp_expr
            mp_expr = f"float(mp_quantile('{dist}', '{fn}', {prob_name}, x0{params_text}))"
            ref = case(mp_expr, x0=x0, **inputs)["expected"]
        else:
            extra_inputs = {}
            mp_expr = f"float(mp_{dist}('{fn}', x{params_text}))"
            ref = case(mp_expr, **inputs)["expected"]
    except _Slow:
        return {**entry, "crosscheck": "skipped: mpmath too slow here"}
    except (AssertionError, ValueError, ZeroDivisionError) as err:
        # e.g. a quantile within 1e-17 of 1, which mpmath's log-space solver cannot reach
        return {**entry, "crosscheck": f"skipped: mpmath inversion failed ({type(err).__name__})"}
    finally:
        signal.alarm(0)
    ref = float(ref.replace("Infinity", "inf")) if isinstance(ref, str) else ref
    return checked(entry, ref, mp_expr, extra_inputs)


def distributions():
    cases = []
    for x in [-37.0, -20.0, -8.3, -3.0, -1.0, 0.0, 0.5, 1.959963984540054, 5.0, 10.0, 37.0]:
        cases.append(dcase("normal", "cdf", "st.norm.cdf(x)", [], x=x))
        cases.append(dcase("normal", "sf", "st.norm.sf(x)", [], x=x))
    for p in [1e-300, 1e-50, 1e-12, 1e-5, 0.025, 0.2, 0.5, 0.6, 0.975, 0.99999999]:
        cases.append(dcase("normal", "ppf", "st.norm.ppf(p)", [], p=p))
        cases.append(dcase("normal", "isf", "st.norm.isf(p)", [], p=p))
    cases.append({"dist": "normal_ms", "fn": "cdf", **case("st.norm.cdf(x, loc=mu, scale=sigma)", x=61.0, mu=50.0, sigma=7.5)})
    cases.append({"dist": "normal_ms", "fn": "ppf", **case("st.norm.ppf(p, loc=mu, scale=sigma)", p=0.9, mu=50.0, sigma=7.5)})

    for df in [0.5, 1.0, 2.0, 2.5, 3.0, 10.0, 29.7, 100.0, 1e4, 1e5]:
        for x in [-1e6, -50.0, -8.0, -2.5, -0.1, 0.0, 1e-8, 0.3, 1.96, 5.0, 40.0, 1e3]:
            cases.append(dcase("t", "cdf", "st.t.cdf(x, df)", ["df"], x=x, df=df))
            cases.append(dcase("t", "sf", "st.t.sf(x, df)", ["df"], x=x, df=df))
        for x in [-3.0, 0.0, 0.7, 12.0]:
            cases.append(dcase("t", "pdf", "st.t.pdf(x, df)", ["df"], x=x, df=df))
        for p in [1e-100, 1e-12, 1e-4, 0.025, 0.3, 0.5, 0.8, 0.975, 0.9999]:
            cases.append(dcase("t", "ppf", "st.t.ppf(p, df)", ["df"], p=p, df=df))
        for q in [1e-100, 1e-12, 0.001, 0.025, 0.4]:
            cases.append(dcase("t", "isf", "st.t.isf(q, df)", ["df"], q=q, df=df))

    for df in [0.5, 1.0, 2.0, 3.3, 10.0, 57.0, 1000.0, 1e5]:
        for m in [1e-6, 0.01, 0.2, 0.9, 1.0, 1.1, 2.0, 5.0, 20.0]:
            x = df * m
            cases.append(dcase("chi2", "cdf", "st.chi2.cdf(x, df)", ["df"], x=x, df=df))
            cases.append(dcase("chi2", "sf", "st.chi2.sf(x, df)", ["df"], x=x, df=df))
        for x in [0.3 * df, df, 3 * df]:
            cases.append(dcase("chi2", "pdf", "st.chi2.pdf(x, df)", ["df"], x=x, df=df))
        for p in [1e-100, 1e-12, 1e-4, 0.05, 0.5, 0.95, 0.9999]:
            if df == 0.5 and p == 1e-100:
                continue  # the quantile (~1e-400) underflows a double
            cases.append(dcase("chi2", "ppf", "st.chi2.ppf(p, df)", ["df"], p=p, df=df))
        for q in [1e-200, 1e-12, 0.001, 0.05, 0.7]:
            cases.append(dcase("chi2", "isf", "st.chi2.isf(q, df)", ["df"], q=q, df=df))

    for d1, d2 in [(1, 1), (2, 10), (3.5, 7.2), (10, 100), (1, 1e4), (50, 3), (1000, 1000), (4, 285.6)]:
        for x in [1e-4, 0.1, 0.5, 1.0, 1.5, 3.0, 10.0, 100.0, 1e4]:
            cases.append(dcase("f", "cdf", "st.f.cdf(x, d1, d2)", ["d1", "d2"], x=x, d1=d1, d2=d2))
            cases.append(dcase("f", "sf", "st.f.sf(x, d1, d2)", ["d1", "d2"], x=x, d1=d1, d2=d2))
        for x in [0.2, 1.0, 4.0]:
            cases.append(dcase("f", "pdf", "st.f.pdf(x, d1, d2)", ["d1", "d2"], x=x, d1=d1, d2=d2))
        for p in [1e-12, 1e-3, 0.05, 0.5, 0.95, 0.999]:
            cases.append(dcase("f", "ppf", "st.f.ppf(p, d1, d2)", ["d1", "d2"], p=p, d1=d1, d2=d2))
        for q in [1e-12, 1e-3, 0.05, 0.6]:
            cases.append(dcase("f", "isf", "st.f.isf(q, d1, d2)", ["d1", "d2"], q=q, d1=d1, d2=d2))

    for a, b in [(0.5, 0.5), (1, 1), (2, 5), (0.3, 20), (50, 70), (1e3, 2e3), (1.5, 1e4), (7.5, 1.5)]:
        for x in [1e-8, 1e-3, 0.05, 0.3, 0.5, 0.7, 0.95, 0.999]:
            cases.append(dcase("beta", "cdf", "st.beta.cdf(x, a, b)", ["a", "b"], x=x, a=a, b=b))
            cases.append(dcase("beta", "sf", "st.beta.sf(x, a, b)", ["a", "b"], x=x, a=a, b=b))
        for x in [0.1, 0.5]:
            cases.append(dcase("beta", "pdf", "st.beta.pdf(x, a, b)", ["a", "b"], x=x, a=a, b=b))
        for p in [1e-12, 1e-3, 0.025, 0.5, 0.975, 0.999]:
            cases.append(dcase("beta", "ppf", "st.beta.ppf(p, a, b)", ["a", "b"], p=p, a=a, b=b))
            cases.append(dcase("beta", "isf", "st.beta.isf(p, a, b)", ["a", "b"], p=p, a=a, b=b))

    # Discrete: SciPy, cross-checked here with exact rational arithmetic where n is small.
    for n, p in [(0, 0.3), (1, 0.5), (10, 0.3), (50, 0.01), (100, 0.5), (1000, 0.001), (100000, 0.37), (20, 0.999)]:
        ks = sorted(set(k for k in [0, 1, n // 10, n // 3, n // 2, int(n * p), int(n * p) + 3, n - 1, n] if 0 <= k <= n))
        for k in ks:
            cases.append({"dist": "binom", "fn": "pmf", **case("st.binom.pmf(k, n, p)", k=k, n=n, p=p)})
            cases.append({"dist": "binom", "fn": "cdf", **case("st.binom.cdf(k, n, p)", k=k, n=n, p=p)})
            cases.append({"dist": "binom", "fn": "sf", **case("st.binom.sf(k, n, p)", k=k, n=n, p=p)})
            if n <= 1000:
                exact = [float(sum(Fraction(math.comb(n, j)) * Fraction(p) ** j * (1 - Fraction(p)) ** (n - j) for j in js))
                         for js in ([k], range(0, k + 1), range(k + 1, n + 1))]
                for c, e in zip(cases[-3:], exact):
                    assert (c["expected"] == e) or abs(c["expected"] - e) <= 1e-12 * abs(e), (c, e)
        for q in [0.001, 0.025, 0.3, 0.5, 0.975, 0.999]:
            cases.append({"dist": "binom", "fn": "ppf", **case("int(st.binom.ppf(q, n, p))", q=q, n=n, p=p)})

    # scipy: hypergeom.pmf(k, M, n, N): M population, n successes, N draws.
    for M, K, N in [(20, 7, 12), (50, 25, 25), (1000, 300, 100), (100000, 5000, 2000), (9, 4, 5)]:
        lo, hi = max(0, N + K - M), min(N, K)
        for k in sorted(set([lo, lo + 1, (lo + hi) // 2, hi - 1, hi])):
            cases.append({"dist": "hypergeom", "fn": "pmf", **case("st.hypergeom.pmf(k, M, K, N)", k=k, M=M, K=K, N=N)})
            cases.append({"dist": "hypergeom", "fn": "cdf", **case("st.hypergeom.cdf(k, M, K, N)", k=k, M=M, K=K, N=N)})
            cases.append({"dist": "hypergeom", "fn": "sf", **case("st.hypergeom.sf(k, M, K, N)", k=k, M=M, K=K, N=N)})
    for m in MISMATCHES:
        print("  SciPy differs from mpmath (mpmath used):", m[0], m[1], "scipy", m[2], "mpmath", m[3])
    return cases


SECTIONS = {
    "distributions": (distributions, "SciPy distribution functions: cdf, sf (survival), pdf, ppf (quantile), isf (upper quantile), pmf. Every continuous value is cross-checked against mpmath at 40 digits; where SciPy is off by more than 1e-12 relative, the mpmath value is the expected one and SciPy's is kept in scipy_expr/scipy_value."),
}

# ---------------------------------------------------------------------------
# Data sets shared by the sections below (fixed seed; stored in every case)
# ---------------------------------------------------------------------------
RNG = np.random.default_rng(20240601)  # used only here, at import, so SAMPLES never change


def _round(a, d=3):
    return [round(float(v), d) for v in a]


SAMPLES = {
    "wemwbs_small": [45.0, 52.0, 38.0, 61.0, 49.0, 55.0, 47.0],
    "pair": [3.0, 5.0],
    "offset": _round(1e9 + RNG.normal(0, 0.01, 25), 6),
    "normal40": _round(RNG.normal(50, 8, 40)),
    "skewed": _round(RNG.exponential(3, 17)),
    "ties": [1.0, 2.0, 2.0, 2.0, 3.0, 7.0, 7.0, 10.0],
}


# ---------------------------------------------------------------------------
# Descriptive statistics
# ---------------------------------------------------------------------------
def descriptive():
    cases = []
    for name, x in SAMPLES.items():
        cases.append({"kind": "summary", "name": name, **case(
            "[len(x), np.mean(x), np.var(x, ddof=1), np.std(x, ddof=1), st.sem(x), min(x), max(x)]", x=x)})
        for method, rtype in [("interpolated_inverted_cdf", 4), ("hazen", 5), ("weibull", 6), ("linear", 7),
                              ("median_unbiased", 8), ("normal_unbiased", 9)]:
            ps = [0.0, 0.01, 0.1, 0.25, 0.5, 0.6, 0.75, 0.9, 0.99, 1.0]
            cases.append({"kind": "quantile", "rtype": rtype, "name": name, **case(
                "np.quantile(x, ps, method=method)", x=x, ps=ps, method=method)})
    cases.append({"kind": "summary", "name": "single", **case("[len(x), np.mean(x), min(x), max(x)]", x=[4.5])})
    return cases


# ---------------------------------------------------------------------------
# Proportions and means
# ---------------------------------------------------------------------------
def wilson_cc(x, n, level):
    """Newcombe (1998) Stat Med 17:857, method 4 (continuity-corrected Wilson)."""
    z = st.norm.isf((1 - level) / 2)
    p = x / n
    q = 1 - p
    if x == 0:
        lo = 0.0  # the formula's limit; its square root can be imaginary here
    else:
        lo = max(0.0, (2 * n * p + z * z - 1 - z * math.sqrt(z * z - 2 - 1 / n + 4 * p * (n * q + 1))) / (2 * (n + z * z)))
    if x == n:
        hi = 1.0
    else:
        hi = min(1.0, (2 * n * p + z * z + 1 + z * math.sqrt(z * z + 2 - 1 / n + 4 * p * (n * q - 1))) / (2 * (n + z * z)))
    return [lo, hi]


NAMESPACE["wilson_cc"] = wilson_cc


def estimators():
    cases = []
    for x, n in [(0, 10), (1, 10), (5, 10), (9, 10), (10, 10), (0, 1), (1, 1), (12, 40), (37, 250), (1, 1000), (999, 1000), (3, 7)]:
        for level in [0.95, 0.9, 0.998]:
            for method, sm_name in [("wilson", "wilson"), ("clopperPearson", "beta"), ("jeffreys", "jeffreys"), ("wald", "normal")]:
                cases.append({"kind": "proportion", "method": method, **case(
                    "list(proportion_confint(x, n, alpha=1 - level, method=sm_name))", x=x, n=n, level=level, sm_name=sm_name)})
            cases.append({"kind": "proportion", "method": "wilsonCorrected", **case("wilson_cc(x, n, level)", x=x, n=n, level=level)})
        cases.append({"kind": "proportion_se", **case("math.sqrt((x / n) * (1 - x / n) / n)", x=x, n=n)})
    for name, x in SAMPLES.items():
        for level in [0.95, 0.99]:
            cases.append({"kind": "mean", "name": name, **case(
                "[np.mean(x), np.std(x, ddof=1), st.sem(x), len(x) - 1, *st.t.interval(level, len(x) - 1, loc=np.mean(x), scale=st.sem(x))]",
                x=x, level=level)})
    return cases


# ---------------------------------------------------------------------------
# t tests, Welch ANOVA, paired t with effect sizes
# ---------------------------------------------------------------------------
def lakens_paired(x, y):
    """Effect sizes for paired data by Lakens (2013) eqs. 9-10, written out independently:
    d_z = mean(d)/sd(d); d_av = mean(d)/((sd(x)+sd(y))/2); g_av = d_av*(1 - 3/(4*(n-1) - 1))."""
    x, y = np.asarray(x), np.asarray(y)
    d = x - y
    n = len(d)
    dz = d.mean() / d.std(ddof=1)
    dav = d.mean() / ((x.std(ddof=1) + y.std(ddof=1)) / 2)
    j = 1 - 3 / (4 * (n - 1) - 1)
    return [dz, dav, j, dav * j]


NAMESPACE["lakens_paired"] = lakens_paired


def ttests():
    cases = []
    RNG = np.random.default_rng(7101)  # per-section seed: sections can be regenerated alone
    groups = {
        "a": _round(RNG.normal(48, 9, 23)),
        "b": _round(RNG.normal(52, 4, 31)),
        "c": _round(RNG.normal(50, 12, 12)),
        "d": _round(RNG.normal(47, 6, 8)),
        "tiny1": [1.0, 2.0],
        "tiny2": [4.0, 9.0, 5.5],
    }
    for g1, g2 in [("a", "b"), ("c", "d"), ("b", "c"), ("tiny1", "tiny2")]:
        for equal_var in [False, True]:
            for level in [0.95, 0.9]:
                cases.append({"kind": "two_sample", "pooled": int(equal_var), **case(
                    "(lambda r: [r.statistic, r.pvalue, r.df, *r.confidence_interval(level)])(st.ttest_ind(x, y, equal_var=equal_var))",
                    x=groups[g1], y=groups[g2], equal_var=equal_var, level=level)})
    for names in [("a", "b"), ("a", "b", "c"), ("a", "b", "c", "d"), ("tiny1", "tiny2", "d")]:
        data = [groups[n] for n in names]
        cases.append({"kind": "welch_anova", **case(
            "(lambda r: [r.statistic, r.pvalue, r.df[0], r.df[1]])(anova_oneway(data, use_var='unequal', welch_correction=True))",
            data=data)})
    base = _round(RNG.normal(44, 8, 30))
    follow = _round(np.array(base) + RNG.normal(2.5, 5, 30))
    lakens1 = [9.0, 7.0, 8.0, 9.0, 8.0, 9.0, 9.0, 10.0, 9.0, 9.0]  # Lakens (2013) Table 1, movie 1
    lakens2 = [9.0, 6.0, 7.0, 8.0, 7.0, 9.0, 8.0, 8.0, 8.0, 7.0]  # movie 2
    for x, y in [(follow, base), (lakens1, lakens2), ([2.0, 4.0, 7.0], [1.0, 1.5, 3.0])]:
        for level in [0.95, 0.99]:
            cases.append({"kind": "paired", **case(
                "(lambda r: [r.statistic, r.pvalue, r.df, *r.confidence_interval(level)])(st.ttest_rel(x, y))",
                x=x, y=y, level=level)})
        cases.append({"kind": "paired_effect", **case("lakens_paired(x, y)", x=x, y=y)})
        cases.append({"kind": "one_sample_of_differences", **case(
            "(lambda r: [r.statistic, r.pvalue])(st.ttest_1samp(np.subtract(x, y), 0.0))", x=x, y=y)})
    return cases


SECTIONS.update({
    "descriptive": (descriptive, "NumPy/SciPy summaries; numpy.quantile with each continuous method (R types 4-9)."),
    "estimators": (estimators, "statsmodels proportion_confint (wilson, beta = Clopper-Pearson, jeffreys, normal = Wald); "
                               "continuity-corrected Wilson by Newcombe's (1998) formula; SciPy t intervals."),
    "ttests": (ttests, "SciPy ttest_ind (equal_var False/True), ttest_rel, ttest_1samp; statsmodels anova_oneway(use_var='unequal'); "
                       "paired effect sizes by formula (lakens_paired)."),
})


# ---------------------------------------------------------------------------
# Contingency tables: chi-square, Fisher, McNemar, paired difference
# ---------------------------------------------------------------------------
def fisher_exact_fraction(table):
    """Fisher(-Freeman-Halton) two-sided p by complete enumeration in exact
    rational arithmetic, R's definition: sum of P(t) over tables with
    P(t) <= P(observed) * (1 + 1e-7). Independent of the Swift algorithm:
    it enumerates every cell vector and keeps those with the right margins."""
    t = np.asarray(table, dtype=int)
    rows, cols = t.sum(axis=1), t.sum(axis=0)
    n = int(t.sum())
    const = Fraction(math.prod(math.factorial(int(r)) for r in rows) * math.prod(math.factorial(int(c)) for c in cols),
                     math.factorial(n))

    def prob(m):
        return const / math.prod(math.factorial(int(v)) for v in np.asarray(m).ravel())

    p_obs = prob(t)
    bound = p_obs * (1 + Fraction(1, 10 ** 7))
    r, c = t.shape
    total = Fraction(0)
    count = 0
    # enumerate the free (r-1)x(c-1) block; the last row/column are implied
    ranges = [range(0, min(int(rows[i]), int(cols[j])) + 1) for i in range(r - 1) for j in range(c - 1)]
    for block in product(*ranges):
        m = np.zeros((r, c), dtype=int)
        m[:r - 1, :c - 1] = np.array(block).reshape(r - 1, c - 1)
        m[:r - 1, c - 1] = rows[:r - 1] - m[:r - 1, :c - 1].sum(axis=1)
        m[r - 1, :] = cols - m[:r - 1, :].sum(axis=0)
        if (m < 0).any() or m[r - 1, :].sum() != rows[r - 1]:
            continue
        count += 1
        pm = prob(m)
        if pm <= bound:
            total += pm
    return [float(total), float(p_obs), count]


def newcombe_paired(a, b, c, d, level):
    """Newcombe (1998) method 10 as specified by Fagerland, Lydersen & Laake (2014/2017),
    from statsmodels' Wilson limits."""
    n = a + b + c + d
    p1, p2 = (a + b) / n, (a + c) / n
    l1, u1 = proportion_confint(a + b, n, alpha=1 - level, method="wilson")
    l2, u2 = proportion_confint(a + c, n, alpha=1 - level, method="wilson")
    den = (a + b) * (c + d) * (a + c) * (b + d)
    A = a * d - b * c
    if den == 0:
        phi = 0.0
    elif A > n / 2:
        phi = (A - n / 2) / math.sqrt(den)
    elif A >= 0:
        phi = 0.0
    else:
        phi = A / math.sqrt(den)
    D = p1 - p2
    L = D - math.sqrt(max(0.0, (p1 - l1) ** 2 - 2 * phi * (p1 - l1) * (u2 - p2) + (u2 - p2) ** 2))
    U = D + math.sqrt(max(0.0, (p2 - l2) ** 2 - 2 * phi * (p2 - l2) * (u1 - p1) + (u1 - p1) ** 2))
    return [D, max(-1.0, L), min(1.0, U)]


def mcnemar_midp(b, c):
    """Mid-p McNemar (Fagerland et al. 2013): 2*P(B <= min) - P(B = min), B ~ Bin(b+c, 1/2)."""
    k, n = min(b, c), b + c
    return min(1.0, 2 * st.binom.cdf(k, n, 0.5) - st.binom.pmf(k, n, 0.5))


NAMESPACE.update({"fisher_exact_fraction": fisher_exact_fraction, "newcombe_paired": newcombe_paired,
                  "mcnemar_midp": mcnemar_midp})


def contingency():
    cases = []
    tables = [
        [[12, 5], [7, 15]],
        [[3, 0], [1, 4]],
        [[45, 55], [30, 70]],
        [[20, 15, 10], [12, 18, 25]],
        [[5, 2, 1, 0], [3, 4, 2, 1], [0, 2, 3, 6]],
        [[8, 0, 4], [0, 0, 0], [3, 0, 9]],  # an all-zero row and column, dropped
        [[30, 10], [25, 40], [5, 22]],
        [[2, 3], [1, 0]],  # small expected counts
    ]
    for t in tables:
        for corr in ([False, True] if len(t) == 2 and len(t[0]) == 2 else [False]):
            cases.append({"kind": "chi2", "yates": int(corr), **case(
                "(lambda r: [r.statistic, r.pvalue, r.dof, r.expected_freq.tolist()])("
                "st.chi2_contingency(np.array(t)[np.array(t).sum(axis=1) > 0][:, np.array(t).sum(axis=0) > 0], correction=corr))",
                t=t, corr=corr)})
    for t in [[[12, 5], [7, 15]], [[3, 0], [1, 4]], [[8, 2], [1, 5]], [[6, 2], [1, 4]], [[45, 55], [30, 70]],
              [[0, 5], [0, 7]], [[10, 10], [10, 10]], [[1, 9], [11, 3]], [[200, 150], [120, 260]]]:
        cases.append({"kind": "fisher2x2", **case(
            "[st.fisher_exact(t).pvalue, st.fisher_exact(t, alternative='less').pvalue, "
            "st.fisher_exact(t, alternative='greater').pvalue]", t=t)})
        cases.append({"kind": "fisher_exact_fraction", **case("fisher_exact_fraction(t)", t=t)})
    for t in [[[3, 1, 0], [1, 2, 2]], [[2, 0, 1], [0, 2, 1], [1, 1, 0]], [[5, 2, 1], [1, 4, 3]],
              [[4, 1, 0, 2], [0, 3, 2, 1], [1, 0, 4, 0]], [[6, 1], [2, 5], [0, 4]], [[3, 3, 3], [3, 3, 3]]]:
        cases.append({"kind": "fisher_rxc", **case("fisher_exact_fraction(t)", t=t)})
    # SciPy >= 1.15 has an exact r x c test only by full permutation: feasible for N <= 9.
    for t in [[[3, 1, 0], [1, 2, 2]], [[2, 0, 1], [0, 2, 1], [1, 1, 0]]]:
        cases.append({"kind": "fisher_rxc_scipy", **case(
            "st.fisher_exact(t, method=st.PermutationMethod(n_resamples=np.inf)).pvalue", t=t)})
    for b, c in [(12, 3), (5, 5), (0, 7), (25, 40), (1, 0), (60, 35)]:
        tab = [[20, b], [c, 30]]
        cases.append({"kind": "mcnemar", **case(
            "[mcnemar(tab, exact=False, correction=False).pvalue, mcnemar(tab, exact=False, correction=False).statistic, "
            "mcnemar(tab, exact=False, correction=True).pvalue, mcnemar(tab, exact=False, correction=True).statistic, "
            "mcnemar(tab, exact=True).pvalue, mcnemar_midp(b, c)]", tab=tab, b=b, c=c)})
    for a, b, c, d in [(59, 6, 16, 80), (1, 1, 7, 12), (20, 12, 3, 30), (0, 0, 5, 5), (10, 0, 0, 10), (3, 8, 2, 1), (0, 4, 0, 0)]:
        for level in [0.95, 0.9]:
            cases.append({"kind": "newcombe", **case("newcombe_paired(a, b, c, d, level)", a=a, b=b, c=c, d=d, level=level)})
    # Published check: Fagerland, Lydersen & Laake (2017), Statistical Analysis of Contingency Tables, ch. 8,
    # Cavo et al. (2012) data: Newcombe square-and-add estimate -0.0621 (95% CI -0.1186 to -0.0046), 4 d.p.
    cases.append({"kind": "newcombe_published", **case("[-0.0621, -0.1186, -0.0046]", a=59, b=6, c=16, d=80, level=0.95)})
    return cases


# ---------------------------------------------------------------------------
# Linear models and ANCOVA
# ---------------------------------------------------------------------------
def ancova_reference(y, x, g, level):
    """statsmodels OLS of y ~ x + C(g) (treatment coding, levels sorted); adjusted means at mean x
    and deviations from the unweighted mean of adjusted means, each as c' beta with SE sqrt(c' V c)."""
    df = pd.DataFrame({"y": y, "x": x, "g": g})
    full = smf.ols("y ~ x + C(g)", data=df).fit()
    reduced = smf.ols("y ~ x", data=df).fit()
    levels = sorted(set(g))
    k = len(levels)
    beta, V = full.params.values, full.cov_params().values
    xbar = float(np.mean(x))
    C = np.array([[1.0, *[1.0 if j == i else 0.0 for j in range(1, k)], xbar] for i in range(k)])
    # statsmodels orders columns Intercept, C(g)[T.*]..., x
    order = list(full.params.index)
    assert order[0] == "Intercept" and order[-1] == "x", order
    tcrit = st.t.isf((1 - level) / 2, full.df_resid)
    adj = C @ beta
    adj_se = np.sqrt(np.einsum("ij,jk,ik->i", C, V, C))
    D = C - C.mean(axis=0)
    dev = D @ beta
    dev_se = np.sqrt(np.einsum("ij,jk,ik->i", D, V, D))
    ftest = anova_lm(reduced, full)
    return {
        "levels": levels,
        "params": beta.tolist(), "bse": full.bse.values.tolist(), "cov": V.tolist(),
        "adjusted": adj.tolist(), "adjusted_se": adj_se.tolist(),
        "adjusted_ci": np.column_stack([adj - tcrit * adj_se, adj + tcrit * adj_se]).tolist(),
        "deviation": dev.tolist(), "deviation_se": dev_se.tolist(),
        "deviation_ci": np.column_stack([dev - tcrit * dev_se, dev + tcrit * dev_se]).tolist(),
        "F": float(ftest["F"].iloc[1]), "F_p": float(ftest["Pr(>F)"].iloc[1]),
        "df_num": float(ftest["df_diff"].iloc[1]), "df_den": float(full.df_resid),
    }


NAMESPACE["ancova_reference"] = ancova_reference


def models():
    cases = []
    RNG = np.random.default_rng(7102)
    n = 40
    x1 = _round(RNG.normal(10, 3, n))
    x2 = _round(RNG.uniform(0, 5, n))
    y = _round(3 + 0.8 * np.array(x1) - 1.5 * np.array(x2) + RNG.normal(0, 2, n))
    for level in [0.95, 0.9]:
        cases.append({"kind": "ols", **case(
            "(lambda r: {'params': r.params.tolist(), 'bse': r.bse.tolist(), 'tvalues': r.tvalues.tolist(), "
            "'pvalues': r.pvalues.tolist(), 'ci': r.conf_int(alpha=1 - level).tolist(), 'cov': r.cov_params().tolist(), "
            "'rsquared': r.rsquared, 'rsquared_adj': r.rsquared_adj, 'scale': r.scale, 'df_resid': r.df_resid, 'ssr': r.ssr})"
            "(sm.OLS(np.array(y), sm.add_constant(np.column_stack([x1, x2]))).fit())", y=y, x1=x1, x2=x2, level=level)})
    cases.append({"kind": "ols_no_intercept", **case(
        "(lambda r: {'params': r.params.tolist(), 'bse': r.bse.tolist(), 'rsquared': r.rsquared, 'rsquared_adj': r.rsquared_adj})"
        "(sm.OLS(np.array(y), np.column_stack([x1, x2])).fit())", y=y, x1=x1, x2=x2)})
    # ANCOVA data: three groups with different baselines and effects
    for sizes, effects in [((15, 12, 18), (0.0, 3.0, -2.0)), ((6, 9), (0.0, 4.0)), ((10, 10, 10, 7), (0.0, 1.0, 2.5, -1.0))]:
        g, xb, yf = [], [], []
        for i, (m, eff) in enumerate(zip(sizes, effects)):
            b = RNG.normal(45 + 2 * i, 7, m)
            g += [f"g{i + 1}"] * m
            xb += _round(b)
            yf += _round(10 + 0.75 * b + eff + RNG.normal(0, 4, m))
        for level in [0.95, 0.9]:
            cases.append({"kind": "ancova", **case("ancova_reference(y, x, g, level)", y=yf, x=xb, g=g, level=level)})
    return cases


# ---------------------------------------------------------------------------
# Funnel plots and reliable change
# ---------------------------------------------------------------------------
def funnel_exact(n, theta, P):
    """Spiegelhalter (2005) Stat Med 24:1185, Appendix A.1.1: interpolated binomial limit."""
    r = int(st.binom.ppf(P, n, theta))
    Fr, Fr1 = st.binom.cdf(r, n, theta), st.binom.cdf(r - 1, n, theta)
    alpha = (Fr - P) / (Fr - Fr1) if Fr > Fr1 else 0.0
    return min(max((r - alpha) / n, 0.0), 1.0)


NAMESPACE["funnel_exact"] = funnel_exact


def funnel():
    cases = []
    events = [12, 30, 4, 51, 9, 0, 77]
    denominators = [40, 120, 35, 150, 60, 18, 210]
    theta = sum(events) / sum(denominators)
    for n in denominators + [5, 1000]:
        for level in [0.95, 0.998]:
            cases.append({"kind": "prop_normal", **case(
                "[min(max(th - st.norm.isf((1 - level) / 2) * math.sqrt(th * (1 - th) / n), 0), 1), "
                "min(max(th + st.norm.isf((1 - level) / 2) * math.sqrt(th * (1 - th) / n), 0), 1)]",
                th=theta, n=n, level=level, events=events, denominators=denominators)})
            cases.append({"kind": "prop_exact", **case(
                "[funnel_exact(n, th, (1 - level) / 2), funnel_exact(n, th, 1 - (1 - level) / 2)]",
                th=theta, n=n, level=level, events=events, denominators=denominators)})
    cases.append({"kind": "prop_centre", **case("sum(events) / sum(denominators)", events=events, denominators=denominators)})
    means = [52.1, 48.7, 55.0, 50.2]
    sizes = [25, 60, 12, 140]
    for n in sizes:
        for level in [0.95, 0.998]:
            cases.append({"kind": "mean_limits", **case(
                "[mu - st.norm.isf((1 - level) / 2) * sigma / math.sqrt(n), mu + st.norm.isf((1 - level) / 2) * sigma / math.sqrt(n)]",
                mu=float(np.average(means, weights=sizes)), sigma=8.0, n=n, level=level, means=means, sizes=sizes)})
    cases.append({"kind": "z_values", **case("[st.norm.isf(0.025), st.norm.isf(0.001)]")})
    # Reliable change (Jacobson & Truax 1991), by formula
    for sd, rxx, x1, x2 in [(8.5, 0.89, 40.0, 49.0), (10.0, 0.8, 55.0, 50.0), (6.2, 0.91, 30.0, 33.0)]:
        cases.append({"kind": "rci", **case(
            "[sd * math.sqrt(1 - rxx), math.sqrt(2) * sd * math.sqrt(1 - rxx), (x2 - x1) / (math.sqrt(2) * sd * math.sqrt(1 - rxx)), "
            "1.96 * math.sqrt(2) * sd * math.sqrt(1 - rxx)]", sd=sd, rxx=rxx, x1=x1, x2=x2)})
    return cases


SECTIONS.update({
    "contingency": (contingency, "SciPy chi2_contingency and fisher_exact; Fisher/Freeman-Halton by exact rational enumeration "
                                 "(fisher_exact_fraction, R's 1+1e-7 tolerance); statsmodels mcnemar; Newcombe paired interval by formula."),
    "models": (models, "statsmodels OLS (sm.OLS, smf.ols 'y ~ x + C(g)'), adjusted means and contrasts as c'beta with c'Vc, anova_lm F test."),
    "funnel": (funnel, "Funnel limits by formula with SciPy norm/binom; reliable change index by formula."),
})


def large_df():
    """Student t with very large df (the regime where some libraries switch to a
    normal approximation), from mpmath only: SciPy's own values are not needed here."""
    cases = []
    for df in [5e5, 1e6, 5e6, 1e7, 2e7, 1e8, 1e10]:
        for x in [-5.0, 0.5, 3.0, 8.0]:
            for fn in ["cdf", "sf"]:
                cases.append({"dist": "t", "fn": fn, **case(f"float(mp_t('{fn}', x, df))", x=x, df=df)})
    return cases


SECTIONS["large_df"] = (large_df, "Student t cdf/sf at df 5e5 to 1e10 from mpmath (40 digits).")


if __name__ == "__main__":
    wanted = sys.argv[1:] or list(SECTIONS)
    for name in wanted:
        make, note = SECTIONS[name]
        write(name, note, make())
