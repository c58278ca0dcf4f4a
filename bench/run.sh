#!/usr/bin/env bash
# One command for issue 8's benchmark: pinned npm deps, data (if missing), wasm builds, then
# one node script driving headless Chromium (3 fresh-browser runs), then the native CLI.
#   bench/run.sh                 everything (~10-15 min on 2 cores; first data generation adds ~3 min)
#   RUNS=1 SIZES=1000,10000 bench/run.sh     quick look
#   NATIVE=0 / BROWSER=0 / SURVEY=0 / ELEMENT=0 / WORKERS=0   skip a part;  NATIVE_10M=0  skip the 10M-row CLI run
#   (SURVEY: survey_load.mjs, the survey page's first question under 40 ms / 20 Mbit/s throttling;
#    ELEMENT: the <secpulse-report> element loading a file, main-thread long tasks;
#    WORKERS: scripts/workers.mjs, the largest CSV read by 1 and by 2 workers, interleaved)
set -euo pipefail
cd "$(dirname "$0")"
RUNS=${RUNS:-3}
SIZES=${SIZES:-1000,10000,100000,1000000}
(npm ci --no-audit --no-fund --loglevel=error)
BENCH_SIZES="${SIZES//,/ }" scripts/gen-data.sh
(cd .. && scripts/build-wasm.sh)
scripts/build-probe.sh
mkdir -p results
if [ "${BROWSER:-1}" = 1 ]; then
  only=papa,surveyjs,secpulse
  [ "${ELEMENT:-1}" = 1 ] && only=$only,element
  node run.mjs --runs "$RUNS" --sizes "$SIZES" --only "$only"
fi
if [ "${SURVEY:-1}" = 1 ]; then
  node survey_load.mjs --runs "$RUNS" --log 0 | tee results/survey_load.txt
fi
if [ "${WORKERS:-1}" = 1 ]; then
  largest=$(tr ',' '\n' <<<"$SIZES" | sort -n | tail -1)
  node scripts/workers.mjs "data/r$largest.csv" "$RUNS" 1,2 | tee results/workers.txt
fi
if [ "${NATIVE:-1}" = 1 ]; then
  scripts/native.sh
fi
