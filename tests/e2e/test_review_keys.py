"""The review queue in Chromium: one-key decisions (j / k move, a acceptable, r violation; nothing fires
while typing in a field; the decision comes back at the next message), the same decisions without
JavaScript through the card's own form, and a header whose "Log out" stays whole at 390 px."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.e2e.conftest import Server, Session
from tests.e2e.test_accessibility import audit, axe_source, describe  # noqa: F401 - axe_source is a fixture

FLAGGED = ["call me at +44 7911 123456", "mail me at jo.keys@example.org", "my number is +44 7911 654321",
           "whatsapp +44 7700 900123"]


@pytest.fixture(scope="module")
def queue(restartable_server: Server, make_session) -> Iterator[dict]:
    """A server of its own whose review queue holds Alice's flagged messages; reviewer sessions with and
    without JavaScript."""
    alice = make_session("alice", on=restartable_server)
    conversation = alice.conversation("inquiry")["id"]
    alice.page.goto(f"{restartable_server.url}/demo/conversations/{conversation}")
    for text in FLAGGED:
        response = alice.context.request.post(f"{restartable_server.url}/api/conversations/{conversation}/messages",
                                              data={"text": text}, headers={"X-CSRFToken": alice.csrf()})
        assert response.status in (201, 422), response.text()[:300]
    reviewer = make_session("admin", on=restartable_server)
    yield {"reviewer": reviewer, "server": restartable_server, "make_session": make_session}


def _card_ids(page) -> list[str]:
    return page.eval_on_selector_all("[data-review-card]", "cards => cards.map(c => c.id)")


def _focused(page) -> str:
    return page.evaluate("() => document.activeElement && document.activeElement.id")


def _ids_with_status(session: Session, status: str) -> set[str]:
    page = session.context.new_page()
    page.goto(f"{session.server.url}/admin/review/?status={status}&user=alice")
    ids = set(_card_ids(page))
    page.close()
    return ids


def test_keys_move_between_messages_and_decide_without_firing_while_typing(queue):
    reviewer: Session = queue["reviewer"]
    page = reviewer.page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{reviewer.server.url}/admin/review/?user=alice")
    assert page.is_visible("#review-keys") and "j next message" in page.inner_text("#review-keys").replace("\n", " ")
    cards = _card_ids(page)
    assert len(cards) >= 3, cards
    page.keyboard.press("j")
    assert _focused(page) == cards[0]
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert _focused(page) == cards[2]
    page.keyboard.press("k")
    assert _focused(page) == cards[1]
    page.keyboard.press("k")
    page.keyboard.press("k")  # stays on the first
    assert _focused(page) == cards[0]
    # Typing in the note field types: no key moves or decides.
    url = page.url
    note = page.locator(f"#{cards[0]} input[name=note]")
    note.click()
    page.keyboard.type("a r j k")
    assert note.input_value() == "a r j k" and page.url == url and _card_ids(page) == cards
    # Back on the card (a click on its text), "a" marks it acceptable, with the note, through its form.
    page.locator(f"#{cards[0]} p.text").click()
    assert _focused(page) == cards[0]
    with page.expect_navigation():
        page.keyboard.press("a")
    assert page.url.endswith(f"#{cards[1]}")
    assert f"Message #{cards[0].removeprefix('review-')} marked acceptable." in page.inner_text("main")
    # The page comes back at the next message: the keys act on it at once.
    assert _focused(page) == cards[1] and cards[0] not in _card_ids(page)
    with page.expect_navigation():
        page.keyboard.press("r")
    assert page.url.endswith(f"#{cards[2]}") and _focused(page) == cards[2]
    assert cards[0] in _ids_with_status(reviewer, "acceptable")
    assert cards[1] in _ids_with_status(reviewer, "violation")
    judged = reviewer.context.new_page()
    judged.goto(f"{reviewer.server.url}/admin/review/?status=acceptable&user=alice")
    assert "a r j k" in judged.inner_text(f"#{cards[0]}")
    judged.close()
    # A modifier held is the browser's, not ours (Ctrl+A selects, it decides nothing).
    page.keyboard.press("Control+a")
    assert page.url.endswith(f"#{cards[2]}") and cards[2] in _card_ids(page)
    assert reviewer.errors == []


def test_without_javascript_the_cards_own_buttons_decide(queue):
    session: Session = queue["make_session"]("admin", on=queue["server"], java_script_enabled=False)
    page = session.page
    page.goto(f"{session.server.url}/admin/review/?user=alice")
    assert not page.is_visible("#review-keys")  # the keys are not promised without the script
    cards = _card_ids(page)
    with page.expect_navigation():
        page.click(f"#{cards[0]} button[value=violation]")
    assert page.url.endswith(f"#{cards[1]}") if len(cards) > 1 else "#" not in page.url
    assert cards[0] in _ids_with_status(session, "violation")


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", ["/admin/", "/admin/review/?user=alice", "/admin/review/?status=acceptable",
                                  "/admin/audit"])
def test_the_pages_with_data_meet_wcag_21_aa(queue, axe_source, path, width):  # noqa: F811
    page = queue["reviewer"].page
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{queue['server'].url}{path}")
    if "review" in path and _card_ids(page):
        page.keyboard.press("j")  # a card chosen by the keys, with its focus ring
    assert page.locator("main svg, main article, main table").count() > 0, path
    violations = audit(page, axe_source)
    assert violations == [], "\n".join(describe(f"{path} at {width}px", violations))
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width, path


@pytest.mark.parametrize("username", ["admin", "alice"])
def test_log_out_is_whole_and_usable_at_phone_width(queue, username):
    session: Session = queue["make_session"](username, on=queue["server"])
    page = session.page
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{session.server.url}{'/admin/' if username == 'admin' else '/demo/'}")
    button = page.get_by_role("button", name=re.compile("Log out"))
    _assert_whole(page, button)
    # A long name (as a marketplace's display names can be) must not push it out either.
    page.evaluate("""() => { document.querySelector('.topbar .who > span').firstChild.textContent =
        'Maximiliana Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaft '; }""")
    _assert_whole(page, button)
    with page.expect_navigation():
        button.click()
    assert "/login" in page.url


def _assert_whole(page, button) -> None:
    box = button.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    assert box["height"] < 30, f"'Log out' is broken over two lines: {box}"
    # Nothing around it cuts it off or covers it, and the page is no wider than the phone.
    clipped = page.evaluate("""(el) => {
        const r = el.getBoundingClientRect();
        for (let a = el.parentElement; a; a = a.parentElement) {
            const s = getComputedStyle(a), p = a.getBoundingClientRect();
            if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
                if (r.left < p.left - 0.5 || r.right > p.right + 0.5 || r.top < p.top - 0.5 || r.bottom > p.bottom + 0.5)
                    return a.tagName + '.' + a.className;
            }
        }
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit === el || el.contains(hit) ? '' : 'covered by ' + (hit && hit.outerHTML.slice(0, 80));
    }""", button.element_handle())
    assert clipped == ""
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
