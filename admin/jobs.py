"""Background jobs: a rescan or an impact preview of stored messages, on Dask, with live progress.

A job re-judges every stored message since a date with one rule set version and compares the
new verdict with the stored one. Its scan work is `admin.rescan.scan_parts`: one Dask task per
primary-key partition. As each partition completes, the runner folds its counts into the job's
row, stores its changed messages (`JobChange`, the CSV download) and commits, so the admin
site's progress bar (polling `/admin/jobs/<id>/progress` every second) and the report grow as
the partitions come in. Between partitions the runner reads the job's cancel flag; a cancelled
job cancels its remaining Dask tasks and keeps what it found so far.

Where a job runs: started from the admin site, in a background thread of the web process that
received the start (the embedded default: `JOBS_IN_BACKGROUND`, a LocalCluster of
`RESCAN_WORKERS` processes unless `DASK_SCHEDULER` names a cluster); started by
`flask --app admin rescan`, in the foreground of the command with a progress bar. Either way
the Dask cluster does the scanning; the thread or command only submits and folds results.

Leases: several app processes (and commands) share the jobs table, and any of them may die
while it runs a job. A runner claims a queued job with its owner name (host:pid:nonce) and a
heartbeat time, and a thread of the runner renews the heartbeat every JOB_HEARTBEAT_SECONDS;
the same renewal reads the cancel flag, so a cancel from any process stops the job within
about that time, not only between partitions. A running job whose heartbeat is older than
JOB_LEASE_SECONDS lost its process: `reap_stale_jobs`, run by every process that shows jobs
(the jobs page, a job's page and its progress JSON) and by `flask --app admin rescan`, ends it
as failed, saying whose lease expired when and how far it got (or as cancelled when a cancel
was asked), so no job stays "running" forever. What its finished partitions found is kept.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import secrets
import socket
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

from flask import (
    Blueprint,
    Flask,
    Response,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    stream_with_context,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import func, insert, update
from wtforms import DateField, IntegerField, SelectChoice, SelectField
from wtforms.validators import DataRequired, NumberRange

from admin.auth import role_required
from admin.db import db
from admin.enums import Action, JobKind, JobStatus, Role, RuleSetStatus
from admin.models import Job, JobChange, Message, RuleSetVersion, User, record_audit, utcnow
from admin.rescan import partitions, scan_parts

bp = Blueprint("jobs", __name__, url_prefix="/admin/jobs")

TOP_CHANGED = 20
"""How many changed messages the stored report keeps for the job's page (the CSV has all of them)."""
MAX_PARTITION_SIZE = 100_000
SEVERITY = {action: rank for rank, action in enumerate(Action)}  # mildest first, as the engine orders them
log = logging.getLogger(__name__)


# -- starting and running ------------------------------------------------------------------------


def start_job(kind: JobKind, version: RuleSetVersion, since: datetime, actor: User | None,
              partition_size: int = 1000) -> Job:
    """A queued job (added and flushed; the caller commits); ValueError for input that cannot run."""
    kind = JobKind(kind)
    if kind == JobKind.IMPACT_PREVIEW and version.status != RuleSetStatus.DRAFT:
        raise ValueError(f"an impact preview is for a draft; version {version.number} is {version.status}")
    if not 1 <= partition_size <= MAX_PARTITION_SIZE:
        raise ValueError(f"the partition size must be from 1 to {MAX_PARTITION_SIZE}")
    job = Job(kind=kind, status=JobStatus.QUEUED, version_id=version.id, since=since, partition_size=partition_size,
              report={}, created_by_id=actor.id if actor else None)
    db.session.add(job)
    db.session.flush()
    record_audit(actor, "job.start", "job", job.id, kind=kind, version=version.number, since=since.isoformat())
    return job


def _rank(change: dict[str, Any]) -> tuple[int, int, int]:
    # The biggest jump first (allow -> block before warn -> redact), then the stricter result, then the newest.
    before, after = SEVERITY[Action(change["before"])], SEVERITY[Action(change["after"])]
    return (-abs(after - before), -after, -change["id"])


