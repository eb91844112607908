"""The production shape, for real: two gunicorn app processes (A and B, gthread workers) on one
database (SQLite in WAL mode; PostgreSQL too when DATABASE_URL_TEST is set), a Dask scheduler
and a Dask worker as processes of their own, and a `flask rescan` runner. Over real HTTP:

- a publish in A is served by B at once, and B's /api/check (cached per process) follows
  within its freshness bound;
- the login limit is one limit across A and B, not one each;
- a message posted and a contract state changed through A reach an event stream on B within 2 s;
- a job running in A is cancelled from B; a job whose runner process is killed is ended as
  failed once its lease expires, instead of staying "running";
- two webhook delivery workers on the one database send each event once.
"""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests
from admin_testdata import CLEAN_TEXT, EMAIL_TEXT, LINK_TEXT, PASSWORD, PHONE_TEXT, TEST_EXTRA_RULES
from sqlalchemy import create_engine, insert, text

from admin import create_app
from admin.api import CHECK_RULES_MAX_AGE
from admin.auth import create_user
from admin.db import db, upgrade_schema
from admin.enforcement import send_message
from admin.enums import JobKind
from admin.jobs import start_job
from admin.models import Conversation, Message, RuleSetVersion, StateChange
from admin.versions import create_version, publish
from engine.rules import default_document

BACKENDS = ["sqlite"] + (["postgres"] if os.environ.get("DATABASE_URL_TEST") else [])
REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
STARTUP_SECONDS = 90  # a loaded 2-core machine starts a gunicorn worker in 2 to 20 s
JOB_LEASE_SECONDS = 3
JOB_HEARTBEAT_SECONDS = 0.5
STORED_MESSAGES = 3000  # enough that a rescan in partitions of 25 runs for seconds, not milliseconds
LIVE_BOUND_SECONDS = 2.0
_META = re.compile(r'<meta name="csrf-token" content="([^"]+)"')

_LETTERS_ONLY = str.maketrans("0123456789abcdef", "ghjkmnpqrtuvwxyc")  # no look-alike of a digit


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Shape:
    """The running processes' addresses and what the test seeded."""

    a: str
    b: str
    env: dict[str, str]
    logs: Path
    database_url: str
    conversation_id: int
    version_id: int
    spawn: Callable[..., subprocess.Popen]


def _database(backend: str, tmp: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp / 'shared.sqlite'}"
        return
    base = os.environ["DATABASE_URL_TEST"].replace("postgresql://", "postgresql+psycopg://", 1)
    schema = f"cg_multi_{uuid.uuid4().hex[:8]}"
    engine = create_engine(base)
    with engine.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        engine.dispose()


