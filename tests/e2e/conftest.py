"""End-to-end fixtures: the real server (python -m admin.devserver) and Debian's Chromium.

One server and one browser per session; one logged-in browser context per user and module,
so Pyodide loads cold once per context and warm from the HTTP cache after that. Nothing
here sleeps: the server is ready when /api/health answers, the widget when its data
attributes say so.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CONTACTGUARD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
ADMIN_PASSWORD = "e2e-admin-password-0"
DEMO_PASSWORD = "e2e-demo-password-0"
READY_TIMEOUT_S = 60
WIDGET_TIMEOUT_MS = 30_000


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything in tests/e2e drives Chromium."""
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.e2e)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def web_bundle() -> dict:
    """web/dist, built if `make web` has not run (a no-op when it is up to date)."""
    subprocess.run([sys.executable, str(ROOT / "web" / "build.py")], check=True, cwd=ROOT)
    return json.loads((ROOT / "web" / "dist" / "manifest.json").read_text())


class Server:
    """`python -m admin.devserver` on a port of its own with an instance directory: its URL, its log,
    and stop/start (a restart keeps the port, the database and the secret key, so sessions survive)."""

    def __init__(self, instance: Path, port: int | None = None, **settings: str) -> None:
        self.instance = instance
        self.settings = settings  # CONTACTGUARD_<name> settings of this server
        self.port = port or _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = instance / "server.log"
        self.proc: subprocess.Popen | None = None

    def tail(self, lines: int = 40) -> str:
        """The end of the server's output."""
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def env(self) -> dict[str, str]:
        """The environment the server runs with (a process writing to its database uses it too)."""
        env = dict(
            os.environ, PORT=str(self.port), CONTACTGUARD_INSTANCE=str(self.instance),
            CONTACTGUARD_ADMIN_PASSWORD=ADMIN_PASSWORD, CONTACTGUARD_DEMO_PASSWORD=DEMO_PASSWORD,
            PYTHONUNBUFFERED="1", **{f"CONTACTGUARD_{name}": value for name, value in self.settings.items()},
        )
        env.pop("DATABASE_URL", None)  # the e2e suite runs on the embedded SQLite
        return env

    def start(self) -> Server:
        """Start the server and wait until /api/health answers."""
        with self.log.open("ab") as out:
            self.proc = proc = subprocess.Popen([sys.executable, "-m", "admin.devserver"], cwd=ROOT, env=self.env(),
                                                stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + READY_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                pytest.fail(f"the server exited with {proc.returncode}:\n{self.tail()}")
            try:
                if requests.get(f"{self.url}/api/health", timeout=2).status_code == 200:
                    return self
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"the server did not answer /api/health within {READY_TIMEOUT_S} s:\n{self.tail()}")
            try:  # poll again shortly; waiting on the process returns at once if it dies
                proc.wait(timeout=0.1)
            except subprocess.TimeoutExpired:
                pass

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 10 s)."""
        proc, self.proc = self.proc, None
        if proc is None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def server(web_bundle: dict, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`python -m admin.devserver` on a free port with a fresh instance directory."""
    srv = Server(tmp_path_factory.mktemp("instance"))
    try:
        yield srv.start()
    finally:
        srv.stop()


