"""API benchmark: POST /api/check and message posting under gunicorn (2 workers) on localhost.

A fresh SQLite database in a temporary instance folder, a bounded load generator in a
separate process (threads with their own logged-in sessions), then a row count proves that
no message was lost or stored twice (every send carries an Idempotency-Key; some are retried).
Prints req/s and p50/p99 latency, writes bench/results/api.json.

    .venv/bin/python bench/api.py [--checks 2000] [--messages 1000] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "api.json"
PASSWORD = "bench-password-1"
CHECK_TEXTS = [
    "Sounds good, I can start on Monday and deliver the first draft by Friday.",
    "call me at +1 415 555 2671 tonight",
    "write to john.doe@gmail.com please",
    "The invoice number is 2024-00017 and the total is $1,250.00.",
]
RETRY_EVERY = 10  # every tenth send is sent twice with the same Idempotency-Key


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _login(base: str, username: str) -> tuple[requests.Session, str]:
    session = requests.Session()
    token = re.search(r'<meta name="csrf-token" content="([^"]+)"', session.get(f"{base}/login").text).group(1)
    page = session.post(f"{base}/login", data={"username": username, "password": PASSWORD, "csrf_token": token})
    page.raise_for_status()
    token = re.search(r'<meta name="csrf-token" content="([^"]+)"', page.text).group(1)
    return session, token


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _run_phase(base: str, jobs: list[dict], concurrency: int) -> dict:
    """Send `jobs` with `concurrency` threads, one logged-in session per thread and user."""
    sessions: dict[tuple[int, str], tuple[requests.Session, str]] = {}

    def session_for(worker: int, username: str):
        key = (worker, username)
        if key not in sessions:
            sessions[key] = _login(base, username)
        return sessions[key]

    def worker(index: int) -> list[tuple[float, bool, dict]]:
        out = []
        for job in jobs[index::concurrency]:
            session, token = session_for(index, job["user"])
            headers = {"X-CSRFToken": token, **job.get("headers", {})}
            for _attempt in range(job.get("repeat", 1)):
                started = time.perf_counter()
                response = session.post(f"{base}{job['path']}", json=job["body"], headers=headers, timeout=30)
                elapsed = time.perf_counter() - started
                ok = response.status_code in job["ok"] and "X-Rules-Fingerprint" in response.headers
                out.append((elapsed, ok, {"status": response.status_code}))
        return out

    # Log in before the clock starts.
    for index in range(concurrency):
        for user in {job["user"] for job in jobs[index::concurrency]}:
            session_for(index, user)
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        results = [r for chunk in pool.map(worker, range(concurrency)) for r in chunk]
    wall = time.perf_counter() - started
    latencies = [r[0] * 1000 for r in results]
    statuses: dict[str, int] = {}
    for _, _, info in results:
        statuses[str(info["status"])] = statuses.get(str(info["status"]), 0) + 1
    return {
        "requests": len(results),
        "errors": sum(1 for r in results if not r[1]),
        "seconds": round(wall, 3),
        "requests_per_second": round(len(results) / wall, 1),
        "p50_ms": round(_percentile(latencies, 0.50), 2),
        "p99_ms": round(_percentile(latencies, 0.99), 2),
        "mean_ms": round(statistics.fmean(latencies), 2),
        "statuses": statuses,
    }


def load_generator(base: str, checks: int, messages: int, concurrency: int, conversations: dict, queue) -> None:
    """Runs in its own process: both phases, results put on the queue."""
    check_jobs = [
        {"user": "alice", "path": "/api/check", "ok": {200},
         "body": {"text": CHECK_TEXTS[i % len(CHECK_TEXTS)], "conversation_id": conversations["inquiry"]}}
        for i in range(checks)
    ]
    message_jobs = []
    for i in range(messages):
        user, conv = ("alice", conversations["inquiry"]) if i % 2 == 0 else ("carol", conversations["active"])
        message_jobs.append({
            "user": user, "path": f"/api/conversations/{conv}/messages", "ok": {201, 422},
            "body": {"text": f"{CHECK_TEXTS[i % len(CHECK_TEXTS)]} (#{i})"},
            "headers": {"Idempotency-Key": f"bench-{uuid.uuid4()}"},
            "repeat": 2 if i % RETRY_EVERY == 0 else 1,
        })
    queue.put({"check": _run_phase(base, check_jobs, concurrency),
               "messages": _run_phase(base, message_jobs, concurrency)})


def _count(db_path: Path) -> tuple[int, int]:
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
    parser.add_argument("--checks", type=int, default=2000)
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()

    instance = Path(tempfile.mkdtemp(prefix="contactguard-bench-"))
    env = {**os.environ, "CONTACTGUARD_INSTANCE": str(instance), "CONTACTGUARD_SESSION_COOKIE_SECURE": "false"}
    env.pop("DATABASE_URL", None)
    flask = [sys.executable, "-m", "flask", "--app", "admin"]
    subprocess.run([*flask, "init-db"], cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run([*flask, "seed-demo", "--password", PASSWORD], cwd=ROOT, env=env, check=True, capture_output=True)
    db_path = instance / "contactguard.sqlite"
    with sqlite3.connect(db_path) as conn:
        conversations = dict(conn.execute("SELECT state, min(id) FROM conversations GROUP BY state").fetchall())
    before, _ = _count(db_path)

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{port}", "--log-level", "warning",
         "admin:create_app()"],
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
        queue: multiprocessing.Queue = multiprocessing.get_context("spawn").Queue()
        generator = multiprocessing.get_context("spawn").Process(
            target=load_generator, args=(base, args.checks, args.messages, args.concurrency, conversations, queue)
        )
        generator.start()
        results = queue.get(timeout=1800)
        generator.join()
    finally:
        server.terminate()
        server.wait(timeout=30)

    after, duplicates = _count(db_path)
    stored = after - before
    report = {
        "setup": {
            "server": "gunicorn, 2 sync workers, 127.0.0.1, SQLite (WAL) in a temporary instance folder",
            "load": f"{args.concurrency} client threads in a separate process, one session each, keep-alive",
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
        },
        "check": results["check"],
        "messages": results["messages"],
        "rows": {"expected": args.messages, "stored": stored, "duplicates": duplicates,
                 "retried_sends": len(range(0, args.messages, RETRY_EVERY))},
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    for name in ("check", "messages"):
        r = report[name]
        print(f"{name:9} {r['requests']:5} requests  {r['requests_per_second']:7.1f} req/s  "
              f"p50 {r['p50_ms']:6.2f} ms  p99 {r['p99_ms']:6.2f} ms  errors {r['errors']}")
    print(f"rows: {stored} stored for {args.messages} sends (+{report['rows']['retried_sends']} retries), "
          f"{duplicates} duplicates")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    ok = stored == args.messages and duplicates == 0 and not results["check"]["errors"] \
        and not results["messages"]["errors"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