def _seed(url: str, instance: Path) -> tuple[int, int]:
    """Migrate (the real migrations), publish the test rules, users, one conversation and many messages."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "INSTANCE_PATH": str(instance),
                      "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000"})
    with app.app_context():
        upgrade_schema()
        document = default_document()
        document["extra_rules"] = [*document["extra_rules"], *TEST_EXTRA_RULES]
        version = create_version(document, None, "test rules")
        publish(version, None, None)
        users = {name: create_user(name, PASSWORD, role, name.title())
                 for name, role in [("admin", "admin"), ("reviewer", "reviewer"), ("alice", "client"),
                                    ("carol", "client"), ("bob", "freelancer")]}
        conversation = Conversation(job_title="Shared", client_id=users["alice"].id,
                                    freelancer_id=users["bob"].id, state="inquiry")
        db.session.add(conversation)
        db.session.flush()
        db.session.add(StateChange(conversation_id=conversation.id, from_state=None, to_state="inquiry", reason="t"))
        texts = [CLEAN_TEXT, PHONE_TEXT, EMAIL_TEXT, LINK_TEXT, "see you at 10", "the invoice is attached"]
        for i, body in enumerate(texts * 2):
            send_message(conversation, users[("alice", "bob")[i % 2]], f"{body} ({i})")
        db.session.commit()
        columns = [c.key for c in Message.__table__.columns if c.key != "id"]
        model = [dict(zip(columns, row, strict=True)) for row in db.session.execute(
            db.select(*[Message.__table__.c[c] for c in columns])).all()]
        rows = [model[i % len(model)] for i in range(STORED_MESSAGES - len(model))]
        db.session.execute(insert(Message), rows)
        db.session.commit()
        found = conversation.id, version.id
        db.session.remove()
        db.engine.dispose()
    return found


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait(timeout=10)


def _wait_until(what: str, ready: Callable[[], object], seconds: float, processes=()) -> object:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for process in processes:
            assert process.poll() is None, f"{what}: a process exited with {process.returncode}"
        try:
            found = ready()
        except (requests.ConnectionError, requests.Timeout, OSError):
            found = None
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"{what}: not within {seconds} s")


@pytest.fixture(scope="module", params=BACKENDS)
def shape(request, tmp_path_factory) -> Iterator[Shape]:
    """Start the shape on a fresh database; stop every process it started, whatever happens."""
    tmp = tmp_path_factory.mktemp(f"shape-{request.param}")
    instance, logs = tmp / "instance", tmp / "logs"
    logs.mkdir()
    processes: list[subprocess.Popen] = []
    database = _database(request.param, tmp)
    url = next(database)
    try:
        conversation_id, version_id = _seed(url, instance)
        scheduler_port = _free_port()
        env = {**os.environ, "DATABASE_URL": url, "CONTACTGUARD_INSTANCE": str(instance),
               "CONTACTGUARD_SESSION_COOKIE_SECURE": "false",
               "CONTACTGUARD_PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
               "CONTACTGUARD_DASK_SCHEDULER": f"tcp://127.0.0.1:{scheduler_port}",
               "CONTACTGUARD_JOB_LEASE_SECONDS": str(JOB_LEASE_SECONDS),
               "CONTACTGUARD_JOB_HEARTBEAT_SECONDS": str(JOB_HEARTBEAT_SECONDS),
               "CONTACTGUARD_LIVE_STREAM_SECONDS": "20", "PYTHONUNBUFFERED": "1"}

        def spawn(name: str, *argv: str) -> subprocess.Popen:
            # A process group of its own: stopping it stops its children (gunicorn's worker, the nanny's worker).
            with open(logs / f"{name}.log", "ab") as log:
                process = subprocess.Popen(argv, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
                                           start_new_session=True)
            processes.append(process)
            return process

        ports = _free_port(), _free_port()
        servers = [spawn(f"app-{name}", str(BIN / "gunicorn"), "--workers", "1", "--worker-class", "gthread",
                         "--threads", "8", "--bind", f"127.0.0.1:{port}", "--timeout", "120",
                         "--graceful-timeout", "3", "--no-control-socket", "admin:create_app()")
                   for name, port in zip("ab", ports, strict=True)]
        dask = [spawn("dask-scheduler", str(BIN / "dask"), "scheduler", "--host", "127.0.0.1",
                      "--port", str(scheduler_port), "--no-dashboard"),
                spawn("dask-worker", str(BIN / "dask"), "worker", f"tcp://127.0.0.1:{scheduler_port}",
                      "--nworkers", "1", "--nthreads", "1", "--no-dashboard", "--local-directory", str(tmp / "dask"))]
        a, b = (f"http://127.0.0.1:{port}" for port in ports)
        try:
            for base in (a, b):
                _wait_until(f"{base} answers", lambda base=base: requests.get(f"{base}/api/health", timeout=5).ok,
                            STARTUP_SECONDS, [*servers, *dask])
        except AssertionError as exc:
            tails = {log.name: log.read_text(errors="replace")[-1500:] for log in sorted(logs.glob("*.log"))}
            raise AssertionError(f"{exc}; logs: {tails}") from None
        yield Shape(a, b, env, logs, url, conversation_id, version_id, spawn)
    finally:
        for process in reversed(processes):
            _stop(process)
        database.close()


def _session(base: str, username: str, password: str = PASSWORD) -> requests.Session:
    session = requests.Session()
    response = session.post(f"{base}/login", data={"username": username, "password": password,
                                                   "csrf_token": _csrf(session, base)}, allow_redirects=False)
    assert response.status_code == 302, (username, response.status_code)
    return session


def _csrf(session: requests.Session, base: str) -> str:
    return _META.search(session.get(f"{base}/login", timeout=30).text).group(1)


def _form(session: requests.Session, base: str, path: str, data: dict) -> requests.Response:
    return session.post(f"{base}{path}", data={"csrf_token": _csrf(session, base), **data}, allow_redirects=False,
                        timeout=60)


def _checked_fingerprint(session: requests.Session, base: str) -> str:
    response = session.post(f"{base}/api/check", json={"text": PHONE_TEXT, "state": "inquiry"},
                            headers={"X-CSRFToken": _csrf(session, base)}, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()["fingerprint"]


def _published_id(session: requests.Session, base: str, version_id: int) -> int:
    """The published version's id, as a version's page tells its publish and rollback forms."""
    page = session.get(f"{base}/admin/rules/{version_id}", timeout=30).text
    return int(re.search(r'name="expected_published_id" value="(\d+)"', page).group(1))


def test_a_publish_in_one_process_is_seen_by_the_other_within_the_bound(shape: Shape):
    admin_a, alice_b = _session(shape.a, "admin"), _session(shape.b, "alice")
    before = _checked_fingerprint(alice_b, shape.b)
    draft = _form(admin_a, shape.a, "/admin/rules/new", {"note": "stricter in inquiries"})
    assert draft.status_code == 303
    draft_id = int(draft.headers["Location"].rstrip("/").rsplit("/", 1)[1])
    document = admin_a.get(f"{shape.a}/admin/rules/{draft_id}/document.json", timeout=30).json()["document"]
    document["actions"]["inquiry"]["link"] = "warn" if document["actions"]["inquiry"]["link"] != "warn" else "block"
    saved = _form(admin_a, shape.a, f"/admin/rules/{draft_id}/raw", {"document": json.dumps(document)})
    assert saved.status_code == 303, saved.text[:500]
    published = _form(admin_a, shape.a, f"/admin/rules/{draft_id}/publish",
                      {"expected_published_id": _published_id(admin_a, shape.a, draft_id)})
    assert published.status_code == 303, published.text[:500]
    seen_at = time.monotonic()
    # Every route but /api/check asks the database per request: B serves the new rules at once.
    current = alice_b.get(f"{shape.b}/api/rules/current", timeout=30)
    after = current.headers["ETag"].strip('"')
    assert after != before
    # /api/check caches the published rules per process for at most CHECK_RULES_MAX_AGE.
    fingerprint = _wait_until("B's check follows the publish", lambda: (
        _checked_fingerprint(alice_b, shape.b) == after), CHECK_RULES_MAX_AGE + 10)
    elapsed = time.monotonic() - seen_at
    print(f"check in B saw A's publish after {elapsed:.2f} s (bound {CHECK_RULES_MAX_AGE} s plus request time)")
    assert fingerprint and elapsed <= CHECK_RULES_MAX_AGE + 3.0
    # A rollback in A (the first version's document, published again) is seen the same way.
    rolled = _form(admin_a, shape.a, f"/admin/rules/{shape.version_id}/rollback",
                   {"expected_published_id": _published_id(admin_a, shape.a, shape.version_id)})
    assert rolled.status_code == 303, rolled.text[:500]
    rolled_at = time.monotonic()
    assert alice_b.get(f"{shape.b}/api/rules/current", timeout=30).headers["ETag"].strip('"') == before
    _wait_until("B's check follows the rollback", lambda: _checked_fingerprint(alice_b, shape.b) == before,
                CHECK_RULES_MAX_AGE + 10)
    assert time.monotonic() - rolled_at <= CHECK_RULES_MAX_AGE + 3.0


def test_the_login_limit_is_one_limit_across_both_processes(shape: Shape):
    # LOGIN_LIMIT_PER_ACCOUNT is 5 per minute: five failures spread over A and B use it up for both.
    statuses = []
    for i in range(7):
        base = (shape.a, shape.b)[i % 2]
        session = requests.Session()
        statuses.append(session.post(f"{base}/login", data={"username": "carol", "password": "wrong-password",
                                                            "csrf_token": _csrf(session, base)},
                                     allow_redirects=False, timeout=30).status_code)
    assert statuses == [401] * 5 + [429] * 2  # per process (memory://) it would be seven 401s


def _events(response: requests.Response, into: queue.Queue) -> None:
    kind = None
    try:
        for line in response.iter_lines(chunk_size=None, decode_unicode=True):
            if line.startswith("event: "):
                kind = line[len("event: "):]
            elif line.startswith("data: "):
                into.put((time.monotonic(), kind, json.loads(line[len("data: "):])))
    except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError, ValueError, AttributeError):
        pass  # the test hung up


def _hang_up(response: requests.Response) -> None:
    """Close a stream another thread is reading: shut the socket down first, or close() waits for
    that read (the server's next event or the stream's end, seconds away)."""
    sock = getattr(response.raw.connection, "sock", None)
    if sock is not None:
        sock.shutdown(socket.SHUT_RDWR)
    response.close()


def _next_event(events: queue.Queue, kind: str, match: Callable[[dict], bool], seconds: float) -> float:
    deadline = time.monotonic() + seconds
    while True:
        try:
            at, found, data = events.get(timeout=max(deadline - time.monotonic(), 0.01))
        except queue.Empty:
            raise AssertionError(f"no {kind} event within {seconds} s") from None
        if found == kind and match(data):
            return at


def test_a_message_and_a_state_change_in_a_reach_a_stream_on_b_within_2_seconds(shape: Shape):
    alice_a, bob_b, admin_a = _session(shape.a, "alice"), _session(shape.b, "bob"), _session(shape.a, "admin")
    stream = bob_b.get(f"{shape.b}/api/conversations/{shape.conversation_id}/events", stream=True,
                       timeout=(30, 60))
    assert stream.status_code == 200 and stream.headers["Content-Type"].startswith("text/event-stream")
    events: queue.Queue = queue.Queue()
    reader = threading.Thread(target=_events, args=(stream, events), daemon=True)
    reader.start()
    try:
        _next_event(events, "state", lambda data: data["state"] == "inquiry", 30)  # the stream is live
        # a unique tag in letters only: a hex tag such as "b0b53006" reads as a disguised number
        text = f"across processes {uuid.uuid4().hex[:8].translate(_LETTERS_ONLY)}"
        sent = alice_a.post(f"{shape.a}/api/conversations/{shape.conversation_id}/messages", json={"text": text},
                            headers={"X-CSRFToken": _csrf(alice_a, shape.a)}, timeout=30)
        assert sent.status_code == 201, sent.text
        committed = time.monotonic()
        arrived = _next_event(events, "message", lambda data: data.get("text") == text, 10)
        message_delay = arrived - committed
        changed = _form(admin_a, shape.a, f"/admin/contracts/{shape.conversation_id}/state",
                        {"state": "offer", "reason": "offer sent"})
        assert changed.status_code == 303
        committed = time.monotonic()
        arrived = _next_event(events, "state", lambda data: data["state"] == "offer", 10)
        state_delay = arrived - committed
    finally:
        _hang_up(stream)
        reader.join(timeout=10)
    assert not reader.is_alive()
    print(f"B's stream got A's message after {message_delay:.2f} s and A's state change after {state_delay:.2f} s")
    assert message_delay < LIVE_BOUND_SECONDS and state_delay < LIVE_BOUND_SECONDS


def _progress(session: requests.Session, base: str, job_id: int) -> dict:
    return session.get(f"{base}/admin/jobs/{job_id}/progress", timeout=30).json()


def _running(session: requests.Session, base: str, job_id: int) -> dict | None:
    progress = _progress(session, base, job_id)
    assert progress["status"] in ("queued", "running"), progress  # it must still be going when we act
    return progress if progress["status"] == "running" and progress["partitions_done"] >= 1 else None


def test_a_job_running_in_a_is_cancelled_from_b(shape: Shape):
    admin_a, admin_b = _session(shape.a, "admin"), _session(shape.b, "admin")
    started = _form(admin_a, shape.a, "/admin/jobs/", {"kind": "rescan", "version": shape.version_id,
                                                        "since": "2000-01-01", "partition_size": 25})
    assert started.status_code == 303, started.text[:500]
    job_id = int(started.headers["Location"].rstrip("/").rsplit("/", 1)[1])
    _wait_until("the job runs in A", lambda: _running(admin_b, shape.b, job_id), 60)
    assert _form(admin_b, shape.b, f"/admin/jobs/{job_id}/cancel", {}).status_code == 303
    asked = time.monotonic()
    progress = _wait_until("A's runner stops", lambda: (p := _progress(admin_b, shape.b, job_id))["finished"] and p,
                           30)
    print(f"A's runner stopped {time.monotonic() - asked:.2f} s after B's cancel")
    assert progress["status"] == "cancelled" and progress["partitions_done"] < progress["partitions_total"]


def test_a_job_whose_runner_is_killed_does_not_stay_running(shape: Shape):
    app = create_app({"SQLALCHEMY_DATABASE_URI": shape.database_url, "INSTANCE_PATH": shape.env["CONTACTGUARD_INSTANCE"]})
    with app.app_context():
        version = db.session.get(RuleSetVersion, shape.version_id)
        job_id = start_job(JobKind.RESCAN, version, datetime(2000, 1, 1), None, 25).id
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    runner = shape.spawn("runner", str(BIN / "flask"), "--app", "admin", "rescan", "--job", str(job_id))
    admin_b = _session(shape.b, "admin")
    running = _wait_until("the runner runs the job", lambda: _running(admin_b, shape.b, job_id), 60, [runner])
    os.killpg(runner.pid, signal.SIGKILL)
    runner.wait(timeout=10)
    killed = time.monotonic()
    progress = _wait_until("B ends the orphaned job", lambda: (p := _progress(admin_b, shape.b, job_id))["finished"]
                           and p, JOB_LEASE_SECONDS + 30)
    waited = time.monotonic() - killed
    print(f"the killed runner's job was ended by B {waited:.2f} s after the kill (lease {JOB_LEASE_SECONDS} s)")
    assert progress["status"] == "failed" and "stopped: no heartbeat" in progress["error"]
    assert progress["partitions_done"] >= running["partitions_done"]
    assert waited >= JOB_LEASE_SECONDS - 1  # it was the lease that ended it, not the runner


class _SlowReceiver(BaseHTTPRequestHandler):
    """Counts deliveries by event id and answers slowly, so two workers racing for one would both send it."""

    received: Counter

    def do_POST(self) -> None:  # noqa: N802 - the http.server hook's name
        self.rfile.read(int(self.headers["Content-Length"]))
        self.received[self.headers["X-Contactguard-Delivery"]] += 1
        time.sleep(0.2)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *_args) -> None:
        pass


def test_two_delivery_workers_send_each_event_once(shape: Shape):
    received: Counter = Counter()
    server = ThreadingHTTPServer(("127.0.0.1", 0), type("Receiver", (_SlowReceiver,), {"received": received}))
    serving = threading.Thread(target=server.serve_forever, daemon=True)
    serving.start()
    workers = []
    try:
        admin_a = _session(shape.a, "admin")
        created = _form(admin_a, shape.a, "/admin/webhooks/", {
            "url": f"http://127.0.0.1:{server.server_address[1]}/hook",
            "events": ["message.flagged", "message.blocked"]})
        assert created.status_code == 201, created.text[:500]
        workers = [shape.spawn(f"deliver-{i}", str(BIN / "flask"), "--app", "admin", "deliver-webhooks",
                               "--interval", "0.1") for i in range(2)]
        senders = {"a": _session(shape.a, "alice"), "b": _session(shape.b, "alice")}
        for i in range(8):
            name = "ab"[i % 2]
            base = shape.a if name == "a" else shape.b
            sent = senders[name].post(f"{base}/api/conversations/{shape.conversation_id}/messages",
                                      json={"text": f"{PHONE_TEXT} ({i})"},
                                      headers={"X-CSRFToken": _csrf(senders[name], base)}, timeout=30)
            assert sent.status_code in (201, 422), sent.text  # delivered flagged, or refused: an event either way
        _wait_until("both workers deliver the events", lambda: len(received) >= 8, 90, workers)
        time.sleep(1.5)  # a second copy of any of them would have arrived by now
    finally:
        for worker in workers:
            _stop(worker)
        server.shutdown()
        server.server_close()
    assert len(received) == 8 and set(received.values()) == {1}, received
