"""The rule editor as an administrator sees it in Chromium: tables that fit their card at desktop and
phone width, a raw JSON card that shows the JSON, read-only versions that say why, and a publish that
asks first with the impact summary. And the composer's exception choice on a phone."""

from __future__ import annotations

import json
import re

import pytest

from tests.e2e.test_accessibility import AXE_JS, audit

WIDTHS = {"desktop": 1280, "phone": 390}

FIT = """(id) => {
    const table = document.getElementById(id);
    const card = table.closest('.card');
    const cardBox = card.getBoundingClientRect();
    const style = getComputedStyle(card);
    const inner = cardBox.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
    const cells = [...table.querySelectorAll('td, th')].filter((c) => c.getClientRects().length);
    return {
        tableRight: table.getBoundingClientRect().right, inner, scroll: table.scrollWidth,
        container: table.parentElement.clientWidth,
        rightmostCell: Math.max(...cells.map((c) => c.getBoundingClientRect().right)),
        page: document.documentElement.scrollWidth,
    };
}"""


def _new_draft(admin) -> int:
    admin.page.goto(f"{admin.server.url}/admin/rules/")
    response = admin.form_post("/admin/rules/new", {"note": "e2e: editor layout"})
    return int(re.search(r"/admin/rules/(\d+)", response.url).group(1))


@pytest.fixture(scope="module")
def draft_id(admin) -> int:
    return _new_draft(admin)


@pytest.mark.parametrize("width", list(WIDTHS.values()), ids=list(WIDTHS))
@pytest.mark.parametrize("table", ["extra-rules", "exception-reasons"])
def test_editor_tables_fit_their_card(admin, draft_id, width, table):
    page = admin.page
    page.set_viewport_size({"width": width, "height": 900})
    try:
        page.goto(f"{admin.server.url}/admin/rules/{draft_id}")
        box = page.evaluate(FIT, table)
        assert box["scroll"] <= box["container"] + 1, box        # nothing to scroll to: no cut column
        assert box["tableRight"] <= box["inner"] + 1, box
        assert box["rightmostCell"] <= box["inner"] + 1, box
        assert box["page"] <= width, box
    finally:
        page.set_viewport_size({"width": 900, "height": 700})


def test_raw_json_card_shows_the_json(admin, draft_id):
    page = admin.page
    page.set_viewport_size({"width": 1280, "height": 900})
    try:
        page.goto(f"{admin.server.url}/admin/rules/{draft_id}")
        shown = page.evaluate("""() => {
            const area = document.getElementById('rules-json');
            const card = area.closest('.card');
            return { area: area.getBoundingClientRect().height, card: card.getBoundingClientRect().height,
                     view: innerHeight, text: area.value };
        }""")
        assert json.loads(shown["text"])["schema_version"] == 1
        # The textarea is most of its card, and the card is no taller than the window: not mostly empty.
        assert shown["area"] >= 0.75 * shown["card"], shown
        assert shown["card"] <= shown["view"], shown
        assert shown["area"] >= 0.6 * shown["view"], shown
    finally:
        page.set_viewport_size({"width": 900, "height": 700})


def test_a_published_version_says_why_it_is_read_only(admin, draft_id):
    page = admin.page
    # A draft's publish form names the published version it would replace.
    page.goto(f"{admin.server.url}/admin/rules/{draft_id}")
    published_id = page.get_attribute('#publish-form input[name="expected_published_id"]', "value")
    assert admin.api(f"/admin/rules/{published_id}/document.json")["status"] == "published"
    page.goto(f"{admin.server.url}/admin/rules/{published_id}")
    note = page.locator("#read-only-note")
    assert note.is_visible()
    assert "published" in note.inner_text() and "new draft" in note.inner_text()
    assert page.locator("#save-structured").count() == 0
    with page.expect_navigation():
        page.click("#new-draft")
    # The new draft is editable and offers no "new draft from this version" of its own.
    assert re.search(r"/admin/rules/(\d+)$", page.url).group(1) != published_id
    assert page.locator("#save-structured").is_visible()
    assert page.locator("#new-draft").count() == 0
    assert page.locator("#read-only-note").count() == 0


def test_publish_asks_first_and_cancel_publishes_nothing(admin, draft_id):
    page = admin.page
    before = admin.api("/api/rules/current")["version"]
    page.goto(f"{admin.server.url}/admin/rules/{draft_id}")
    with page.expect_navigation():
        page.click("#publish")
    assert page.url.split("?")[0].endswith(f"/admin/rules/{draft_id}/publish")
    summary = page.locator("#impact-summary")
    assert summary.is_visible()
    for part in ("#impact-changed", "#impact-flagged", "#impact-unflagged", "#impact-otherwise"):
        assert re.fullmatch(r"\d+", page.inner_text(part)), part
    # The confirmation page passes axe's WCAG 2.1 A/AA checks like every other page.
    assert audit(page, AXE_JS.read_text("utf-8")) == []
    with page.expect_navigation():
        page.click("#cancel")
    assert admin.api("/api/rules/current")["version"] == before
    assert admin.api(f"/admin/rules/{draft_id}/document.json")["status"] == "draft"


def test_the_composers_exception_choice_fits_a_phone(make_session):
    alice = make_session("alice")
    page = alice.page
    page.set_viewport_size({"width": 390, "height": 800})
    conv = alice.conversation("offer")
    alice.open_conversation(conv["id"])
    view = alice.type_message("my number is +44 20 7946 0958")
    assert view["action"] == "block"
    select = page.locator('select[name="exception_reason"]')
    assert select.is_visible()
    box = page.evaluate("""() => ({ page: document.documentElement.scrollWidth,
        select: document.querySelector('select[name="exception_reason"]').getBoundingClientRect().right })""")
    assert box["page"] <= 390, box
    assert box["select"] <= 390, box
