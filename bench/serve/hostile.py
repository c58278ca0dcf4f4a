#!/usr/bin/env python3
"""Hostile input against `secpulse serve`: random and mutated bodies, oversized bodies, slow clients,
wrong methods and paths, path traversal, admin routes with no or wrong tokens.

Passes when the server never answers 5xx, never serves a file outside its embedded set, stores only
answers that pass the core check (re-checked with `secpulse score --strict` and the instrument's ids),
closes slow clients, and stops cleanly on SIGTERM without a panic in its log.

  python3 bench/serve/hostile.py [--n 10000] [--slow 40] [--bin target/debug]
Loopback only; a fresh database in a temp folder.
"""
import argparse, json, os, random, shutil, signal, socket, subprocess, sys, tempfile, time

p = argparse.ArgumentParser()
p.add_argument("--n", type=int, default=10000, help="random and mutated bodies")
p.add_argument("--slow", type=int, default=40, help="slow clients")
p.add_argument("--bin", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "debug"))
p.add_argument("--port", type=int, default=18201)
p.add_argument("--seed", type=int, default=7)
a = p.parse_args()
rng = random.Random(a.seed)
secpulse = os.path.join(a.bin, "secpulse")
d = tempfile.mkdtemp(prefix="secpulse-hostile-")
db, token_file, log_file = (os.path.join(d, n) for n in ("h.db", "token", "serve.log"))
TOKEN = "hostile-admin-token-" + "%016x" % rng.getrandbits(64)
open(token_file, "w").write(TOKEN)
server = subprocess.Popen([secpulse, "serve", "--db", db, "--listen", f"127.0.0.1:{a.port}", "--rate-limit", "0",
                           "--admin-token-file", token_file], stderr=open(log_file, "w"))
ADDR = ("127.0.0.1", a.port)
for _ in range(200):
    try:
        socket.create_connection(ADDR, 0.2).close()
        break
    except OSError:
        time.sleep(0.05)

def exchange(raw, timeout=20):
    """Sends raw bytes on a new connection; returns (status, body bytes) or (0, b'') if closed without reply."""
    s = socket.create_connection(ADDR, timeout)
    try:
        s.sendall(raw)
    except OSError:
        pass
    data = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    except OSError:
        pass
    s.close()
    head, _, body = data.partition(b"\r\n\r\n")
    try:
        return int(head.split()[1]), body
    except (IndexError, ValueError):
        return 0, b""

def request(method, path, body=b"", headers=()):
    lines = [f"{method} {path} HTTP/1.1", "Host: x", "Connection: close", f"Content-Length: {len(body)}", *headers]
    return exchange(("\r\n".join(lines) + "\r\n\r\n").encode() + body)

instrument = json.loads(subprocess.run([secpulse, "instrument", "--json"], capture_output=True, check=True).stdout)
ids = [q["id"] for s in instrument["sections"] for q in s["questions"]]
valid = json.loads(subprocess.run([secpulse, "synth", "--n", "200", "--format", "json"], capture_output=True, check=True).stdout)
JSON = ("Content-Type: application/json",)
statuses, failures = {}, []

def note(kind, status):
    statuses.setdefault(kind, {}).setdefault(status, 0)
    statuses[kind][status] += 1
    if status >= 500 or status == 0:
        failures.append(f"{kind}: status {status}")

def mutate(row):
    row = dict(row)
    for _ in range(rng.randint(1, 4)):
        k = rng.choice(list(row) or ["en1"])
        choice = rng.randrange(9)
        if choice == 0: row[k] = rng.choice([-1, 0, 6, 11, 255, 1e308, -1e308, 3.5, "4", True, None, [], {}, "x" * 5000])
        elif choice == 1: row[rng.choice(["ip", "email", "time", "__proto__", "code", "", "wave "])] = "x"
        elif choice == 2: row.pop(k, None)
        elif choice == 3: row[k] = "\u0000\ud7ff<script>alert(1)</script>" * rng.randint(1, 50)
        elif choice == 4: row["systems_rank"] = ">".join(rng.sample(["a", "b", "Email and collaboration", ">"], 3))
        elif choice == 5: row["wave"] = rng.choice([1, None, "x" * 3000, ""])
        elif choice == 6: row[rng.choice(ids)] = rng.randint(-5, 15)
        elif choice == 7: row["role"] = rng.choice(["Leader", "leader", "Admin", 3])
        else: row[k] = {"nested": [row.get(k)] * 3}
    return json.dumps(row).encode()

def random_body():
    kind = rng.randrange(6)
    if kind == 0: return bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 400)))
    if kind == 1: return b"[" * rng.randint(1, 60000)
    if kind == 2: return b'{"en1":' + b"9" * rng.randint(1, 5000) + b"}"
    if kind == 3:
        raw = bytearray(json.dumps(rng.choice(valid)).encode())
        for _ in range(rng.randint(1, 8)):
            raw[rng.randrange(len(raw))] = rng.getrandbits(8)
        return bytes(raw)
    if kind == 4: return json.dumps(rng.choice([[], 1, "x", None, [rng.choice(valid)]])).encode()
    return mutate(rng.choice(valid))

