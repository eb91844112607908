"""Parity: the browser worker (Pyodide, phonenumberslite) and CPython give identical verdicts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine import Detector, RuleSet

DATA = Path(__file__).resolve().parents[1] / "data"
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
def test_worker_and_cpython_agree_on_the_corpus(alice, messages, state):
    page = alice.page
    conv = alice.conversation("inquiry")
    if "/demo/conversations/" not in page.url:
        alice.open_conversation(conv["id"])
    alice.wait_for_mode("worker")
    rules = alice.api("/api/rules/current")
    detector = Detector(RuleSet.from_dict(rules["document"]))
    info = page.evaluate("() => window.contactguard.client.info")
    assert info["fingerprint"] == rules["fingerprint"] == detector.fingerprint
    requests_ = [{**m, "state": state} for m in messages]
    browser = []
    for i in range(0, len(requests_), BATCH):
        browser += page.evaluate("(reqs) => window.contactguard.client.scanMany(reqs)", requests_[i:i + BATCH])
    assert len(browser) == len(requests_)
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
