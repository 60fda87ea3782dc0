#!/usr/bin/env python3
"""Baselines for the OEDA Arabic GSR, on the same repeated 5-fold document splits as `marsad train`.

    python3 scripts/gsr-baselines.py ../shared/data/gsr/assault_dev.csv
    python3 scripts/gsr-baselines.py ../shared/data/gsr/protest_dev.csv

Prints the cross-validated precision, recall and F1 of a TF-IDF logistic regression over
word uni- and bigrams and over character 2-5-grams (the kind of baseline issue 3 quotes),
each with the decision threshold chosen on the out-of-fold scores of all repeats pooled,
as `marsad train` does for its own filter. Needs scikit-learn; not part of the build or the tests.
"""
import csv
import sys

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

FOLDS = 5
REPEATS = 5


def load(path):
    rows = []
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["label"] == "ambiguous":
                continue
            rows.append((r["id"], r["text"], r["label"] == "yes"))
    return rows


def fnv1a(text):
    h = 0xCBF29CE484222325
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def folds(rows, repeat):
    # Document ids dealt round-robin, as crates/marsad/src/train.rs assign_folds: sorted
    # for repeat 0, ordered by FNV-1a of "REPEAT:ID" for the others.
    doc = [i.rsplit("-", 1)[0] for i, _, _ in rows]
    order = sorted(set(doc))
    if repeat > 0:
        order.sort(key=lambda d: (fnv1a(f"{repeat}:{d}"), d))
    index = {d: k % FOLDS for k, d in enumerate(order)}
    return np.array([index[d] for d in doc])


def best_f1(y, oofs):
    best = (0.0, 0.0, 0.0, 0.0)
    for th in np.arange(0.025, 1.0, 0.025):
        tp = fp = fn = 0
        for p in oofs:
            pred = p >= th
            tp += int((pred & y).sum())
            fp += int((pred & ~y).sum())
            fn += int((~pred & y).sum())
        prec = tp / max(tp + fp, 1)
        rec = tp / max(tp + fn, 1)
        f1 = 2 * prec * rec / max(prec + rec, 1e-9)
        if f1 > best[0]:
            best = (f1, prec, rec, th)
    return best


def main(path):
    rows = load(path)
    texts = [t for _, t, _ in rows]
    y = np.array([g for _, _, g in rows])
    splits = [folds(rows, r) for r in range(REPEATS)]
    for name, make in [
        ("tfidf words 1-2", lambda: TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)),
        ("tfidf chars 2-5", lambda: TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True)),
    ]:
        results = []
        for c in (1.0, 3.0, 10.0):
            oofs = []
            for fold in splits:
                oof = np.zeros(len(rows))
                for k in range(FOLDS):
                    tr, te = np.where(fold != k)[0], np.where(fold == k)[0]
                    vec = make()
                    model = LogisticRegression(C=c, class_weight="balanced", max_iter=3000)
                    model.fit(vec.fit_transform([texts[i] for i in tr]), y[tr])
                    oof[te] = model.predict_proba(vec.transform([texts[i] for i in te]))[:, 1]
                oofs.append(oof)
            results.append(best_f1(y, oofs) + (c,))
        f1, prec, rec, th, c = max(results)
        print(f"{path}: {name}: {FOLDS}-fold CV ({REPEATS} repeats) precision {prec:.3f} recall {rec:.3f} F1 {f1:.3f} (C {c}, threshold {th:.3f})")


if __name__ == "__main__":
    for p in sys.argv[1:] or sys.exit(__doc__):
        main(p)
