#!/usr/bin/env bash
# Score our comment analyser and the VADER baseline on a labelled JSONL set.
# Usage: bench/comments/eval.sh [GOLD.jsonl ...]   (default: the dev set and our own test sets)
# VADER runs from a throwaway venv (not a project dependency):
#   python3 -m venv /tmp/vader && /tmp/vader/bin/pip install vaderSentiment
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED=${SHARED:-../shared}   # shared/ sits beside the repository root
SCORER=${SCORER:-$SHARED/bench/eval_comments.py}
VADER_PY=${VADER_PY:-/tmp/vader/bin/python}
OUT=${OUT:-bench/results/comments}
mkdir -p "$OUT"
[ $# -gt 0 ] || set -- "$SHARED/data/comments-dev.jsonl" tests/data/comments-own.jsonl \
  tests/data/comments-own-batch3.jsonl
cargo build -q --release --example comments
for gold in "$@"; do
  name=$(basename "$gold" .jsonl)
  "${CARGO_TARGET_DIR:-target}"/release/examples/comments "$gold" > "$OUT/$name.ours.jsonl"
  echo "== $name: secpulse"
  python3 "$SCORER" "$gold" "$OUT/$name.ours.jsonl" ${JSON:+--json}
  if [ -x "$VADER_PY" ]; then
    "$VADER_PY" bench/comments/vader_baseline.py "$gold" > "$OUT/$name.vader.jsonl"
    echo "== $name: VADER baseline"
    python3 "$SCORER" "$gold" "$OUT/$name.vader.jsonl" ${JSON:+--json}
  else
    echo "(VADER skipped: $VADER_PY not found)"
  fi
done
