"""Long unbroken text never widens a page, in Chromium: a 3,000-character word in a message and a
500-character one in an audit entry stay inside the viewport at desktop and phone width, with the
long audit detail opened too; the filter forms' error state has no axe violations."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.conftest import Server, Session
from tests.e2e.test_accessibility import AXE_JS, WCAG_TAGS, describe

WORD = "Z" * 3000
REASON = "R" * 500
WIDTHS = {"desktop": 1280, "phone": 390}
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"


@pytest.fixture(scope="module")
def long_text(restartable_server: Server, make_session) -> Iterator[dict]:
    """A fresh server holding a message with one long word (blocked, so it is in the review queue)
    and an audit entry with a long reason; the admin's and Alice's sessions."""
    alice = make_session("alice", on=restartable_server)
    admin = make_session("admin", on=restartable_server)
    conversation = alice.conversation("inquiry")["id"]
    alice.page.goto(f"{restartable_server.url}/demo/conversations/{conversation}")
    response = alice.context.request.post(
        f"{restartable_server.url}/demo/conversations/{conversation}",
        form={"csrf_token": alice.csrf(), "text": f"{WORD} call me at +44 7911 123456"},
    )
    assert response.status in (200, 422), response.text()[:300]
    admin.page.goto(f"{restartable_server.url}/admin/contracts/")
    admin.form_post(f"/admin/contracts/{conversation}/state", {"state": "offer", "reason": REASON})
    yield {"alice": alice, "admin": admin, "conversation": conversation}


def overflow(session: Session, path: str, width: int) -> int:
    """How many pixels wider than the viewport the page at `path` is (0 when it fits)."""
    page = session.page
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{session.server.url}{path}")
    page.wait_for_load_state("load")
    return page.evaluate(OVERFLOW)


@pytest.mark.parametrize("width", list(WIDTHS.values()), ids=list(WIDTHS))
@pytest.mark.parametrize("path", [
    "/admin/review/", "/admin/review/?status=pending&category=phone", "/admin/contracts/{conversation}",
    "/admin/audit", "/admin/audit?action=contract.state",
])
def test_admin_pages_with_long_text_fit_the_viewport(long_text, path, width):
    admin = long_text["admin"]
    path = path.format(conversation=long_text["conversation"])
    assert overflow(admin, path, width) <= 0, path
    assert WORD[:100] in admin.page.content() or REASON[:100] in admin.page.content(), path


@pytest.mark.parametrize("width", list(WIDTHS.values()), ids=list(WIDTHS))
def test_an_opened_long_audit_detail_still_fits(long_text, width):
    admin = long_text["admin"]
    assert overflow(admin, "/admin/audit?action=contract.state", width) <= 0
    summary = admin.page.locator("details.long-text summary").first
    summary.click()
    whole = admin.page.locator("details.long-text[open] div.wrap").first
    assert whole.inner_text() == REASON
    assert whole.is_visible()
    assert admin.page.evaluate(OVERFLOW) <= 0


def test_demo_conversation_with_a_long_word_fits_at_desktop_width(long_text):
    alice = long_text["alice"]
    assert overflow(alice, f"/demo/conversations/{long_text['conversation']}", WIDTHS["desktop"]) <= 0
    assert WORD[:100] in alice.page.content()


@pytest.mark.parametrize("path", ["/admin/review/?since=nope&user=ghost", "/admin/audit?until=2026-02-30"])
def test_filter_errors_have_no_axe_violations(long_text, path):
    page = long_text["admin"].page
    page.set_viewport_size({"width": WIDTHS["desktop"], "height": 800})
    response = page.goto(f"{long_text['admin'].server.url}{path}")
    assert response.status == 400
    assert page.locator("#filter-errors").is_visible()
    page.evaluate(AXE_JS.read_text("utf-8"))
    violations = page.evaluate(
        """async (tags) => (await window.axe.run(document, { runOnly: { type: 'tag', values: tags },
            resultTypes: ['violations'] })).violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
            helpUrl: v.helpUrl, nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 200),
            summary: n.failureSummary || '' })) }))""",
        WCAG_TAGS,
    )
    assert violations == [], "\n".join(describe(path, violations))