created = 0
t0 = time.time()
for i in range(a.n):
    body = random_body()
    status, _ = request("POST", "/api/responses", body, JSON)
    note("bodies", status)
    created += status == 201
print(f"{a.n} random/mutated bodies in {time.time() - t0:.1f} s: {statuses['bodies']}", flush=True)

for size in (70_000, 1_000_000, 10_000_000):
    note("oversized", request("POST", "/api/responses", b"{" + b" " * size + b"}", JSON)[0])
chunked = b"POST /api/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
chunked += b"".join(b"10000\r\n" + b" " * 0x10000 + b"\r\n" for _ in range(4)) + b"0\r\n\r\n"
note("oversized", exchange(chunked)[0])
note("oversized", exchange(b"POST /api/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                           b"Content-Length: 99999999999\r\nConnection: close\r\n\r\n{}")[0])

for method in ("GET", "PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "BREW", "CONNECT"):
    for path in ("/api/responses", "/api/admin/publish", "/", "/secpulse.js", "/api/status", "*", "/api/nope"):
        note("methods", request(method, path)[0] or 400)
SECRET_MARKERS = (b"[package]", b"root:x:", b"fn main", b"[core]")
for path in ("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%252e%252e/etc/passwd", "/..%2f..%2fCargo.toml", "/survey/../../../Cargo.toml",
             "/pkg/..%5c..%5cbuild.rs", "//etc/passwd", "/.git/config", "/serve/%2e%2e/%2e%2e/src/lib.rs", "/index.html",
             "/%00", "/serve/admin.html%00.js", "/" + "a/" * 2000, "/\u2025/".encode("utf-8").decode("latin-1")):
    status, body = request("GET", path)
    note("traversal", status or 400)
    if status == 200 and path not in ("/",) or any(m in body for m in SECRET_MARKERS):
        failures.append(f"traversal {path!r}: {status}")

for auth in [None, "Bearer", "Bearer ", "Bearer x", "Basic " + TOKEN, "Bearer " + TOKEN[:-1], "Bearer " + TOKEN + "x",
             "bearer " + TOKEN, "Bearer " + TOKEN.upper()] + ["Bearer " + "%032x" % rng.getrandbits(128) for _ in range(200)]:
    for path in ("/api/admin/responses.jsonl", "/api/admin/responses.csv", "/api/admin/summary"):
        status, body = request("GET", path, headers=[f"Authorization: {auth}"] if auth else [])
        note("bad tokens", status)
        if status != 401:
            failures.append(f"admin {path} with {auth!r}: {status}")

# Slow clients: headers one byte at a time; they must be closed, and others served meanwhile.
slow = []
for _ in range(a.slow):
    s = socket.create_connection(ADDR, 5)
    s.sendall(b"POST /api/responses HTTP/1.1\r\nHost: x\r\n")
    slow.append(s)
slow_body = socket.create_connection(ADDR, 5)
slow_body.sendall(b"POST /api/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
t0 = time.time()
served_meanwhile = request("GET", "/healthz")[0]
closed = 0
while time.time() - t0 < 40 and closed < len(slow):
    closed = 0
    for s in slow:
        try:
            s.settimeout(0.01)
            s.sendall(b"X")
            if s.recv(1024) == b"":
                closed += 1
        except (socket.timeout, BlockingIOError):
            pass
        except OSError:
            closed += 1
    time.sleep(0.5)
try:
    slow_body.settimeout(30)
    slow_status = int(slow_body.recv(1024).split()[1])
except (OSError, IndexError, ValueError):
    slow_status = 0
print(f"slow clients: {closed} of {len(slow)} closed after {time.time() - t0:.1f} s; healthz meanwhile {served_meanwhile}; "
      f"slow body answered {slow_status}", flush=True)
if closed < len(slow) or served_meanwhile != 200 or slow_status != 408:
    failures.append("slow clients not handled")

for kind, counts in statuses.items():
    if kind != "bodies":
        print(f"{kind}: {counts}")
status, export = request("GET", "/api/admin/responses.jsonl", headers=[f"Authorization: Bearer {TOKEN}"])
rows = [json.loads(l) for l in export.decode().splitlines() if l]
allowed = set(ids) | {"wave"}
bad_rows = [r for r in rows if not set(r) <= allowed]
if len(rows) != created or bad_rows:
    failures.append(f"stored {len(rows)} rows, acknowledged {created}; {len(bad_rows)} with unknown keys")
server.send_signal(signal.SIGTERM)
code = server.wait(timeout=30)
strict = subprocess.run([secpulse, "score", "--strict", "--no-comments", db], capture_output=True) if rows else None
if strict is not None and strict.returncode != 0:
    failures.append("stored rows fail the core check: " + strict.stderr.decode()[:300])
log = open(log_file).read()
if code != 0 or "panicked" in log:
    failures.append(f"exit {code}; log: {log[-500:]}")
print(f"stored {len(rows)} answers (all pass score --strict: {strict is None or strict.returncode == 0}); exit {code}; panics in log: {'panicked' in log}")
print("hostile input:", "FAIL\n  " + "\n  ".join(failures[:20]) if failures else "PASS")
if failures:
    print(f"database and log kept for inspection in {d}")
else:
    shutil.rmtree(d)
sys.exit(1 if failures else 0)
