"""Rescans: re-judge every stored message since a date with one rule set version, on Dask.

The driver splits the messages into primary-key ranges; each Dask task reads its own range
straight from the database (so no process holds the whole table), scans it with the version's
rules, and returns counts and the messages whose verdict changed. The rule set document goes to
the workers once (`scatter(..., broadcast=True)`), and each worker process compiles it once.
An in-process `LocalCluster` is the default; `CONTACTGUARD_DASK_SCHEDULER=tcp://host:8786` sends
the same job to an existing cluster whose workers can import this package and reach the database.
"""

from __future__ import annotations

import csv
import sys
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import click
from flask import Flask
from flask.cli import with_appcontext
from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import Engine

from admin.db import db
from admin.enums import JobKind, JobStatus, MessageStatus
from admin.models import Message, RuleSetVersion
from engine import Detector, RuleSet

_DETECTORS: dict[str, tuple[RuleSet, Detector]] = {}
_ENGINES: dict[str, Engine] = {}


@dataclass
class RescanReport:
    """What a rescan found: counts per action and category under the new rules, and what changed."""

    version: int
    since: str
    scanned: int = 0
    by_action: Counter = field(default_factory=Counter)
    by_category: Counter = field(default_factory=Counter)
    changed: list[dict[str, Any]] = field(default_factory=list)

    def add(self, part: dict[str, Any]) -> None:
        """Fold one partition's result in."""
        self.scanned += part["scanned"]
        self.by_action.update(part["by_action"])
        self.by_category.update(part["by_category"])
        self.changed.extend(part["changed"])
        self.changed.sort(key=lambda c: c["id"])


def _compiled(document: dict[str, Any]) -> tuple[RuleSet, Detector]:
    # Validated per partition (cheap), compiled once per worker process and fingerprint (not cheap).
    rules = RuleSet.from_dict(document)
    if rules.fingerprint not in _DETECTORS:
        _DETECTORS[rules.fingerprint] = (rules, Detector(rules))
    return _DETECTORS[rules.fingerprint]


def _histories(conn, conversation_ids: list[int], low: int, high: int, size: int) -> dict[int, list[tuple]]:
    """Per conversation, the delivered messages a partition's rows may need as history, oldest first.

    Two queries for the whole partition instead of one per message: the last `size` delivered
    messages of each conversation before the partition, and its delivered messages inside it.
    """
    table = Message.__table__
    delivered = (table.c.status != MessageStatus.BLOCKED, table.c.delivered_text.is_not(None),
                 table.c.conversation_id.in_(conversation_ids))
    ranked = (select(table.c.id, table.c.conversation_id, table.c.delivered_text,
                     func.row_number().over(partition_by=table.c.conversation_id, order_by=table.c.id.desc())
                     .label("recent"))
              .where(table.c.id < low, *delivered).subquery())
    before = select(ranked.c.id, ranked.c.conversation_id, ranked.c.delivered_text).where(ranked.c.recent <= size)
    inside = select(table.c.id, table.c.conversation_id, table.c.delivered_text).where(
        table.c.id >= low, table.c.id < high, *delivered)
    found: dict[int, list[tuple]] = {}
    for row in sorted([*conn.execute(before), *conn.execute(inside)]):
        found.setdefault(row.conversation_id, []).append((row.id, row.delivered_text))
    return found


def scan_partition(database_url: str, document: dict[str, Any], low: int, high: int, since: datetime) -> dict:
    """Scan the messages with low <= id < high created since `since` (runs on a Dask worker)."""
    rules, detector = _compiled(document)
    history_size = rules.history_messages
    engine = _ENGINES.get(database_url) or _ENGINES.setdefault(database_url, create_engine(database_url))
    table = Message.__table__
    part = {"scanned": 0, "by_action": Counter(), "by_category": Counter(), "changed": []}
    with engine.connect() as conn:
        rows = conn.execute(
            select(table.c.id, table.c.conversation_id, table.c.text, table.c.state, table.c.action,
                   table.c.categories)
            .where(table.c.id >= low, table.c.id < high, table.c.created_at >= since).order_by(table.c.id)
        ).all()
        histories = (_histories(conn, sorted({r.conversation_id for r in rows}), low, high, history_size)
                     if rows and history_size else {})
    for row in rows:
        earlier = histories.get(row.conversation_id, [])
        end = bisect_left(earlier, (row.id,))
        history = [text for _, text in earlier[max(0, end - history_size):end]]
        verdict = detector.scan(row.text, history=history, state=row.state)
        part["scanned"] += 1
        part["by_action"][verdict.action] += 1
        part["by_category"].update(verdict.categories)
        stored = [c for c in (row.categories or "").split(",") if c]
        if verdict.action != row.action or list(verdict.categories) != stored:
            part["changed"].append({"id": row.id, "conversation_id": row.conversation_id,
                                    "before": row.action, "after": verdict.action,
                                    "before_categories": stored, "after_categories": list(verdict.categories)})
    return part


def partitions(since: datetime, size: int) -> list[tuple[int, int]]:
    """Primary-key ranges [low, high) of at most `size` ids covering the messages since `since`."""
    low, high = db.session.execute(
        db.select(db.func.min(Message.id), db.func.max(Message.id)).where(Message.created_at >= since)).one()
    if low is None:
        return []
    return [(start, min(start + size, high + 1)) for start in range(low, high + 1, size)]


