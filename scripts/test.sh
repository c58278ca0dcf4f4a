#!/usr/bin/env bash
# Runs every test: native unit/integration/property tests, wasm tests in headless Chromium,
# and end-to-end browser tests of the demo pages. Installs what a fresh machine lacks first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
echo "== native tests (cargo test)"
cargo test --all-targets
echo "== wasm tests in headless Chromium (wasm-bindgen-test)"
cargo test --target wasm32-unknown-unknown --no-default-features --test 'wasm_*'
echo "== end-to-end browser tests (playwright-core + Chromium)"
scripts/build-wasm.sh
(cd e2e && node --test)
