#!/usr/bin/env python3
"""Writes the fixed drift data sets and the values NumPy/SciPy compute for them.

Run once from this directory (python3 with numpy and scipy):

    python3 make_expected.py

Each data set becomes <name>.json here: the reference values R, the window values C, the
settings (bins, max categories) and the expected values defined in
shared/design/statistics.md, computed with NumPy/SciPy exactly as that file says. The Java
test (io.mlmon.drift.ScipyAgreementTest) recomputes them with mlmon and compares.
"""

import json
import math
import os
import sys
from collections import Counter

import numpy as np
import scipy
from scipy.spatial.distance import jensenshannon
from scipy.stats import chi2_contingency, chisquare, ks_2samp, kstwo, wasserstein_distance

OTHER = "__other__"
SMOOTHING = 0.0001
HERE = os.path.dirname(os.path.abspath(__file__))


def psi(p, q):
    p = np.where(p == 0, SMOOTHING, p)
    q = np.where(q == 0, SMOOTHING, q)
    return float(np.sum((p - q) * np.log(p / q)))


def chi2(current_counts, q):
    q_prime = np.where(q == 0, SMOOTHING, q)
    q_prime = q_prime / q_prime.sum()
    m = current_counts.sum()
    result = chisquare(current_counts, m * q_prime)
    return float(result.statistic), float(result.pvalue)


def homogeneity(reference_counts, current_counts):
    """The chi-square test of homogeneity that decides drift for chi2 (see DriftRule)."""
    keep = (reference_counts + current_counts) > 0
    table = np.array([reference_counts[keep], current_counts[keep]])
    result = chi2_contingency(table, correction=False)
    return float(result.statistic), float(result.pvalue)


def auto_rule(kind, n, distinct, scores):
    """statistics.md's auto rule; chi2 decides by the homogeneity p-value (see DriftRule)."""
    if kind == "numeric" and distinct > 5:
        if n <= 1000:
            return "ks", scores["ks_p_value"] < 0.05
        return "wasserstein", scores["wasserstein"] >= 0.1
    if n <= 1000:
        return "chi2", scores["chi2_homogeneity_p_value"] < 0.05
    return "jensen_shannon", scores["jensen_shannon"] >= 0.1


def shares_expected(ref_counts, cur_counts):
    q = ref_counts / ref_counts.sum()
    p = cur_counts / cur_counts.sum()
    stat, pvalue = chi2(cur_counts, q)
    h_stat, h_pvalue = homogeneity(ref_counts, cur_counts)
    return q, p, {
        "psi": psi(p, q),
        "jensen_shannon": float(jensenshannon(p, q)),
        "chi2": stat,
        "chi2_p_value": pvalue,
        "chi2_homogeneity": h_stat,
        "chi2_homogeneity_p_value": h_pvalue,
    }


def numeric(name, reference, current, bins=10, note=""):
    r = np.asarray(reference, dtype=np.float64)
    c = np.asarray(current, dtype=np.float64)
    probs = np.arange(1, bins) / bins
    edges = np.unique(np.quantile(r, probs))
    ref_counts = np.bincount(np.searchsorted(edges, r, side="left"), minlength=len(edges) + 1)
    cur_counts = np.bincount(np.searchsorted(edges, c, side="left"), minlength=len(edges) + 1)
    q, p, scores = shares_expected(ref_counts, cur_counts)
    ks = ks_2samp(r, c)
    en = len(r) * len(c) / (len(r) + len(c))
    scores.update(
        {
            "ks": float(ks.statistic),
            "ks_p_value": float(ks.pvalue),
            "ks_p_value_asymptotic": float(kstwo.sf(ks.statistic, np.round(en))),
            "wasserstein": float(wasserstein_distance(r, c) / max(np.std(r), 0.001)),
        }
    )
    distinct = len(np.unique(r))
    method, drift = auto_rule("numeric", len(r), distinct, scores)
    return {
        "name": name,
        "note": note,
        "type": "numeric",
        "bins": bins,
        "reference": r.tolist(),
        "current": c.tolist(),
        "expected": {
            "edges": edges.tolist(),
            "reference_counts": ref_counts.tolist(),
            "current_counts": cur_counts.tolist(),
            "reference_ratios": q.tolist(),
            "current_ratios": p.tolist(),
            "distinct": distinct,
            "min": float(r.min()),
            "max": float(r.max()),
            "std": float(np.std(r)),
            "auto_method": method,
            "auto_drift": bool(drift),
            **scores,
        },
    }


