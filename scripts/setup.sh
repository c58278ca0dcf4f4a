#!/usr/bin/env bash
# Installs what a fresh machine lacks to build and test secpulse; a no-op (~1 s) when all is there.
# Rust wasm target, the wasm-bindgen CLI pinned to Cargo.lock's version, Debian Chromium + ChromeDriver
# and fonts for browser tests, poppler-utils for the PDF checks, binaryen's wasm-opt and esbuild (npm,
# pinned in scripts/package-lock.json) and the e2e npm packages (pinned in e2e/package-lock.json: playwright-core,
# axe-core, and ESLint for the JS lint gate).
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

need_browser=${SECPULSE_NEED_BROWSER:-1}
if [ "$need_browser" = 1 ] && ! { command -v chromium && command -v chromedriver; } >/dev/null 2>&1; then
  echo "setup: installing Chromium, ChromeDriver and fonts (apt)…" >&2
  apt-get update -q >/dev/null
  apt-get install -y -q chromium chromium-driver fonts-liberation fonts-dejavu-core >/dev/null
fi

# pdfinfo/pdftotext/pdftoppm: the print tests check page counts and text of Chromium's PDFs (e2e/print.test.mjs).
if [ "$need_browser" = 1 ] && ! command -v pdftotext >/dev/null 2>&1; then
  echo "setup: installing poppler-utils (apt)…" >&2
  apt-get update -q >/dev/null
  apt-get install -y -q poppler-utils >/dev/null
fi
# Python 3 runs the server's crash and hostile-input checks (bench/serve/*.py; standard library only).
command -v python3 >/dev/null || { apt-get update -q >/dev/null; apt-get install -y -q python3 >/dev/null; }

rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
  || rustup target add wasm32-unknown-unknown
for component in rustfmt clippy; do
  rustup component list --installed 2>/dev/null | grep -q "^$component" || rustup component add "$component"
done

# The CLI must equal the wasm-bindgen crate version in Cargo.lock exactly.
[ -f Cargo.lock ] || cargo generate-lockfile
wb=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wb" ]; then
  echo "setup: installing wasm-bindgen-cli $wb (takes ~3 minutes once)…" >&2
  # No --locked: its lockfile pins a crate version this registry mirror does not serve.
  cargo install -q wasm-bindgen-cli --version "$wb"
fi

# scripts/build-wasm.sh's tools (npm, pinned in scripts/package-lock.json; nothing downloaded at install):
# binaryen's wasm-opt (a JS/wasm build; Debian's binaryen 108 breaks wasm-bindgen's externref table
# export) and esbuild (its binary comes in the @esbuild/linux-x64 package), which minifies dist/'s JS.
for dep in binaryen esbuild; do
  if [ ! -f "scripts/node_modules/$dep/package.json" ]; then
    (cd scripts && npm ci --no-audit --no-fund --silent)
    break
  fi
done

# Lockfile-based (npm ci); skipped when every direct dev dependency is already there.
for dep in playwright-core axe-core eslint @eslint/js globals; do
  if [ ! -f "e2e/node_modules/$dep/package.json" ]; then
    (cd e2e && npm ci --no-audit --no-fund --silent)
    break
  fi
done
