#!/usr/bin/env bash
# Bundles <secpulse-survey> (www/survey/element.js and every module it imports) into the one file pages
# load, www/secpulse-survey.js (not committed): the survey then needs four files in all (this, its wasm
# glue, its wasm and the built-in instrument) instead of twenty-two, which over HTTP/1.1's six connections per
# host saves round trips before the first question (bench/README.md, "One file for the survey"). Readable:
# not minified (dist/ minifies it with the rest). The wasm glue stays its own file: core.js imports it by URL.
# scripts/build-wasm.sh runs this; after editing www/survey/ run it alone (well under a second).
set -euo pipefail
cd "$(dirname "$0")/.."
esbuild=scripts/node_modules/.bin/esbuild
[ -x "$esbuild" ] || { echo "bundle-survey: $esbuild missing; run scripts/setup.sh" >&2; exit 1; }
"$esbuild" www/survey/element.js --bundle --format=esm --charset=utf8 --log-level=warning \
  --banner:js='// Made by scripts/bundle-survey.sh from www/survey/element.js and its imports: edit those, not this.' \
  --outfile=www/secpulse-survey.js
echo "built www/secpulse-survey.js: $(wc -c < www/secpulse-survey.js) bytes, $(gzip -9c www/secpulse-survey.js | wc -c) gzipped" >&2