def categorical(name, reference, current, max_categories, note=""):
    counts = Counter(reference)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:max_categories]
    labels = [k for k, _ in top] + [OTHER]
    index = {k: i for i, k in enumerate(labels[:-1])}

    def bin_counts(values):
        out = np.zeros(len(labels), dtype=np.int64)
        for v in values:
            out[index.get(v, len(labels) - 1)] += 1
        return out

    ref_counts = bin_counts(reference)
    cur_counts = bin_counts(current)
    q, p, scores = shares_expected(ref_counts, cur_counts)
    method, drift = auto_rule("categorical", len(reference), len(counts), scores)
    unseen = sorted({v for v in current if v not in counts})
    return {
        "name": name,
        "note": note,
        "type": "categorical",
        "max_categories": max_categories,
        "reference": list(reference),
        "current": list(current),
        "expected": {
            "labels": labels,
            "reference_counts": ref_counts.tolist(),
            "current_counts": cur_counts.tolist(),
            "reference_ratios": q.tolist(),
            "current_ratios": p.tolist(),
            "unseen": unseen,
            "auto_method": method,
            "auto_drift": bool(drift),
            **scores,
        },
    }


def naive_lerp_differs(sorted_values, bins):
    n = len(sorted_values)
    for k in range(1, bins):
        h = (n - 1) * (k / bins)
        i = int(math.floor(h))
        if i + 1 >= n:
            continue
        a, b = sorted_values[i], sorted_values[i + 1]
        if a + (b - a) * (h - i) != np.quantile(sorted_values, k / bins):
            return True
    return False


def rounded(values, digits=6):
    return np.round(np.asarray(values, dtype=np.float64), digits)


