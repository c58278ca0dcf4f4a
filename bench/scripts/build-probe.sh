#!/usr/bin/env bash
# Builds the bench-only wasm probe (secpulse's public ingest + score API) into bench/probe/pkg/.
set -euo pipefail
cd "$(dirname "$0")/../probe"
export CARGO_TARGET_DIR=../../target/bench-probe
cargo build -q --release --target wasm32-unknown-unknown
wasm-bindgen --target web --remove-name-section --remove-producers-section \
  --out-dir pkg "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/secpulse_bench_probe.wasm"