@pytest.fixture(scope="module")
def restartable_server(web_bundle: dict, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server of the test module's own, which its tests may stop and start again (same port, same data).

    Its live streams last 3 s instead of 45 (so the browser reconnects often while its tests run).
    """
    srv = Server(tmp_path_factory.mktemp("instance"), LIVE_STREAM_SECONDS="3")
    try:
        yield srv.start()
    finally:
        srv.stop()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """pytest-playwright launches Debian's Chromium; Playwright never downloads a browser here."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


class Session:
    """A logged-in browser context for one user, with helpers for the widget and the API."""

    def __init__(self, context, server: Server, username: str) -> None:
        self.context = context
        self.server = server
        self.username = username
        self.page = context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def login(self, password: str) -> None:
        """Log in through the login form."""
        page = self.page
        page.goto(f"{self.server.url}/login")
        page.fill("#username", self.username)
        page.fill("#password", password)
        with page.expect_navigation():
            page.click("form [type=submit]")
        assert "/login" not in page.url, f"login failed for {self.username}"

    def api(self, path: str) -> dict:
        """GET a JSON API path with this user's cookies."""
        response = self.context.request.get(f"{self.server.url}{path}")
        assert response.ok, f"GET {path}: {response.status} {response.text()[:300]}"
        return response.json()

    def csrf(self) -> str:
        """The CSRF token of the current page."""
        return self.page.get_attribute('meta[name="csrf-token"]', "content") or ""

    def form_post(self, path: str, fields: dict) -> object:
        """POST a form as this user (CSRF token from the page), following redirects."""
        response = self.context.request.post(f"{self.server.url}{path}", form={"csrf_token": self.csrf(), **fields})
        assert response.status < 400, f"POST {path}: {response.status} {response.text()[:500]}"
        return response

    def conversation(self, state: str) -> dict:
        """The first of this user's conversations in a contract state."""
        for conv in self.api("/api/conversations")["conversations"]:
            if conv["state"] == state:
                return conv
        raise AssertionError(f"{self.username} has no conversation in state {state}")

    def open_conversation(self, conversation_id: int) -> None:
        """Open a conversation page and wait until the widget is attached."""
        self.page.goto(f"{self.server.url}/demo/conversations/{conversation_id}")
        self.page.wait_for_selector('.cg-composer[data-history="loaded"]', state="attached",
                                    timeout=WIDGET_TIMEOUT_MS)

    def wait_for_mode(self, mode: str) -> None:
        """Wait until the widget runs in `mode` ("worker" or "server")."""
        self.page.wait_for_selector(f'.cg-composer[data-mode="{mode}"]', state="attached", timeout=WIDGET_TIMEOUT_MS)

    def type_message(self, text: str, delay_ms: int = 5) -> dict:
        """Clear the composer, type `text` key by key, wait for its verdict; returns the widget's view."""
        page = self.page
        page.fill("#composer", "")
        page.click("#composer")
        page.keyboard.type(text, delay=delay_ms)
        return self.settled(text)

    def settled(self, text: str) -> dict:
        """Wait until the widget shows the verdict for exactly `text`; returns what it shows."""
        page = self.page
        page.wait_for_function(
            """(text) => {
                const root = document.querySelector('.cg-composer');
                const ta = document.querySelector('#composer');
                return root && ta && ta.value === text && root.dataset.status === 'settled'
                    && window.contactguard.composers[0].checkedText === text;
            }""",
            arg=text, timeout=WIDGET_TIMEOUT_MS,
        )
        return widget_view(page)


def widget_view(page) -> dict:
    """What the composer shows: action, source, marks, explanations, Send state."""
    return page.evaluate(
        """() => {
            const root = document.querySelector('.cg-composer');
            const send = document.querySelector('#send');
            return {
                action: root.dataset.action,
                source: root.dataset.source,
                mode: root.dataset.mode,
                marks: [...root.querySelectorAll('.cg-backdrop mark')].map((m) => ({
                    categories: m.dataset.categories.split(' '), start: Number(m.dataset.start),
                    end: Number(m.dataset.end), text: m.textContent })),
                findings: [...root.querySelectorAll('.cg-finding')].map((li) => ({
                    category: li.dataset.category, start: Number(li.dataset.start), end: Number(li.dataset.end),
                    match: li.querySelector('q').textContent, text: li.textContent })),
                summary: root.querySelector('.cg-summary').textContent,
                modeText: root.querySelector('.cg-mode').textContent,
                // Send is held back with aria-disabled (it keeps focus), never the disabled property.
                sendDisabled: send ? send.disabled || send.getAttribute('aria-disabled') === 'true' : null,
                confirmVisible: !root.querySelector('.cg-confirm').hidden,
                previewVisible: !root.querySelector('.cg-preview').hidden,
                preview: root.querySelector('.cg-preview-text').textContent,
            };
        }"""
    )


def _session(browser, server: Server, username: str, password: str, **context_args) -> Session:
    context = browser.new_context(base_url=server.url, viewport={"width": 900, "height": 700}, **context_args)
    session = Session(context, server, username)
    session.login(password)
    return session


@pytest.fixture(scope="module")
def alice(browser, server: Server) -> Iterator[Session]:
    """The demo client Alice, logged in (inquiry and offer conversations with Bob and Dave)."""
    session = _session(browser, server, "alice", DEMO_PASSWORD)
    yield session
    session.context.close()


@pytest.fixture(scope="module")
def admin(browser, server: Server) -> Iterator[Session]:
    """The administrator, logged in."""
    session = _session(browser, server, "admin", ADMIN_PASSWORD)
    yield session
    session.context.close()


@pytest.fixture(scope="session")
def make_session(browser, server: Server):
    """Factory for extra contexts (routes, fresh caches): make_session(user, on=another_server, **context_args)."""
    made: list[Session] = []

    def make(username: str, on: Server | None = None, **context_args) -> Session:
        password = ADMIN_PASSWORD if username == "admin" else DEMO_PASSWORD
        session = _session(browser, on or server, username, password, **context_args)
        made.append(session)
        return session

    yield make
    for session in made:
        session.context.close()


@pytest.fixture
def publish_extra_rule(admin: Session):
    """publish_extra_rule(rule): an admin drafts, edits and publishes a rule set with one more extra rule."""
    return lambda rule: _publish_extra_rule(admin, rule)


@pytest.fixture
def draft_extra_rule(admin: Session):
    """draft_extra_rule(rule) -> draft id; publish_draft(id, rule) publishes it (to time the publish alone)."""
    return lambda rule: _draft_extra_rule(admin, rule)


@pytest.fixture
def publish_draft(admin: Session):
    """publish_draft(draft id, rule): publish a draft made by draft_extra_rule; returns the new rules."""
    return lambda version_id, rule: _publish_draft(admin, version_id, rule)


def _publish_extra_rule(admin: Session, rule: dict) -> dict:
    """Create a draft from the published rules, add an extra rule, publish it; returns the new rules."""
    return _publish_draft(admin, _draft_extra_rule(admin, rule), rule)


def _draft_extra_rule(admin: Session, rule: dict) -> int:
    """A new draft from the published rules with one more extra rule; returns its id."""
    admin.page.goto(f"{admin.server.url}/admin/rules/")
    response = admin.form_post("/admin/rules/new", {"note": f"e2e: add {rule['id']}"})
    match = re.search(r"/admin/rules/(\d+)", response.url)
    assert match, f"no draft id in {response.url}"
    version_id = int(match.group(1))
    doc = admin.api(f"/admin/rules/{version_id}/document.json")["document"]
    doc["extra_rules"] = [*doc.get("extra_rules", []), rule]
    admin.page.goto(f"{admin.server.url}/admin/rules/{version_id}")
    admin.form_post(f"/admin/rules/{version_id}/raw", {"document": json.dumps(doc), "note": "e2e"})
    admin.page.goto(f"{admin.server.url}/admin/rules/{version_id}")
    return version_id


def _publish_draft(admin: Session, version_id: int, rule: dict) -> dict:
    """Publish a draft made by _draft_extra_rule (its page is open); returns the new rules."""
    expected = admin.page.get_attribute('input[name="expected_published_id"]', "value")
    admin.form_post(f"/admin/rules/{version_id}/publish", {"expected_published_id": expected or "none"})
    current = admin.api("/api/rules/current")
    assert any(r["id"] == rule["id"] for r in current["document"]["extra_rules"]), "the rule was not published"
    return current
