#!/usr/bin/env bash
# Native CLI: `secpulse score` throughput (MB/s, rows/s) and peak RSS (/usr/bin/time -v) at 1M
# and 10M rows. 10M = the 1M file's rows repeated 10× (the generator would take ~10 min); it is
# written to bench/data/, used, then deleted. Appends to results/native.md and results/native.json.
# NATIVE_10M=0 skips 10M; NATIVE_Z=1 also measures an opt-level "z" build (the wasm cores' size profile;
# the shipped native release profile is opt-level 3).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { apt-get install -y time >/dev/null; }
(cd .. && cargo build -q --release)
BINS=("release:${CARGO_TARGET_DIR:-../target}/release/secpulse")
if [ "${NATIVE_Z:-0}" = 1 ]; then
  (cd .. && CARGO_PROFILE_RELEASE_OPT_LEVEL=z CARGO_TARGET_DIR=target/opt-z cargo build -q --release)
  BINS+=("opt-level=z:../target/opt-z/release/secpulse")
fi
FILES=(data/r1000000.csv data/r1000000.json)
if [ "${NATIVE_10M:-1}" = 1 ]; then
  need=$((1100 * 1024 * 1024)); avail=$(df --output=avail -B1 data | tail -1)
  if [ "$avail" -gt "$need" ]; then
    { cat data/r1000000.csv; for _ in $(seq 9); do tail -n +2 data/r1000000.csv; done; } > data/r10000000.csv
    FILES+=(data/r10000000.csv)
  else echo "skipping 10M: not enough disk" >&2; fi
fi
mkdir -p results
echo "| build | file | rows | MB | wall s (median of ${NATIVE_RUNS:-3}) | MB/s | rows/s | peak RSS MB |" > results/native.md
echo "|---|---|---|---|---|---|---|---|" >> results/native.md
echo "[" > results/native.json
first=1
for spec in "${BINS[@]}"; do
  name=${spec%%:*}; bin=${spec#*:}
  for f in "${FILES[@]}"; do
    rows=$(( $(wc -l < "$f") - 1 )); [ "${f##*.}" = json ] && rows=$(( rows - 1 ))
    bytes=$(stat -Lc %s "$f")
    walls=(); rss=0
    for _ in $(seq "${NATIVE_RUNS:-3}"); do
      /usr/bin/time -v -o /tmp/secpulse-bench-time.txt "$bin" score --instrument instrument.json --by department --by role "$f" > /dev/null 2>/dev/null
      w=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' /tmp/secpulse-bench-time.txt)
      r=$(awk -F': ' '/Maximum resident set size/{print $2}' /tmp/secpulse-bench-time.txt)
      walls+=("$w"); [ "$r" -gt "$rss" ] && rss=$r
    done
    med=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END{print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}')
    line=$(awk -v b="$bytes" -v r="$rows" -v w="$med" -v m="$rss" -v n="$name" -v f="$(basename "$f")" \
      'BEGIN{printf "| %s | %s | %d | %.0f | %.2f | %.0f | %.0f | %.0f |", n, f, r, b/1e6, w, b/1e6/w, r/w, m/1024}')
    echo "$line" | tee -a results/native.md
    [ $first = 1 ] || echo "," >> results/native.json; first=0
    printf '{"build":"%s","file":"%s","rows":%d,"bytes":%d,"wall_s":[%s],"peak_rss_kb":%d}\n' "$name" "$(basename "$f")" "$rows" "$bytes" "$(IFS=,; echo "${walls[*]}")" "$rss" >> results/native.json
  done
done
echo "]" >> results/native.json
rm -f data/r10000000.csv
