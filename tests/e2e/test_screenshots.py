"""The main pages as a user sees them, at desktop and phone width: they render, and are photographed.

Every run visits each page in Chromium, checks that it rendered (status, heading, no script error,
the state the picture is meant to show) and saves a screenshot to tests/e2e/artifacts/screenshots/.
With CONTACTGUARD_UPDATE_SCREENSHOT=1 the pictures also replace docs/screenshots/, the copies the
README shows (the same switch that refreshes docs/composer.png in test_composer.py), so an
ordinary test run leaves the tree clean. Viewport-sized PNGs at device scale 1 keep them small.
"""

from __future__ import annotations

import os
import re
import struct
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import WIDGET_TIMEOUT_MS, Session

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "e2e" / "artifacts" / "screenshots"
DOCS = ROOT / "docs" / "screenshots"
UPDATE = os.environ.get("CONTACTGUARD_UPDATE_SCREENSHOT") == "1"
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
WARNING_TEXT = "Thanks! Easier on WhatsApp: +1 415 555 0132, or jdoe77 at gmail dot com"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def people(make_session) -> Iterator[Callable[[str], Session]]:
    """people(user): one logged-in context per user for this module, at device scale 1."""
    made: dict[str, Session] = {}

    def get(user: str) -> Session:
        if user not in made:
            made[user] = make_session(user, device_scale_factor=1)
        return made[user]

    yield get


@pytest.fixture(scope="module")
def visitor(browser, server) -> Iterator[Session]:
    """A browser context nobody has logged in to (for the login page)."""
    context = browser.new_context(base_url=server.url, device_scale_factor=1)
    yield Session(context, server, "visitor")
    context.close()


def open_page(session: Session, path: str) -> None:
    """Open `path` and check the reply was a page, not an error."""
    response = session.page.goto(f"{session.server.url}{path}")
    assert response is not None and response.status == 200, f"{path}: {response and response.status}"
    session.page.wait_for_load_state("load")


def heading(session: Session) -> str:
    """The page's main heading."""
    h1 = session.page.locator("main h1").first
    h1.wait_for(state="visible")
    return h1.inner_text()


def show_login(session: Session) -> None:
    open_page(session, "/login")
    assert session.page.locator("#username").is_visible() and session.page.locator("#password").is_visible()


def show_conversation(session: Session) -> None:
    session.open_conversation(session.conversation("inquiry")["id"])
    session.wait_for_mode("worker")
    view = session.type_message(WARNING_TEXT, delay_ms=0)
    assert {"phone", "email"} <= {f["category"] for f in view["findings"]}, view["findings"]
    assert view["sendDisabled"], "a blocked message must not be sendable"
    session.page.wait_for_selector(".cg-finding", timeout=WIDGET_TIMEOUT_MS)
    # The picture shows the warning: on a desktop the end of the conversation above the composer,
    # on a phone (where the composer alone fills the screen) the composer from its top.
    session.page.locator("#composer-form").evaluate(
        "(el) => el.scrollIntoView({block: window.innerWidth < 600 ? 'start' : 'end'})")


def show_dashboard(session: Session) -> None:
    open_page(session, "/admin/")
    assert heading(session)


def show_review(session: Session) -> None:
    open_page(session, "/admin/review/")
    assert "Review" in heading(session)
    assert session.page.locator(".review-item").count() > 0, "the demo's review queue is empty"
    assert session.page.locator(".review-item mark").count() > 0, "no finding is highlighted"


def show_rule_editor(session: Session) -> None:
    open_page(session, "/admin/rules/")
    hrefs = session.page.eval_on_selector_all("main a[href]", "(as) => as.map((a) => a.getAttribute('href'))")
    versions = [h for h in hrefs if re.fullmatch(r"/admin/rules/\d+", h)]
    assert versions, f"no rule set version linked from the list: {hrefs}"
    open_page(session, versions[0])
    assert "Rule set version" in heading(session)
    assert session.page.locator("#structured-form").is_visible()
    assert session.page.locator("#raw-form").count() == 1


def show_contracts(session: Session) -> None:
    open_page(session, "/admin/contracts/")
    assert heading(session)
    badges = session.page.eval_on_selector_all(
        "main .state", "(els) => els.map((b) => [b.className, b.textContent.trim(), getComputedStyle(b).backgroundColor])")
    assert all(f"state-{text}" in cls.split() for cls, text, _ in badges), badges
    # Contract states are told apart at a glance: each state shown has a colour of its own.
    colours = {text: colour for _, text, colour in badges}
    assert len(colours) >= 2 and len(set(colours.values())) == len(colours), colours


# (file name, who looks, how to get there and check it)
PAGES = [
    ("login", None, show_login),
    ("conversation-warning", "alice", show_conversation),
    ("dashboard", "admin", show_dashboard),
    ("review-queue", "admin", show_review),
    ("rule-editor", "admin", show_rule_editor),
    ("contracts", "admin", show_contracts),
]


@pytest.mark.parametrize("width", list(VIEWPORTS))
@pytest.mark.parametrize(("name", "user", "show"), PAGES, ids=[p[0] for p in PAGES])
def test_main_page_renders_and_is_photographed(people, visitor, name, user, show, width):
    session = people(user) if user else visitor
    viewport = VIEWPORTS[width]
    session.page.set_viewport_size(viewport)
    errors_before = len(session.errors)
    show(session)
    assert session.errors[errors_before:] == [], f"script errors on {name}: {session.errors[errors_before:]}"
    # The page is styled (the stylesheet loaded) and carries its icon.
    assert session.page.evaluate("() => getComputedStyle(document.querySelector('.topbar')).display") == "flex"
    assert session.page.locator('link[rel="icon"]').count() == 1

    path = ARTIFACTS / f"{name}-{width}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    data = session.page.screenshot(path=str(path), animations="disabled", caret="hide")
    assert png_size(data) == (viewport["width"], viewport["height"]), "screenshots are at device scale 1"
    assert len(data) > 5_000, f"{name} at {width} looks blank"
    if UPDATE:
        DOCS.mkdir(parents=True, exist_ok=True)
        (DOCS / path.name).write_bytes(data)
