"""Parity: the browser worker (Pyodide restored from its snapshot, phonenumberslite) and CPython agree."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from engine import Detector, RuleSet

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def _web_build():
    spec = importlib.util.spec_from_file_location("web_build", ROOT / "web" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ENGINE_SOURCE_AT_IMPORT = _web_build().engine_source_hash()
MIN_MESSAGES = 500
BATCH = 250


def corpus() -> list[dict]:
    """Every message of the test corpus (tests/data/corpus), else of tests/data, as scan requests."""
    files = sorted((DATA / "corpus").glob("*.jsonl")) or sorted(DATA.glob("*.jsonl"))
    items = []
    for path in files:
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if isinstance(row.get("text"), str):
                history = row.get("history") or []
                items.append({"text": row["text"], "history": [h for h in history if isinstance(h, str)]})
    return items


@pytest.fixture(scope="module")
def messages() -> list[dict]:
    items = corpus()
    if len(items) < MIN_MESSAGES:
        pytest.fail(f"the corpus has {len(items)} messages; parity needs at least {MIN_MESSAGES}")
    return items


@pytest.mark.parametrize("state", ["inquiry", "offer"])
def test_worker_and_cpython_agree_on_the_corpus(alice, web_bundle, messages, state):
    page = alice.page
    conv = alice.conversation("inquiry")
    if "/demo/conversations/" not in page.url:
        # Explicitly: "auto" would pick "always" here too, but not on a slow or metered connection.
        alice.context.add_init_script("window.contactguardOptions = {snapshot: 'always'};")
        alice.open_conversation(conv["id"])
    alice.wait_for_mode("worker")
    rules = alice.api("/api/rules/current")
    detector = Detector(RuleSet.from_dict(rules["document"]))
    info = page.evaluate("() => window.contactguard.client.info")
    assert info["fingerprint"] == rules["fingerprint"] == detector.fingerprint
    # The worker pages get: restored from the memory snapshot `make web` made (test_snapshot.py
    # covers the normal start it falls back to).
    assert info["boot"] == "snapshot", info.get("timings")
    requests_ = [{**m, "state": state} for m in messages]
    browser = []
    for i in range(0, len(requests_), BATCH):
        browser += page.evaluate("(reqs) => window.contactguard.client.scanMany(reqs)", requests_[i:i + BATCH])
    assert len(browser) == len(requests_)
    # Both sides must run the same sources, or a difference says nothing about the runtimes.
    now = _web_build().engine_source_hash()
    assert ENGINE_SOURCE_AT_IMPORT == now == web_bundle["engine_source_sha256"], (
        "engine/ changed during this test run (CPython imported one version, the wheel holds "
        "another): run the test again"
    )
    mismatches = []
    flagged = 0
    for req, got in zip(requests_, browser, strict=True):
        want = detector.scan(req["text"], history=req["history"], state=state).to_dict()
        got = {k: v for k, v in got.items() if k != "engine_version"}
        flagged += bool(want["findings"])
        if got != want:
            mismatches.append((req["text"], want, got))
    assert not mismatches, f"{len(mismatches)} of {len(requests_)} differ:\n" + "\n".join(
        f"{text!r}\n  cpython: {want}\n  browser: {got}" for text, want, got in mismatches[:10])
    assert flagged > len(requests_) // 10, "the corpus should exercise the detectors, not only clean text"
