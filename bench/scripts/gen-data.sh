#!/usr/bin/env bash
# Generates the benchmark data with the shared generator (seed 1) into bench/data/, if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
GEN=${GEN:-../../shared/bench/gen_responses.py}
mkdir -p data
for n in ${BENCH_SIZES:-1000 10000 100000 1000000}; do
  for fmt in csv json; do
    f="data/r$n.$fmt"
    if [ ! -s "$f" ]; then
      echo "generating $f" >&2
      python3 "$GEN" --n "$n" --seed 1 --format "$fmt" --out "$f.tmp" && mv "$f.tmp" "$f"
    fi
  done
done
