"""Job leases: a running job renews a heartbeat; one whose process died (a stale heartbeat) is
ended clearly by whichever process looks next; a runner that lost its lease overwrites nothing;
a cancel from another process reaches the runner through its lease."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import pytest
from admin_testdata import CLEAN_TEXT, PHONE_TEXT

from admin.db import db
from admin.enums import JobKind, JobStatus
from admin.jobs import Lease, reap_stale_jobs, run_job, start_job
from admin.models import AuditEntry, Conversation, Job, RuleSetVersion, User, utcnow


def _job(app, status: JobStatus = JobStatus.RUNNING, heartbeat_age: float | None = 0.0, owner: str = "host:1:ab",
         cancel: bool = False, partitions: tuple[int, int] = (3, 7)) -> int:
    with app.app_context():
        version = db.session.execute(db.select(RuleSetVersion)).scalars().first()
        job = start_job(JobKind.RESCAN, version, datetime(2000, 1, 1), None)
        job.status, job.owner, job.cancel_requested = status, owner, cancel
        job.partitions_done, job.partitions_total = partitions
        job.started_at = utcnow() - timedelta(hours=1)
        job.heartbeat_at = None if heartbeat_age is None else utcnow() - timedelta(seconds=heartbeat_age)
        db.session.commit()
        return job.id


def _status(app, job_id: int) -> Job:
    with app.app_context():
        job = db.session.get(Job, job_id)
        db.session.expunge(job)
        return job


def test_a_job_whose_process_died_is_failed_clearly_by_the_next_look(app, auth):
    app.config["JOB_LEASE_SECONDS"] = 30
    dead = _job(app, heartbeat_age=31, owner="web-1:4242:0a0b")
    alive = _job(app, heartbeat_age=5)
    auth.login("reviewer")
    progress = auth.client.get(f"/admin/jobs/{dead}/progress").get_json()
    assert progress["status"] == "failed" and progress["finished"]
    assert "web-1:4242:0a0b" in progress["error"] and "3 of 7 partitions" in progress["error"]
    assert "lease 30 s" in progress["error"]
    assert auth.client.get(f"/admin/jobs/{alive}/progress").get_json()["status"] == "running"
    with app.app_context():
        audit = db.session.execute(db.select(AuditEntry).where(AuditEntry.action == "job.lease_expired")).scalars()
        assert [(a.target_id, a.detail["owner"]) for a in audit] == [(dead, "web-1:4242:0a0b")]
    assert _status(app, dead).finished_at is not None


@pytest.mark.parametrize(("page", "cancel", "expected"), [
    ("/admin/jobs/", False, "failed"),
    ("/admin/jobs/{id}", True, "cancelled"),  # a cancel was asked before the process died: that is what it becomes
])
def test_every_job_page_reaps_and_a_cancelled_one_ends_cancelled(app, auth, page, cancel, expected):
    app.config["JOB_LEASE_SECONDS"] = 10
    job_id = _job(app, heartbeat_age=None, cancel=cancel)  # from before leases: its start time counts
    auth.login("admin")
    assert auth.client.get(page.format(id=job_id)).status_code == 200
    assert _status(app, job_id).status == expected


def test_queued_and_finished_jobs_are_not_reaped(app):
    app.config["JOB_LEASE_SECONDS"] = 1
    queued = _job(app, status=JobStatus.QUEUED, heartbeat_age=None)
    done = _job(app, status=JobStatus.DONE, heartbeat_age=100)
    with app.app_context():
        assert reap_stale_jobs() == []
    assert (_status(app, queued).status, _status(app, done).status) == ("queued", "done")


def test_two_reapers_end_a_job_once(app):
    app.config["JOB_LEASE_SECONDS"] = 1
    job_id = _job(app, heartbeat_age=5)
    with app.app_context():
        assert reap_stale_jobs() == [job_id]
        assert reap_stale_jobs() == []


def test_the_lease_renews_the_heartbeat_and_hears_a_cancel_and_a_loss(app):
    job_id = _job(app, heartbeat_age=50, owner="me")
    with app.app_context():
        engine = db.engine
    with Lease(engine, job_id, "me", 0.05) as lease:
        time.sleep(0.4)
        beat = _status(app, job_id).heartbeat_at
        assert utcnow() - beat < timedelta(seconds=2) and not lease.should_stop()
        with app.app_context():  # another process asks for a cancel
            db.session.get(Job, job_id).cancel_requested = True
            db.session.commit()
        _wait_for(lease.cancelled.is_set)
        assert not lease.lost.is_set()
        with app.app_context():  # another process reaped it and someone else runs it now
            db.session.get(Job, job_id).owner = "someone-else"
            db.session.commit()
        _wait_for(lease.lost.is_set)
    assert lease.should_stop()


def _wait_for(condition, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the lease did not notice in time"
        time.sleep(0.02)


@pytest.fixture
def messages(app, demo) -> int:
    """A few stored messages; the published version's id."""
    from admin.enforcement import send_message

    with app.app_context():
        conversation = db.session.get(Conversation, demo.conversations["inquiry"])
        for i in range(6):
            send_message(conversation, db.session.get(User, conversation.client_id),
                         f"{(CLEAN_TEXT, PHONE_TEXT)[i % 2]} ({i})")
        db.session.commit()
        return db.session.execute(db.select(RuleSetVersion.id)).scalars().first()


