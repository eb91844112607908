"""The composer with the keyboard alone: Tab, typing, Space and Enter; no click, no fill, no select_option.

What a screen reader gets is checked on the way: the polite live region speaks once per change
of verdict (not per keystroke), each finding is a button that selects its span in the message,
and Send, when held back, keeps focus and says why instead of dropping focus to the page.
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import WIDGET_TIMEOUT_MS, Session

PHONE = "+44 20 7946 0958"
BLOCKED = f"Hi Bob, my cell is {PHONE} if that helps"
WARNED = "You can book a call with me at calendly.com/jane-doe-design/30min"
CLEAN = "Thanks, I will send the brief for the bakery logo tonight."


def focused(page) -> dict:
    """What has keyboard focus: tag, id, class, accessible text, and the textarea's selection."""
    return page.evaluate("""() => {
        const el = document.activeElement;
        const finding = el.closest('.cg-finding');
        return { tag: el.tagName.toLowerCase(), id: el.id, cls: el.className || '',
                 text: (el.textContent || '').trim(), type: el.type || '',
                 category: finding ? finding.dataset.category : null,
                 match: finding ? finding.querySelector('q').textContent : null,
                 selection: el.tagName === 'TEXTAREA' ? el.value.slice(el.selectionStart, el.selectionEnd) : null };
    }""")


def tab_to(page, predicate, what: str, limit: int = 40, back: bool = False) -> dict:
    """Press Tab (or Shift+Tab) until the focused element matches; fails if it never does."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        now = focused(page)
        if predicate(now):
            return now
        seen.append(f"{now['tag']}#{now['id']}.{now['cls']}")
    raise AssertionError(f"Tab never reached {what}; went through {seen}")


def settled_on(session: Session, text: str) -> dict:
    """Wait for the verdict on exactly `text` (typed by keyboard)."""
    return session.settled(text)


def announcements(page) -> list[str]:
    """Everything the polite live region has said since the page loaded (recorded by observe())."""
    return page.evaluate("() => window.__cgSaid.slice()")


def observe(page) -> None:
    """Record what the composer's live region says, as a screen reader would hear it."""
    page.evaluate("""() => {
        window.__cgSaid = [];
        const region = document.querySelector('.cg-composer [aria-live="polite"]');
        new MutationObserver(() => {
            const text = region.textContent.trim();
            if (text) window.__cgSaid.push(text);
        }).observe(region, { childList: true, characterData: true, subtree: true });
    }""")


def clear_by_keyboard(page) -> None:
    """Select all in the focused textarea and delete it."""
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")


@pytest.fixture
def alice_page(make_session) -> Session:
    """Alice on her offer conversation (phones blocked, links warned), in a fresh context, worker running.

    The offer conversation, not the inquiry one the composer tests type in: what these tests send
    becomes history, and history is evidence for the next verdicts there.
    """
    session = make_session("alice")
    session.page.set_viewport_size({"width": 1000, "height": 900})
    conv = session.conversation("offer")
    session.open_conversation(conv["id"])
    session.wait_for_mode("worker")
    observe(session.page)
    return session


def test_keyboard_only_warning_exception_confirm_and_send(alice_page: Session):
    session = alice_page
    page = session.page
    live_region = page.locator('.cg-composer [role="status"][aria-live="polite"]')
    assert live_region.count() == 1

    # Into the composer with Tab, from the top of the page.
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    tab_to(page, lambda f: f["id"] == "composer", "the message box")

    # Block: typed key by key. Send is held back but stays focusable and says why.
    page.keyboard.type(BLOCKED, delay=15)
    view = settled_on(session, BLOCKED)
    assert view["action"] == "block" and view["sendDisabled"] is True
    said = announcements(page)
    assert len([s for s in said if "Phone number" in s]) == 1, f"announced per keystroke, not per change: {said}"
    assert "can't be sent" in said[-1]

    # The finding is reachable: Tab to its button, Enter selects its span in the message.
    finding = tab_to(page, lambda f: f["category"] == "phone" and "cg-show" in f["cls"], "the phone finding")
    assert PHONE in finding["match"]
    page.keyboard.press("Enter")
    now = focused(page)
    assert now["id"] == "composer" and now["selection"] == finding["match"], now

    # Send, reached by Tab while held back: focus stays on it, Enter sends nothing and it says why.
    send = tab_to(page, lambda f: f["id"] == "send", "Send")
    assert send["id"] == "send"
    assert page.get_attribute("#send", "aria-disabled") == "true"
    described = page.evaluate("""() => (document.querySelector('#send').getAttribute('aria-describedby') || '')
        .split(' ').map((id) => document.getElementById(id)).filter(Boolean).map((e) => e.textContent).join(' ')""")
    assert "can't be sent" in described
    before = len(announcements(page))
    page.keyboard.press("Enter")
    page.wait_for_function("(n) => window.__cgSaid.length > n", arg=before, timeout=WIDGET_TIMEOUT_MS)
    assert focused(page)["id"] == "send", "focus left Send when it refused"
    assert "pick a permitted exception" in announcements(page)[-1]
    assert page.url.endswith(f"/demo/conversations/{session.conversation('offer')['id']}")

    # The exception, chosen with the keyboard (Shift+Tab back to the select, arrow down).
    tab_to(page, lambda f: f["tag"] == "select", "the exception choice", back=True)
    page.keyboard.press("ArrowDown")
    page.wait_for_function("() => document.querySelector('#send').getAttribute('aria-disabled') !== 'true'",
                           timeout=WIDGET_TIMEOUT_MS)
    summary = page.inner_text(".cg-summary")
    assert "can't be sent" not in summary and "exception" in summary, summary
    page.keyboard.press("ArrowUp")   # back to "No exception": held back again, focus still on the select
    page.wait_for_function("() => document.querySelector('#send').getAttribute('aria-disabled') === 'true'",
                           timeout=WIDGET_TIMEOUT_MS)
    assert focused(page)["tag"] == "select"

    # Warn: back to the message, replace the text; the confirmation is below and ticked with Space.
    tab_to(page, lambda f: f["id"] == "composer", "the message box", back=True)
    clear_by_keyboard(page)
    page.keyboard.type(WARNED, delay=15)
    view = settled_on(session, WARNED)
    assert view["action"] == "warn" and view["sendDisabled"] is True and view["confirmVisible"] is True
    assert "below" in view["summary"] and "above" not in view["summary"]
    confirm = tab_to(page, lambda f: f["type"] == "checkbox", "the confirmation")
    assert confirm["tag"] == "input"
    page.keyboard.press("Space")
    assert page.is_checked(".cg-confirm input")
    page.wait_for_function("() => document.querySelector('#send').getAttribute('aria-disabled') !== 'true'",
                           timeout=WIDGET_TIMEOUT_MS)
    assert "confirmed" in page.inner_text(".cg-summary")

    # Send with Enter: delivered.
    tab_to(page, lambda f: f["id"] == "send", "Send")
    with page.expect_navigation(timeout=WIDGET_TIMEOUT_MS):
        page.keyboard.press("Enter")
    page.wait_for_selector(".cg-composer", state="attached", timeout=WIDGET_TIMEOUT_MS)
    assert WARNED in page.inner_text("#messages")
    assert session.errors == []


