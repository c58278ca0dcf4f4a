"""Independent computation of the driver-analysis numbers the Rust tests check (tests/drivers.rs).

Run from the repository root (needs numpy):

    cargo run -q -- synth --n 800 --seed 11 > /tmp/synth-800-11.csv
    cargo run -q -- synth --n 3000 --seed 7 > /tmp/synth-3000-7.csv
    python3 tests/data/drivers/expected.py /tmp/synth-800-11.csv /tmp/synth-3000-7.csv

1. Writes known.csv: 60 cases of 4 predictors and an outcome (numpy seed 13), and prints
   Johnson's relative weights of it, from numpy.linalg.eigh.
2. Scores the synthetic responses itself (reverse keying, the half-answered rule, a respondent
   scored only with a score in every dimension; docs/scoring.md) and prints the relative
   weights of the dimension scores on the recommend answer (nps) and on en_balance.
3. For the second file, percentile 95% intervals of the NPS shares from a plain case bootstrap
   (2,000 resamples, numpy seed 5): secpulse resamples blocks of cases beyond 1,000 cases, and
   its intervals must agree with these.
"""
import csv
import json
import sys

import numpy as np


def johnson(x, y):
    """Johnson (2000) relative weights: raw weights (sum = R^2)."""
    r = np.corrcoef(np.column_stack([x, y]), rowvar=False)
    rxx, rxy = r[:-1, :-1], r[:-1, -1]
    values, vectors = np.linalg.eigh(rxx)
    lam = vectors @ np.diag(np.sqrt(values)) @ vectors.T
    beta = np.linalg.solve(lam, rxy)
    return (lam ** 2) @ (beta ** 2)


def known():
    rng = np.random.default_rng(13)
    x = rng.normal(size=(60, 4))
    x[:, 1] += 0.6 * x[:, 0]
    x[:, 3] += 0.4 * x[:, 2]
    y = 0.5 * x[:, 0] + 0.3 * x[:, 1] + 0.1 * x[:, 2] + rng.normal(scale=0.8, size=60)
    with open("tests/data/drivers/known.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["x1", "x2", "x3", "x4", "y"])
        for row in np.column_stack([x, y]):
            w.writerow([repr(float(v)) for v in row])
    raw = johnson(x, y)
    return {"raw": raw.tolist(), "r2": float(raw.sum())}


def cases(path, outcome):
    instrument = json.load(open("src/instrument/default.json"))
    dims = [d["id"] for d in instrument["dimensions"]]
    items = [q for s in instrument["sections"] for q in s["questions"] if q.get("type") == "likert"]
    lo, hi = instrument["scale"]["min"], instrument["scale"]["max"]
    x, y = [], []
    for row in csv.DictReader(open(path, encoding="utf-8")):
        scores = []
        for d in dims:
            mine = [q for q in items if q["dimension"] == d]
            keyed = [(lo + hi - int(row[q["id"]])) if q.get("reverse") else int(row[q["id"]]) for q in mine if row[q["id"]].strip()]
            if not keyed or len(keyed) < (len(mine) + 1) // 2:
                break
            scores.append((sum(keyed) / len(keyed) - lo) / (hi - lo) * 100)
        if len(scores) == len(dims) and row[outcome].strip():
            x.append(scores)
            y.append(float(row[outcome]))
    return np.array(x), np.array(y)


def case_bootstrap(path):
    x, y = cases(path, "nps")
    rng = np.random.default_rng(5)
    shares = []
    for _ in range(2000):
        i = rng.integers(0, len(y), len(y))
        raw = johnson(x[i], y[i])
        shares.append(raw / raw.sum() * 100)
    return np.percentile(np.array(shares), [2.5, 97.5], axis=0).T.tolist()


def synthetic(path):
    out = {}
    for outcome in ["nps", "en_balance"]:
        x, y = cases(path, outcome)
        raw = johnson(x, y)
        out[outcome] = {"n": len(y), "r2_percent": float(raw.sum() * 100), "importance_percent": (raw / raw.sum() * 100).tolist()}
    return out


print(json.dumps({"known": known(), "synthetic": synthetic(sys.argv[1]), "case_bootstrap_nps": case_bootstrap(sys.argv[2])}, indent=1))
