"""POST /api/check is lean: only the session's user lookup (a revoked session is refused here too)
and, for a conversation, its row; rules looked up at most once a second, history from the body
when given; still 401, 403, 404 and fresh rules after a local publish."""

from __future__ import annotations

import pytest
from admin_testdata import PHONE_TEXT
from conftest import AuthActions, seed
from sqlalchemy import event

from admin import create_app
from admin.db import db
from admin.models import User
from admin.versions import create_version, publish, published

SPLIT = ("0123", ["so the number is 415 555"])  # a phone number the newest message completes


@pytest.fixture
def statements(app, monkeypatch):
    """The SQL statements the app runs while the test looks (with the rules' freshness window
    made long, so that a slow machine does not cross it between two requests): SQLAlchemy's, and
    the lean route's, which go to the driver directly (`admin.auth.lean_row`)."""
    import admin.api
    import admin.auth

    monkeypatch.setattr(admin.api, "CHECK_RULES_MAX_AGE", 3600.0)
    seen: list[str] = []
    with app.app_context():
        engine = db.engine

    def record(_conn, _cursor, statement, *_args):
        seen.append(statement)

    lean_row = admin.auth.lean_row

    def record_lean(statement, params):
        seen.append(str(statement.compile(dialect=engine.dialect)))
        return lean_row(statement, params)

    monkeypatch.setattr(admin.auth, "lean_row", record_lean)

    event.listen(engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine, "before_cursor_execute", record)


def _poster(auth):
    """post(body) for /api/check with a CSRF token read once (auth.post_json reads a page each time)."""
    token = auth.csrf_token()
    return lambda body: auth.client.post("/api/check", json=body, headers={"X-CSRFToken": token})


def test_a_check_without_a_conversation_runs_only_the_session_lookup(auth, statements):
    auth.login("alice")
    post = _poster(auth)
    assert post({"text": "hello"}).status_code == 200
    statements.clear()
    response = post({"text": PHONE_TEXT, "history": ["hi"], "state": "inquiry"})
    assert response.status_code == 200 and response.get_json()["action"] == "block"
    assert len(statements) == 1 and "FROM users" in statements[0]  # the session's user, no rules query


def test_a_partys_check_of_its_conversation_reads_only_the_conversation(auth, demo, statements):
    auth.login("alice")
    post = _poster(auth)
    post({"text": "hello"})
    statements.clear()
    body = {"text": PHONE_TEXT, "history": ["hi"], "conversation_id": demo.conversations["inquiry"]}
    assert post(body).status_code == 200
    assert len(statements) == 2 and "FROM users" in statements[0] and "FROM conversations" in statements[1]


def test_history_comes_from_the_body_when_given(app, auth, demo):
    auth.login("alice")
    conversation = demo.conversations["inquiry"]
    text, history = SPLIT
    given = auth.post_json("/api/check", {"text": text, "history": history, "conversation_id": conversation})
    stored = auth.post_json("/api/check", {"text": text, "conversation_id": conversation})
    with app.app_context():
        detector = published().detector
        want_given = detector.scan(text, history=history, state="inquiry").to_dict()
        want_stored = detector.scan(text, history=[], state="inquiry").to_dict()
    assert want_given != want_stored, "the split number should need its history"
    assert {k: v for k, v in given.get_json().items() if k in want_given} == want_given
    assert {k: v for k, v in stored.get_json().items() if k in want_stored} == want_stored


def test_a_publish_in_this_process_is_seen_at_once(app, auth):
    auth.login("alice")
    assert auth.post_json("/api/check", {"text": PHONE_TEXT}).get_json()["action"] == "block"
    with app.app_context():
        admin = db.session.execute(db.select(User).where(User.username == "admin")).scalar_one()
        current = published()
        doc = current.rules.to_dict()
        doc["actions"]["inquiry"]["phone"] = "warn"
        version = create_version(doc, admin, "lean check test")
        publish(version, admin, current.id)
        db.session.commit()
        fingerprint = version.fingerprint
    response = auth.post_json("/api/check", {"text": PHONE_TEXT})
    assert response.get_json()["action"] == "warn"
    assert response.headers["X-Rules-Fingerprint"] == fingerprint


@pytest.mark.parametrize(("user", "state", "status"), [
    ("reviewer", "inquiry", 200),   # staff read every conversation
    ("dave", "inquiry", 403),       # no party to it
    ("carol", None, 404),
])
def test_who_may_check_a_conversation(auth, demo, user, state, status):
    auth.login(user)
    conversation = demo.conversations[state] if state else 987654
    response = auth.post_json("/api/check", {"text": "hi", "conversation_id": conversation})
    assert response.status_code == status


def test_a_check_without_a_session_is_401(client):
    response = client.post("/api/check", json={"text": "hi"})
    assert response.status_code in (400, 401)  # CSRF may refuse first; either way no verdict
    assert "action" not in (response.get_json() or {})


def test_a_revoked_session_is_refused_by_the_lean_check(app, auth):
    """The lean route reads the session's user with a Core select: a session ended on the server
    (logout elsewhere, a new password, an admin's "end sessions") is still a 401 there."""
    auth.login("alice")
    post = _poster(auth)
    assert post({"text": "hello"}).status_code == 200
    with app.app_context():
        alice = db.session.execute(db.select(User).where(User.username == "alice")).scalar_one()
        alice.end_sessions()
        db.session.commit()
    response = post({"text": "hello"})
    assert response.status_code == 401
    assert response.get_json()["error"] == "unauthorized" and "action" not in response.get_json()


