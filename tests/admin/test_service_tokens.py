"""Service tokens: created and revoked by admins, shown once, stored hashed, scoped, audited, rate-limited."""

from __future__ import annotations

import hashlib
import re

import pytest

from admin.db import db
from admin.enums import TokenScope
from admin.models import AuditEntry, ServiceToken

CHECK = {"text": "Sounds good, I can start on Monday."}
UPSERT = {"job_title": "Logo", "client": {"id": "c-1"}, "freelancer": {"id": "f-1"}}


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def _audit(app, action: str) -> list[AuditEntry]:
    with app.app_context():
        return db.session.execute(db.select(AuditEntry).where(AuditEntry.action == action)).scalars().all()


def test_admin_creates_a_token_shown_once_and_stored_hashed(app, auth, client):
    auth.login("admin")
    response = auth.post_form("/admin/tokens/", {"name": "acme backend", "scopes": ["check", "messages:write"]})
    assert response.status_code == 201
    assert response.headers["Cache-Control"] == "no-store"
    secret = re.search(r'<code id="token-secret">([^<]+)</code>', response.get_data(as_text=True)).group(1)
    with app.app_context():
        token = db.session.execute(db.select(ServiceToken)).scalar_one()
        assert token.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
        assert token.scope_list == ["check", "messages:write"] and token.name == "acme backend"
        assert secret not in (token.prefix, token.scopes, token.name) and secret.startswith(token.prefix)
    page = client.get("/admin/tokens/").get_data(as_text=True)
    assert "acme backend" in page and secret not in page and token.prefix in page
    assert secret not in response.headers.get("Set-Cookie", "")
    assert client.post("/api/marketplace/check", json=CHECK, headers=bearer(secret)).status_code == 200
    assert [e.detail["name"] for e in _audit(app, "token.create")] == ["acme backend"]


@pytest.mark.parametrize("form", [{"name": "no scopes"}, {"name": "", "scopes": ["check"]},
                                  {"name": "bad", "scopes": ["check", "admin"]}])
def test_a_token_needs_a_name_and_known_scopes(app, auth, form):
    auth.login("admin")
    assert auth.post_form("/admin/tokens/", form).status_code == 422
    with app.app_context():
        assert db.session.execute(db.select(ServiceToken)).first() is None


@pytest.mark.parametrize("username", ["reviewer", "alice", "bob"])
def test_only_admins_manage_tokens(auth, make_token, username):
    make_token()
    auth.login(username)
    assert auth.client.get("/admin/tokens/").status_code == 403
    assert auth.post_form("/admin/tokens/", {"name": "x", "scopes": ["check"]}).status_code == 403
    assert auth.post_form("/admin/tokens/1/revoke").status_code == 403


def test_a_revoked_token_is_refused_at_once(app, auth, client, make_token):
    secret = make_token()
    assert client.post("/api/marketplace/check", json=CHECK, headers=bearer(secret)).status_code == 200
    auth.login("admin")
    assert auth.post_form("/admin/tokens/1/revoke").status_code == 303
    auth.logout()
    response = client.post("/api/marketplace/check", json=CHECK, headers=bearer(secret))
    assert (response.status_code, response.json["error"]) == (401, "invalid_token")
    assert len(_audit(app, "token.revoke")) == 1


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer cg_not-a-token"}, {"Authorization": "Basic eDp5"},
                                     {"Authorization": "Bearer "}])
def test_no_or_bad_token_is_401(client, make_token, headers):
    make_token()
    response = client.post("/api/marketplace/check", json=CHECK, headers=headers)
    assert response.status_code == 401 and set(response.json) == {"error", "message"}


@pytest.mark.parametrize(("method", "path", "body", "scope"), [
    ("post", "/api/marketplace/check", CHECK, TokenScope.CHECK),
    ("get", "/api/marketplace/rules/current", None, TokenScope.RULES_READ),
    ("put", "/api/marketplace/conversations/c1", UPSERT, TokenScope.CONVERSATIONS_WRITE),
    ("get", "/api/marketplace/conversations/c1", None, TokenScope.REVIEWS_READ),
    ("post", "/api/marketplace/conversations/c1/messages", {"sender": "c-1", "text": "hi"}, TokenScope.MESSAGES_WRITE),
])
def test_each_route_needs_its_scope(client, make_token, method, path, body, scope):
    others = make_token([s for s in TokenScope if s != scope], name="others")
    response = getattr(client, method)(path, json=body, headers=bearer(others))
    assert (response.status_code, response.json["error"]) == (403, "insufficient_scope")
    allowed = make_token([scope], name="allowed")
    assert getattr(client, method)(path, json=body, headers=bearer(allowed)).status_code not in (401, 403)


def test_token_requests_need_no_csrf_and_set_no_cookie(app, client, make_token):
    secret = make_token()
    response = client.put("/api/marketplace/conversations/c1", json=UPSERT, headers=bearer(secret))
    assert response.status_code == 201
    assert "Set-Cookie" not in response.headers
    assert client.get_cookie("session") is None


def test_a_session_cookie_does_not_authenticate_token_routes(auth):
    auth.login("admin")
    response = auth.post_json("/api/marketplace/check", CHECK)
    assert response.status_code == 401


def test_last_used_time_is_recorded(app, client, make_token):
    secret = make_token()
    with app.app_context():
        assert db.session.execute(db.select(ServiceToken.last_used_at)).scalar_one() is None
    client.post("/api/marketplace/check", json=CHECK, headers=bearer(secret))
    with app.app_context():
        assert db.session.execute(db.select(ServiceToken.last_used_at)).scalar_one() is not None


def test_write_scopes_are_audited_and_reads_are_not(app, client, make_token):
    secret = make_token(name="acme")
    client.post("/api/marketplace/check", json=CHECK, headers=bearer(secret))
    client.get("/api/marketplace/rules/current", headers=bearer(secret))
    assert _audit(app, "token.conversation.upsert") == []
    client.put("/api/marketplace/conversations/c1", json=UPSERT, headers=bearer(secret))
    client.post("/api/marketplace/conversations/c1/messages", json={"sender": "c-1", "text": "hello"},
                headers=bearer(secret))
    client.put("/api/marketplace/conversations/c1/state", headers=bearer(secret),
               json={"state": "active", "changed_at": "2026-12-01T10:00:00Z", "reason": "contract signed"})
    for action in ("token.conversation.upsert", "token.message", "token.contract.state"):
        (entry,) = _audit(app, action)
        assert entry.detail["token"] == "acme" and entry.actor_id is None
    with app.app_context():
        token_actions = db.session.execute(
            db.select(AuditEntry.action).where(AuditEntry.action.like("token.%"))).scalars().all()
    assert sorted(token_actions) == ["token.contract.state", "token.conversation.upsert", "token.create",
                                     "token.message"]


def test_each_token_has_its_own_rate_limit(app, client, make_token):
    app.config["SERVICE_TOKEN_RATE_LIMIT"] = "3 per minute"
    first, second = make_token(name="first"), make_token(name="second")
    statuses = [client.post("/api/marketplace/check", json=CHECK, headers=bearer(first)).status_code
                for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.post("/api/marketplace/check", json=CHECK, headers=bearer(first))
    assert refused.status_code == 429 and set(refused.json) == {"error", "message"}
    assert client.post("/api/marketplace/check", json=CHECK, headers=bearer(second)).status_code == 200
