"""Server enforcement: the published rules and the contract state decide, whatever the client did."""

from __future__ import annotations

import pytest
from admin_testdata import ADDRESS_TEXT, CLEAN_TEXT, EMAIL_TEXT, LINK_TEXT, PHONE_TEXT

from admin.db import db
from admin.models import Message


def _messages(app, **filters) -> list[Message]:
    with app.app_context():
        query = db.select(Message).filter_by(**filters).order_by(Message.id)
        rows = db.session.execute(query).scalars().all()
        for row in rows:
            db.session.expunge(row)
        return rows


def _post(auth, conversation_id: int, body, headers=None):
    return auth.post_json(f"/api/conversations/{conversation_id}/messages", body, headers)


def test_bypass_in_inquiry_is_refused_and_stored_for_review(app, auth, demo):
    auth.login("alice")
    response = _post(auth, demo.conversations["inquiry"], {"text": PHONE_TEXT})
    assert response.status_code == 422
    body = response.get_json()
    assert body["error"] == "blocked"
    assert body["delivered"] is False
    assert body["verdict"]["action"] == "block"
    assert "phone" in body["verdict"]["categories"]
    assert body["fingerprint"] == response.headers["X-Rules-Fingerprint"]
    assert "Phone numbers" in body["message"]
    [stored] = _messages(app, conversation_id=demo.conversations["inquiry"])
    assert stored.status == "blocked" and stored.delivered_text is None and stored.review_status == "pending"


def test_bypass_in_active_contract_is_delivered(app, auth, demo):
    auth.login("bob")
    response = _post(auth, demo.conversations["active"], {"text": PHONE_TEXT})
    assert response.status_code == 201
    body = response.get_json()
    assert body["delivered"] is True
    assert body["message"]["text"] == PHONE_TEXT
    assert body["verdict"]["action"] == "allow"
    assert response.headers["Location"].startswith(f"/api/conversations/{demo.conversations['active']}")
    assert "fingerprint" in body


@pytest.mark.parametrize(
    ("state", "text", "status", "action"),
    [
        ("inquiry", CLEAN_TEXT, 201, "allow"),
        ("inquiry", EMAIL_TEXT, 422, "block"),
        ("inquiry", ADDRESS_TEXT, 201, "redact"),
        ("inquiry", LINK_TEXT, 201, "warn"),
        ("offer", PHONE_TEXT, 422, "block"),
        ("ended", EMAIL_TEXT, 201, "allow"),
    ],
)
def test_actions_follow_state_and_category(auth, demo, state, text, status, action):
    auth.login("alice" if state in ("inquiry", "offer") else "carol")
    response = _post(auth, demo.conversations[state], {"text": text})
    assert response.status_code == status
    assert response.get_json()["verdict"]["action"] == action


def test_redacted_message_delivers_the_masked_text(app, auth, demo):
    auth.login("alice")
    body = _post(auth, demo.conversations["inquiry"], {"text": ADDRESS_TEXT}).get_json()
    delivered = body["message"]["text"]
    assert delivered != ADDRESS_TEXT and "baker" not in delivered.lower()
    assert delivered.startswith("come to ")
    assert body["verdict"]["redacted"] == delivered
    # The other party sees only the masked text.
    auth.logout()
    auth.login("bob")
    seen = auth.client.get(f"/api/conversations/{demo.conversations['inquiry']}").get_json()
    assert [m["text"] for m in seen["messages"]] == [delivered]
    assert "original_text" not in seen["messages"][0]


def test_exception_reason_delivers_and_queues(app, auth, demo):
    auth.login("alice")
    response = _post(auth, demo.conversations["inquiry"], {"text": EMAIL_TEXT, "exception_reason": "repo_access"})
    assert response.status_code == 201
    [stored] = _messages(app, conversation_id=demo.conversations["inquiry"])
    assert stored.status == "delivered" and stored.review_status == "pending"
    assert stored.exception_reason == "repo_access" and stored.action == "block"


def test_unknown_exception_reason_is_rejected_and_nothing_stored(app, auth, demo):
    auth.login("alice")
    response = _post(auth, demo.conversations["inquiry"], {"text": EMAIL_TEXT, "exception_reason": "because"})
    assert response.status_code == 422
    assert response.get_json()["error"] == "unknown_exception_reason"
    assert _messages(app) == []


def test_blocked_attempt_is_never_shown_to_the_other_party(auth, demo):
    auth.login("alice")
    _post(auth, demo.conversations["inquiry"], {"text": PHONE_TEXT})
    own = auth.client.get(f"/api/conversations/{demo.conversations['inquiry']}").get_json()["messages"]
    assert [m["status"] for m in own] == ["blocked"] and own[0]["text"] is None
    auth.logout()
    auth.login("bob")
    assert auth.client.get(f"/api/conversations/{demo.conversations['inquiry']}").get_json()["messages"] == []


def test_idempotent_retry_returns_the_first_result_and_stores_once(app, auth, demo):
    auth.login("alice")
    headers = {"Idempotency-Key": "send-42"}
    first = _post(auth, demo.conversations["inquiry"], {"text": CLEAN_TEXT}, headers)
    second = _post(auth, demo.conversations["inquiry"], {"text": CLEAN_TEXT}, headers)
    assert first.status_code == second.status_code == 201
    assert first.get_json() == second.get_json()
    assert second.headers["Idempotent-Replayed"] == "true"
    assert len(_messages(app)) == 1