def _fold(job: Job, part: dict[str, Any]) -> None:
    """Add one partition's result to the job's counts, top changes and change rows."""
    report = dict(job.report or {})
    by_action = Counter(report.get("by_action", {}))
    by_action.update(part["by_action"])
    by_category = Counter(report.get("by_category", {}))
    by_category.update(part["by_category"])
    changed = part["changed"]
    top = sorted([*report.get("top_changed", []), *changed], key=_rank)[:TOP_CHANGED]
    job.report = {"by_action": dict(sorted(by_action.items())), "by_category": dict(sorted(by_category.items())),
                  "top_changed": top}
    job.scanned += part["scanned"]
    job.changed += len(changed)
    job.partitions_done += 1
    if changed:
        db.session.execute(insert(JobChange), [
            {"job_id": job.id, "message_id": c["id"], "conversation_id": c["conversation_id"], "before": c["before"],
             "after": c["after"], "before_categories": ",".join(c["before_categories"]),
             "after_categories": ",".join(c["after_categories"])} for c in changed])


def _cancel_requested(job_id: int) -> bool:
    return bool(db.session.execute(db.select(Job.cancel_requested).where(Job.id == job_id)).scalar())


def _look(job_id: int, lease: Lease) -> bool:
    """Between partitions: read the cancel flag and whether the lease is still ours; True to stop."""
    row = db.session.execute(db.select(Job.owner, Job.status, Job.cancel_requested).where(Job.id == job_id)).one()
    if row.owner != lease.owner or row.status != JobStatus.RUNNING:
        lease.lost.set()
    elif row.cancel_requested:
        lease.cancelled.set()
    return lease.should_stop()


