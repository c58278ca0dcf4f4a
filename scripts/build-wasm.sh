#!/usr/bin/env bash
# Builds the wasm core and its JS bindings into www/pkg/ (size-tuned release profile).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q --lib --release --target wasm32-unknown-unknown --no-default-features
wasm-bindgen --target web --remove-name-section --remove-producers-section \
  --out-dir www/pkg target/wasm32-unknown-unknown/release/secpulse.wasm
echo "built www/pkg: $(gzip -9c www/pkg/secpulse_bg.wasm | wc -c) bytes wasm gzipped" >&2
