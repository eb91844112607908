"""The JSON API: rules with ETag, checks, conversations, errors, and the OpenAPI document."""

from __future__ import annotations

import pytest
from admin_testdata import CLEAN_TEXT, PHONE_TEXT

import engine
from admin.openapi import document


def test_health_is_public_and_names_the_rules(client):
    response = client.get("/api/health")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok" and body["engine_version"] == engine.__version__
    assert body["rules_version"] == 1
    assert response.headers["X-Rules-Fingerprint"] == body["fingerprint"]


def test_current_rules_with_etag_and_304(auth):
    auth.login("alice")
    response = auth.client.get("/api/rules/current")
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) == {"version", "fingerprint", "engine_version", "document"}
    assert body["version"] == 1 and body["engine_version"] == engine.__version__
    assert engine.RuleSet.from_dict(body["document"]).fingerprint == body["fingerprint"]
    assert response.headers["ETag"] == f'"{body["fingerprint"]}"'
    assert response.headers["X-Rules-Fingerprint"] == body["fingerprint"]
    again = auth.client.get("/api/rules/current", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == response.headers["ETag"]
    other = auth.client.get("/api/rules/current", headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200


def test_check_returns_the_verdict_and_stores_nothing(app, auth):
    auth.login("alice")
    response = auth.post_json("/api/check", {"text": PHONE_TEXT, "state": "inquiry"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["action"] == "block" and "phone" in body["categories"]
    assert body["engine_version"] == engine.__version__
    assert body["fingerprint"] == response.headers["X-Rules-Fingerprint"]
    for finding in body["findings"]:
        assert PHONE_TEXT[finding["start"]:finding["end"]] == finding["match"]
    from admin.db import db
    from admin.models import Message
    with app.app_context():
        assert db.session.execute(db.select(db.func.count()).select_from(Message)).scalar() == 0


def test_check_matches_the_engine_directly(app, auth):
    auth.login("alice")
    body = auth.post_json("/api/check", {"text": PHONE_TEXT, "history": ["hello"], "state": "offer"}).get_json()
    with app.app_context():
        from admin.versions import published
        expected = published().detector.scan(PHONE_TEXT, history=["hello"], state="offer").to_dict()
    expected.update(engine_version=engine.__version__)
    assert body == expected


@pytest.mark.parametrize(("state", "action"), [("inquiry", "block"), ("active", "allow")])
def test_check_uses_the_conversations_state(auth, demo, state, action):
    auth.login("bob")
    body = auth.post_json("/api/check", {"text": PHONE_TEXT, "conversation_id": demo.conversations[state],
                                         "state": "ended"}).get_json()
    assert body["action"] == action and body["state"] == state


@pytest.mark.parametrize(
    ("body", "status", "error"),
    [
        ({"text": "hi", "state": "married"}, 422, "unknown_state"),
        ({"text": "hi", "history": "not a list"}, 422, "invalid_field"),
        ({"text": "hi", "history": [1, 2]}, 422, "invalid_field"),
        ({"text": "hi", "history": ["x"] * 51}, 422, "invalid_field"),
        ({"text": "hi", "history": ["x" * 5001]}, 413, "message_too_long"),
        ({"text": "hi", "conversation_id": "1"}, 422, "invalid_field"),
        ({"text": "hi", "conversation_id": True}, 422, "invalid_field"),
        ({"text": "hi", "conversation_id": 987654}, 404, "not_found"),
        ({"text": ""}, 422, "empty_message"),
        ({"text": "x" * 5001}, 413, "message_too_long"),
        ({"txt": "hi"}, 422, "unknown_field"),
    ],
)
def test_check_bad_input(auth, body, status, error):
    auth.login("alice")
    response = auth.post_json("/api/check", body)
    assert response.status_code == status
    assert response.get_json() == {"error": error, "message": response.get_json()["message"]}


def test_check_of_someone_elses_conversation_is_403(auth, demo):
    auth.login("dave")
    response = auth.post_json("/api/check", {"text": "hi", "conversation_id": demo.conversations["inquiry"]})
    assert response.status_code == 403


@pytest.mark.parametrize("path", ["/api/rules/current", "/api/conversations", "/api/conversations/1"])
def test_api_needs_login(client, path):
    response = client.get(path)
    assert response.status_code == 401
    assert response.get_json()["error"] == "unauthorized"
    assert "X-Rules-Fingerprint" in response.headers


def test_unknown_api_path_and_method_give_json_errors(auth):
    auth.login("alice")
    missing = auth.client.get("/api/nothing-here")
    assert missing.status_code == 404 and set(missing.get_json()) == {"error", "message"}
    wrong = auth.client.delete("/api/check")
    assert wrong.status_code == 405 and wrong.get_json()["error"] == "method_not_allowed"


def test_conversation_view_for_participants_and_staff(auth, demo):
    conv = demo.conversations["inquiry"]
    auth.login("alice")
    auth.post_json(f"/api/conversations/{conv}/messages", {"text": CLEAN_TEXT})
    body = auth.client.get(f"/api/conversations/{conv}").get_json()
    assert body["state"] == "inquiry" and body["client"]["username"] == "alice"
    assert body["freelancer"]["username"] == "bob"
    assert [m["text"] for m in body["messages"]] == [CLEAN_TEXT]
    auth.logout()
    auth.login("reviewer")
    staff = auth.client.get(f"/api/conversations/{conv}").get_json()
    assert staff["messages"][0]["original_text"] == CLEAN_TEXT
    auth.logout()
    auth.login("carol")
    assert auth.client.get(f"/api/conversations/{conv}").status_code == 403


def test_conversation_list_is_the_callers_own(auth, demo):
    auth.login("alice")
    ids = {c["id"] for c in auth.client.get("/api/conversations").get_json()["conversations"]}
    assert ids == {demo.conversations["inquiry"], demo.conversations["offer"]}
    auth.logout()
    auth.login("admin")
    assert len(auth.client.get("/api/conversations").get_json()["conversations"]) == 4


def test_openapi_document_lists_exactly_the_api_routes(app, client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    spec = response.get_json()
    assert spec == document() and spec["openapi"].startswith("3.1")
    routes = set()
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/"):
            path = rule.rule.replace("<int:", "<").replace("<", "{").replace(">", "}")
            for method in rule.methods - {"HEAD", "OPTIONS"}:
                routes.add((path, method.lower()))
    documented = {(path, method) for path, item in spec["paths"].items() for method in item}
    assert routes == documented


def test_openapi_limits_match_the_server():
    from admin.api import MAX_HISTORY_ITEMS
    from admin.enforcement import MAX_MESSAGE_CHARS

    check = document()["paths"]["/api/check"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert check["properties"]["text"]["maxLength"] == MAX_MESSAGE_CHARS
    assert check["properties"]["history"]["maxItems"] == MAX_HISTORY_ITEMS
    assert check["properties"]["state"]["enum"] == list(engine.STATES)


def test_unexpected_errors_roll_back_and_answer_500_without_internals(app, auth):
    from admin.models import AuditEntry

    def boom():
        from admin.db import db

        db.session.add(AuditEntry(action="half.written", target_type="x"))
        db.session.flush()
        raise RuntimeError("secret internals")

    app.add_url_rule("/api/boom", "api_boom", boom)
    app.add_url_rule("/admin/boom", "admin_boom", boom)
    auth.login("alice")
    api = auth.client.get("/api/boom")
    assert api.status_code == 500
    assert api.get_json()["error"] == "internal_server_error"
    assert "secret" not in api.get_data(as_text=True)
    page = auth.client.get("/admin/boom")
    assert page.status_code == 500 and page.mimetype == "text/html" and "secret" not in page.get_data(as_text=True)
    from admin.db import db
    with app.app_context():
        assert db.session.execute(db.select(AuditEntry).where(AuditEntry.action == "half.written")).first() is None
