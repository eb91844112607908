"""The audit log page: logins (success, failure, logout) are recorded and shown, details read as key/value
lists (escaped, never raw JSON), and targets and ids in details link to their pages for whoever may open them."""

from __future__ import annotations

import re

import pytest

from admin.db import db
from admin.models import AuditEntry, record_audit


def _rows(html: str) -> dict[int, str]:
    table = re.search(r'<table class="list" id="audit">(.*?)</table>', html, re.S).group(1)
    return {int(i): row for i, row in re.findall(r'<tr id="audit-(\d+)">(.*?)</tr>', table, re.S)}


def _entry(app, action: str, target_type: str, target_id: int | None, **detail) -> int:
    with app.app_context():
        record_audit(None, action, target_type, target_id, **detail)
        db.session.commit()
        return db.session.execute(db.select(db.func.max(AuditEntry.id))).scalar_one()


def test_logins_failures_and_logouts_are_in_the_audit_log(app, auth):
    assert auth.login("alice", "wrong-password").status_code == 401
    assert auth.login("<script>x</script>", "whatever-password").status_code == 401
    assert auth.login("alice").status_code == 302
    auth.logout()
    auth.login("admin")
    html = auth.client.get("/admin/audit").get_data(as_text=True)
    rows = [row for row in _rows(html).values() if re.search(r"<td>log(in\.\w+|out)</td>", row)]
    whats = [re.search(r"<td>(log(?:in\.\w+|out))</td>", row).group(1) for row in rows]
    # Newest first: the admin's own login, alice's logout and login, the two failures.
    assert whats[:5] == ["login.success", "logout", "login.success", "login.failed", "login.failed"]
    assert "<td>admin</td>" in rows[0] and "<td>alice</td>" in rows[1] and "<td>alice</td>" in rows[2]
    assert "<td>system</td>" in rows[3] and "&lt;script&gt;x&lt;/script&gt;" in rows[3] and "<script>x" not in html
    assert re.search(r"<dt>failures</dt><dd>1</dd>", rows[4]) and "<dt>username</dt>" in rows[4]
    # The failure names its known target, and the page links to that user.
    with app.app_context():
        entry = db.session.execute(db.select(AuditEntry).where(AuditEntry.action == "login.failed")
                                   .order_by(AuditEntry.id)).scalars().first()
        alice_id = entry.target_id
    assert f'href="/admin/users/#user-{alice_id}">user #{alice_id}</a>' in rows[4]
    assert "127.0.0.1" in rows[0]


def test_details_are_key_value_lists_escaped_and_never_json(app, auth, demo):
    conv = demo.conversations["offer"]
    entry = _entry(app, "test.detail", "conversation", conv, from_state="inquiry", replayed=True, created=False,
                   note=None, scopes=["messages:write", "contracts:write"], empty="",
                   nested={"inner_key": "<b>bold</b>", "deeper": {"n": 3}}, rows=[{"a": 1}, {"a": 2}],
                   conversation=conv, long="y" * 300)
    auth.login("reviewer")
    row = _rows(auth.client.get("/admin/audit?action=test.detail").get_data(as_text=True))[entry]
    assert '{"' not in row and "[&#34;" not in row and '["' not in row
    assert '<dt>from state</dt><dd><span class="wrap">inquiry</span></dd>' in row
    assert "<dt>replayed</dt><dd>yes</dd>" in row and "<dt>created</dt><dd>no</dd>" in row
    assert "<dt>note</dt><dd>(none)</dd>" in row and "<dt>empty</dt><dd>(empty)</dd>" in row
    assert '<dt>scopes</dt><dd><span class="wrap">messages:write, contracts:write</span></dd>' in row
    assert re.search(r'<dt>nested</dt><dd><dl class="audit-detail"><dt>deeper</dt><dd><dl class="audit-detail">'
                     r"<dt>n</dt><dd>3</dd></dl></dd><dt>inner key</dt><dd><span class=\"wrap\">&lt;b&gt;bold", row)
    assert "<b>bold" not in row
    assert re.search(r'<dt>rows</dt><dd><ol class="audit-list"><li><dl class="audit-detail"><dt>a</dt><dd>1</dd>', row)
    assert f'<dt>conversation</dt><dd><a href="/admin/contracts/{conv}">#{conv}</a></dd>' in row
    assert "show all 300 characters" in row
    # The target: the conversation's page.
    assert f'<a href="/admin/contracts/{conv}">conversation #{conv}</a>' in row


