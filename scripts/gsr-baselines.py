#!/usr/bin/env python3
"""Baselines for the OEDA Arabic GSR, on the same 5-fold document split as `marsad train`.

    python3 scripts/gsr-baselines.py ../shared/data/gsr/assault_dev.csv
    python3 scripts/gsr-baselines.py ../shared/data/gsr/protest_dev.csv

Prints the cross-validated precision, recall and F1 of a TF-IDF logistic regression over
word uni- and bigrams and over character 2-5-grams (the kind of baseline issue 3 quotes),
each with the decision threshold chosen on the pooled out-of-fold scores, as `marsad
train` does for its own filter. Needs scikit-learn; not part of the build or the tests.
"""
import csv
import sys

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

FOLDS = 5


def load(path):
    rows = []
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["label"] == "ambiguous":
                continue
            rows.append((r["id"], r["text"], r["label"] == "yes"))
    return rows


def folds(rows):
    # Sorted document ids dealt round-robin, as crates/marsad/src/train.rs assign_folds.
    doc = [i.rsplit("-", 1)[0] for i, _, _ in rows]
    index = {d: k % FOLDS for k, d in enumerate(sorted(set(doc)))}
    return np.array([index[d] for d in doc])


def best_f1(y, p):
    best = (0.0, 0.0, 0.0, 0.0)
    for th in np.arange(0.025, 1.0, 0.025):
        pred = p >= th
        tp = int((pred & y).sum())
        fp = int((pred & ~y).sum())
        fn = int((~pred & y).sum())
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
    fold = folds(rows)
    for name, make in [
        ("tfidf words 1-2", lambda: TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)),
        ("tfidf chars 2-5", lambda: TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True)),
    ]:
        results = []
        for c in (1.0, 3.0, 10.0):
            oof = np.zeros(len(rows))
            for k in range(FOLDS):
                tr, te = np.where(fold != k)[0], np.where(fold == k)[0]
                vec = make()
                model = LogisticRegression(C=c, class_weight="balanced", max_iter=3000)
                model.fit(vec.fit_transform([texts[i] for i in tr]), y[tr])
                oof[te] = model.predict_proba(vec.transform([texts[i] for i in te]))[:, 1]
            results.append(best_f1(y, oof) + (c,))
        f1, prec, rec, th, c = max(results)
        print(f"{path}: {name}: {FOLDS}-fold CV precision {prec:.3f} recall {rec:.3f} F1 {f1:.3f} (C {c}, threshold {th:.3f})")


if __name__ == "__main__":
    for p in sys.argv[1:] or sys.exit(__doc__):
        main(p)