def scan_parts(version: RuleSetVersion, since: datetime, client, partition_size: int = 1000,
               stop: Callable[[], bool] | None = None, poll_seconds: float = 1.0) -> Iterator[dict]:
    """Submit one Dask task per partition and yield each partition's result as it completes.

    `stop()` is asked at least every `poll_seconds` while partitions run (a job cancelled from
    another process, a lost lease); once it says True no more results are yielded. Stopping,
    or closing the generator early, cancels the partitions not yet finished.
    """
    from distributed import wait

    url = db.engine.url.render_as_string(hide_password=False)
    # One future for the whole document under a key of its own: scattering the dict itself would
    # make each of its top-level keys ("actions", "extra_rules", ...) a cluster-wide data key, which
    # two jobs with different versions would share, and a scan right after another would race the
    # release of.
    [document] = client.scatter([version.document], broadcast=True, hash=False)
    ranges = partitions(since, partition_size)
    futures = [client.submit(scan_partition, url, document, low, high, since, pure=False) for low, high in ranges]
    pending = set(futures)
    try:
        while pending and not (stop is not None and stop()):
            try:
                done, pending = wait(pending, timeout=poll_seconds, return_when="FIRST_COMPLETED")
            except TimeoutError:
                continue
            for future in done:
                yield future.result()
    finally:
        unfinished = [f for f in futures if not f.done()]
        if unfinished:
            client.cancel(unfinished)


def rescan(version: RuleSetVersion, since: datetime, client, partition_size: int = 1000,
           progress=None) -> RescanReport:
    """Run a rescan on a Dask `client`; `progress(done)` is called after each finished partition."""
    report = RescanReport(version=version.number, since=since.isoformat())
    for part in scan_parts(version, since, client, partition_size):
        report.add(part)
        if progress is not None:
            progress(1)
    return report


def write_csv(report: RescanReport, path: str) -> None:
    """The changed messages as CSV: id, conversation, verdict before and after."""
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["message_id", "conversation_id", "before", "after", "before_categories", "after_categories"])
        for c in report.changed:
            writer.writerow([c["id"], c["conversation_id"], c["before"], c["after"],
                             " ".join(c["before_categories"]), " ".join(c["after_categories"])])


@click.command("rescan")
@with_appcontext
@click.option("--since", "since", type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]),
              help="Re-judge the messages stored since this date (with --rules).")
@click.option("--rules", "number", type=int, help="The rule set version number to scan with.")
@click.option("--job", "job_id", type=int, help="Run this queued job (started in the admin site) instead.")
@click.option("--workers", default=2, show_default=True, help="Worker processes of the local cluster.")
@click.option("--partition-size", default=1000, show_default=True, help="Message ids per task.")
@click.option("--csv", "csv_path", default=None, help="Write the changed messages to this CSV file.")
def rescan_command(since: datetime | None, number: int | None, job_id: int | None, workers: int, partition_size: int,
                   csv_path: str | None) -> None:
    """Re-judge every stored message since a date with a rule set version, on Dask, as a job with a progress bar."""
    from tqdm import tqdm

    from admin.jobs import changes_csv, dask_client, reap_stale_jobs, run_job, start_job
    from admin.models import Job

    if job_id is None and (since is None or number is None):
        raise click.UsageError("give --since and --rules, or --job")
    for reaped in reap_stale_jobs():
        click.echo(f"job {reaped}: its process stopped renewing its lease; marked as ended", err=True)
    if job_id is not None:
        job = db.session.get(Job, job_id)
        if job is None:
            raise click.ClickException(f"no job {job_id}")
        if job.status != JobStatus.QUEUED:
            raise click.ClickException(f"job {job_id} is {job.status}, not queued")
    else:
        version = db.session.execute(
            db.select(RuleSetVersion).where(RuleSetVersion.number == number)).scalar_one_or_none()
        if version is None:
            raise click.ClickException(f"no rule set version {number}")
        try:
            job = start_job(JobKind.RESCAN, version, since, None, partition_size)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
        db.session.commit()
    click.echo(f"job {job.id}: {job.kind} with version {job.version.number} since {job.since:%Y-%m-%d}", err=True)
    with dask_client(workers) as client, tqdm(total=0, unit="partition", desc=f"job {job.id}", file=sys.stderr,
                                              dynamic_ncols=True) as bar:

        def advance(job: Job) -> None:
            bar.total = job.partitions_total
            bar.set_postfix(scanned=job.scanned, changed=job.changed, refresh=False)
            bar.update(job.partitions_done - bar.n)

        job = run_job(job.id, client, on_partition=advance)
    if job.status == JobStatus.FAILED:
        raise click.ClickException(f"job {job.id} failed: {job.error}")
    report = job.report or {}
    click.echo(f"scanned={job.scanned} changed={job.changed} version={job.version.number} status={job.status} "
               f"job={job.id}")
    click.echo("by action: " + ", ".join(f"{k}={v}" for k, v in report.get("by_action", {}).items()))
    click.echo("by category: " + ", ".join(f"{k}={v}" for k, v in report.get("by_category", {}).items()))
    if csv_path:
        with open(csv_path, "w", newline="") as handle:
            handle.writelines(changes_csv(job))
        click.echo(f"changed messages: {csv_path}")


def init_app(app: Flask) -> None:
    """The rescan command."""
    app.cli.add_command(rescan_command)
