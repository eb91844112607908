"""Every route against every role: who may read, who may change, who is sent to log in."""

from __future__ import annotations

import pytest

STAFF_PAGES = [
    "/admin/", "/admin/audit", "/admin/rules/", "/admin/rules/1", "/admin/rules/1/document.json",
    "/admin/rules/diff?a=1&b=1", "/admin/rules/1/impact", "/admin/playground", "/admin/contracts/",
    "/admin/contracts/{inquiry}", "/admin/review/",
]
PARTY_PAGES = ["/demo/", "/demo/conversations/{inquiry}"]
ADMIN_POSTS = [
    ("/admin/rules/new", {}),
    ("/admin/rules/1/rollback", {"expected_published_id": "1"}),
    ("/admin/contracts/{inquiry}/state", {"state": "offer", "reason": "offer sent"}),
]
ROLES = ["admin", "reviewer", "alice", "bob", "carol"]


def _fill(path: str, demo) -> str:
    return path.format(**demo.conversations)


def test_pages_need_login(client, demo):
    for path in STAFF_PAGES + PARTY_PAGES + ["/"]:
        response = client.get(_fill(path, demo))
        assert response.status_code == 302, path
        assert "/login" in response.headers["Location"], path


@pytest.mark.parametrize("user", ROLES)
def test_staff_pages(auth, demo, user):
    auth.login(user)
    for path in STAFF_PAGES:
        response = auth.client.get(_fill(path, demo))
        assert response.status_code == (200 if user in ("admin", "reviewer") else 403), path


@pytest.mark.parametrize("user", ROLES)
def test_party_pages(auth, demo, user):
    auth.login(user)
    for path in PARTY_PAGES:
        response = auth.client.get(_fill(path, demo))
        # The inquiry conversation is Alice's and Bob's; Carol is a client, but not of this job.
        expected = {"admin": 403, "reviewer": 403, "alice": 200, "bob": 200,
                    "carol": 200 if path == "/demo/" else 403}
        assert response.status_code == expected[user], path


@pytest.mark.parametrize("user", ROLES)
def test_admin_only_changes(auth, demo, user):
    auth.login(user)
    for path, data in ADMIN_POSTS:
        response = auth.post_form(_fill(path, demo), data)
        if user == "admin":
            assert response.status_code in (303, 409), path  # 409: version 1 is the published one already
        else:
            assert response.status_code == 403, path


@pytest.mark.parametrize("user", ["reviewer", "alice", "bob"])
def test_only_admins_publish(auth, user):
    auth.login(user)
    assert auth.post_form("/admin/rules/1/publish", {"expected_published_id": "1"}).status_code == 403
    assert auth.post_form("/admin/rules/1/raw", {"document": "{}"}).status_code == 403
    assert auth.post_form("/admin/rules/1/structured", {}).status_code == 403


@pytest.mark.parametrize(("user", "status"), [("admin", 409), ("reviewer", 409), ("alice", 403), ("bob", 403)])
def test_review_decisions_are_for_staff(auth, demo, app, user, status):
    from admin.db import db
    from admin.models import Message

    with app.app_context():
        message = Message(conversation_id=demo.conversations["active"], sender_id=demo.users["carol"], text="x",
                          delivered_text="x", status="delivered", action="allow", state="active", fingerprint="f")
        db.session.add(message)
        db.session.commit()
        message_id = message.id
    auth.login(user)
    # 409 for staff: the message was never queued; the point is that parties get 403.
    assert auth.post_form(f"/admin/review/{message_id}", {"decision": "violation"}).status_code == status


def test_index_redirects_by_role(auth):
    auth.login("admin")
    assert auth.client.get("/").headers["Location"].endswith("/admin/")
    auth.logout()
    auth.login("bob")
    assert auth.client.get("/").headers["Location"].endswith("/demo/")
