#!/usr/bin/env bash
# Runs every test: rustfmt and clippy (warnings are errors), the JS lint gate, browser-free JS unit tests, native unit/integration/property
# tests, wasm tests in headless Chromium, and end-to-end browser tests of the demo pages.
# Installs what a fresh machine lacks first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
echo "== Rust formatting and lints (cargo fmt --check; clippy, warnings are errors, native and wasm)"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --no-default-features --features dashboard --lib -- -D warnings
cargo clippy --target wasm32-unknown-unknown --no-default-features --lib -- -D warnings
echo "== JS lint (ESLint over www/, e2e/, tests/js/, scripts/, bench/; config eslint.config.js)"
(cd e2e && npm run --silent lint)
echo "== browser-free JS unit tests (node --test tests/js/)"
node --test tests/js/
echo "== native tests (cargo test), and the examples in the docs"
cargo test --all-targets
cargo test --doc
echo "== wasm tests in headless Chromium (wasm-bindgen-test)"
cargo test --target wasm32-unknown-unknown --no-default-features --features dashboard --test 'wasm_*'
echo "== the survey-only wasm (no features) in headless Chromium"
cargo test --target wasm32-unknown-unknown --no-default-features --test wasm_survey
echo "== end-to-end browser tests (playwright-core + Chromium)"
scripts/build-wasm.sh
(cd e2e && node --test)
