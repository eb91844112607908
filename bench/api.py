"""API benchmark: POST /api/check and message posting under gunicorn (2 workers) on localhost.

A fresh SQLite database in a temporary instance folder, gunicorn started from the production
settings (`gunicorn.conf.py`: 2 gthread workers, keep-alive connections), and `wrk`
(Debian's C load generator, `apt-get install -y wrk`) as the client: a Python client costs about
1 ms of CPU per request on the same two cores and hides the server's real throughput. Beside
req/s and latency it reports the server's CPU per request (the gunicorn workers' user + system
time over the run, from /proc, divided by the requests answered), wrk's own CPU, and the CPU other
processes on the machine took meanwhile (a run that shared its cores says so).

The check phase sends what the composer sends in fallback (text, the conversation's history,
whose last message has no full stop, and conversation_id). The message phase gives every send an
Idempotency-Key and sends every tenth twice; afterwards the database must hold no key twice and
one row per key sent, but for the at most one send per connection still in flight when wrk stops.
Prints the figures, writes bench/results/api.json.

    .venv/bin/python bench/api.py [--seconds 10] [--connections 8] [--worker-class sync] [--threads 4]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import runpy
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "api.json"
GUNICORN_CONF = ROOT / "gunicorn.conf.py"  # the production settings; the options below override them
PASSWORD = "bench-password-1"
CHECK_TEXTS = [
    "Sounds good, I can start on Monday and deliver the first draft by Friday.",
    "call me at +1 415 555 2671 tonight",
    "write to john.doe@gmail.com please",
    "The invoice number is 2024-00017 and the total is $1,250.00.",
    "For the landing page I would start with the hero section and the pricing table, then the "
    "testimonials and the footer; the budget you mentioned works for me, milestones of 40/30/30",
]
HISTORY = [  # as the composer sends it: delivered messages, oldest first, the last without a full stop
    "Hi, I liked your portfolio. Could you do a logo for my bakery?",
    "Happy to! What colours and style do you have in mind?",
    "Warm colours, something hand-drawn. Budget is around 300",
    "that works for me, I can send three concepts by Friday",
]
RETRY_EVERY = 10  # every tenth send goes out twice with the same Idempotency-Key
TICKS = os.sysconf("SC_CLK_TCK")
# One User-Agent for the login and for wrk's requests, as a browser has: Flask-Login's session
# protection marks a session whose agent changed as not fresh, which rewrites the cookie on every
# reply (about 0.2 ms of server CPU per request that no real composer causes).
USER_AGENT = "contactguard-bench"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _login(base: str, username: str) -> tuple[str, str]:
    """(Cookie header, CSRF token) of a fresh logged-in session."""
    session = requests.Session()
    session.headers["User-Agent"] = USER_AGENT  # as wrk sends: a browser logs in and checks with one agent
    token = re.search(r'<meta name="csrf-token" content="([^"]+)"', session.get(f"{base}/login").text).group(1)
    page = session.post(f"{base}/login", data={"username": username, "password": PASSWORD, "csrf_token": token})
    page.raise_for_status()
    token = re.search(r'<meta name="csrf-token" content="([^"]+)"', page.text).group(1)
    cookie = "; ".join(f"{c.name}={c.value}" for c in session.cookies)
    return cookie, token


def _lua_string(text: str) -> str:
    level = "=" * 4
    assert f"]{level}]" not in text
    return f"[{level}[{text}]{level}]"


CHECK_LUA = """
local bodies = {%(bodies)s}
local headers = {["Content-Type"] = "application/json", ["Accept"] = "application/json",
                 ["Cookie"] = %(cookie)s, ["X-CSRFToken"] = %(token)s,
                 ["User-Agent"] = %(agent)s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("POST", "/api/check", headers, bodies[(i %% #bodies) + 1])
end
"""

# Each thread numbers its sends; every RETRY_EVERY-th goes out again with the same key.
# The threads' counts of keys sent and answered come back through done().
MESSAGES_LUA = """
local threads = {}
local counter = 0
setup = function(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end
local bodies = {%(bodies)s}
local headers = {["Content-Type"] = "application/json", ["Accept"] = "application/json",
                 ["Cookie"] = %(cookie)s, ["X-CSRFToken"] = %(token)s,
                 ["User-Agent"] = %(agent)s}
local n, retry = 0, false
sent, answered, bad = 0, 0, 0
local last_key = nil
request = function()
  if retry then
    retry = false
  else
    n = n + 1
    sent = sent + 1
    last_key = "bench-" .. %(run)s .. "-" .. id .. "-" .. n
    retry = (n %% %(every)d == 0)
  end
  headers["Idempotency-Key"] = last_key
  return wrk.format("POST", %(path)s, headers, bodies[(n %% #bodies) + 1])
end
response = function(status, headers, body)
  if status == 201 or status == 422 then answered = answered + 1 else bad = bad + 1 end
end
done = function(summary, latency, requests)
  local s, a, b = 0, 0, 0
  for _, t in ipairs(threads) do s = s + t:get("sent"); a = a + t:get("answered"); b = b + t:get("bad") end
  io.write(string.format("KEYS sent=%%d answered=%%d bad=%%d\\n", s, a, b))
end
"""


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


def _machine_busy_seconds() -> float:
    """CPU time every process on the machine has used (all CPUs, idle and iowait excluded), from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split()[1:9]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields
    return (user + nice + system + irq + softirq + steal) / TICKS


def _parse_ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def run_wrk(base: str, script: str, seconds: int, connections: int, workers: list[int]) -> dict:
    """One wrk run (1 thread: lightest on 2 shared cores); figures plus server and client CPU."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(script)
    before_server = _cpu_seconds(workers)
    before_machine = _machine_busy_seconds()
    before_client = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", fh.name, base],
        capture_output=True, text=True, check=True,
    )
    wall = time.perf_counter() - started
    after_client = resource.getrusage(resource.RUSAGE_CHILDREN)
    server_cpu = _cpu_seconds(workers) - before_server
    machine_cpu = _machine_busy_seconds() - before_machine
    os.unlink(fh.name)
    out = result.stdout
    requests_done = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    latency = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)$", out, re.MULTILINE))
    if set(latency) != {"50", "75", "90", "99"}:
        raise SystemExit(f"wrk's latency distribution is incomplete:\n{out}")
    client_cpu = (after_client.ru_utime - before_client.ru_utime) + (after_client.ru_stime - before_client.ru_stime)
    report = {
        "requests": requests_done,
        "seconds": round(wall, 2),
        "requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": round(_parse_ms(latency["50"]), 2),
        "p90_ms": round(_parse_ms(latency["90"]), 2),
        "p99_ms": round(_parse_ms(latency["99"]), 2),
        "non_2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": sum(int(x) for x in errors.groups()) if errors else 0,
        "server_cpu_ms_per_request": round(1000 * server_cpu / max(requests_done, 1), 3),
        "server_cpu_cores": round(server_cpu / wall, 2),
        "client_cpu_ms_per_request": round(1000 * client_cpu / max(requests_done, 1), 3),
        # CPU that neither the server nor wrk used: other processes on the machine. Above about 0.1
        # cores, the run shared its two cores and its req/s understate the server.
        "other_cpu_cores": round(max(machine_cpu - server_cpu - client_cpu, 0.0) / wall, 2),
    }
    keys = re.search(r"KEYS sent=(\d+) answered=(\d+) bad=(\d+)", out)
    if keys:
        report["keys"] = {"sent": int(keys.group(1)), "answered": int(keys.group(2)), "bad": int(keys.group(3))}
    return report


def _gunicorn_settings() -> dict:
    """worker_class, threads and keepalive as gunicorn.conf.py sets them."""
    settings = runpy.run_path(str(GUNICORN_CONF))
    return {name: settings[name] for name in ("worker_class", "threads", "keepalive")}


def _rows(db_path: Path) -> tuple[int, int]:
    with sqlite3.connect(db_path) as conn:
        total = conn.execute("SELECT count(*) FROM messages").fetchone()[0]
        duplicates = conn.execute(
            "SELECT count(*) FROM (SELECT idempotency_key FROM messages WHERE idempotency_key IS NOT NULL "
            "GROUP BY sender_id, idempotency_key HAVING count(*) > 1)"
        ).fetchone()[0]
    return total, duplicates


def main() -> int:
    """Set up, serve, load, count, report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
    parser.add_argument("--connections", type=int, default=8, help="wrk's open connections")
    parser.add_argument("--worker-class", choices=("gthread", "sync"), help="override gunicorn.conf.py's worker class")
    parser.add_argument("--threads", type=int, help="override gunicorn.conf.py's threads per worker")
    args = parser.parse_args()
    settings = _gunicorn_settings()
    worker_class = args.worker_class or settings["worker_class"]
    # gunicorn runs a "sync" worker with more than one thread as gthread: a sync worker gets one
    threads = 1 if worker_class == "sync" else args.threads or settings["threads"]
    server_text = (f"gunicorn, 2 {worker_class} workers"
                   + (f" x {threads} threads, keep-alive {settings['keepalive']} s" if worker_class == "gthread"
                      else ", a connection per request")
                   + ", 127.0.0.1, SQLite (WAL) in a temporary instance folder")
    print(f"server: {server_text}")
    if shutil.which("wrk") is None:
        raise SystemExit("bench/api.py needs wrk: apt-get install -y wrk")

    instance = Path(tempfile.mkdtemp(prefix="contactguard-bench-"))
    env = {**os.environ, "CONTACTGUARD_INSTANCE": str(instance), "CONTACTGUARD_SESSION_COOKIE_SECURE": "false"}
    env.pop("DATABASE_URL", None)
    flask = [sys.executable, "-m", "flask", "--app", "admin"]
    subprocess.run([*flask, "init-db"], cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run([*flask, "seed-demo", "--password", PASSWORD], cwd=ROOT, env=env, check=True, capture_output=True)
    db_path = instance / "contactguard.sqlite"
    with sqlite3.connect(db_path) as conn:
        conversations = dict(conn.execute("SELECT state, min(id) FROM conversations GROUP BY state").fetchall())
    before_rows, _ = _rows(db_path)

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", str(GUNICORN_CONF), "--workers", "2",
         "--worker-class", worker_class, "--threads", str(threads), "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning", "admin:create_app()"],
        cwd=ROOT, env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{base}/api/health", timeout=10).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("gunicorn did not start")
            time.sleep(0.1)
        workers = _children(server.pid)
        cookie, token = _login(base, "alice")
        check_bodies = ", ".join(_lua_string(json.dumps(
            {"text": t, "history": HISTORY, "state": "inquiry", "conversation_id": conversations["inquiry"]}))
            for t in CHECK_TEXTS)
        # Warm both workers (compiled rules, first-use patterns) before the clock starts.
        for text in CHECK_TEXTS * 4:
            requests.post(f"{base}/api/check", json={"text": text, "history": HISTORY}, timeout=30,
                          headers={"Cookie": cookie, "X-CSRFToken": token, "User-Agent": USER_AGENT})
        check = run_wrk(base, CHECK_LUA % {"bodies": check_bodies, "cookie": _lua_string(cookie),
                                           "token": _lua_string(token), "agent": _lua_string(USER_AGENT)},
                        args.seconds, args.connections, workers)
        message_bodies = ", ".join(_lua_string(json.dumps({"text": f"{t} (#{i})"}))
                                   for i, t in enumerate(CHECK_TEXTS))
        messages = run_wrk(base, MESSAGES_LUA % {
            "bodies": message_bodies, "cookie": _lua_string(cookie), "token": _lua_string(token),
            "agent": _lua_string(USER_AGENT),
            "path": _lua_string(f"/api/conversations/{conversations['inquiry']}/messages"),
            "run": _lua_string(str(os.getpid())), "every": RETRY_EVERY,
        }, args.seconds, args.connections, workers)
    finally:
        server.terminate()
        server.wait(timeout=30)

    after_rows, duplicates = _rows(db_path)
    stored = after_rows - before_rows
    keys = messages.get("keys", {"sent": 0, "answered": 0, "bad": 0})
    report = {
        "setup": {
            "server": server_text,
            "load": f"wrk 1 thread, {args.connections} connections, {args.seconds} s per route, one session",
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
        },
        "check": check,
        "messages": messages,
        "rows": {"keys_sent": keys["sent"], "keys_answered": keys["answered"], "stored": stored,
                 "duplicates": duplicates},
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    for name in ("check", "messages"):
        r = report[name]
        # the message phase's non-2xx answers are 422s, the messages the rules block (its Lua counts
        # anything but 201/422 as bad): only socket errors and bad answers are errors there
        errors = r["socket_errors"] + (r["non_2xx"] if name == "check" else keys["bad"])
        blocked = f"  blocked (422) {r['non_2xx']}" if name == "messages" else ""
        print(f"{name:9} {r['requests']:6} requests  {r['requests_per_second']:7.1f} req/s  "
              f"p50 {r['p50_ms']:6.2f} ms  p99 {r['p99_ms']:6.2f} ms  "
              f"server CPU {r['server_cpu_ms_per_request']:.2f} ms/request ({r['server_cpu_cores']:.2f} cores)  "
              f"wrk CPU {r['client_cpu_ms_per_request']:.3f} ms/request  "
              f"other processes {r['other_cpu_cores']:.2f} cores  errors {errors}{blocked}")
    print(f"rows: {stored} stored for {keys['sent']} keys sent (every {RETRY_EVERY}th twice; "
          f"{keys['answered']} answers), {duplicates} duplicates")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    # A 422 (blocked) is an answer too; wrk counts it as non-2xx, so only the check phase must be clean.
    in_flight = args.connections
    ok = (duplicates == 0 and keys["sent"] - in_flight <= stored <= keys["sent"] and not keys["bad"]
          and not check["non_2xx"] and not check["socket_errors"] and not messages["socket_errors"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