@pytest.mark.parametrize(("user", "expected"), [
    ("admin", {
        "message": "/admin/contracts/{conv}?before={next_message}#message-{message}",
        "rule_set_version": "/admin/rules/1",
        "user": "/admin/users/#user-{alice}",
        "service_token": "/admin/tokens/#token-7",
        "webhook_endpoint": "/admin/webhooks/#endpoint-8",
        "webhook_delivery": "/admin/webhooks/#delivery-9",
        "token_detail": "/admin/tokens/#token-7",
    }),
    ("reviewer", {
        "message": "/admin/contracts/{conv}?before={next_message}#message-{message}",
        "rule_set_version": "/admin/rules/1",
        "user": "/admin/review/?status=pending&amp;user=alice",
        "service_token": None,
        "webhook_endpoint": None,
        "webhook_delivery": None,
        "token_detail": None,
    }),
])
def test_targets_link_to_their_pages_for_whoever_may_open_them(app, auth, demo, user, expected):
    conv = demo.conversations["inquiry"]
    auth.login("alice")
    sent = auth.post_json(f"/api/conversations/{conv}/messages", {"text": "Sounds good."}).get_json()
    message = sent["message"]["id"]
    auth.logout()
    alice = demo.users["alice"]
    ids = {
        "message": _entry(app, "test.target", "message", message),
        "rule_set_version": _entry(app, "test.target", "rule_set_version", 1),
        "user": _entry(app, "test.target", "user", alice),
        "service_token": _entry(app, "test.target", "service_token", 7),
        "webhook_endpoint": _entry(app, "test.target", "webhook_endpoint", 8),
        "webhook_delivery": _entry(app, "test.target", "webhook_delivery", 9),
        "token_detail": _entry(app, "test.target", "conversation", None, token_id=7, token="marketplace",
                               conversation="ext-42"),
    }
    gone = _entry(app, "test.target", "user", 424242)
    auth.login(user)
    rows = _rows(auth.client.get("/admin/audit?action=test.target").get_data(as_text=True))
    for kind, href in expected.items():
        row = rows[ids[kind]]
        if href is None:
            assert "<a " not in row, (kind, row)
        else:
            href = href.format(conv=conv, message=message, next_message=message + 1, alice=alice)
            assert f'href="{href}"' in row, (kind, row)
    # A token's writes name the token as the actor; its marketplace ids are text, never links of ours.
    assert "<td>token marketplace</td>" in rows[ids["token_detail"]]
    assert '<dt>conversation</dt><dd><span class="wrap">ext-42</span></dd>' in rows[ids["token_detail"]]
    assert "<a " not in rows[gone] and "user #424242" in rows[gone]


def test_logins_refused_by_the_throttle_are_recorded_once_a_minute(app, auth, demo):
    app.config["LOGIN_LIMIT_PER_ACCOUNT"] = "2 per minute"
    assert [auth.login("alice", "wrong-password").status_code for _ in range(2)] == [401, 401]
    assert [auth.login("alice", "wrong-password").status_code for _ in range(3)] == [429, 429, 429]
    with app.app_context():
        throttled = db.session.execute(db.select(AuditEntry).where(AuditEntry.action == "login.throttled")).scalars().all()
        assert len(throttled) == 1
        assert throttled[0].target_id == demo.users["alice"] and throttled[0].detail["username"] == "alice"
        assert throttled[0].detail["limit"] == "2 per 1 minute" and throttled[0].address == "127.0.0.1"
    app.config["LOGIN_LIMIT_PER_ACCOUNT"] = "100 per minute"
    assert auth.login("admin").status_code == 302
    rows = _rows(auth.client.get("/admin/audit?action=login.throttled").get_data(as_text=True))
    row = rows[throttled[0].id]
    assert f'href="/admin/users/#user-{demo.users["alice"]}"' in row and "<td>system</td>" in row
