"""Hostile input gets a clear 400/404/413/422, never a 500, and nothing half-stored."""

from __future__ import annotations

import pytest

from admin.db import db
from admin.models import AuditEntry, Message, RuleSetVersion, StateChange

LONG = "x" * 10_000


def _count(app, model) -> int:
    with app.app_context():
        return db.session.execute(db.select(db.func.count()).select_from(model)).scalar_one()


def _raw_post(auth, path: str, data: bytes):
    return auth.client.post(path, data=data, content_type="application/json",
                            headers={"X-CSRFToken": auth.csrf_token()})


BAD_BODIES = [
    pytest.param(b'{"text": "\\ud800"}', 400, id="lone-high-surrogate"),
    pytest.param(b'{"text": "ok \\udfff ok"}', 400, id="lone-low-surrogate"),
    pytest.param(b"[" * 50_000 + b"]" * 50_000, 400, id="50000-deep"),
    pytest.param(b'{"text": {"a": ' * 5_000 + b"1" + b"}" * 5_001, 400, id="deep-object"),
    pytest.param(b'{"text": "a\\u0000b"}', 422, id="nul"),
    pytest.param(b'{"text": "hi", "conversation_id": 18446744073709551616}', 422, id="id-above-2-63"),
    pytest.param(b'{"text": "hi", "conversation_id": 2147483648}', 422, id="id-above-2-31"),
    pytest.param(b'{"text": "hi", "conversation_id": -1}', 422, id="negative-id"),
]


@pytest.mark.parametrize(("data", "status"), BAD_BODIES)
def test_hostile_check_bodies(auth, data, status):
    auth.login("alice")
    response = _raw_post(auth, "/api/check", data)
    assert response.status_code == status
    assert set(response.get_json()) == {"error", "message"}


@pytest.mark.parametrize(("data", "status"), BAD_BODIES[:5])
def test_hostile_message_bodies_store_nothing(app, auth, demo, data, status):
    auth.login("alice")
    response = _raw_post(auth, f"/api/conversations/{demo.conversations['inquiry']}/messages", data)
    assert response.status_code == status
    assert set(response.get_json()) == {"error", "message"}
    assert _count(app, Message) == 0


@pytest.mark.parametrize("path", ["/api/conversations/18446744073709551616",
                                  "/api/conversations/9223372036854775808/messages",
                                  "/api/conversations/2147483648"])
def test_ids_beyond_the_columns_are_unknown_not_errors(auth, path):
    auth.login("alice")
    response = (auth.client.get(path) if not path.endswith("messages")
                else auth.post_json(path, {"text": "hi"}))
    assert response.status_code == 404
    assert set(response.get_json()) == {"error", "message"}


@pytest.mark.parametrize("path", ["/admin/rules/18446744073709551616", "/admin/contracts/9223372036854775808"])
def test_huge_ids_on_admin_pages_are_404(auth, path):
    auth.login("admin")
    assert auth.client.get(path).status_code == 404


def test_the_largest_id_is_still_a_plain_404(auth):
    auth.login("alice")
    assert auth.client.get("/api/conversations/2147483647").status_code == 404


def test_a_body_over_one_mebibyte_is_413(auth, demo):
    auth.login("alice")
    response = _raw_post(auth, "/api/check", b'{"text": "' + b"x" * (1024 * 1024) + b'"}')
    assert response.status_code == 413 and set(response.get_json()) == {"error", "message"}


# -- free text on the admin pages ---------------------------------------------------------------


def test_a_long_review_note_is_refused_not_cut(app, auth, demo):
    auth.login("alice")
    auth.post_json(f"/api/conversations/{demo.conversations['inquiry']}/messages",
                   {"text": "call me at +1 415 555 2671 tonight"})
    auth.logout()
    auth.login("reviewer")
    with app.app_context():
        message_id = db.session.execute(db.select(Message.id)).scalar_one()
    response = auth.post_form(f"/admin/review/{message_id}", {"decision": "violation", "note": LONG})
    assert response.status_code == 422 and "at most 500" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Message, message_id).review_status == "pending"
    ok = auth.post_form(f"/admin/review/{message_id}", {"decision": "violation", "note": "y" * 500})
    assert ok.status_code == 303


def test_a_long_state_change_reason_is_refused(app, auth, demo):
    auth.login("admin")
    before = _count(app, StateChange)
    response = auth.post_form(f"/admin/contracts/{demo.conversations['inquiry']}/state",
                              {"state": "offer", "reason": LONG})
    assert response.status_code == 422
    assert _count(app, StateChange) == before


@pytest.mark.parametrize("route", ["new", "structured", "raw"])
def test_a_long_version_note_is_refused(app, auth, route):
    from test_rulesets import _form_fields, _new_draft

    auth.login("admin")
    if route == "new":
        before = _count(app, RuleSetVersion)
        assert auth.post_form("/admin/rules/new", {"note": LONG}).status_code == 422
        assert _count(app, RuleSetVersion) == before
        return
    draft_id = _new_draft(auth)
    if route == "structured":
        fields = _form_fields(auth.client.get(f"/admin/rules/{draft_id}").get_data(as_text=True), "structured-form")
        fields["note"] = LONG
        response = auth.client.post(f"/admin/rules/{draft_id}/structured", data=fields)
    else:
        with app.app_context():
            doc = db.session.get(RuleSetVersion, draft_id).document
        import json

        response = auth.post_form(f"/admin/rules/{draft_id}/raw", {"document": json.dumps(doc), "note": LONG})
    assert response.status_code == 422
    with app.app_context():
        assert len(db.session.get(RuleSetVersion, draft_id).note) <= 500


@pytest.mark.parametrize("document", [
    '{"name": "\\ud800"}',
    "[" * 100_000 + "]" * 100_000,
    '{"name": "a\\u0000b"}',
])
def test_the_raw_editor_refuses_unstorable_json(app, auth, document):
    from test_rulesets import _new_draft

    auth.login("admin")
    draft_id = _new_draft(auth)
    response = auth.post_form(f"/admin/rules/{draft_id}/raw", {"document": document})
    assert response.status_code == 422


def test_a_nul_in_a_form_field_is_a_bad_request(app, auth, demo):
    auth.login("admin")
    before = _count(app, AuditEntry)
    response = auth.post_form(f"/admin/contracts/{demo.conversations['inquiry']}/state",
                              {"state": "offer", "reason": "a\x00b"})
    assert response.status_code == 400
    assert _count(app, AuditEntry) == before
