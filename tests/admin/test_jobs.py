"""Background jobs: a rescan started in the admin site runs on a real LocalCluster, reports live
progress per partition, stores a report matching a direct scan, can be cancelled between
partitions, and downloads its changed messages as CSV."""

from __future__ import annotations

import csv
import io
import re
import time
from collections import Counter
from datetime import datetime

import pytest
from admin_testdata import ADDRESS_TEXT, CLEAN_TEXT, EMAIL_TEXT, LINK_TEXT, PHONE_TEXT, direct_scan

from admin.db import db
from admin.enforcement import recent_history, send_message
from admin.models import Conversation, Job, JobChange, Message, RuleSetVersion, User
from admin.versions import create_version
from engine import RuleSet

TEXTS = [CLEAN_TEXT, PHONE_TEXT, EMAIL_TEXT, ADDRESS_TEXT, LINK_TEXT, "see you at 10", "=1+1 " + PHONE_TEXT]
COPIES = 3



@pytest.fixture
def stored(app, demo, dask_client) -> int:
    """Messages in every open state, a stricter draft (phones blocked in active contracts); its id."""
    app.config["DASK_SCHEDULER"] = dask_client.scheduler.address
    with app.app_context():
        for i, text in enumerate(TEXTS * COPIES):
            state = ("inquiry", "offer", "active")[i % 3]
            conversation = db.session.get(Conversation, demo.conversations[state])
            send_message(conversation, db.session.get(User, conversation.client_id), f"{text} ({i})")
        document = RuleSet.default().to_dict()
        document["actions"]["active"]["phone"] = "block"
        version = create_version(document, None, "phones blocked in active contracts too")
        db.session.commit()
        return version.id


def _direct_scan(app, version_id: int) -> tuple[Counter, Counter, list[int]]:
    with app.app_context():
        return direct_scan(RuleSet.from_dict(db.session.get(RuleSetVersion, version_id).document))


def _start(auth, version_id: int, kind: str = "rescan", partition_size: int = 4):
    return auth.post_form("/admin/jobs/", {"kind": kind, "version": version_id, "since": "2000-01-01",
                                           "partition_size": partition_size})


def _wait(client, job_id: int, seconds: float = 90) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        progress = client.get(f"/admin/jobs/{job_id}/progress").get_json()
        if progress["finished"]:
            return progress
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} did not finish in {seconds} s: {progress}")


def test_a_job_started_in_the_admin_site_reports_what_a_direct_scan_finds(app, auth, stored):
    auth.login("admin")
    response = _start(auth, stored)
    assert response.status_code == 303
    job_id = int(re.search(r"/admin/jobs/(\d+)$", response.headers["Location"]).group(1))
    progress = _wait(auth.client, job_id)
    by_action, by_category, changed = _direct_scan(app, stored)
    total = len(TEXTS) * COPIES
    assert progress["status"] == "done" and progress["percent"] == 100
    assert progress["scanned"] == total and progress["changed"] == len(changed)
    assert progress["partitions_done"] == progress["partitions_total"] == -(-total // 4)
    with app.app_context():
        job = db.session.get(Job, job_id)
        assert (job.report["by_action"], job.report["by_category"]) == (dict(by_action), dict(by_category))
        assert sorted(c["id"] for c in job.report["top_changed"]) == sorted(changed)[:20]
        stored_changes = db.session.execute(db.select(JobChange.message_id).where(JobChange.job_id == job_id)).scalars()
        assert sorted(stored_changes) == changed
    assert changed  # the stricter policy does change stored verdicts

    page = auth.client.get(f"/admin/jobs/{job_id}").get_data(as_text=True)
    assert 'id="job-by-action"' in page and 'id="job-csv"' in page and "jobs.js" not in page  # finished: no polling
    download = auth.client.get(f"/admin/jobs/{job_id}/changes.csv")
    assert download.status_code == 200 and download.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(download.get_data(as_text=True))))
    assert [int(r["message_id"]) for r in rows] == sorted(changed) or sorted(int(r["message_id"]) for r in rows) == changed
    assert {r["after"] for r in rows if r["state"] == "active"} == {"block"}
    quoted = [r["text"] for r in rows if "1+1" in r["text"]]
    assert quoted and all(t.startswith("'=1+1") for t in quoted)  # no spreadsheet formula


