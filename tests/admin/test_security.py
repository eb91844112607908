"""Logins that cannot be brute-forced or enumerated, sessions revoked on the server, and the audit trail."""

from __future__ import annotations

from datetime import timedelta

import pytest
from admin_testdata import PASSWORD

from admin import auth as auth_module
from admin.db import db
from admin.models import AuditEntry, User, utcnow


def _audit(app, action: str) -> list[AuditEntry]:
    with app.app_context():
        rows = db.session.execute(db.select(AuditEntry).where(AuditEntry.action == action)
                                  .order_by(AuditEntry.id)).scalars().all()
        for row in rows:
            db.session.expunge(row)
        return rows


def _user(app, username: str) -> User:
    with app.app_context():
        user = db.session.execute(db.select(User).where(User.username == username)).scalar_one()
        db.session.expunge(user)
        return user


# -- throttling --------------------------------------------------------------------------------


def test_failed_logins_per_account_are_throttled(auth):
    statuses = [auth.login("alice", "wrong-password").status_code for _ in range(8)]
    assert statuses[:5] == [401] * 5
    assert statuses[5:] == [429] * 3
    # Throttled means throttled: the right password waits too.
    assert auth.login("alice", PASSWORD).status_code == 429
    assert auth.client.get("/demo/").status_code == 302


def test_successful_logins_do_not_count_towards_the_limit(auth):
    for _ in range(8):
        assert auth.login("alice").status_code == 302
        auth.logout()


def test_failed_logins_per_address_are_throttled_across_accounts(app, auth):
    app.config["LOGIN_LIMIT_PER_ACCOUNT"] = "100 per minute"
    statuses = [auth.login(f"nobody{i}", "wrong-password").status_code for i in range(22)]
    assert statuses[:20] == [401] * 20 and statuses[20:] == [429] * 2


def test_throttled_api_style_reply_is_an_error_page_not_a_crash(auth):
    for _ in range(6):
        response = auth.login("bob", "wrong-password")
    assert response.status_code == 429
    assert "Too Many Requests" in response.get_data(as_text=True)


# -- lockout -----------------------------------------------------------------------------------


def test_repeated_failures_lock_the_account_until_an_admin_lifts_it(app, auth, client):
    app.config["LOGIN_LIMIT_PER_ACCOUNT"] = "100 per minute"
    for _ in range(10):
        assert auth.login("bob", "wrong-password").status_code == 401
    bob = _user(app, "bob")
    assert bob.locked_until is not None and bob.locked_until > utcnow()
    assert auth.login("bob").status_code == 401  # the right password does not open a locked account
    assert auth.client.get("/demo/").status_code == 302
    assert [e.target_id for e in _audit(app, "login.lockout")] == [bob.id]
    assert _audit(app, "login.locked")
    auth.login("admin")
    page = auth.client.get("/admin/users/").get_data(as_text=True)
    assert f'id="user-{bob.id}"' in page and 'class="locked"' in page
    assert auth.post_form(f"/admin/users/{bob.id}/unlock").status_code == 303
    assert _user(app, "bob").locked_until is None
    [lifted] = _audit(app, "user.unlock")
    assert lifted.target_id == bob.id and lifted.address == "127.0.0.1"
    auth.logout()
    assert auth.login("bob").status_code == 302


def test_a_lockout_ends_by_itself(app, auth):
    with app.app_context():
        bob = db.session.execute(db.select(User).where(User.username == "bob")).scalar_one()
        bob.locked_until = utcnow() - timedelta(seconds=1)
        db.session.commit()
    assert auth.login("bob").status_code == 302


@pytest.mark.parametrize("user", ["reviewer", "alice"])
def test_only_admins_manage_users(auth, demo, user):
    auth.login(user)
    assert auth.client.get("/admin/users/").status_code == 403
    assert auth.post_form(f"/admin/users/{demo.users['bob']}/unlock").status_code == 403
    assert auth.post_form(f"/admin/users/{demo.users['bob']}/end-sessions").status_code == 403


# -- enumeration -------------------------------------------------------------------------------


def test_unknown_users_cost_the_same_password_hash(app, auth, monkeypatch):
    checked: list[str] = []
    real = auth_module.check_password_hash

    def spy(stored: str, password: str) -> bool:
        checked.append(stored)
        return real(stored, password)

    monkeypatch.setattr(auth_module, "check_password_hash", spy)
    assert auth.login("nobody-here", "wrong-password").status_code == 401
    assert auth.login("alice", "wrong-password").status_code == 401
    method = app.config["PASSWORD_HASH_METHOD"]
    assert len(checked) == 2
    assert all(stored.startswith(method + "$") for stored in checked)
    assert checked[0] != _user(app, "alice").password_hash


def test_unknown_and_known_users_get_the_same_answer(auth):
    unknown = auth.login("nobody-here", "wrong-password")
    known = auth.login("alice", "wrong-password")
    assert unknown.status_code == known.status_code == 401
    assert auth_module.FAILED_LOGIN.split(".")[0] in unknown.get_data(as_text=True)
    assert auth_module.FAILED_LOGIN.split(".")[0] in known.get_data(as_text=True)


# -- sessions ----------------------------------------------------------------------------------


def _session_cookie(client) -> str:
    return client.get_cookie("session").value


def test_a_session_cookie_replayed_after_logout_is_refused(app, auth):
    auth.login("alice")
    stolen = _session_cookie(auth.client)
    auth.logout()
    replay = app.test_client()
    replay.set_cookie("session", stolen)
    assert replay.get("/demo/").status_code == 302
    assert replay.get("/api/conversations").status_code == 401


def test_an_admin_ends_every_session_of_a_user(app, auth, demo):
    alice = app.test_client()
    type(auth)(alice).login("alice")  # a second browser: another AuthActions on another client
    assert alice.get("/demo/").status_code == 200
    auth.login("admin")
    assert auth.post_form(f"/admin/users/{demo.users['alice']}/end-sessions").status_code == 303
    assert alice.get("/demo/").status_code == 302
    [entry] = _audit(app, "user.end_sessions")
    assert entry.target_id == demo.users["alice"] and entry.actor_id == demo.users["admin"]


def test_a_new_password_ends_the_old_sessions(app, auth):
    auth.login("alice")
    with app.app_context():
        alice = db.session.execute(db.select(User).where(User.username == "alice")).scalar_one()
        alice.set_password("a-brand-new-password", app.config["PASSWORD_HASH_METHOD"])
        db.session.commit()
    assert auth.client.get("/demo/").status_code == 302
    assert auth.login("alice", "a-brand-new-password").status_code == 302


# -- audit -------------------------------------------------------------------------------------


def test_logins_and_logouts_are_audited_with_the_address(app, auth, demo):
    auth.login("alice", "wrong-password")
    auth.login("nobody-here", "wrong-password")
    auth.login("alice")
    auth.logout()
    failed = _audit(app, "login.failed")
    assert [(e.target_id, e.detail["username"]) for e in failed] == [(demo.users["alice"], "alice"),
                                                                     (None, "nobody-here")]
    assert all(e.address == "127.0.0.1" and e.actor_id is None for e in failed)
    [success] = _audit(app, "login.success")
    [logout] = _audit(app, "logout")
    assert success.actor_id == logout.actor_id == demo.users["alice"]
    page_client = app.test_client()
    type(auth)(page_client).login("reviewer")
    page = page_client.get("/admin/audit").get_data(as_text=True)
    assert "login.failed" in page and "127.0.0.1" in page
