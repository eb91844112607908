"""The composer on a conversation page: live warnings while typing, and Send following the action."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from engine import Detector, RuleSet

ROOT = Path(__file__).resolve().parents[2]

# (id, text typed key by key, category, a part the highlight must cover, a part it must stay within)
TYPED = [
    ("phone", "Sure, call me on +44 20 7946 0958 tomorrow", "phone", "7946 0958", "+44 20 7946 0958"),
    ("disguised-email", "write to jdoe77 at gmail dot com please", "email", "gmail dot com",
     "jdoe77 at gmail dot com"),
    ("spelled-number", "my number is nine eight seven six five four three two one zero ok", "phone",
     "six five four", "nine eight seven six five four three two one zero"),
    ("handle", "add me on telegram @jdoe_77 so we can talk", "social", "@jdoe_77", "add me on telegram @jdoe_77"),
    # Two UTF-16 units per emoji and per mathematical digit: the highlight must still be exact.
    ("astral", "📞📞 ring 𝟎𝟕𝟗𝟏𝟏 𝟏𝟐𝟑𝟒𝟓𝟔 now", "phone", "𝟏𝟐𝟑𝟒𝟓𝟔", "𝟎𝟕𝟗𝟏𝟏 𝟏𝟐𝟑𝟒𝟓𝟔"),
]
CLEAN = "Happy to help with the logo. I can start on Monday and send three concepts by Friday."


def history_of(session) -> list[str]:
    """The conversation history the widget checks with (the delivered messages)."""
    return session.page.evaluate("() => window.contactguard.composers[0].history || []")


@pytest.fixture(scope="module")
def inquiry(alice):
    """Alice's inquiry conversation open in her browser, with the in-browser engine ready."""
    conv = alice.conversation("inquiry")
    alice.open_conversation(conv["id"])
    alice.wait_for_mode("worker")
    return conv


@pytest.fixture(scope="module")
def detector(alice) -> Detector:
    """CPython's detector with the published rules: what the browser must agree with."""
    return Detector(RuleSet.from_dict(alice.api("/api/rules/current")["document"]))


@pytest.mark.parametrize(("text", "category", "cover", "within"), [t[1:] for t in TYPED], ids=[t[0] for t in TYPED])
def test_typing_highlights_the_contact_information(alice, inquiry, detector, text, category, cover, within):
    view = alice.type_message(text)
    assert view["source"] == "worker"
    expected = detector.scan(text, history=history_of(alice), state="inquiry")
    # The explanation lists exactly CPython's findings, with the same code-point spans.
    assert [(f["category"], f["start"], f["end"], f["match"]) for f in view["findings"]] == [
        (f.category, f.start, f.end, f.match) for f in expected.findings
    ]
    assert all(f.message in li["text"] for f, li in zip(expected.findings, view["findings"], strict=True))
    assert view["action"] == expected.action
    # The highlight covers the identifier and stays inside the contact information.
    marks = [m for m in view["marks"] if category in m["categories"]]
    assert marks, f"no {category} highlight in {view['marks']}"
    lo, hi = text.index(within), text.index(within) + len(within)
    c_lo, c_hi = text.index(cover), text.index(cover) + len(cover)
    assert any(m["start"] <= c_lo and c_hi <= m["end"] for m in marks), marks
    for m in marks:
        assert lo <= m["start"] and m["end"] <= hi, f"highlight {m} reaches outside {within!r}"
        # Code-point offsets from Python, UTF-16 in the page: the marked text is the same text.
        assert m["text"] == text[m["start"]:m["end"]]
    assert alice.page.get_attribute("#composer", "aria-describedby")
    assert alice.errors == []


def test_clean_text_is_not_flagged(alice, inquiry):
    view = alice.type_message(CLEAN)
    assert view["action"] == "allow"
    assert view["marks"] == [] and view["findings"] == []
    assert view["sendDisabled"] is False


def test_block_disables_send_until_an_exception_is_chosen(alice, inquiry):
    view = alice.type_message("my cell is +44 20 7946 0958, text me")
    assert view["action"] == "block"
    assert view["sendDisabled"] is True
    assert "can't be sent" in view["summary"]
    alice.page.select_option('select[name="exception_reason"]', index=1)
    assert alice.page.is_enabled("#send")
    alice.page.select_option('select[name="exception_reason"]', "")
    assert alice.page.is_disabled("#send")


def test_warn_asks_for_confirmation(alice, inquiry):
    view = alice.type_message("You can book a call with me at calendly.com/jane-doe-design/30min")
    assert view["action"] == "warn"
    assert view["sendDisabled"] is True and view["confirmVisible"] is True
    alice.page.check(".cg-confirm input")
    assert alice.page.is_enabled("#send")


def test_redact_previews_the_delivered_text(alice, inquiry, detector):
    text = "Drop the samples at 221B Baker Street, London, the blue door"
    view = alice.type_message(text)
    expected = detector.scan(text, history=history_of(alice), state="inquiry")
    assert expected.action == "redact", "the default rules redact street addresses in an inquiry"
    assert view["action"] == "redact"
    assert view["sendDisabled"] is False and view["previewVisible"] is True
    assert view["preview"] == expected.redacted


def test_sending_a_redacted_message_delivers_the_masked_text(alice, inquiry, detector):
    text = "Bring the prints to 221B Baker Street, London, please"
    alice.type_message(text)
    expected = detector.scan(text, history=history_of(alice), state="inquiry")
    with alice.page.expect_navigation():
        alice.page.click("#send")
    alice.page.wait_for_selector(".cg-composer")
    shown = alice.page.inner_text("#messages")
    assert expected.redacted in shown and "Baker Street" not in shown


def test_sending_clean_text_delivers_it(alice, inquiry):
    text = "Great, I will send the brief tonight. " + CLEAN
    alice.type_message(text)
    with alice.page.expect_navigation():
        alice.page.click("#send")
    alice.page.wait_for_selector(".cg-composer")
    assert text in alice.page.inner_text("#messages")


def test_screenshot_for_the_readme(alice, inquiry):
    """The composer showing a warning, as the README shows it.

    Saved to tests/e2e/artifacts/composer.png on every run; with CONTACTGUARD_UPDATE_SCREENSHOT=1
    it also replaces docs/composer.png, the copy the README shows (so a test run leaves the tree clean).
    """
    alice.wait_for_mode("worker")
    alice.type_message("Thanks! Easier on WhatsApp: +1 415 555 0132, or jdoe77 at gmail dot com")
    alice.page.wait_for_selector(".cg-finding")
    form = alice.page.locator("#composer-form")
    path = ROOT / "tests" / "e2e" / "artifacts" / "composer.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    form.screenshot(path=str(path))
    assert path.stat().st_size > 5_000
    if os.environ.get("CONTACTGUARD_UPDATE_SCREENSHOT") == "1":
        (ROOT / "docs" / "composer.png").write_bytes(path.read_bytes())
