"""A marketplace backend mirrors its world with a service token: conversations by its own ids,
contract states from its contract system, messages enforced as a party's own, verdicts read back."""

from __future__ import annotations

import pytest
from admin_testdata import CLEAN_TEXT, PHONE_TEXT

from admin.db import db
from admin.models import Conversation, Message, StateChange, User
from admin.openapi import document

BASE = "/api/marketplace/conversations"
UPSERT = {"job_title": "Logo for a bakery", "client": {"id": "client-7", "display_name": "Ada"},
          "freelancer": {"id": "free-9", "display_name": "Lin"}}


@pytest.fixture
def api(client, make_token):
    """Calls with an every-scope token: api.put(path, body), api.post(path, body, headers), api.get(path)."""
    headers = {"Authorization": f"Bearer {make_token()}"}

    class Calls:
        def put(self, path, body):
            return client.put(path, json=body, headers=headers)

        def post(self, path, body, extra=None):
            return client.post(path, json=body, headers={**headers, **(extra or {})})

        def get(self, path, extra=None):
            return client.get(path, headers={**headers, **(extra or {})})

    return Calls()


def _state(api, conversation, state, when, reason="from the contract system"):
    return api.put(f"{BASE}/{conversation}/state", {"state": state, "changed_at": when, "reason": reason})


def test_upsert_creates_once_then_updates(app, api):
    created = api.put(f"{BASE}/job-42", UPSERT)
    assert created.status_code == 201 and created.headers["Location"].endswith(f"{BASE}/job-42")
    body = created.json
    assert (body["external_id"], body["state"], body["client"], body["freelancer"]) == (
        "job-42", "inquiry", {"external_id": "client-7", "display_name": "Ada"},
        {"external_id": "free-9", "display_name": "Lin"})
    again = api.put(f"{BASE}/job-42", {**UPSERT, "job_title": "Logo and menu",
                                       "client": {"id": "client-7", "display_name": "Ada L."}})
    assert again.status_code == 200 and again.json["id"] == body["id"]
    assert (again.json["job_title"], again.json["client"]["display_name"]) == ("Logo and menu", "Ada L.")
    with app.app_context():
        assert db.session.execute(db.select(db.func.count()).select_from(Conversation)
                                  .where(Conversation.external_id.is_not(None))).scalar_one() == 1
        users = db.session.execute(db.select(User).where(User.external_id.is_not(None))).scalars().all()
        assert sorted((u.external_id, u.role) for u in users) == [("client-7", "client"), ("free-9", "freelancer")]
        assert not any(u.check_password("") or u.check_password("!") for u in users)


def test_parties_are_shared_between_conversations(app, api):
    api.put(f"{BASE}/a", UPSERT)
    api.put(f"{BASE}/b", {**UPSERT, "freelancer": {"id": "free-10"}})
    with app.app_context():
        assert db.session.execute(db.select(db.func.count()).select_from(User)
                                  .where(User.external_id == "client-7")).scalar_one() == 1


@pytest.mark.parametrize(("body", "status", "error"), [
    ({**UPSERT, "freelancer": {"id": "free-other"}}, 409, "participants_conflict"),
    ({**UPSERT, "client": {"id": "free-9"}, "freelancer": {"id": "client-7"}}, 409, "party_role_conflict"),
    ({**UPSERT, "freelancer": {"id": "client-7"}}, 422, "same_party"),
    ({**UPSERT, "client": {"id": "has space"}}, 422, "invalid_field"),
    ({**UPSERT, "job_title": "   "}, 422, "empty_message"),
    ({**UPSERT, "extra": 1}, 422, "unknown_field"),
])
def test_upsert_conflicts_and_bad_bodies(api, body, status, error):
    assert api.put(f"{BASE}/job-1", UPSERT).status_code == 201
    response = api.put(f"{BASE}/job-1", body)
    assert (response.status_code, response.json["error"]) == (status, error)


def test_an_id_outside_the_pattern_is_404(api):
    assert api.put(f"{BASE}/bad%20id", UPSERT).status_code == 404
    assert api.get(f"{BASE}/unknown").status_code == 404


