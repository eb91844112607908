"""Long lists in the admin site: keyset pages without loss or repeat, GET filters, bad filter input,
page links for the small tables, long unbroken text inside wrapping containers, audit targets."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from html import unescape

import pytest

from admin.db import db
from admin.models import AuditEntry, Message, RuleSetVersion
from admin.versions import create_version

SEEDED = 120
BASE_DAY = datetime(2026, 3, 1, 12, 0)
LONG_WORD = "x" * 5000


def seed_messages(app, demo, count: int = SEEDED, conversation: str = "inquiry", **fields) -> list[int]:
    """`count` pending-review messages, one a day from BASE_DAY; every third by bob (the rest by alice),
    every second a blocked phone (the rest a warned email). Returns their ids, oldest first."""
    ids = []
    with app.app_context():
        for i in range(count):
            phone = i % 2 == 0
            values = dict(
                conversation_id=demo.conversations[conversation],
                sender_id=demo.users["bob" if i % 3 == 0 else "alice"],
                text=f"seeded message {i}", delivered_text=None if phone else f"seeded message {i}",
                status="blocked" if phone else "delivered", action="block" if phone else "warn",
                state=conversation, categories="phone" if phone else "email,link", findings=[],
                fingerprint="seed", review_status="pending", created_at=BASE_DAY + timedelta(days=i),
            )
            values.update(fields)
            message = Message(**values)
            db.session.add(message)
            db.session.flush()
            ids.append(message.id)
        db.session.commit()
    return ids


def ids_on(html: str, prefix: str) -> list[int]:
    """The ids of the rows or cards `id="<prefix>-N"` on a page, in page order."""
    return [int(n) for n in re.findall(rf'id="{prefix}-(\d+)"', html)]


def link(html: str, rel: str) -> str | None:
    """The href of the pager link with that rel (the first one), unescaped."""
    found = re.search(rf'<a rel="{rel}" href="([^"]+)"', html)
    return unescape(found.group(1)) if found else None


def walk(client, start: str, prefix: str, rel: str = "next") -> tuple[list[int], list[str]]:
    """Follow a list's `rel` links from `start`; every id seen, in order, and every page's HTML."""
    seen, pages, url = [], [], start
    while url:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.get_data(as_text=True)
        pages.append(html)
        seen += ids_on(html, prefix)
        url = link(html, rel)
        assert len(pages) <= SEEDED, "the pager never ends"
    return seen, pages


# --- keyset pages: no loss, no repeat, both directions ---------------------------------------------

def test_review_queue_pages_hold_every_message_once_newest_first(app, auth, demo):
    ids = seed_messages(app, demo)
    auth.login("reviewer")
    seen, pages = walk(auth.client, "/admin/review/", "review")
    assert seen == sorted(ids, reverse=True)
    assert len(pages) == 4  # 30 a page
    assert "Showing 1–30 of 120 messages" in pages[0]
    assert "Showing 91–120 of 120 messages" in pages[-1]
    assert link(pages[0], "prev") is None and link(pages[-1], "next") is None


def test_newer_links_walk_back_to_the_first_page(app, auth, demo):
    ids = seed_messages(app, demo)
    auth.login("reviewer")
    _, pages = walk(auth.client, "/admin/review/", "review")
    back, back_pages = walk(auth.client, link(pages[-1], "prev"), "review", rel="prev")
    assert back == [i for page in reversed(pages[:-1]) for i in ids_on(page, "review")]
    assert ids_on(back_pages[-1], "review") == sorted(ids, reverse=True)[:30]


def test_a_message_written_meanwhile_neither_repeats_nor_hides_older_ones(app, auth, demo):
    ids = seed_messages(app, demo)
    auth.login("reviewer")
    first = auth.client.get("/admin/review/").get_data(as_text=True)
    seed_messages(app, demo, count=5)  # newer rows arrive between two page loads
    second = auth.client.get(link(first, "next")).get_data(as_text=True)
    assert ids_on(second, "review") == sorted(ids, reverse=True)[30:60]


def test_audit_log_pages_hold_every_entry_once(app, auth, demo):
    auth.login("admin")
    with app.app_context():
        for i in range(SEEDED):
            db.session.add(AuditEntry(action="test.seed", target_type="user", target_id=None, detail={"i": i}))
        db.session.commit()
        everything = sorted(db.session.execute(db.select(AuditEntry.id)).scalars(), reverse=True)
    seen, pages = walk(auth.client, "/admin/audit", "audit")
    assert seen == everything  # the seeded entries and the logins, newest first
    assert len(pages) == -(-len(everything) // 50)
    assert f"Showing 51–100 of {len(everything)} entries" in pages[1]


def test_admin_conversation_page_pages_its_messages(app, auth, demo):
    ids = seed_messages(app, demo)
    auth.login("admin")
    seen, pages = walk(auth.client, f"/admin/contracts/{demo.conversations['inquiry']}", "message")
    assert seen == sorted(ids, reverse=True)
    assert len(pages) == 3  # 50 a page


def test_demo_conversation_shows_the_latest_messages_with_older_links(app, auth, demo):
    ids = seed_messages(app, demo, status="delivered", action="allow")
    auth.login("alice")
    url = f"/demo/conversations/{demo.conversations['inquiry']}"
    first = auth.client.get(url).get_data(as_text=True)
    assert ids_on(first, "message") == ids[-50:]  # the latest 50, oldest of them first (a chat)
    assert "Messages 71–120 of 120" in first
    # The live channel continues after the newest message on every page.
    seen, pages = [], []
    page_url = url
    while page_url:
        html = auth.client.get(page_url).get_data(as_text=True)
        pages.append(html)
        assert f'data-last-message-id="{ids[-1]}"' in html
        seen = ids_on(html, "message") + seen
        page_url = link(html, "prev")
    assert seen == ids
    assert "Messages 1–20 of 120" in pages[-1]
    newer = auth.client.get(link(pages[-1], "next")).get_data(as_text=True)
    assert ids_on(newer, "message") == ids[20:70]


# --- page links for the small tables ------------------------------------------------------------------

def test_rule_versions_are_paged_with_page_links(app, auth):
    with app.app_context():
        for i in range(30):
            create_version(db.session.get(RuleSetVersion, 1).document, None, f"draft {i}")
        db.session.commit()
        numbers = sorted(db.session.execute(db.select(RuleSetVersion.number)).scalars(), reverse=True)
    auth.login("admin")
    first = auth.client.get("/admin/rules/").get_data(as_text=True)
    second = auth.client.get("/admin/rules/?page=2").get_data(as_text=True)
    shown = [re.findall(r'/admin/rules/\d+">(\d+)</a>', html) for html in (first, second)]
    assert [int(n) for n in shown[0] + shown[1]] == numbers
    assert "Showing 1–25 of 31 versions" in first and "Showing 26–31 of 31 versions" in second
    assert 'aria-current="page"' in first
    assert "There is no page 9" in auth.client.get("/admin/rules/?page=9").get_data(as_text=True)


def test_contracts_list_says_where_it_is(auth, demo):
    auth.login("admin")
    html = auth.client.get("/admin/contracts/").get_data(as_text=True)
    assert "Showing 1–4 of 4 conversations" in html


# --- filters --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("query", "expected"), [
    # status is pending for every seeded message
    ("", lambda i: True),
    ("category=phone", lambda i: i % 2 == 0),
    ("category=link", lambda i: i % 2 == 1),  # a whole item of 'email,link'
    ("category=address", lambda i: False),
    ("action=warn", lambda i: i % 2 == 1),
    ("user=bob", lambda i: i % 3 == 0),
    ("user=bob&action=block", lambda i: i % 6 == 0),
    ("since=2026-03-11&until=2026-03-20", lambda i: 10 <= i <= 19),  # the end day is included
    ("since=2026-06-01", lambda i: i >= 92),
    ("status=violation", lambda i: False),
    ("category=&action=&user=&since=&until=", lambda i: True),  # an empty field is no filter
])
def test_review_filters_return_only_matching_messages(app, auth, demo, query, expected):
    ids = seed_messages(app, demo)
    auth.login("reviewer")
    seen, pages = walk(auth.client, f"/admin/review/?{query}", "review")
    assert seen == sorted((m for i, m in enumerate(ids) if expected(i)), reverse=True)
    if len(pages) > 1:  # the pager keeps the filters
        for key_value in filter(None, query.split("&")):
            if not key_value.endswith("="):
                assert key_value in link(pages[0], "next")


def test_review_filter_form_is_a_shareable_get_form_with_labels(app, auth, demo):
    auth.login("reviewer")
    html = auth.client.get("/admin/review/?category=phone&user=bob&since=2026-03-01").get_data(as_text=True)
    form = re.search(r'<form method="get"[^>]*id="review-filters".*?</form>', html, re.S).group(0)
    for name in ("category", "action", "user", "since", "until"):
        assert f'<label for="{name}"' in form, name
    assert '<option value="phone" selected>' in form
    assert 'value="bob"' in form and 'value="2026-03-01"' in form


@pytest.mark.parametrize(("query", "expected"), [
    ("actor=system", lambda e: e.actor_id is None),
    ("actor=admin", lambda e: e.actor_id is not None),
    ("action=login.success", lambda e: e.action == "login.success"),
    ("action=login.", lambda e: e.action.startswith("login.")),
    ("action=test.seed&since=2026-03-05&until=2026-03-06", lambda e: e.action == "test.seed"
     and datetime(2026, 3, 5) <= e.created_at < datetime(2026, 3, 7)),
])
def test_audit_filters_return_only_matching_entries(app, auth, demo, query, expected):
    auth.login("reviewer", "wrong password")
    auth.login("admin")
    with app.app_context():
        for i in range(SEEDED):
            db.session.add(AuditEntry(action="test.seed", target_type="user", target_id=None, detail={"i": i},
                                      created_at=BASE_DAY + timedelta(hours=i)))
        db.session.commit()
        everything = db.session.execute(db.select(AuditEntry).order_by(AuditEntry.id.desc())).scalars().all()
        wanted = [e.id for e in everything if expected(e)]
    seen, _ = walk(auth.client, f"/admin/audit?{query}", "audit")
    assert wanted and seen == wanted


@pytest.mark.parametrize(("path", "message"), [
    ("/admin/review/?status=none", "Status: Not a valid choice"),
    ("/admin/review/?category=fax", "Category: Not a valid choice"),
    ("/admin/review/?action=explode", "Action: Not a valid choice"),
    ("/admin/review/?user=nobody", "There is no user named &#39;nobody&#39;"),
    ("/admin/review/?since=yesterday", "From (date): Not a valid date value"),
    ("/admin/review/?since=2026-03-10&until=2026-03-01", "The end date is before the start date"),
    ("/admin/review/?before=abc", "Older than id: Not a valid integer value"),
    ("/admin/review/?before=0", "Older than id: Number must be between 1 and"),
    ("/admin/review/?before=99999999999999999999999", "Older than id: Number must be between"),
    ("/admin/review/?before=5&after=3", "either an older-than or a newer-than cursor"),
    ("/admin/review/?user=" + "u" * 81, "Field cannot be longer than 80 characters"),
    ("/admin/audit?actor=ghost", "There is no user named &#39;ghost&#39;"),
    ("/admin/audit?until=2026-02-30", "To (date, inclusive): Not a valid date value"),
    ("/admin/audit?after=-1", "Newer than id: Number must be between 1 and"),
    ("/admin/audit?action=" + "a" * 61, "Field cannot be longer than 60 characters"),
])
def test_bad_filter_input_is_a_400_with_a_clear_message(auth, path, message):
    auth.login("admin")
    response = auth.client.get(path)
    assert response.status_code == 400, path
    html = response.get_data(as_text=True)
    assert 'id="filter-errors"' in html and message in html
    if "cursor" not in message and " id:" not in message and "Status" not in message:  # no visible field
        assert 'aria-invalid="true"' in html  # the field in error is marked, beside its message


@pytest.mark.parametrize("query", ["before=abc", "before=1&after=2", "after=-5"])
def test_bad_cursors_on_conversation_pages_are_a_400(auth, demo, query):
    auth.login("alice")
    response = auth.client.get(f"/demo/conversations/{demo.conversations['inquiry']}?{query}")
    assert response.status_code == 400
    auth.login("admin")
    response = auth.client.get(f"/admin/contracts/{demo.conversations['inquiry']}?{query}")
    assert response.status_code == 400
    assert "Older than id" in response.get_data(as_text=True) or "Newer than id" in response.get_data(as_text=True)


def test_a_review_decision_returns_to_the_same_filtered_page(app, auth, demo):
    ids = seed_messages(app, demo)
    auth.login("reviewer")
    page = auth.client.get("/admin/review/?user=bob&category=phone").get_data(as_text=True)
    action = unescape(re.search(r'<form method="post" action="(/admin/review/\d+[^"]*)"', page).group(1))
    response = auth.post_form(action, {"decision": "acceptable"})
    assert response.status_code == 303
    assert "user=bob" in response.location and "category=phone" in response.location
    with app.app_context():
        newest_match = max(m for i, m in enumerate(ids) if i % 6 == 0)  # bob's phones: the first card
        assert db.session.get(Message, newest_match).review_status == "acceptable"


# --- long unbroken text never widens a page --------------------------------------------------------

def test_long_unbroken_text_is_rendered_in_wrapping_containers(app, auth, demo):
    seed_messages(app, demo, count=1, text=LONG_WORD, review_note=LONG_WORD[:500], review_status="acceptable")
    with app.app_context():
        db.session.add(AuditEntry(action="test.long", target_type="user", target_id=None,
                                  detail={"reason": LONG_WORD + "<script>", "n": 3}))
        db.session.commit()
    auth.login("admin")
    review = auth.client.get("/admin/review/?status=acceptable").get_data(as_text=True)
    assert re.search(r'<p class="text">x{5000}', review)
    assert re.search(r'<span class="wrap">x{500}</span>', review)
    audit = auth.client.get("/admin/audit?action=test.long").get_data(as_text=True)
    # The start in the summary, the whole (escaped) behind <details>, both in wrapping containers.
    assert re.search(r'<details class="long-text"><summary><span class="wrap">x{120}…</span>', audit)
    assert re.search(r'<div class="wrap">x{5000}&lt;script&gt;</div></details>', audit)
    assert "<script>" not in audit.split("</header>")[-1].replace('<script src=', '')
    css = auth.client.get("/assets/admin.css").get_data(as_text=True)
    assert re.search(r"\.wrap \{[^}]*overflow-wrap: anywhere", css)
    assert re.search(r"table\.list td \{[^}]*overflow-wrap: anywhere", css)
    assert re.search(r"\.text \{[^}]*overflow-wrap: anywhere", css)


def test_long_job_titles_are_clipped_with_the_whole_in_the_title(app, auth, demo):
    from admin.models import Conversation
    with app.app_context():
        conversation = db.session.get(Conversation, demo.conversations["offer"])
        conversation.job_title = "J" * 190 + '"><b>'
        db.session.commit()
    auth.login("admin")
    html = auth.client.get("/admin/contracts/").get_data(as_text=True)
    assert f'<span class="wrap" title="{"J" * 190}&#34;&gt;&lt;b&gt;">{"J" * 120}…</span>' in html


# --- the audit log: targets link to their pages, logins are recorded -----------------------------------

def test_audit_targets_link_to_their_pages(app, auth, demo):
    ids = seed_messages(app, demo, count=3)
    auth.login("admin")
    response = auth.post_form(f"/admin/contracts/{demo.conversations['offer']}/state",
                              {"state": "active", "reason": "signed"})
    assert response.status_code == 303
    auth.post_form(f"/admin/review/{ids[1]}", {"decision": "violation"})
    html = auth.client.get("/admin/audit").get_data(as_text=True)
    offer, inquiry = demo.conversations["offer"], demo.conversations["inquiry"]
    assert f'<a href="/admin/contracts/{offer}">conversation #{offer}</a>' in html
    assert (f'<a href="/admin/contracts/{inquiry}?before={ids[1] + 1}#message-{ids[1]}">message #{ids[1]}</a>'
            in html)
    assert f'<a href="/admin/users/#user-{demo.users["admin"]}">user #{demo.users["admin"]}</a>' in html
    # The linked message is on the page the link opens.
    target = auth.client.get(f"/admin/contracts/{inquiry}?before={ids[1] + 1}").get_data(as_text=True)
    assert f'id="message-{ids[1]}"' in target


def test_audit_details_are_readable_not_raw_json(app, auth, demo):
    auth.login("admin")
    auth.post_form(f"/admin/contracts/{demo.conversations['offer']}/state", {"state": "active", "reason": "signed"})
    html = auth.client.get("/admin/audit?action=contract.state").get_data(as_text=True)
    assert "<dt>reason</dt><dd><span class=\"wrap\">signed</span></dd>" in html
    assert "{&#34;" not in html


def test_logins_are_in_the_audit_log_successes_and_failures(app, auth, demo):
    auth.login("reviewer", "not the password")
    auth.login("nobody-at-all", "whatever")
    auth.login("reviewer")
    auth.logout()
    auth.login("admin")
    html = auth.client.get("/admin/audit?action=login.").get_data(as_text=True)
    rows = re.findall(r'<tr id="audit-\d+">(.*?)</tr>', html, re.S)
    actions = [re.findall(r"<td>(login\.[a-z]+)</td>", row)[0] for row in rows]
    assert actions == ["login.success", "login.success", "login.failed", "login.failed"]
    assert "nobody-at-all" in rows[2] and "reviewer" in rows[3]
