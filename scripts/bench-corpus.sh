#!/usr/bin/env bash
# Whole-corpus benchmark: codes a JSONL(.gz) corpus with the release binary on one thread
# and on all cores, and reports documents/s, sentences/s, MB/s and peak memory.
#
#   scripts/bench-corpus.sh ../shared/corpus/saudinewsnet-2015-07.jsonl.gz
set -euo pipefail
corpus=${1:?usage: scripts/bench-corpus.sh CORPUS.jsonl[.gz]}
cargo build --release -p marsad >/dev/null 2>&1
bin=target/release/marsad
for threads in 1 "$(nproc)"; do
  echo "== RAYON_NUM_THREADS=$threads"
  RAYON_NUM_THREADS=$threads /usr/bin/time -f "peak memory: %M KiB, wall %e s" \
    "$bin" code "$corpus" >/tmp/marsad-bench-events.jsonl 2>/tmp/marsad-bench-stderr.txt || true
  grep -E "^marsad: [0-9]+ documents|peak memory" /tmp/marsad-bench-stderr.txt
  grep -c "skipped" /tmp/marsad-bench-stderr.txt | sed 's/^/skip messages: /'
done
echo "== events by category (default output)"
python3 -c "
import json,collections,sys
c=collections.Counter(json.loads(l)['event'][0] for l in open('/tmp/marsad-bench-events.jsonl'))
print(sum(c.values()),'events'); [print(f'  {k:<10} {v}') for k,v in c.most_common()]"