def test_contract_state_is_idempotent_and_order_safe(app, api):
    api.put(f"{BASE}/job-1", UPSERT)
    first = _state(api, "job-1", "offer", "2026-12-01T09:00:00Z", "offer sent")
    assert (first.status_code, first.json["applied"], first.json["why"]) == (200, True, "changed")
    assert _state(api, "job-1", "offer", "2026-12-01T09:05:00Z").json["why"] == "unchanged"
    active = _state(api, "job-1", "active", "2026-12-01T11:00:00+01:00", "contract signed")
    assert active.json["conversation"]["state"] == "active"
    # A late delivery of an older update changes nothing.
    stale = _state(api, "job-1", "inquiry", "2026-12-01T09:30:00Z")
    assert (stale.json["applied"], stale.json["why"], stale.json["conversation"]["state"]) == (False, "stale", "active")
    history = active.json["conversation"]["state_history"]
    assert [(h["from_state"], h["to_state"], h["reason"], h["changed_at"]) for h in history[1:]] == [
        ("inquiry", "offer", "offer sent", "2026-12-01T09:00:00Z"),
        ("offer", "active", "contract signed", "2026-12-01T10:00:00Z")]
    with app.app_context():
        changes = db.session.execute(db.select(StateChange).where(StateChange.token_id.is_not(None))).scalars().all()
        assert len(changes) == 2


@pytest.mark.parametrize(("body", "error"), [
    ({"state": "signed", "changed_at": "2026-12-01T09:00:00Z", "reason": "x"}, "unknown_state"),
    ({"state": "active", "changed_at": "yesterday", "reason": "x"}, "invalid_field"),
    ({"state": "active", "changed_at": "2026-12-01T09:00:00Z", "reason": " "}, "empty_message"),
    ({"state": "active", "reason": "x"}, "missing_field"),
    ({"state": "active", "changed_at": "9999-12-31T23:59:59-10:00", "reason": "x"}, "invalid_field"),
])
def test_bad_state_updates_are_422(api, body, error):
    api.put(f"{BASE}/job-1", UPSERT)
    response = api.put(f"{BASE}/job-1/state", body)
    assert (response.status_code, response.json["error"]) == (422, error)


def test_messages_are_enforced_by_the_conversations_state(app, api):
    api.put(f"{BASE}/job-1", UPSERT)
    clean = api.post(f"{BASE}/job-1/messages", {"sender": "client-7", "text": CLEAN_TEXT})
    assert clean.status_code == 201 and clean.json["message"]["text"] == CLEAN_TEXT
    blocked = api.post(f"{BASE}/job-1/messages", {"sender": "free-9", "text": PHONE_TEXT})
    assert (blocked.status_code, blocked.json["error"]) == (422, "blocked")
    assert blocked.json["verdict"]["categories"] == ["phone"]
    _state(api, "job-1", "active", "2026-12-01T10:00:00Z", "contract signed")
    allowed = api.post(f"{BASE}/job-1/messages", {"sender": "free-9", "text": PHONE_TEXT})
    assert allowed.status_code == 201 and allowed.json["message"]["text"] == PHONE_TEXT
    with app.app_context():
        stored = db.session.execute(db.select(Message.status).order_by(Message.id)).scalars().all()
    assert stored == ["delivered", "blocked", "delivered"]


def test_idempotency_key_semantics_are_the_same(app, api):
    api.put(f"{BASE}/job-1", UPSERT)
    body = {"sender": "free-9", "text": PHONE_TEXT}
    first = api.post(f"{BASE}/job-1/messages", body, {"Idempotency-Key": "mp-msg-1"})
    retry = api.post(f"{BASE}/job-1/messages", body, {"Idempotency-Key": "mp-msg-1"})
    assert (first.status_code, retry.status_code) == (422, 422)
    assert retry.json["attempt_id"] == first.json["attempt_id"] and retry.headers["Idempotent-Replayed"] == "true"
    reused = api.post(f"{BASE}/job-1/messages", {**body, "text": CLEAN_TEXT}, {"Idempotency-Key": "mp-msg-1"})
    assert (reused.status_code, reused.json["error"]) == (422, "idempotency_key_reused")
    with app.app_context():
        assert db.session.execute(db.select(db.func.count()).select_from(Message)).scalar_one() == 1


