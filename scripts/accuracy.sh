#!/usr/bin/env bash
# Reproduces every figure of docs/accuracy.md on the OEDA Arabic GSR development files.
#
#   scripts/accuracy.sh [GSR_DIR]        (default ../shared/data/gsr)
#
# 1. the learned filters' cross-validated figures (5 folds by document x 5 splits) (`marsad train`, written to a
#    temporary directory: the shipped lexicon/model is not touched);
# 2. `marsad eval gsr` on the default output (in-sample for the filter: it was trained on
#    these files) and on the rule-based candidates alone (--include-low-confidence);
# 3. `marsad eval spans`, default output and candidates.
set -euo pipefail
gsr=${1:-../shared/data/gsr}
cargo build --release -p marsad >/dev/null 2>&1
bin=target/release/marsad
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== learned filters, 5-fold cross-validation by document, repeated over 5 splits"
"$bin" train --out "$tmp/model" --predictions "$tmp/pred" "$gsr/assault_dev.csv" "$gsr/protest_dev.csv"

for t in assault protest; do
  T=$(echo "$t" | tr a-z A-Z)
  echo
  echo "== $T sentences: rule-based candidates (--include-low-confidence)"
  "$bin" eval gsr --type "$T" --include-low-confidence "$gsr/${t}_dev.csv" || true
  echo
  echo "== $T sentences: default output (filter in-sample: trained on this file)"
  "$bin" eval gsr --type "$T" "$gsr/${t}_dev.csv" || true
  echo
  echo "== $T spans: default output"
  "$bin" eval spans --type "$T" "$gsr/${t}_spans_dev.json" || true
  echo
  echo "== $T spans: candidates (--include-low-confidence)"
  "$bin" eval spans --type "$T" --include-low-confidence "$gsr/${t}_spans_dev.json" || true
done