def main():
    rng = np.random.default_rng(20261126)
    sets = []

    # Numeric, many distinct values; small (n*m < 10,000: exact KS) and large (asymptotic).
    ref_small = rounded(rng.normal(10, 2, 90))
    sets.append(numeric("numeric_small_same", ref_small, rounded(rng.normal(10, 2, 100)),
                        note="n*m = 9000: exact KS"))
    sets.append(numeric("numeric_small_shifted", ref_small, rounded(rng.normal(11.5, 2, 100)),
                        note="n*m = 9000: exact KS, mean shifted by 0.75 sd"))
    ref_large = rounded(rng.normal(10, 2, 5000))
    sets.append(numeric("numeric_large_same", ref_large, rounded(rng.normal(10, 2, 2000)),
                        note="asymptotic KS, reference rows > 1000"))
    sets.append(numeric("numeric_large_shifted", ref_large, rounded(rng.normal(10.8, 2.5, 2000)),
                        note="asymptotic KS, shifted and wider"))
    sets.append(numeric("numeric_far_out_of_range", ref_large[:800],
                        rounded(rng.normal(40, 1, 300)),
                        note="window entirely above the reference: empty bins, 0.0001 smoothing"))
    ref_skewed = rounded(rng.lognormal(3, 1.2, 1500), 3)
    sets.append(numeric("numeric_skewed_same_20_bins", ref_skewed,
                        rounded(rng.lognormal(3, 1.2, 700), 3), bins=20,
                        note="20 bins on a long-tailed distribution"))

    # Edges must be bit-identical to NumPy's: find a sample where NumPy's lerp (from the upper
    # neighbour when the weight is >= 0.5) differs in the last bit from a + (b - a) * g.
    lerp_rng = np.random.default_rng(11)
    while True:
        n = int(lerp_rng.integers(50, 1000))
        ref_lerp = lerp_rng.normal(lerp_rng.uniform(-1e3, 1e3), lerp_rng.uniform(0.1, 100), n)
        if naive_lerp_differs(np.sort(ref_lerp), 20):
            break
    sets.append(numeric("numeric_lerp_last_bit", ref_lerp,
                        lerp_rng.normal(np.mean(ref_lerp), np.std(ref_lerp), 300), bins=20,
                        note="an edge where a + (b - a) * g is one ulp off NumPy's quantile"))

    # Numeric with few distinct values (at most 5): repeated quantiles collapse into fewer edges.
    levels = np.array([1.0, 2.0, 3.0, 4.0])
    ref_few = rng.choice(levels, 3000, p=[0.1, 0.5, 0.3, 0.1])
    sets.append(numeric("numeric_few_distinct_same", ref_few,
                        rng.choice(levels, 800, p=[0.1, 0.5, 0.3, 0.1]),
                        note="4 distinct values: chi2/jensen_shannon under auto"))
    sets.append(numeric("numeric_few_distinct_shifted", ref_few,
                        rng.choice(levels, 800, p=[0.3, 0.3, 0.2, 0.2])))
    ref_few_small = rng.choice(levels[:3], 60, p=[0.2, 0.5, 0.3])
    sets.append(numeric("numeric_few_distinct_small", ref_few_small,
                        rng.choice(levels[:3], 150, p=[0.2, 0.5, 0.3]),
                        note="3 distinct, n*m = 9000: exact KS with ties"))

    # Integers with many ties (more than 5 distinct values).
    ref_int_small = rng.poisson(4, 80).astype(np.float64)
    sets.append(numeric("integers_ties_small_same", ref_int_small,
                        rng.poisson(4, 120).astype(np.float64),
                        note="n*m = 9600: exact KS, ties within and across samples"))
    sets.append(numeric("integers_ties_small_shifted", ref_int_small,
                        rng.poisson(6, 120).astype(np.float64)))
    ref_int_large = rng.poisson(4, 3000).astype(np.float64)
    sets.append(numeric("integers_ties_large_same", ref_int_large,
                        rng.poisson(4, 1500).astype(np.float64)))
    sets.append(numeric("integers_ties_large_shifted", ref_int_large,
                        rng.poisson(5, 1500).astype(np.float64)))

    # A constant reference: one edge, two bins, std 0 so wasserstein is divided by 0.001.
    sets.append(numeric("numeric_constant_reference", np.full(500, 5.0),
                        rounded(rng.normal(5, 0.01, 200)),
                        note="std(R) = 0: normalised by 0.001"))

    # Categorical, top-K plus __other__, unseen categories in the window.
    names = ["atm", "grocery", "online", "pos", "restaurant", "travel", "fuel", "gaming"]
    weights = np.array([0.08, 0.22, 0.30, 0.18, 0.10, 0.05, 0.05, 0.02])
    ref_cat = list(rng.choice(names, 2000, p=weights))
    sets.append(categorical("categorical_same", ref_cat, list(rng.choice(names, 1000, p=weights)), 5,
                            note="8 categories, top 5 kept, the rest in __other__"))
    shifted = np.array([0.02, 0.15, 0.45, 0.18, 0.05, 0.05, 0.05, 0.05])
    cur_cat = list(rng.choice(names, 1000, p=shifted)) + ["crypto"] * 40 + ["lottery"] * 7
    sets.append(categorical("categorical_shifted_unseen", ref_cat, cur_cat, 5,
                            note="shifted shares and two categories never seen in the reference"))
    few = ["a", "b", "c"]
    ref_cat_small = list(rng.choice(few, 300, p=[0.5, 0.3, 0.2]))
    sets.append(categorical("categorical_small_same", ref_cat_small,
                            list(rng.choice(few, 250, p=[0.5, 0.3, 0.2])), 50,
                            note="every category kept: __other__ is empty in the reference"))
    sets.append(categorical("categorical_small_unseen", ref_cat_small,
                            list(rng.choice(few, 240, p=[0.45, 0.3, 0.25])) + ["d"] * 10, 50,
                            note="unseen values land in the empty __other__ bin"))
    ties = ["x"] * 30 + ["w"] * 30 + ["v"] * 30 + ["z"] * 10
    sets.append(categorical("categorical_ties_by_name", ties,
                            ["x"] * 20 + ["w"] * 40 + ["v"] * 30 + ["z"] * 10, 2,
                            note="equal counts: the top 2 are chosen by name (v, w)"))

    meta = {"numpy": np.__version__, "scipy": scipy.__version__, "python": sys.version.split()[0]}
    for s in sets:
        s["generated_with"] = meta
        with open(os.path.join(HERE, s["name"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(s, f, separators=(",", ":"), allow_nan=False)
            f.write("\n")
    with open(os.path.join(HERE, "index.json"), "w", encoding="utf-8") as f:
        json.dump([s["name"] for s in sets], f, indent=1)
        f.write("\n")
    for s in sets:
        e = s["expected"]
        print(f"{s['name']:32} psi={e['psi']:.4f} js={e['jensen_shannon']:.4f} "
              f"chi2_p={e['chi2_p_value']:.3g} hom_p={e['chi2_homogeneity_p_value']:.3g} ks={e.get('ks', math.nan):.4f} "
              f"ks_p={e.get('ks_p_value', math.nan):.3g} "
              f"ks_p_asym={e.get('ks_p_value_asymptotic', math.nan):.3g} "
              f"w={e.get('wasserstein', math.nan):.4f} auto={e['auto_method']}:{e['auto_drift']}")


if __name__ == "__main__":
    main()