def _queued(app, version_id: int) -> int:
    with app.app_context():
        job = start_job(JobKind.RESCAN, db.session.get(RuleSetVersion, version_id), datetime(2000, 1, 1), None, 1)
        db.session.commit()
        return job.id


def test_a_running_job_holds_its_lease_and_lets_it_go_when_done(app, messages, dask_client):
    job_id = _queued(app, messages)
    owners = []
    with app.app_context():

        def look(job: Job) -> None:
            owners.append((job.owner, job.heartbeat_at))

        job = run_job(job_id, dask_client, on_partition=look)
        assert job.status == JobStatus.DONE and job.scanned == 6
    assert len(owners) == 6 and len({owner for owner, _ in owners}) == 1
    assert owners[0][0].split(":")[1].isdigit()  # host:pid:nonce
    assert all(beat is not None for _, beat in owners)


def test_a_runner_that_lost_its_lease_overwrites_nothing(app, messages, dask_client):
    app.config["JOB_LEASE_SECONDS"] = 0.001
    job_id = _queued(app, messages)
    with app.app_context():

        def stall(job: Job) -> None:
            # The runner stalls past its lease; another process reaps the job meanwhile.
            if job.partitions_done == 2:
                time.sleep(0.05)
                db.session.execute(db.update(Job).where(Job.id == job.id).values(
                    heartbeat_at=utcnow() - timedelta(seconds=10)))
                db.session.commit()
                assert reap_stale_jobs() == [job.id]

        job = run_job(job_id, dask_client, on_partition=stall)
    assert job.status == JobStatus.FAILED and "stopped: no heartbeat" in job.error
    assert job.partitions_done < 6  # the runner stopped folding once the lease was gone


def test_a_cancel_from_another_process_stops_the_runner(app, messages, dask_client):
    app.config["JOB_HEARTBEAT_SECONDS"] = 0.05
    job_id = _queued(app, messages)
    with app.app_context():

        def cancel_elsewhere(job: Job) -> None:
            if job.partitions_done == 1:  # another process's cancel: only the flag in the database
                db.session.execute(db.update(Job).where(Job.id == job.id).values(cancel_requested=True))
                db.session.commit()

        job = run_job(job_id, dask_client, on_partition=cancel_elsewhere)
    assert job.status == JobStatus.CANCELLED and job.partitions_done < 6 and job.finished_at is not None


def test_a_scan_asked_to_stop_yields_nothing_more(app, messages, dask_client):
    from admin.rescan import scan_parts

    asked = []

    def stop() -> bool:
        asked.append(time.monotonic())
        return len(asked) > 1  # go on for the first look, then stop

    with app.app_context():
        version = db.session.get(RuleSetVersion, messages)
        every = list(scan_parts(version, datetime(2000, 1, 1), dask_client, 1, poll_seconds=0.05))
        stopped = list(scan_parts(version, datetime(2000, 1, 1), dask_client, 1, stop=stop, poll_seconds=0.05))
        none = list(scan_parts(version, datetime(2000, 1, 1), dask_client, 1, stop=lambda: True))
    assert len(every) == 6 and none == []
    assert len(asked) == 2 and 1 <= len(stopped) <= 6  # one wait's worth of results, then nothing
