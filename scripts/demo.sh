#!/usr/bin/env bash
# The main job: installs what is missing, builds the wasm widgets and serves the demo on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
SECPULSE_NEED_BROWSER=0 scripts/setup.sh
scripts/build-wasm.sh
exec node scripts/serve.mjs "${PORT:-8000}"