def lease_owner() -> str:
    """A name for this runner that no other process or runner shares: host, pid and a nonce."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{secrets.token_hex(4)}"


class Lease:
    """A running job's lease: a thread renews its heartbeat and notices a cancel or a lost lease.

    The renewal is one UPDATE on its own connection (`... WHERE owner = me AND status = running
    RETURNING cancel_requested`): no row back means another process reaped the job.
    """

    def __init__(self, engine, job_id: int, owner: str, interval: float) -> None:
        self.engine, self.job_id, self.owner, self.interval = engine, job_id, owner, interval
        self.cancelled = threading.Event()
        self.lost = threading.Event()
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"contactguard-job-{job_id}-lease", daemon=True)

    def renew(self) -> None:
        """Write a fresh heartbeat; note a cancel request or a lost lease."""
        with self.engine.begin() as conn:
            row = conn.execute(
                update(Job).where(Job.id == self.job_id, Job.owner == self.owner, Job.status == JobStatus.RUNNING)
                .values(heartbeat_at=utcnow()).returning(Job.cancel_requested)).first()
        if row is None:
            self.lost.set()
        elif row[0]:
            self.cancelled.set()

    def _run(self) -> None:
        while not self._stopped.wait(self.interval) and not self.lost.is_set():
            try:
                self.renew()
            except Exception:  # noqa: BLE001 - a busy database: try again next beat (the lease is generous)
                log.exception("job %s: heartbeat failed", self.job_id)

    def should_stop(self) -> bool:
        """True once the job was cancelled or its lease was lost."""
        return self.cancelled.is_set() or self.lost.is_set()

    def __enter__(self) -> Lease:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stopped.set()
        self._thread.join(timeout=max(self.interval, 1.0) + 10)


def _finish(job_id: int, owner: str, **values: Any) -> None:
    """Store how the job ended, unless its lease was lost meanwhile (then the reaper's word stands)."""
    db.session.execute(
        update(Job).where(Job.id == job_id, Job.owner == owner, Job.status == JobStatus.RUNNING)
        .values(finished_at=utcnow(), **values).execution_options(synchronize_session=False))
    db.session.commit()


def run_job(job_id: int, client, on_partition: Callable[[Job], None] | None = None) -> Job:
    """Run a queued job on a Dask `client`, committing after every partition; returns the finished job.

    A job that is no longer queued (another runner took it, or it was cancelled) is returned untouched.
    `on_partition(job)` is called after each partition is stored (a progress bar, a test).
    The job holds a lease while it runs (see the module's docstring).
    """
    owner, now = lease_owner(), utcnow()
    claimed = db.session.execute(
        update(Job).where(Job.id == job_id, Job.status == JobStatus.QUEUED)
        .values(status=JobStatus.RUNNING, started_at=now, owner=owner, heartbeat_at=now)
        .execution_options(synchronize_session=False))
    db.session.commit()
    job = db.session.get(Job, job_id)
    if job is None or claimed.rowcount != 1:
        return job
    parts: Iterator[dict] | None = None
    lease = Lease(db.engine, job_id, owner, float(current_app.config["JOB_HEARTBEAT_SECONDS"]))
    try:
        with lease:
            job.partitions_total = len(partitions(job.since, job.partition_size))
            db.session.commit()
            parts = scan_parts(job.version, job.since, client, job.partition_size, stop=lease.should_stop)
            for part in parts:
                if lease.should_stop():
                    break
                _fold(job, part)
                job.heartbeat_at = utcnow()
                db.session.commit()
                if on_partition is not None:
                    on_partition(job)
                if _look(job_id, lease):
                    break
        status = JobStatus.CANCELLED if lease.cancelled.is_set() or _cancel_requested(job_id) else JobStatus.DONE
        _finish(job_id, owner, status=status)
    except Exception as exc:  # noqa: BLE001 - any failure ends the job as failed, with its reason shown
        db.session.rollback()
        _finish(job_id, owner, status=JobStatus.FAILED, error=f"{type(exc).__name__}: {exc}"[:500])
    finally:
        if parts is not None:
            parts.close()  # cancels the partitions not yet finished
    job = db.session.get(Job, job_id)
    db.session.refresh(job)
    return job


def reap_stale_jobs(now: datetime | None = None) -> list[int]:
    """End every running job whose lease expired (its process died): failed, or cancelled if asked; their ids.

    Each is ended by a conditional UPDATE, so a runner that renews its heartbeat at the same
    moment keeps its job, and two processes reaping at once end it once.
    """
    now = now or utcnow()
    lease = float(current_app.config["JOB_LEASE_SECONDS"])
    cutoff = now - timedelta(seconds=lease)
    last_seen = func.coalesce(Job.heartbeat_at, Job.started_at, Job.created_at)
    stale = db.session.execute(
        db.select(Job.id, Job.owner, last_seen, Job.partitions_done, Job.partitions_total, Job.cancel_requested)
        .where(Job.status == JobStatus.RUNNING, last_seen < cutoff)).all()
    reaped = []
    for job_id, owner, seen, done, total, cancel in stale:
        error = (f"the process running this job ({owner or 'unknown'}) stopped: no heartbeat since "
                 f"{seen:%Y-%m-%d %H:%M:%S} UTC (lease {lease:g} s); {done} of {total} partitions were done "
                 f"and their results are kept; start a new job for a complete report")
        ended = db.session.execute(
            update(Job).where(Job.id == job_id, Job.status == JobStatus.RUNNING, last_seen < cutoff)
            .values(status=JobStatus.CANCELLED if cancel else JobStatus.FAILED, error=error[:500], finished_at=now)
            .execution_options(synchronize_session=False))
        if ended.rowcount == 1:
            record_audit(None, "job.lease_expired", "job", job_id, owner=owner, last_heartbeat=seen.isoformat())
            reaped.append(job_id)
    db.session.commit()
    return reaped


@contextmanager
def dask_client(workers: int | None = None) -> Iterator[Any]:
    """A Dask client: to DASK_SCHEDULER if configured, else to a new LocalCluster of `workers` processes."""
    from distributed import Client, LocalCluster

    scheduler = current_app.config.get("DASK_SCHEDULER")
    # dashboard_address=None would still bind the scheduler's HTTP server to :8787; ":0" takes a free port.
    cluster = None if scheduler else LocalCluster(
        n_workers=workers or current_app.config["RESCAN_WORKERS"], threads_per_worker=1, processes=True,
        dashboard_address=":0")
    try:
        with Client(scheduler or cluster) as client:
            yield client
    finally:
        if cluster is not None:
            cluster.close()


def run_in_background(app: Flask, job_id: int) -> threading.Thread:
    """Run a job in a daemon thread of this process (the embedded default); the scanning runs on Dask."""

    def target() -> None:
        with app.app_context():
            try:
                with dask_client() as client:
                    run_job(job_id, client)
            except Exception as exc:  # noqa: BLE001 - e.g. the cluster would not start: the job says why
                db.session.rollback()
                db.session.execute(update(Job).where(Job.id == job_id, Job.status.in_(
                    [JobStatus.QUEUED, JobStatus.RUNNING])).values(
                    status=JobStatus.FAILED, error=f"{type(exc).__name__}: {exc}"[:500], finished_at=utcnow()))
                db.session.commit()
            finally:
                db.session.remove()

    thread = threading.Thread(target=target, name=f"contactguard-job-{job_id}", daemon=True)
    thread.start()
    return thread


def request_cancel(job: Job, actor: User | None) -> None:
    """Cancel a queued job at once; a running one stops after its current partition."""
    if JobStatus(job.status).finished:
        raise ValueError(f"job {job.id} is already {job.status}")
    if job.status == JobStatus.QUEUED:
        job.status, job.finished_at = JobStatus.CANCELLED, utcnow()
    job.cancel_requested = True
    record_audit(actor, "job.cancel", "job", job.id)


def progress(job: Job) -> dict[str, Any]:
    """What the progress bar shows."""
    return {"id": job.id, "kind": job.kind, "status": job.status, "finished": JobStatus(job.status).finished,
            "percent": job.percent, "partitions_done": job.partitions_done, "partitions_total": job.partitions_total,
            "scanned": job.scanned, "changed": job.changed, "cancel_requested": job.cancel_requested,
            "error": job.error}


def changes_csv(job: Job) -> Iterator[str]:
    """The job's changed messages as CSV lines, read from the database in batches."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(row: list[Any]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(row)
        return buffer.getvalue()

    yield line(["message_id", "conversation_id", "state", "before", "after", "before_categories",
                "after_categories", "text"])
    last = 0
    while True:
        rows = db.session.execute(
            db.select(JobChange, Message.state, Message.text).join(Message, Message.id == JobChange.message_id)
            .where(JobChange.job_id == job.id, JobChange.id > last).order_by(JobChange.id).limit(1000)).all()
        if not rows:
            return
        for change, state, text in rows:
            # A cell starting with = + - @ is a formula to a spreadsheet: quote it (CSV injection).
            safe = "'" + text if text[:1] in ("=", "+", "-", "@") else text
            yield line([change.message_id, change.conversation_id, state, change.before, change.after,
                        change.before_categories.replace(",", " "), change.after_categories.replace(",", " "), safe])
        last = rows[-1][0].id


# -- admin pages ------------------------------------------------------------------------------


class JobForm(FlaskForm):
    """A new job: what, with which version, over messages since when."""

    kind = SelectField("Job", choices=[SelectChoice(JobKind.RESCAN.value, "Rescan"),
                                       SelectChoice(JobKind.IMPACT_PREVIEW.value, "Impact preview of a draft")])
    version = SelectField("Rule set version", coerce=int, validators=[DataRequired()])
    since = DateField("Messages since", validators=[DataRequired()])
    partition_size = IntegerField("Messages per partition", default=1000,
                                  validators=[NumberRange(1, MAX_PARTITION_SIZE)])


def _form(formdata: Any = ...) -> JobForm:
    form = JobForm() if formdata is ... else JobForm(formdata=formdata)
    versions = db.session.execute(db.select(RuleSetVersion).order_by(RuleSetVersion.number.desc())).scalars().all()
    form.version.choices = [SelectChoice(v.id, f"{v.number} ({v.status}) {v.note[:60]}") for v in versions]
    if form.since.data is None:
        form.since.data = (utcnow() - timedelta(days=30)).date()
    return form


def _page(form: JobForm) -> str:
    jobs = db.session.execute(db.select(Job).order_by(Job.id.desc()).limit(50)).scalars().all()
    return render_template("admin/jobs.html", jobs=jobs, form=form, can_start=current_user.role == Role.ADMIN)


@bp.get("/")
@role_required(Role.ADMIN, Role.REVIEWER)
def index() -> ResponseReturnValue:
    """The latest jobs and the form for a new one."""
    reap_stale_jobs()
    return _page(_form(None))


@bp.post("/")
@role_required(Role.ADMIN)
def create() -> ResponseReturnValue:
    """Queue a job and, by default, run it in a background thread; show its page."""
    form = _form()
    if not form.validate_on_submit():
        return _page(form), 422
    version = db.get_or_404(RuleSetVersion, form.version.data)
    since = datetime.combine(form.since.data, datetime.min.time())
    try:
        job = start_job(JobKind(form.kind.data), version, since, current_user, form.partition_size.data)
    except ValueError as exc:
        form.kind.errors = [str(exc)]
        return _page(form), 422
    db.session.commit()
    if current_app.config["JOBS_IN_BACKGROUND"]:
        run_in_background(current_app._get_current_object(), job.id)
    return redirect(url_for("jobs.show", job_id=job.id), 303)


@bp.get("/<int:job_id>")
@role_required(Role.ADMIN, Role.REVIEWER)
def show(job_id: int) -> ResponseReturnValue:
    """A job: its live progress bar while it runs, its report once it has one."""
    reap_stale_jobs()
    job = db.get_or_404(Job, job_id)
    report = job.report or {}
    top = report.get("top_changed", [])
    messages = {m.id: m for m in db.session.execute(
        db.select(Message).where(Message.id.in_([c["id"] for c in top]))).scalars()} if top else {}
    return render_template("admin/job.html", job=job, report=report, top=top, messages=messages,
                           finished=JobStatus(job.status).finished, can_cancel=current_user.role == Role.ADMIN)


@bp.get("/<int:job_id>/progress")
@role_required(Role.ADMIN, Role.REVIEWER)
def progress_json(job_id: int) -> ResponseReturnValue:
    """The job's progress as JSON (polled every second by admin/static/jobs.js)."""
    reap_stale_jobs()
    response = jsonify(progress(db.get_or_404(Job, job_id)))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/<int:job_id>/cancel")
@role_required(Role.ADMIN)
def cancel(job_id: int) -> ResponseReturnValue:
    """Ask a job to stop: a queued job ends now, a running one after the partition it is on."""
    job = db.get_or_404(Job, job_id)
    try:
        request_cancel(job, current_user)
    except ValueError as exc:
        flash(str(exc), "error")
        return redirect(url_for("jobs.show", job_id=job.id), 303)
    db.session.commit()
    flash(f"Job {job.id} stops after its current partition." if job.status == JobStatus.RUNNING
          else f"Job {job.id} is cancelled.", "info")
    return redirect(url_for("jobs.show", job_id=job.id), 303)


@bp.get("/<int:job_id>/changes.csv")
@role_required(Role.ADMIN, Role.REVIEWER)
def download(job_id: int) -> ResponseReturnValue:
    """Every message whose verdict the job's version changes, as CSV."""
    job = db.get_or_404(Job, job_id)
    return Response(stream_with_context(changes_csv(job)), mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="contactguard-job-{job.id}-changes.csv"'})


def init_app(app: Flask) -> None:
    """Job settings (unless configured) and the blueprint."""
    # A started job runs in a thread of the web process; False leaves it queued for `flask --app admin rescan --job ID`.
    app.config.setdefault("JOBS_IN_BACKGROUND", True)
    # Worker processes of the LocalCluster a job starts when DASK_SCHEDULER is not set.
    app.config.setdefault("RESCAN_WORKERS", 2)
    # A running job renews its lease this often; a lease this old means its process died (see above).
    app.config.setdefault("JOB_HEARTBEAT_SECONDS", 5.0)
    app.config.setdefault("JOB_LEASE_SECONDS", 60.0)
    app.register_blueprint(bp)
