#!/usr/bin/env bash
# Runs every test: rustfmt and clippy (warnings are errors), the JS lint gate, browser-free JS unit tests, native unit/integration/property
# tests, wasm tests in headless Chromium, end-to-end browser tests of the demo pages and of `secpulse serve`, and
# bounded crash and hostile-input runs of the server (the full runs: bench/serve/).
# Installs what a fresh machine lacks first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# A clean CI build gains nothing from incremental data, which would double the disk it needs.
export CARGO_INCREMENTAL=0
echo "== Rust formatting and lints (cargo fmt --check; clippy, warnings are errors, native and wasm)"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --no-default-features --features dashboard,viewer --lib -- -D warnings
cargo clippy --target wasm32-unknown-unknown --no-default-features --features viewer --lib -- -D warnings
cargo clippy --target wasm32-unknown-unknown --no-default-features --lib -- -D warnings
echo "== JS lint (ESLint over www/, e2e/, tests/js/, scripts/, bench/; config eslint.config.js)"
(cd e2e && npm run --silent lint)
echo "== browser-free JS unit tests (node --test tests/js/)"
node --test tests/js/
echo "== the widgets (scripts/build-wasm.sh: the three wasm builds, www/pkg, dist/, the sample report)"
# Before the native tests: the server binary embeds www/ (build.rs), so building the widgets first lets the
# tests' build embed them and the end-to-end tests reuse it, instead of compiling the crate again.
scripts/build-wasm.sh
echo "== native tests (cargo test), and the examples in the docs"
cargo test --all-targets
cargo test --doc
echo "== wasm tests in headless Chromium (wasm-bindgen-test)"
cargo test --target wasm32-unknown-unknown --no-default-features --features dashboard,viewer --test 'wasm_*'
echo "== the survey-only wasm (no features) in headless Chromium"
cargo test --target wasm32-unknown-unknown --no-default-features --test wasm_survey
echo "== end-to-end browser tests (playwright-core + Chromium), against the static demo server and secpulse serve"
# Already built with the native tests, after the widgets, so the binary embeds them (build.rs); the e2e and
# the runs below use it.
cargo build --bin secpulse --example serve_load
(cd e2e && node --test)
echo "== secpulse serve: kill -9 under load (3 rounds) and hostile input (1,000 bodies); full runs in bench/serve/"
python3 bench/serve/crash.py --rounds 3 --clients 20
python3 bench/serve/hostile.py --n 1000 --slow 10
