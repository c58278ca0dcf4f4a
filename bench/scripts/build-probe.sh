#!/usr/bin/env bash
# Builds the bench-only wasm probe (secpulse's public ingest + score API) into bench/probe/pkg/,
# with the product's size profile (opt-level "z"). PROBE_O3=1 also builds an opt-level=3 copy
# into bench/probe/pkg-o3/ (measured as the "secpulse (O3)" rows) to show what the profile costs.
set -euo pipefail
cd "$(dirname "$0")/../probe"
build() {  # $1 = opt-level, $2 = out dir
  CARGO_PROFILE_RELEASE_OPT_LEVEL=$1 CARGO_TARGET_DIR=../../target/bench-probe-$1 \
    cargo build -q --release --target wasm32-unknown-unknown
  wasm-bindgen --target web --remove-name-section --remove-producers-section \
    --out-dir "$2" "../../target/bench-probe-$1/wasm32-unknown-unknown/release/secpulse_bench_probe.wasm"
}
build z pkg
if [ "${PROBE_O3:-0}" = 1 ]; then build 3 pkg-o3; fi