@pytest.mark.parametrize(("conversation", "sender", "status"), [
    ("job-1", "someone-else", 403), ("job-1", "client-77", 403), ("job-2", "client-7", 404)])
def test_only_a_party_posts_in_a_mirrored_conversation(api, conversation, sender, status):
    api.put(f"{BASE}/job-1", UPSERT)
    api.put(f"{BASE}/job-3", {**UPSERT, "client": {"id": "client-77"}, "freelancer": {"id": "free-77"}})
    assert api.post(f"{BASE}/{conversation}/messages", {"sender": sender, "text": "hi"}).status_code == status


def test_verdicts_and_review_decisions_are_read_back(app, api, auth):
    api.put(f"{BASE}/job-1", UPSERT)
    attempt = api.post(f"{BASE}/job-1/messages", {"sender": "free-9", "text": PHONE_TEXT}).json["attempt_id"]
    record = api.get(f"/api/marketplace/messages/{attempt}").json
    assert (record["status"], record["action"], record["review_status"], record["sender"]) == (
        "blocked", "block", "pending", "free-9")
    assert record["text"] == PHONE_TEXT and record["delivered_text"] is None and record["findings"]
    auth.login("reviewer")
    assert auth.post_form(f"/admin/review/{attempt}", {"decision": "violation"}).status_code in (302, 303)
    decided = api.get(f"/api/marketplace/messages/{attempt}").json
    assert decided["review_status"] == "violation" and decided["reviewed_at"]
    conversation = api.get(f"{BASE}/job-1").json
    assert [m["id"] for m in conversation["messages"]] == [attempt]


def test_messages_outside_mirrored_conversations_are_not_readable(app, api, auth, demo):
    auth.login("alice")
    sent = auth.post_json(f"/api/conversations/{demo.conversations['inquiry']}/messages", {"text": CLEAN_TEXT})
    assert api.get(f"/api/marketplace/messages/{sent.json['message']['id']}").status_code == 404


def test_check_uses_a_mirrored_conversations_state(api):
    api.put(f"{BASE}/job-1", UPSERT)
    assert api.post("/api/marketplace/check", {"text": PHONE_TEXT, "conversation": "job-1"}).json["action"] == "block"
    _state(api, "job-1", "active", "2026-12-01T10:00:00Z")
    assert api.post("/api/marketplace/check", {"text": PHONE_TEXT, "conversation": "job-1"}).json["action"] == "allow"
    assert api.post("/api/marketplace/check", {"text": PHONE_TEXT, "conversation": "nope"}).status_code == 404


def test_rules_with_etag(api):
    first = api.get("/api/marketplace/rules/current")
    assert first.status_code == 200 and first.json["fingerprint"] == first.headers["ETag"].strip('"')
    assert api.get("/api/marketplace/rules/current", {"If-None-Match": first.headers["ETag"]}).status_code == 304


def test_openapi_documents_the_bearer_scheme_and_scopes():
    spec = document()
    assert spec["components"]["securitySchemes"]["serviceToken"] == {
        **spec["components"]["securitySchemes"]["serviceToken"], "type": "http", "scheme": "bearer"}
    operations = {op["operationId"]: op for item in spec["paths"].values() for op in item.values()}
    assert operations["sendMarketplaceMessage"]["security"] == [{"serviceToken": ["messages:write"]}]
    assert operations["upsertMarketplaceConversation"]["security"] == [{"serviceToken": ["conversations:write"]}]
    assert operations["marketplaceCheck"]["security"] == [{"serviceToken": ["check"]}]
    for op in operations.values():
        names = {p["name"] for p in op.get("parameters", [])}
        assert ("X-CSRFToken" in names) == (op["operationId"] in ("check", "sendMessage"))
