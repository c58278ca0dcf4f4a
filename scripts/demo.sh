#!/usr/bin/env bash
# The main job: installs what is missing, builds the wasm widgets and the secpulse binary (which embeds them),
# seeds a demo database with 1,000 synthetic answers and runs `secpulse serve` on http://127.0.0.1:${PORT:-8080}/.
# Open the survey, submit, then see the admin dashboard count your answer. Ctrl-C stops the server cleanly.
# (The browser-only demo, with 10,000 synthetic answers scored in the page: node scripts/serve.mjs 8000.)
set -euo pipefail
cd "$(dirname "$0")/.."
SECPULSE_NEED_BROWSER=0 scripts/setup.sh
scripts/build-wasm.sh
echo "demo: building secpulse (embeds www/ and the widgets)…" >&2
cargo build -q --bin secpulse
bin=${CARGO_TARGET_DIR:-target}/debug/secpulse
port=${PORT:-8080}
demo=${SECPULSE_DEMO_DIR:-${TMPDIR:-/tmp}/secpulse-demo}
mkdir -p "$demo"
rm -f "$demo/demo.db" "$demo/demo.db-wal" "$demo/demo.db-shm"
"$bin" import --db "$demo/demo.db" --synthetic 1000 --seed 42
[ -s "$demo/admin.token" ] || { head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$demo/admin.token"; chmod 600 "$demo/admin.token"; }
token=$(cat "$demo/admin.token")
cat >&2 <<INFO

  survey     http://127.0.0.1:$port/
  dashboard  http://127.0.0.1:$port/admin#token=$token   (admin token in $demo/admin.token)
  results    http://127.0.0.1:$port/report               (after "Publish" on the dashboard)

INFO
exec "$bin" serve --db "$demo/demo.db" --listen "127.0.0.1:$port" --wave 2026-H1 --admin-token-file "$demo/admin.token"