def test_a_running_job_page_polls_its_progress(app, auth, stored):
    app.config["JOBS_IN_BACKGROUND"] = False  # stays queued: the page of an unfinished job
    auth.login("admin")
    job_id = int(_start(auth, stored).headers["Location"].rsplit("/", 1)[1])
    page = auth.client.get(f"/admin/jobs/{job_id}").get_data(as_text=True)
    assert '<script src="/assets/jobs.js" defer></script>' in page
    assert f'data-progress-url="/admin/jobs/{job_id}/progress"' in page and 'id="job-cancel"' in page
    progress = auth.client.get(f"/admin/jobs/{job_id}/progress")
    assert progress.headers["Cache-Control"] == "no-store"
    assert progress.get_json() | {"id": 0} == {
        "id": 0, "kind": "rescan", "status": "queued", "finished": False, "percent": 0, "partitions_done": 0,
        "partitions_total": 0, "scanned": 0, "changed": 0, "cancel_requested": False, "error": None}
    script = auth.client.get("/assets/jobs.js")
    assert script.status_code == 200 and "setTimeout(poll, 1000)" in script.get_data(as_text=True)


def test_cancel_stops_a_running_job_between_partitions(app, auth, stored, dask_client):
    from admin.jobs import run_job

    app.config["JOBS_IN_BACKGROUND"] = False
    auth.login("admin")
    job_id = int(_start(auth, stored, partition_size=2).headers["Location"].rsplit("/", 1)[1])

    def cancel_after_the_first(job: Job) -> None:
        if job.partitions_done == 1:
            assert auth.post_form(f"/admin/jobs/{job_id}/cancel").status_code == 303

    with app.app_context():
        job = run_job(job_id, dask_client, on_partition=cancel_after_the_first)
        assert job.status == "cancelled" and job.cancel_requested
        assert job.partitions_done == 1 < job.partitions_total
        assert job.scanned == 2 and sum(job.report["by_action"].values()) == 2
        assert job.finished_at is not None
    again = auth.post_form(f"/admin/jobs/{job_id}/cancel", follow_redirects=True)
    assert "is already cancelled" in again.get_data(as_text=True)


def test_a_queued_job_cancelled_never_runs(app, auth, stored, dask_client):
    from admin.jobs import run_job

    app.config["JOBS_IN_BACKGROUND"] = False
    auth.login("admin")
    job_id = int(_start(auth, stored).headers["Location"].rsplit("/", 1)[1])
    assert auth.post_form(f"/admin/jobs/{job_id}/cancel").status_code == 303
    with app.app_context():
        job = run_job(job_id, dask_client)
        assert (job.status, job.partitions_done, job.started_at) == ("cancelled", 0, None)


def test_a_failing_scan_ends_the_job_as_failed_with_the_reason(app, auth, stored, dask_client, monkeypatch):
    import admin.jobs

    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")
        yield  # a generator, like scan_parts

    monkeypatch.setattr(admin.jobs, "scan_parts", broken)
    app.config["JOBS_IN_BACKGROUND"] = False
    auth.login("admin")
    job_id = int(_start(auth, stored).headers["Location"].rsplit("/", 1)[1])
    with app.app_context():
        job = admin.jobs.run_job(job_id, dask_client)
        assert (job.status, job.error) == ("failed", "RuntimeError: the database went away")
    assert "the database went away" in auth.client.get(f"/admin/jobs/{job_id}").get_data(as_text=True)


@pytest.mark.parametrize(("data", "message"), [
    ({"kind": "impact_preview"}, "an impact preview is for a draft; version 1 is published"),
    ({"kind": "everything"}, "Not a valid choice"),
    ({"since": "yesterday"}, "Not a valid date value"),
    ({"partition_size": 0}, "Number must be between 1 and 100000"),
    ({"version": 999}, "Not a valid choice"),
])
def test_bad_job_input_is_refused_with_the_reason(app, auth, data, message):
    app.config["JOBS_IN_BACKGROUND"] = False
    auth.login("admin")
    response = auth.post_form("/admin/jobs/", {"kind": "rescan", "version": 1, "since": "2026-01-01",
                                               "partition_size": 100, **data})
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Job.id))).scalar() == 0


