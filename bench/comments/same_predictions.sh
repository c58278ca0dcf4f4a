#!/usr/bin/env bash
# Check that a change leaves every prediction byte-identical (labels, scores and "why" words): build
# examples/comments at BASE (a git archive copy, same CARGO_TARGET_DIR) and at the working tree, run
# both on the gold files, and compare the outputs.
# Usage: bench/comments/same_predictions.sh [BASE [GOLD.jsonl ...]]   (default: main, dev and dev2)
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED=${SHARED:-../shared}
base=${1:-main}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- "$SHARED/data/comments-dev.jsonl" "$SHARED/data/comments-dev2.jsonl"
target=${CARGO_TARGET_DIR:-$PWD/target}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# both builds write the same examples/comments: keep a copy of each
cargo build -q --release --example comments
cp "$target/release/examples/comments" "$work/comments-new"
git archive "$base" | tar -x -C "$work"
(cd "$work" && CARGO_TARGET_DIR="$target" cargo build -q --release --example comments)
cp "$target/release/examples/comments" "$work/comments-base"
cp "$work/comments-new" "$target/release/examples/comments"   # leave the working tree's build in place
status=0
for gold in "$@"; do
  name=$(basename "$gold" .jsonl)
  "$work/comments-base" "$gold" > "$work/$name.base.jsonl"
  "$work/comments-new" "$gold" > "$work/$name.new.jsonl"
  if cmp -s "$work/$name.base.jsonl" "$work/$name.new.jsonl"; then
    echo "$name: $(wc -l < "$gold") comments, predictions identical to $base"
  else
    echo "$name: predictions differ from $base:"
    diff "$work/$name.base.jsonl" "$work/$name.new.jsonl" | head -20
    status=1
  fi
done
exit $status
