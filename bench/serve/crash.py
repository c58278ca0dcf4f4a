#!/usr/bin/env python3
"""Crash test of `secpulse serve`: kill -9 at random moments under load, ROUNDS times, restarting each time.

Every acknowledged (2xx) answer must be in the database exactly once, nothing half-written
(PRAGMA integrity_check = ok), every invite code used at most once, and as many answers as
used codes (the code and the answer are stored in one transaction, or neither).

  python3 bench/serve/crash.py [--rounds 20] [--clients 50] [--bin target/debug]
Build first: cargo build --bin secpulse --example serve_load. Loopback only.
"""
import argparse, os, random, shutil, signal, socket, sqlite3, subprocess, sys, tempfile, time

p = argparse.ArgumentParser()
p.add_argument("--rounds", type=int, default=20)
p.add_argument("--clients", type=int, default=50)
p.add_argument("--bin", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "debug"))
p.add_argument("--port", type=int, default=18191)
p.add_argument("--seed", type=int, default=1)
a = p.parse_args()
random.seed(a.seed)
d = tempfile.mkdtemp(prefix="secpulse-crash-")
db = os.path.join(d, "crash.db")
secpulse = os.path.join(a.bin, "secpulse")
load = os.path.join(a.bin, "examples", "serve_load")

def up(port):
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    sys.exit("server did not start")

acked = []
for r in range(a.rounds):
    codes = os.path.join(d, f"codes{r}.csv")
    with open(codes, "w") as f:
        subprocess.run([secpulse, "invites", "--db", db, "--n", "20000"], stdout=f, stderr=subprocess.DEVNULL, check=True)
    server = subprocess.Popen([secpulse, "serve", "--db", db, "--listen", f"127.0.0.1:{a.port}", "--invites", "--rate-limit", "0"],
                              stderr=subprocess.DEVNULL)
    up(a.port)
    acks = os.path.join(d, f"acks{r}.txt")
    client = subprocess.Popen([load, "--addr", f"127.0.0.1:{a.port}", "--clients", str(a.clients), "--total", "20000",
                               "--tag", f"r{r}", "--codes", codes, "--acks", acks, "--seconds", "30"], stdout=subprocess.DEVNULL)
    time.sleep(random.uniform(0.3, 2.5))
    server.send_signal(signal.SIGKILL)
    server.wait()
    # Its clients see refused connections from now on and stop, writing what was acknowledged.
    client.wait(timeout=60)
    round_acks = open(acks).read().split("\n") if os.path.exists(acks) else []
    acked += [t for t in round_acks if t]
    print(f"round {r + 1}: killed after {len([t for t in round_acks if t])} acknowledged answers", flush=True)

# Restart once more (recovery runs on open), then check.
server = subprocess.Popen([secpulse, "serve", "--db", db, "--listen", f"127.0.0.1:{a.port}"], stderr=subprocess.DEVNULL)
up(a.port)
server.send_signal(signal.SIGTERM)
server.wait()
con = sqlite3.connect(db)
integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
stored = {}
for (body,) in con.execute("select body from responses"):
    tag = body.split('"does_well":"', 1)[1].split('"', 1)[0]
    stored[tag] = stored.get(tag, 0) + 1
responses = con.execute("select count(*) from responses").fetchone()[0]
used = con.execute("select count(*) from invites where used = 1").fetchone()[0]
missing = [t for t in acked if stored.get(t, 0) == 0]
twice = [t for t, n in stored.items() if n > 1]
print(f"rounds {a.rounds}; acknowledged {len(acked)}; stored {responses}; codes used {used}; "
      f"missing {len(missing)}; duplicated {len(twice)}; integrity_check {integrity}")
ok = not missing and not twice and integrity == "ok" and responses == used and len(set(acked)) == len(acked)
print("crash test:", "PASS" if ok else "FAIL")
if ok:
    shutil.rmtree(d)
else:
    print(f"database and logs kept for inspection in {d}")
sys.exit(0 if ok else 1)
