"""Incremental keystroke scans: a window around the edit per keystroke, the whole text to decide.

The worker re-scans only a window around a keystroke's edit in a long message (web/src/
incremental.mjs); the composer asks for the exact verdict (a whole-text scan) when typing pauses
and before Send. These tests prove the window path is taken, that the verdict the widget settles
on is CPython's full scan of the same text, and that a window verdict never decides a send.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from engine import Detector, RuleSet

ROOT = Path(__file__).resolve().parents[2]
HISTORY = ["Hi! Thanks for the invite, happy to look at the logo job",
           "sure, what is your budget and when do you need it"]   # no full stop: context joins


def corpus_texts() -> list[str]:
    """Texts of the corpus, flagged and clean, in a fixed shuffled order."""
    texts = []
    for path in sorted((ROOT / "tests" / "data" / "corpus").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                text = json.loads(line).get("text")
                if isinstance(text, str) and 10 < len(text) < 300:
                    texts.append(text)
    random.Random(10).shuffle(texts)
    return texts


def long_message(texts: list[str], start: int, length: int = 2000) -> str:
    """Corpus messages joined into one message of about `length` code points."""
    parts, size = [], 0
    for text in texts[start:]:
        if size >= length:
            break
        parts.append(text)
        size += len(text) + 1
    return "\n".join(parts)


def keystrokes(text: str, rng: random.Random, count: int) -> list[str]:
    """The texts a user produces editing `text`: typing at the end, inserting and deleting inside."""
    out = []
    for _ in range(count):
        kind = rng.random()
        at = rng.randrange(len(text) // 4, len(text))
        if kind < 0.5:
            text += rng.choice("abc 0123456789.@")
        elif kind < 0.8:
            text = text[:at] + rng.choice("xyz 56789") + text[at:]
        else:
            text = text[:at] + text[at + 1:]
        out.append(text)
    return out


@pytest.fixture(scope="module")
def worker_page(alice):
    conv = alice.conversation("inquiry")
    alice.open_conversation(conv["id"])
    alice.wait_for_mode("worker")
    return alice.page


@pytest.fixture(scope="module")
def detector(alice) -> Detector:
    return Detector(RuleSet.from_dict(alice.api("/api/rules/current")["document"]))


def run_checks(page, texts: list[str], quick: bool) -> list[dict]:
    """Check each text in turn through the page's client, as the composer does per keystroke."""
    return page.evaluate(
        """async ([texts, history, quick]) => {
            const out = [];
            for (const text of texts) {
                const r = await window.contactguard.client.check({text, history, state: 'inquiry', quick});
                out.push(r.verdict);
            }
            return out;
        }""",
        [texts, HISTORY, quick],
    )


def strip(verdict: dict) -> dict:
    return {k: v for k, v in verdict.items() if k not in ("engine_version", "scope", "window", "why")}


def test_keystrokes_scan_a_window_and_the_exact_check_equals_a_full_scan(worker_page, detector):
    texts = corpus_texts()
    rng = random.Random(3)
    windows = agree = total = 0
    reasons: dict[str, int] = {}
    for start in (0, 40, 80):
        base = long_message(texts, start)
        steps = [base, *keystrokes(base, rng, 40)]
        quick = run_checks(worker_page, steps, quick=True)
        for text, got in zip(steps, quick, strict=True):
            want = detector.scan(text, history=HISTORY, state="inquiry").to_dict()
            total += 1
            windows += got["scope"] == "window"
            reasons[got.get("why", "window")] = reasons.get(got.get("why", "window"), 0) + 1
            agree += strip(got) == want
        # The exact check of the last text: the whole text, CPython's verdict to the letter.
        exact = run_checks(worker_page, [steps[-1]], quick=False)[0]
        assert exact["scope"] == "full"
        assert strip(exact) == detector.scan(steps[-1], history=HISTORY, state="inquiry").to_dict()
    assert windows >= total // 2, f"only {windows} of {total} keystrokes were scanned in a window: {reasons}"
    # Window verdicts are previews, but they should rarely differ from the full scan.
    assert agree >= total * 0.85, f"window verdicts matched the full scan for {agree} of {total} keystrokes"


def test_the_widget_settles_on_the_full_scan_after_window_verdicts(worker_page, alice, detector):
    page = worker_page
    texts = corpus_texts()
    # Typed keys must be plain ASCII: the corpus's other scripts go in with fill().
    head = long_message(texts, 120)
    text = head + " and call me on +44 20 7946 0958 later"
    page.evaluate("""() => { window.__scopes = [];
        document.addEventListener('contactguard:verdict', (e) => window.__scopes.push(e.detail.verdict?.scope)); }""")
    page.fill("#composer", head)
    page.click("#composer")
    page.keyboard.press("Control+End")
    page.keyboard.type(text[len(head):], delay=5)
    alice.settled(text)
    scopes = page.evaluate("() => window.__scopes")
    assert "window" in scopes, scopes
    shown = page.evaluate("() => window.contactguard.composers[0].verdict")
    history = page.evaluate("() => window.contactguard.composers[0].history || []")
    assert shown["scope"] == "full"
    assert strip(shown) == detector.scan(text, history=history, state="inquiry").to_dict()


CLEAN = ("Happy to help with the logo. I can start on Monday and send three concepts by Friday, "
         "then we iterate twice on your feedback before the final files. ")


def test_a_window_verdict_never_decides_a_send(make_session):
    session = make_session("alice")
    posted = []

    def fake_send(route):
        posted.append(route.request.post_data_json)
        route.fulfill(status=201, json={"status": "delivered"}, headers={"X-Rules-Fingerprint": ""})

    session.context.route("**/api/conversations/*/messages", fake_send)   # nothing is stored
    conv = session.conversation("inquiry")
    session.open_conversation(conv["id"])
    session.wait_for_mode("worker")
    page = session.page
    page.evaluate("""() => {
        const c = window.contactguard.composers[0];
        c.options.exactAfterMs = 3_600_000;   // no pause is long enough: only Send may ask
        c.options.onSent = () => {};
        window.__log = [];
        document.addEventListener('contactguard:verdict',
            (e) => window.__log.push(['verdict', e.detail.verdict?.scope, e.detail.text.length]));
        document.addEventListener('contactguard:sent', () => window.__log.push(['sent']));
    }""")
    head = CLEAN * 8
    text = head + "ok"
    page.fill("#composer", head)
    session.settled(head)
    page.click("#composer")
    page.keyboard.press("Control+End")
    page.keyboard.type("ok", delay=5)
    page.wait_for_function("(n) => window.contactguard.composers[0].checkedText?.length === n", arg=len(text))
    shown = page.evaluate("() => ({scope: window.contactguard.composers[0].verdict?.scope, "
                          "status: document.querySelector('.cg-composer').dataset.status})")
    assert shown == {"scope": "window", "status": "pending"}
    page.click("#send")
    page.wait_for_function("() => window.__log.some((e) => e[0] === 'sent')")
    log = page.evaluate("() => window.__log")
    sent = log.index(["sent"])
    assert ["verdict", "full", len(text)] in log[:sent], log
    assert posted == [{"text": text}]
