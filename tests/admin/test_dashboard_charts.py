"""The dashboard: messages per day by action (not findings), findings by category in the composer's colours,
exceptions claimed, the review backlog and the repeat senders; a y-axis of round ticks; escaped names."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from admin_testdata import CLEAN_TEXT, EMAIL_TEXT, PHONE_TEXT

from admin.auth import create_user
from admin.dashboard import format_age, nice_ticks
from admin.db import db
from admin.enums import Category
from admin.models import AuditEntry, Message, utcnow

ROOT = Path(__file__).resolve().parents[2]


def _table(html: str, table_id: str) -> str:
    return re.search(rf'<table[^>]*id="{table_id}"[^>]*>(.*?)</table>', html, re.S).group(1)


def _svg(html: str, chart_id: str) -> str:
    return re.search(rf'<svg[^>]*id="{chart_id}"[^>]*>.*?</svg>', html, re.S).group(0)


def _add(app, sender: int, conversation: int, action: str, categories: list[str], days_ago: float = 0,
         review: str = "pending", exception: str | None = None, text: str = "x") -> int:
    """A stored message written straight to the database (to place it on an earlier day)."""
    with app.app_context():
        message = Message(
            conversation_id=conversation, sender_id=sender, text=text, delivered_text=text,
            status="blocked" if action == "block" else "delivered", action=action, state="inquiry",
            categories=",".join(categories),
            findings=[{"category": c, "start": 0, "end": 1, "match": "x", "rule": f"{c}.test", "message": ""}
                      for c in categories],
            rule_version_id=1, fingerprint="f", review_status=review, exception_reason=exception,
            created_at=utcnow() - timedelta(days=days_ago),
        )
        db.session.add(message)
        db.session.commit()
        return message.id


@pytest.mark.parametrize(("highest", "ticks"), [
    (0, [0, 1, 2, 3, 4]),
    (1, [0, 1, 2, 3, 4]),
    (7, [0, 2, 4, 6, 8]),
    (10, [0, 2, 4, 6, 8, 10]),
    (37, [0, 10, 20, 30, 40]),
    (120, [0, 50, 100, 150]),
    (999, [0, 200, 400, 600, 800, 1000]),
])
def test_axis_ticks_are_several_round_numbers(highest, ticks):
    assert nice_ticks(highest) == ticks


def test_axis_refuses_a_negative_count():
    with pytest.raises(ValueError, match="negative"):
        nice_ticks(-1)


@pytest.mark.parametrize(("age", "words"), [
    (timedelta(minutes=7, seconds=50), "7 min"),
    (timedelta(hours=5, minutes=12), "5 h 12 min"),
    (timedelta(days=2, hours=3, minutes=59), "2 d 3 h"),
])
def test_ages_read_as_words(age, words):
    assert format_age(age) == words


def test_messages_per_day_count_messages_by_action_not_findings(app, auth, demo):
    auth.login("alice")
    conv = demo.conversations["inquiry"]
    for text in (CLEAN_TEXT, f"{PHONE_TEXT} or {EMAIL_TEXT}", PHONE_TEXT):
        assert auth.post_json(f"/api/conversations/{conv}/messages", {"text": text}).status_code in (201, 422)
    auth.logout()
    _add(app, demo.users["bob"], conv, "warn", ["link"], days_ago=3)
    auth.login("reviewer")
    html = auth.client.get("/admin/").get_data(as_text=True)
    rows = _table(html, "actions-table")
    today, earlier = utcnow().date(), utcnow().date() - timedelta(days=3)
    # allow, warn, redact, block, all: the two-finding message counts once.
    assert re.search(rf"<th scope=\"row\">{today}</th><td>1</td><td>0</td><td>0</td><td>2</td><td>3</td>", rows)
    assert re.search(rf"<th scope=\"row\">{earlier}</th><td>0</td><td>1</td><td>0</td><td>0</td><td>1</td>", rows)
    chart = _svg(html, "chart-actions")
    assert 'role="img"' in chart and "Messages per day by action" in chart
    assert f"{today.strftime('%m-%d')} block: 2</title>" in chart
    # Findings are counted as findings, and as messages holding them.
    categories = _table(html, "categories-table")
    assert re.search(r"phone</mark></th><td>2</td><td>2</td>", categories)
    assert re.search(r"email</mark></th><td>1</td><td>1</td>", categories)
    assert "phone: 2</title>" in _svg(html, "chart-categories")


def test_the_y_axis_has_several_round_ticks_above_the_highest_column(app, auth, demo):
    for _ in range(13):
        _add(app, demo.users["alice"], demo.conversations["inquiry"], "block", ["phone"])
    auth.login("admin")
    chart = _svg(auth.client.get("/admin/").get_data(as_text=True), "chart-actions")
    ticks = [int(t) for t in re.findall(r'class="tick">(\d+)</text>', chart)]
    assert ticks == [0, 5, 10, 15]
    # Each tick sits where its value is: equal steps on the axis.
    ys = [float(y) for y in re.findall(r'<text x="[\d.]+" y="([\d.]+)" text-anchor="end" class="tick">', chart)]
    steps = [a - b for a, b in zip(ys, ys[1:], strict=False)]
    assert len(ys) == 4 and max(steps) - min(steps) < 0.2
    # The column of 13 reaches 13/15 of the axis.
    height = float(re.search(r'<rect class="act-block" x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)">',
                             chart).group(1))
    assert abs(height - 13 / 15 * (ys[0] - ys[-1])) < 0.2


def test_exceptions_backlog_and_repeat_senders(app, auth, demo):
    conv = demo.conversations["inquiry"]
    alice, bob = demo.users["alice"], demo.users["bob"]
    _add(app, alice, conv, "block", ["email"], exception="repo_access")
    _add(app, alice, conv, "block", ["email"], exception="repo_access", review="violation", days_ago=1)
    _add(app, bob, conv, "block", ["phone"], exception="legal", review="acceptable", days_ago=2)
    _add(app, alice, conv, "redact", ["address"], days_ago=2.2)
    _add(app, alice, conv, "block", ["phone"], days_ago=40)  # outside the window, still pending
    with app.app_context():
        db.session.add(AuditEntry(action="exception.refused", target_type="user", target_id=alice,
                                  detail={"why": "exception_limit_reached"}))
        db.session.add(AuditEntry(action="exception.refused", target_type="user", target_id=alice,
                                  created_at=utcnow() - timedelta(days=30)))
        evil = create_user("<b>evil</b>", "a-long-password", "client")
        db.session.commit()
        evil_id = evil.id
    _add(app, evil_id, conv, "warn", ["link"])
    _add(app, evil_id, conv, "warn", ["link"])
    auth.login("admin")
    html = auth.client.get("/admin/").get_data(as_text=True)
    claims = _table(html, "exceptions-table")
    assert re.search(r"<code>repo_access</code></th><td>2</td><td>1</td><td>0</td><td>1</td>", claims)
    assert re.search(r"<code>legal</code></th><td>1</td><td>0</td><td>1</td><td>0</td>", claims)
    assert re.search(r'id="exceptions-refused">[^<]*<strong>1</strong>', html)
    # Backlog: every pending message, the oldest 40 days old.
    assert '<strong id="backlog-pending">5</strong>' in html
    assert '<strong id="backlog-age">40 d 0 h</strong>' in html
    senders = _table(html, "senders-table")
    # alice: 3 flagged in the window (2 blocked); evil: 2; bob has one only and is no repeat sender.
    assert re.search(r'href="/admin/review/\?status=pending&amp;user=alice">alice</a></td><td>3</td><td>2</td>', senders)
    assert "&lt;b&gt;evil&lt;/b&gt;</a></td><td>2</td><td>0</td>" in senders
    assert "<b>evil" not in html and ">bob<" not in senders
    assert senders.index("alice") < senders.index("evil")


def test_an_empty_dashboard_says_so(auth):
    auth.login("reviewer")
    html = auth.client.get("/admin/").get_data(as_text=True)
    assert '<strong id="backlog-pending">0</strong> messages waiting' in html and "backlog-age" not in html
    assert "No exception claimed." in html and "No repeat senders." in html
    assert re.findall(r'class="tick">(\d+)</text>', _svg(html, "chart-actions")) == ["0", "1", "2", "3", "4"]


def test_category_colours_are_the_composers_declared_once():
    composer = (ROOT / "web/src/composer.css").read_text()
    admin = (ROOT / "admin/static/admin.css").read_text()
    base = (ROOT / "admin/templates/base.html").read_text()
    for category in Category:
        for prop in (f"--cg-{category}", f"--cg-{category}-line"):
            assert len(re.findall(rf"{prop}:\s*#[0-9a-f]{{6}}", composer)) == 1, prop
            assert f"{prop}:" not in admin, f"{prop} is declared again in admin.css"
        # The admin highlight and the chart bar take the composer's fill and line.
        assert re.search(rf"mark\.cat-{category} {{ background: var\(--cg-{category}\); "
                         rf"text-decoration-color: var\(--cg-{category}-line\)", admin), category
        assert re.search(rf"\.chart-svg \.cat-{category} {{ fill: var\(--cg-{category}\); "
                         rf"stroke: var\(--cg-{category}-line\); }}", admin), category
    # Declared where the admin pages see them, and linked before admin.css.
    assert re.search(r"^:root, \.cg-composer \{", composer, re.M)
    assert base.index("web_asset('composer.css')") < base.index("filename='admin.css'")