def test_idempotent_retry_of_a_refused_message(app, auth, demo):
    auth.login("alice")
    headers = {"Idempotency-Key": "blocked-1"}
    first = _post(auth, demo.conversations["inquiry"], {"text": PHONE_TEXT}, headers)
    second = _post(auth, demo.conversations["inquiry"], {"text": PHONE_TEXT}, headers)
    assert first.status_code == second.status_code == 422
    assert first.get_json() == second.get_json()
    assert len(_messages(app)) == 1


def test_idempotency_key_reused_for_another_text_is_refused(app, auth, demo):
    auth.login("alice")
    headers = {"Idempotency-Key": "k"}
    assert _post(auth, demo.conversations["inquiry"], {"text": CLEAN_TEXT}, headers).status_code == 201
    response = _post(auth, demo.conversations["inquiry"], {"text": "something else"}, headers)
    assert response.status_code == 422
    assert response.get_json()["error"] == "idempotency_key_reused"
    assert len(_messages(app)) == 1


def test_same_key_from_two_users_are_two_messages(app, auth, demo):
    auth.login("alice")
    _post(auth, demo.conversations["inquiry"], {"text": CLEAN_TEXT}, {"Idempotency-Key": "same"})
    auth.logout()
    auth.login("bob")
    _post(auth, demo.conversations["inquiry"], {"text": CLEAN_TEXT}, {"Idempotency-Key": "same"})
    assert len(_messages(app)) == 2


def test_the_server_checks_with_the_conversations_recent_delivered_history(app, auth, demo, monkeypatch):
    from engine import Detector

    seen = {}
    original = Detector.scan

    def spy(self, text, history=None, state="inquiry"):
        seen["history"], seen["state"] = list(history or []), state
        return original(self, text, history=history, state=state)

    auth.login("alice")
    conv = demo.conversations["inquiry"]
    for text in ["first", "second", PHONE_TEXT, "third"]:
        _post(auth, conv, {"text": text})
    monkeypatch.setattr(Detector, "scan", spy)
    _post(auth, conv, {"text": "fourth"})
    # Oldest first, delivered texts only (the blocked phone number is not history).
    assert seen == {"history": ["first", "second", "third"], "state": "inquiry"}


def test_history_is_limited_to_the_rule_sets_window(app, demo):
    from admin.enforcement import recent_history
    from admin.models import Conversation, utcnow

    with app.app_context():
        conv = db.session.get(Conversation, demo.conversations["active"])
        for i in range(10):
            db.session.add(Message(conversation_id=conv.id, sender_id=demo.users["carol"], text=f"m{i}",
                                   delivered_text=f"m{i}", status="delivered", action="allow", state="active",
                                   fingerprint="x", created_at=utcnow()))
        db.session.commit()
        assert recent_history(conv, 3) == ["m7", "m8", "m9"]
        assert recent_history(conv, 0) == []


@pytest.mark.parametrize(
    ("body", "status", "error"),
    [
        ({"text": ""}, 422, "empty_message"),
        ({"text": "   "}, 422, "empty_message"),
        ({"text": "x" * 5001}, 413, "message_too_long"),
        ({"text": 5}, 422, "invalid_field"),
        ({"text": None}, 422, "invalid_field"),
        ({}, 422, "missing_field"),
        ({"text": "hi", "extra": 1}, 422, "unknown_field"),
        ({"text": "hi", "exception_reason": 3}, 422, "invalid_field"),
        ([], 422, "invalid_body"),
        ("hi", 422, "invalid_body"),
    ],
)
def test_bad_message_bodies(app, auth, demo, body, status, error):
    auth.login("alice")
    response = _post(auth, demo.conversations["inquiry"], body)
    assert response.status_code == status
    assert response.get_json()["error"] == error
    assert set(response.get_json()) == {"error", "message"}
    assert _messages(app) == []


def test_text_of_exactly_the_limit_is_accepted(auth, demo):
    auth.login("carol")
    assert _post(auth, demo.conversations["active"], {"text": "y" * 5000}).status_code == 201


def test_malformed_json_and_wrong_content_type(auth, demo):
    auth.login("alice")
    path = f"/api/conversations/{demo.conversations['inquiry']}/messages"
    token = auth.csrf_token()
    bad = auth.client.post(path, data="{not json", content_type="application/json", headers={"X-CSRFToken": token})
    assert bad.status_code == 400 and bad.get_json()["error"] == "malformed_json"
    form = auth.client.post(path, data={"text": "hi"}, headers={"X-CSRFToken": token})
    assert form.status_code == 415 and form.get_json()["error"] == "unsupported_media_type"


def test_unknown_conversation_is_404(auth):
    auth.login("alice")
    response = _post(auth, 999999, {"text": "hi"})
    assert response.status_code == 404
    assert response.get_json()["error"] == "not_found"


@pytest.mark.parametrize("user", ["carol", "dave", "admin", "reviewer"])
def test_only_participants_post(app, auth, demo, user):
    auth.login(user)
    response = _post(auth, demo.conversations["inquiry"], {"text": CLEAN_TEXT})
    assert response.status_code == 403
    assert _messages(app) == []


def test_api_post_without_csrf_header_is_refused(app, auth, demo):
    auth.login("alice")
    response = auth.client.post(f"/api/conversations/{demo.conversations['inquiry']}/messages", json={"text": "hi"})
    assert response.status_code == 400
    assert response.get_json()["error"] == "csrf_failed"
    assert _messages(app) == []