def test_the_lean_check_reads_only_the_columns_it_needs(auth, demo, statements):
    """One row each, only the columns the check needs (no password hash is read for a check)."""
    auth.login("alice")
    post = _poster(auth)
    post({"text": "hello"})
    statements.clear()
    assert post({"text": "hi", "history": ["hey"], "conversation_id": demo.conversations["inquiry"]}).status_code == 200
    users, conversations = statements
    assert "password_hash" not in users and "users.role" in users and "users.session_version" in users
    assert "conversations.state" in conversations and "job_title" not in conversations


def test_a_lean_check_without_history_reads_the_conversations_history(auth, demo, statements):
    auth.login("alice")
    post = _poster(auth)
    post({"text": "hello"})
    statements.clear()
    assert post({"text": "hi", "conversation_id": demo.conversations["inquiry"]}).status_code == 200
    assert len(statements) == 3 and "FROM messages" in statements[2]


def test_other_routes_still_load_the_orm_user(auth):
    """Only POST /api/check gets the read-only session user; logout still gets the ORM one and
    revokes the session, so a copy of the old cookie no longer checks."""
    auth.login("alice")
    post = _poster(auth)
    assert post({"text": "hello"}).status_code == 200
    copied = auth.client.get_cookie("session").value
    assert auth.logout().status_code in (302, 303)
    auth.client.set_cookie("session", copied)
    response = post({"text": "hello"})
    assert response.status_code == 401 and response.get_json()["error"] == "unauthorized"


def test_the_check_skips_the_limiter_only_while_no_limit_applies(app, auth):
    """No limit names /api/check, so the limiter's per-request work is skipped there; a token check
    goes through /api/marketplace/check, which stays limited (tests/admin/test_service_tokens.py)."""
    from admin.auth import _no_limit_applies

    auth.login("alice")
    with app.test_request_context("/api/check", method="POST"):
        assert _no_limit_applies()
    with app.test_request_context("/api/marketplace/check", method="POST"):
        assert not _no_limit_applies()
    with app.test_request_context("/login", method="POST"):
        assert not _no_limit_applies()


def test_an_application_wide_limit_still_applies_to_the_check(tmp_path):
    """Were application-wide limits configured, /api/check would not skip them."""
    from admin.auth import limiter

    limited = create_app({
        "TESTING": True, "SECRET_KEY": "test-secret", "SESSION_COOKIE_SECURE": False,
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'limited.sqlite'}",
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000", "INSTANCE_PATH": str(tmp_path / "instance"),
        "RATELIMIT_APPLICATION": "3 per minute",
    })
    try:
        with limited.app_context():
            db.create_all()
        seed(limited)
        auth = AuthActions(limited.test_client())
        auth.login("alice")
        token = auth.csrf_token()
        statuses = [auth.client.post("/api/check", json={"text": "hi"}, headers={"X-CSRFToken": token}).status_code
                    for _ in range(4)]
        assert 429 in statuses and statuses[-1] == 429
        refused = auth.client.post("/api/check", json={"text": "hi"}, headers={"X-CSRFToken": token})
        assert refused.status_code == 429 and set(refused.get_json()) == {"error", "message"}
    finally:
        # the limiter is one object for every app in this process, and keeps application limits once set
        limiter.limit_manager.set_application_limits([])
        with limited.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.mark.parametrize("body", [
    {"text": PHONE_TEXT, "history": ["hi"], "state": "inquiry"},
    {"text": "hello, how are you?", "state": "active"},
    {"text": SPLIT[0], "history": SPLIT[1]},
])
def test_the_checks_reply_is_the_verdict_models_bytes(app, auth, body):
    """The check answers with the verdict's dict as JSON, without the round trip through
    schemas.Verdict: the bytes are those `reply(judged(...))` gives, as every other check route sends."""
    from admin.api import judged
    from admin.openapi import reply

    auth.login("alice")
    response = _poster(auth)(body)
    assert response.status_code == 200
    with app.test_request_context():
        want = reply(judged(published(), body["text"], body.get("history", []), body.get("state", "inquiry"), None))
    assert response.get_data() == want.get_data()
    assert response.mimetype == "application/json"


def test_the_lean_checks_connection_goes_back_to_the_pool(app, auth, demo):
    """The session user and the conversation are read on one pooled connection per request, which
    is given back when the request ends, answered or refused."""
    auth.login("alice")
    post = _poster(auth)
    with app.app_context():
        pool = db.engine.pool
    assert post({"text": "hi", "conversation_id": demo.conversations["inquiry"]}).status_code == 200
    assert post({"text": "hi", "conversation_id": 987654}).status_code == 404
    auth.client.set_cookie("session", "forged")
    assert post({"text": "hi"}).status_code in (400, 401)
    assert pool.checkedout() == 0


def test_the_lean_check_judges_in_the_conversations_state(app, auth, demo):
    """The conversation's head comes from the driver (its state a plain string): each state's
    verdict is the one the published rules give in that state, whatever `state` the body claims."""
    auth.login("alice")
    post = _poster(auth)
    with app.app_context():
        detector = published().detector
    for state in ("inquiry", "offer"):
        body = {"text": PHONE_TEXT, "history": ["hi"], "state": "active", "conversation_id": demo.conversations[state]}
        got = post(body).get_json()
        want = detector.scan(PHONE_TEXT, history=["hi"], state=state).to_dict()
        assert got["state"] == state and {k: v for k, v in got.items() if k in want} == want
