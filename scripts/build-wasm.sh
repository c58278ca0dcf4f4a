#!/usr/bin/env bash
# Builds the wasm core and its JS bindings into www/pkg/ (size-tuned release profile):
#   secpulse.js + secpulse_bg.wasm                 everything (dashboard, charts, survey check)
#   secpulse_survey.js + secpulse_survey_bg.wasm   the survey form's exports only (no features)
set -euo pipefail
cd "$(dirname "$0")/.."
wasm=${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/secpulse.wasm
cargo build -q --lib --release --target wasm32-unknown-unknown --no-default-features --features dashboard
wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir www/pkg "$wasm"
cargo build -q --lib --release --target wasm32-unknown-unknown --no-default-features
wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir www/pkg \
  --out-name secpulse_survey "$wasm"
gz() { gzip -9c "$1" | wc -c; }
for name in secpulse secpulse_survey; do
  echo "built www/pkg/$name: $(gz "www/pkg/${name}_bg.wasm") bytes wasm + $(gz "www/pkg/$name.js") bytes JS gzipped" >&2
done
