"""The worker's Pyodide memory snapshot: restored when good, a normal start when not.

`make web` makes the snapshot in Node (web/snapshot.mjs) and names it, with its key, in
bundle.mjs. A worker that cannot use it (missing, corrupt, stale, refused by the page) starts
Pyodide the normal way, says so in the console, and gives the same verdicts.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WIDGET_TIMEOUT_MS = 90_000
CHROMIUM = os.environ.get("CONTACTGUARD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]   # as conftest.py
DEMO_PASSWORD = "e2e-demo-password-0"                # as conftest.py

PHONE = "ping me on +44 20 7946 0958 later"


def _boot(session, console: list[str] | None = None, **options) -> dict:
    """Open Alice's inquiry conversation, wait for the worker; returns its boot facts.

    A fallback fetches the snapshot and then starts Pyodide: on a busy machine that may take
    longer than the page's default budget, and these tests are about what happens, not how fast.
    """
    options = {"timeoutMs": 60_000, **options}
    options = {k: v for k, v in options.items() if v is not None}
    if not getattr(session, "options_set", False):
        opts = ", ".join(f"{k}: {v!r}" for k, v in options.items())
        session.context.add_init_script(f"window.contactguardOptions = {{{opts}}};")
        session.options_set = True
    if console is not None:
        session.page.on("console", lambda msg: console.append(msg.text))
    conv = session.conversation("inquiry")
    session.open_conversation(conv["id"])
    session.page.wait_for_selector('.cg-composer:not([data-mode="loading"])', state="attached",
                                   timeout=WIDGET_TIMEOUT_MS)
    client = session.page.evaluate("() => ({mode: window.contactguard.client.mode, "
                                   "reason: window.contactguard.client.reason})")
    assert client["mode"] == "worker", f"{client}; console: {console}"
    return session.page.evaluate("() => window.contactguard.client.info")


def _assert_checks_in_the_worker(session) -> None:
    view = session.type_message(PHONE)
    assert view["source"] == "worker" and view["action"] == "block"
    assert any("phone" in m["categories"] and m["text"] == "+44 20 7946 0958" for m in view["marks"])


def test_the_build_names_a_snapshot_keyed_to_the_wheels(web_bundle):
    snapshot = web_bundle["snapshot"]
    assert snapshot, "make web made no snapshot"
    assert re.fullmatch(r"[0-9a-f]{64}", snapshot["key"])
    assert snapshot["path"] == f"snapshot/{snapshot['key'][:16]}/worker.snapshot.gz"
    assert web_bundle["files"][snapshot["path"]]["size"] > 1_000_000


def test_the_worker_starts_from_the_snapshot(make_session):
    """The default ("auto") on a fast connection, as headless Chromium reports: "always"."""
    session = make_session("alice")
    info = _boot(session)
    assert info["boot"] == "snapshot"
    assert info["timings"]["snapshot"] == "restored"
    _assert_checks_in_the_worker(session)


@pytest.mark.parametrize("how", ["missing", "garbage", "truncated"])
def test_a_bad_snapshot_falls_back_to_a_normal_start(make_session, web_bundle, how):
    session = make_session("alice")
    requested = []
    # Small bodies: Playwright passes a fulfilled body through its protocol, slowly for 31 MB.
    with gzip.open(ROOT / "web" / "dist" / web_bundle["snapshot"]["path"], "rb") as fh:
        head = fh.read(1 << 18)
    bodies = {"garbage": bytes(range(256)) * 1024, "truncated": head}

    def bad(route):
        requested.append(route.request.url)
        if how == "missing":
            route.fulfill(status=404, body="not found")
        else:
            route.fulfill(status=200, body=bodies[how], headers={"Content-Type": "application/octet-stream"})

    session.context.route("**/static/web/snapshot/**", bad)
    console: list[str] = []
    info = _boot(session, console)
    assert requested, "the worker never asked for the snapshot"
    assert info["boot"] == "normal"
    assert info["timings"]["snapshot"].startswith("failed:")
    assert any("snapshot could not be used" in line and "the normal way" in line for line in console), console
    _assert_checks_in_the_worker(session)


def test_a_stale_snapshot_is_refused(make_session):
    """A snapshot of other wheels restores without error: only its key tells it apart."""
    session = make_session("alice")

    def other_key(route):
        response = route.fetch()
        text = response.text()
        changed = re.sub(r'"key": "[0-9a-f]{64}"', '"key": "' + "0" * 64 + '"', text)
        assert changed != text, "bundle.mjs names no snapshot key"
        route.fulfill(response=response, body=changed)

    session.context.route("**/static/web/app/*/bundle.mjs", other_key)
    console: list[str] = []
    info = _boot(session, console)
    assert info["boot"] == "normal"
    assert "stale" in info["timings"]["snapshot"]
    assert any("stale" in line for line in console), console
    _assert_checks_in_the_worker(session)


def test_warm_only_starts_the_normal_way_on_a_cold_cache_and_the_next_page_restores(
        alice, browser_type, server, tmp_path):
    """"warm" (the default on slow or metered connections): no extra bytes on a cold load, the
    snapshot is fetched after the start.

    A persistent profile: an incognito context's in-memory HTTP cache does not keep the snapshot.
    """
    context = browser_type.launch_persistent_context(
        tmp_path / "profile", executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, base_url=server.url)
    try:
        session = type(alice)(context, server, "alice")
        session.login(DEMO_PASSWORD)
        fetched: list[str] = []
        context.on("requestfinished", lambda r: fetched.append(r.url) if "/snapshot/" in r.url else None)
        first = _boot(session, snapshot="warm")
        assert first["boot"] == "normal" and first["timings"]["snapshot"] == "not in the HTTP cache"
        if not fetched:  # events arrive while Playwright is called: none is lost between check and wait
            context.wait_for_event("requestfinished", predicate=lambda r: "/snapshot/" in r.url,
                                   timeout=WIDGET_TIMEOUT_MS)
        again = _boot(session, snapshot="warm")
        assert again["boot"] == "snapshot", again["timings"]
        _assert_checks_in_the_worker(session)
    finally:
        context.close()


def test_a_page_may_refuse_the_snapshot(make_session):
    session = make_session("alice")
    fetched = []
    session.context.on("request", lambda r: fetched.append(r.url) if "/snapshot/" in r.url else None)
    info = _boot(session, snapshot="never")
    assert info["boot"] == "normal"
    assert not fetched
    _assert_checks_in_the_worker(session)


def _build_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("web_build_fit", ROOT / "web" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_build_ships_a_wasm_that_starts_with_the_snapshots_memory(tmp_path):
    build = _build_module()
    wasm = ROOT / "web" / "node_modules" / "pyodide" / "pyodide.asm.wasm"
    if not wasm.exists():
        pytest.fail("make web installs Pyodide's npm package first")
    data = wasm.read_bytes()
    initial = build.wasm_initial_memory_of(data)
    assert initial % 65536 == 0 and initial >= 16 * 2**20
    # Raising the initial memory changes one field in place: same size, only the page count differs.
    pages = initial // 65536 + 97
    raised = build.with_initial_memory(data, pages)
    assert len(raised) == len(data) and raised != data
    assert build.wasm_initial_memory_of(raised) == pages * 65536
    start, end, _ = build._memory_pages_at(data)
    assert raised[:start] == data[:start] and raised[end:] == data[end:]
    with pytest.raises(SystemExit, match="do not fit"):
        build.with_initial_memory(data, 1 << 30)
    shipped = tmp_path / "pyodide.asm.wasm"
    shipped.write_bytes(raised)
    build.check_snapshot_fits(pages * 65536, shipped)  # exactly the initial memory: restorable
    with pytest.raises(SystemExit, match="more than the"):
        build.check_snapshot_fits(pages * 65536 + 1, shipped)
    # The shipped bundle: its wasm starts with at least the memory its snapshot holds.
    manifest = json.loads((ROOT / "web" / "dist" / "manifest.json").read_text())
    if manifest["snapshot"]:
        dist_wasm = ROOT / "web" / "dist" / manifest["pyodide"] / "pyodide.asm.wasm"
        assert build.wasm_initial_memory(dist_wasm) >= manifest["snapshot"]["memory"] > 16 * 2**20