def test_the_command_runs_a_job_with_a_progress_bar_and_a_queued_one_by_id(app, auth, stored, runner, tmp_path):
    out = tmp_path / "changed.csv"
    with app.app_context():
        number = db.session.get(RuleSetVersion, stored).number
    result = runner.invoke(args=["rescan", "--since", "2000-01-01", "--rules", str(number), "--partition-size", "5",
                                 "--csv", str(out)])
    assert result.exit_code == 0, result.output
    assert f"scanned={len(TEXTS) * COPIES} " in result.output and "status=done" in result.output
    assert re.search(r"job \d+: 100%\|.*\| 5/5", result.stderr)  # tqdm's bar, on stderr
    assert out.read_text().startswith("message_id,conversation_id,state,before,after")

    app.config["JOBS_IN_BACKGROUND"] = False
    auth.login("admin")
    job_id = int(_start(auth, stored).headers["Location"].rsplit("/", 1)[1])
    queued = runner.invoke(args=["rescan", "--job", str(job_id)])
    assert queued.exit_code == 0 and f"job={job_id}" in queued.output
    again = runner.invoke(args=["rescan", "--job", str(job_id)])
    assert again.exit_code != 0 and f"job {job_id} is done, not queued" in again.output
    assert "give --since and --rules, or --job" in runner.invoke(args=["rescan", "--since", "2000-01-01"]).output


@pytest.mark.parametrize(("username", "view", "start"), [("reviewer", 200, 403), ("alice", 403, 403)])
def test_reviewers_watch_jobs_and_only_admins_start_or_cancel_them(app, auth, stored, username, view, start):
    app.config["JOBS_IN_BACKGROUND"] = False
    auth.login("admin")
    job_id = int(_start(auth, stored).headers["Location"].rsplit("/", 1)[1])
    auth.logout()
    auth.login(username)
    for path in ("/admin/jobs/", f"/admin/jobs/{job_id}", f"/admin/jobs/{job_id}/progress",
                 f"/admin/jobs/{job_id}/changes.csv"):
        assert auth.client.get(path).status_code == view, path
    assert _start(auth, stored).status_code == start
    assert auth.post_form(f"/admin/jobs/{job_id}/cancel").status_code == start


def test_job_pages_keep_the_csp_and_the_nav_links_them(app, auth, stored):
    app.config["JOBS_IN_BACKGROUND"] = False
    auth.login("admin")
    job_id = int(_start(auth, stored).headers["Location"].rsplit("/", 1)[1])
    for path in ("/admin/jobs/", f"/admin/jobs/{job_id}"):
        page = auth.client.get(path)
        html = page.get_data(as_text=True)
        assert "script-src 'self'" in page.headers["Content-Security-Policy"]
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) and " on" + "click=" not in html
        for link in ('href="/admin/jobs/"', 'href="/admin/tokens/"', 'href="/admin/webhooks/"'):
            assert link in html, (path, link)
    auth.logout()
    auth.login("reviewer")
    html = auth.client.get("/admin/jobs/").get_data(as_text=True)
    assert 'href="/admin/jobs/"' in html and 'href="/admin/tokens/"' not in html and 'id="job-form"' not in html


@pytest.mark.parametrize("size", [1, 3, 4, 50])
def test_a_partition_reads_each_messages_history_as_enforcement_does(app, stored, size):
    from bisect import bisect_left

    from admin.rescan import _histories, partitions

    with app.app_context():
        history_size = 6
        messages = db.session.execute(db.select(Message).order_by(Message.id)).scalars().all()
        assert any(m.status == "blocked" for m in messages)  # blocked ones are never history
        checked = 0
        with db.engine.connect() as conn:
            for low, high in partitions(datetime(2000, 1, 1), size):
                rows = [m for m in messages if low <= m.id < high]
                found = _histories(conn, sorted({m.conversation_id for m in rows}), low, high, history_size)
                for m in rows:
                    earlier = found.get(m.conversation_id, [])
                    end = bisect_left(earlier, (m.id,))
                    history = [text for _, text in earlier[max(0, end - history_size):end]]
                    assert history == recent_history(m.conversation, history_size, before_id=m.id), m.id
                    checked += 1
        assert checked == len(messages) == len(TEXTS) * COPIES
