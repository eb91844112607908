"""Rescan speed on Dask: messages per second with 1 and 2 worker processes, and peak memory.

Builds a temporary SQLite database of stored messages (default 200,000) in conversations of
about ten messages between 2,000 clients and 2,000 freelancers, in every contract state, with
the conversations interleaved in time the way a live marketplace writes them (a conversation's
history lies in other primary-key partitions). Every text is distinct and drawn from
bench/mix.py: about 85% clean work chat in a dozen languages, 15% contact information in many
forms and disguises. The stored verdicts stand for an older rule version (contact shared ->
block, otherwise allow); the rescan judges every message again with a new version (the default
rules, phones blocked in active contracts too) through `admin.rescan.rescan`, exactly as
`flask --app admin rescan` does, on a fresh `LocalCluster` of 1 and then 2 worker processes
(1 thread each). The clock runs from submitting the first partition to folding in the last
one (cluster start-up excluded; each worker compiling the rules included).

The database is written by a separate process, so the driver's peak memory is the rescan's
own. Peak memory (RSS high-water mark) is read from every worker process and the driver.

Each worker's CPU time is measured too: messages per worker CPU-second do not depend on what else
a shared machine runs, so they are the figure to size a cluster from.

Prints figures and writes bench/results/rescan.json. Run: `.venv/bin/python bench/rescan.py`
(`--messages 20000` for a quick run).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import random
import resource
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

CONVERSATION_LENGTH = 10
PARTIES = 2000
STATES = (("inquiry", 50), ("offer", 20), ("active", 25), ("ended", 5))
START = datetime(2026, 1, 1)
SINCE = datetime(2025, 12, 31)
INSERT_CHUNK = 5000


def _app(database_url: str, instance: str):
    from admin import create_app

    return create_app({"SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": "bench", "INSTANCE_PATH": instance,
                       "TESTING": False})


def generate(database_url: str, instance: str, messages: int, seed: int) -> None:
    """Write users, conversations and `messages` stored messages (runs in its own process)."""
    from mix import Mix
    from sqlalchemy import insert

    from admin.db import db
    from admin.models import Conversation, Message, User
    from admin.versions import create_version, publish
    from engine import RuleSet
    from engine.rules import default_document

    app = _app(database_url, instance)
    rng = random.Random(seed)
    mix = Mix(seed)
    with app.app_context():
        db.create_all()
        old = create_version(default_document(), None, "the rules the messages were judged with")
        publish(old, None, None)
        document = RuleSet.default().to_dict()
        document["actions"]["active"]["phone"] = "block"  # the policy change being rescanned for
        create_version(document, None, "phones blocked in active contracts too")
        db.session.commit()
        fingerprint = old.fingerprint
        parties = [{"username": f"{role}-{i}", "display_name": f"{role} {i}", "role": role, "password_hash": "!",
                    "created_at": START} for role in ("client", "freelancer") for i in range(PARTIES)]
        db.session.execute(insert(User), parties)
        ids = dict(db.session.execute(db.select(User.username, User.id)).all())
        count = -(-messages // CONVERSATION_LENGTH)
        states = rng.choices([s for s, _ in STATES], weights=[w for _, w in STATES], k=count)
        conversations = [{"job_title": f"Job {i}", "client_id": ids[f"client-{rng.randrange(PARTIES)}"],
                          "freelancer_id": ids[f"freelancer-{rng.randrange(PARTIES)}"], "state": states[i],
                          "created_at": START, "updated_at": START} for i in range(count)]
        db.session.execute(insert(Conversation), conversations)
        rows = db.session.execute(
            db.select(Conversation.id, Conversation.client_id, Conversation.freelancer_id, Conversation.state)
            .order_by(Conversation.id)).all()
        # Each conversation runs for a while from a random start: ordering every message by its time
        # interleaves the conversations, as a live marketplace's table is.
        timeline = []
        for row in rows:
            moment = START + timedelta(minutes=rng.randrange(60 * 24 * 300))
            for k in range(CONVERSATION_LENGTH):
                moment += timedelta(minutes=rng.randrange(1, 600))
                timeline.append((moment, row, k))
        timeline.sort(key=lambda item: item[0])
        del timeline[messages:]
        for offset in range(0, len(timeline), INSERT_CHUNK):
            chunk = timeline[offset:offset + INSERT_CHUNK]
            texts, labels = mix.messages(len(chunk))
            db.session.execute(insert(Message), [
                {"conversation_id": row.id, "sender_id": row.client_id if k % 2 == 0 else row.freelancer_id,
                 "text": text, "delivered_text": None if contact else text,
                 "status": "blocked" if contact else "delivered", "action": "block" if contact else "allow",
                 "state": row.state, "categories": "", "findings": [], "rule_version_id": old.id,
                 "fingerprint": fingerprint, "review_status": "pending" if contact else "none",
                 "review_note": "", "created_at": moment}
                for (moment, row, k), text, contact in zip(chunk, texts, labels, strict=True)])
            db.session.commit()
        mix.seen.clear()


def _cpu_seconds() -> float:
    # User + system CPU of this process: unlike the wall clock, it does not depend on what else the machine runs.
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_rss_kib() -> int:
    # ru_maxrss is in KiB on Linux: the process's high-water mark, not its current size.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure(app, workers: int, partition_size: int) -> dict:
    """One rescan of every message on a fresh LocalCluster of `workers` processes."""
    from distributed import Client, LocalCluster

    from admin.db import db
    from admin.models import RuleSetVersion
    from admin.rescan import partitions, rescan

    with app.app_context():
        version = db.session.execute(db.select(RuleSetVersion).where(RuleSetVersion.number == 2)).scalar_one()
        # dashboard_address=None would still bind the scheduler's HTTP server to :8787; ":0" takes a free port.
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")
        try:
            with Client(cluster) as client:
                cpu_before = client.run(_cpu_seconds)
                driver_before = _cpu_seconds()
                started = time.perf_counter()
                report = rescan(version, SINCE, client, partition_size)
                seconds = time.perf_counter() - started
                driver_cpu = _cpu_seconds() - driver_before
                cpu_after = client.run(_cpu_seconds)
                worker_cpu = sum(cpu_after[w] - cpu_before[w] for w in cpu_after)
                worker_peaks = sorted(client.run(_peak_rss_kib).values())
        finally:
            cluster.close()
        tasks = len(partitions(SINCE, partition_size))
    return {"workers": workers, "partitions": tasks, "scanned": report.scanned, "seconds": round(seconds, 2),
            "messages_per_second": round(report.scanned / seconds),
            "worker_cpu_seconds": round(worker_cpu, 1), "driver_cpu_seconds": round(driver_cpu, 1),
            "messages_per_worker_cpu_second": round(report.scanned / worker_cpu),
            "changed": len(report.changed), "by_action": dict(sorted(report.by_action.items())),
            "by_category": dict(sorted(report.by_category.items())),
            "worker_peak_rss_mib": [round(kib / 1024) for kib in worker_peaks]}


def main() -> None:
    """Generate, rescan with 1 and 2 workers, print the figures, write bench/results/rescan.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200_000, help="stored messages to generate (default 200000)")
    parser.add_argument("--partition-size", type=int, default=1000, help="message ids per Dask task (default 1000)")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    if args.messages < 1 or args.partition_size < 1:
        parser.error("--messages and --partition-size must be positive")

    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="cg-rescan-") as tmp:
        url = f"sqlite:///{tmp}/rescan.sqlite"
        started = time.perf_counter()
        writer = multiprocessing.get_context("spawn").Process(
            target=generate, args=(url, f"{tmp}/instance", args.messages, args.seed))
        writer.start()
        writer.join()
        if writer.exitcode != 0:
            sys.exit(f"generating the messages failed (exit code {writer.exitcode})")
        generated = time.perf_counter() - started
        size_mib = os.path.getsize(f"{tmp}/rescan.sqlite") / 2**20
        print(f"generated {args.messages} stored messages in {generated:.1f} s "
              f"(SQLite {size_mib:.0f} MiB; {args.partition_size} ids per partition)", flush=True)
        app = _app(url, f"{tmp}/instance")
        runs = []
        for workers in (1, 2):
            run = measure(app, workers, args.partition_size)
            runs.append(run)
            print(f"{workers} worker process{'es' if workers > 1 else ''}: {run['scanned']} messages in "
                  f"{run['seconds']:.1f} s = {run['messages_per_second']} messages/s "
                  f"({run['partitions']} partitions; worker peak RSS {run['worker_peak_rss_mib']} MiB); "
                  f"CPU: workers {run['worker_cpu_seconds']} s = {run['messages_per_worker_cpu_second']} messages "
                  f"per worker CPU-second, driver {run['driver_cpu_seconds']} s", flush=True)
        driver_mib = round(_peak_rss_kib() / 1024)
    one, two = runs
    ratio = two["messages_per_second"] / one["messages_per_second"]
    largest = max(driver_mib, *one["worker_peak_rss_mib"], *two["worker_peak_rss_mib"])
    print(f"scaling 1 -> 2 workers: {ratio:.2f}x (wall clock; 2.00x would need two idle CPUs)")
    print(f"peak RSS: driver (scheduler, report) {driver_mib} MiB; largest process {largest} MiB")
    print(f"changed verdicts: {two['changed']} of {two['scanned']}; after: {two['by_action']}")
    print(f"load average (1 min) before {load_before[0]:.1f}, after {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs "
          f"(other work on the machine lowers the figures and the ratio)")
    result = {
        "benchmark": "rescan", "messages": args.messages, "partition_size": args.partition_size,
        "generate_seconds": round(generated, 1), "database_mib": round(size_mib), "runs": runs,
        "scaling_1_to_2": round(ratio, 2), "driver_peak_rss_mib": driver_mib, "largest_process_rss_mib": largest,
        "python": platform.python_version(), "cpus": os.cpu_count(), "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
    }
    out = ROOT / "bench" / "results" / "rescan.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