def test_clean_text_sends_with_ctrl_enter_and_is_not_announced(alice_page: Session):
    session = alice_page
    page = session.page
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    tab_to(page, lambda f: f["id"] == "composer", "the message box")
    page.keyboard.type(CLEAN, delay=10)
    view = settled_on(session, CLEAN)
    assert view["action"] == "allow" and view["sendDisabled"] is False
    assert announcements(page) == [], "a clean message is no news"
    with page.expect_navigation(timeout=WIDGET_TIMEOUT_MS):
        page.keyboard.press("Control+Enter")
    page.wait_for_selector(".cg-composer", state="attached", timeout=WIDGET_TIMEOUT_MS)
    assert CLEAN in page.inner_text("#messages")


def test_removing_the_contact_information_is_announced_once(alice_page: Session):
    session = alice_page
    page = session.page
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    tab_to(page, lambda f: f["id"] == "composer", "the message box")
    page.keyboard.type(BLOCKED, delay=10)
    settled_on(session, BLOCKED)
    # Delete the number with Backspace from the end of the text, then type words instead.
    tail = BLOCKED[BLOCKED.index(PHONE):]
    for _ in tail:
        page.keyboard.press("Backspace")
    page.keyboard.type("here in the chat", delay=10)
    text = BLOCKED[:BLOCKED.index(PHONE)] + "here in the chat"
    view = settled_on(session, text)
    assert view["action"] == "allow" and view["sendDisabled"] is False
    said = announcements(page)
    assert said.count("No contact information found any more.") == 1, said
    assert len(said) <= 4, f"too chatty for one message: {said}"


def test_composer_works_right_to_left(alice_page: Session):
    """dir=rtl on the page (no translation exists yet) and a Hebrew message: highlight, list and keyboard path."""
    session = alice_page
    page = session.page
    page.evaluate("() => { document.documentElement.dir = 'rtl'; }")
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    tab_to(page, lambda f: f["id"] == "composer", "the message box")
    text = f"\u05ea\u05ea\u05e7\u05e9\u05e8 \u05d0\u05dc\u05d9 {PHONE} \u05d1\u05e2\u05e8\u05d1"   # "call me ... tonight"
    page.keyboard.type(text, delay=10)
    view = settled_on(session, text)
    assert view["action"] == "block"
    # The backdrop lays the text out in the textarea's own direction (dir=auto: right to left here).
    directions = page.evaluate("""() => [getComputedStyle(document.querySelector('#composer')).direction,
        getComputedStyle(document.querySelector('.cg-backdrop')).direction]""")
    assert directions == ["rtl", "rtl"], directions
    finding = tab_to(page, lambda f: f["category"] == "phone" and "cg-show" in f["cls"], "the phone finding")
    page.keyboard.press("Enter")
    assert focused(page)["selection"] == finding["match"] and PHONE in finding["match"]


def test_the_first_tab_stop_skips_to_the_content(alice_page: Session):
    page = alice_page.page
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Skip to content"
    assert page.locator(".skip-link").is_visible(), "the skip link must show while it has focus"
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"
    # The next Tab goes on from the content, not from the top of the page.
    now = tab_to(page, lambda f: f["id"] == "composer" or f["cls"] == "brand", "the message box")
    assert now["id"] == "composer", "Tab went back to the navigation"
