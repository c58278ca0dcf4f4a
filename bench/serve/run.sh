#!/usr/bin/env bash
# Load benchmark of `secpulse serve` beside a bare axum + SQLite insert-only server (the ceiling), same run,
# same machine, same load generator: CLIENTS concurrent keep-alive clients POST TOTAL valid, distinct answers.
# Prints accepted/s, p50/p99 latency and the server's peak RSS for each, and the ratio. Loopback only.
#   bash bench/serve/run.sh            (CLIENTS=200 TOTAL=100000; PROFILE=dev by default, see bench/serve/README.md)
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${CARGO_TARGET_DIR:-target}
profile=${PROFILE:-dev}
out=$([ "$profile" = dev ] && echo debug || echo "$profile")
cargo build -q --profile "$profile" --bin secpulse --example serve_load --example serve_ceiling
bin=$target/$out
clients=${CLIENTS:-200}
total=${TOTAL:-100000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

wait_up() { for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return; sleep 0.1; done; echo "server on $1 did not start" >&2; exit 1; }
peak_rss() { awk '/VmHWM/ {print $2 / 1024 " MB"}' "/proc/$1/status"; }

run() { # name port command...
  local name=$1 port=$2; shift 2
  "$@" 2> "$dir/$name.log" &
  local pid=$!
  wait_up "$port"
  "$bin/examples/serve_load" --addr "127.0.0.1:$port" --clients "$clients" --total "$total" --tag "$name" > "$dir/$name.json"
  echo "$name: $(cat "$dir/$name.json") peak RSS $(peak_rss $pid)"
  kill -TERM $pid; wait $pid || true
}

echo "== $clients clients, $total answers in all (profile $profile, $(nproc) cores)"
run serve 18181 "$bin/secpulse" serve --db "$dir/serve.db" --listen 127.0.0.1:18181 --rate-limit 0
run ceiling 18182 "$bin/examples/serve_ceiling" 127.0.0.1:18182 "$dir/ceiling.db"
python3 - "$dir" <<'PY'
import json, sqlite3, sys
d = sys.argv[1]
s, c = (json.load(open(f"{d}/{n}.json")) for n in ("serve", "ceiling"))
stored = sqlite3.connect(f"{d}/serve.db").execute("select count(*) from responses").fetchone()[0]
print(f"secpulse serve stored {stored} answers (acknowledged {s['accepted']})")
print(f"ratio serve/ceiling: {s['accepted_per_s'] / c['accepted_per_s']:.2f}x accepted/s; "
      f"p99 {s['p99_ms']:.1f} ms vs {c['p99_ms']:.1f} ms")
PY
