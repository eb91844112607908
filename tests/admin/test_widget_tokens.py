"""The embeddable widget: a backend mints a short-lived token for one participant of one conversation;
the page uses it on the widget routes, with CORS only for the service token's allowed origins."""

from __future__ import annotations

import time

import pytest
from admin_testdata import CLEAN_TEXT, PHONE_TEXT

import admin.tokens
from admin.db import db
from admin.models import ServiceToken

BASE = "/api/marketplace"
WIDGET = f"{BASE}/widget"
PAGE = "https://www.market.example"
OTHER_PAGE = "https://other.example:8443"
UPSERT = {"job_title": "Logo", "client": {"id": "client-7"}, "freelancer": {"id": "free-9"}}


@pytest.fixture
def service(app, client):
    """A service token allowed to mint widget tokens for PAGE, and two mirrored conversations."""
    with app.app_context():
        _, secret = admin.tokens.create_token("market", ["conversations:write", "widget"], None, [PAGE + "/"])
        db.session.commit()
    headers = {"Authorization": f"Bearer {secret}"}
    assert client.put(f"{BASE}/conversations/job-1", json=UPSERT, headers=headers).status_code == 201
    other = {"job_title": "Site", "client": {"id": "client-8"}, "freelancer": {"id": "free-9"}}
    assert client.put(f"{BASE}/conversations/job-2", json=other, headers=headers).status_code == 201
    return headers


def _mint(client, service, **body):
    return client.post(f"{BASE}/widget-tokens", headers=service,
                       json={"conversation": "job-1", "participant": "free-9", **body})


def _widget(token: str, origin: str | None = PAGE) -> dict:
    return {"Authorization": f"Bearer {token}", **({"Origin": origin} if origin else {})}


def test_a_minted_token_works_on_the_widget_routes_from_its_origin(client, service):
    minted = _mint(client, service)
    assert minted.status_code == 201 and minted.headers["Cache-Control"] == "no-store"
    body = minted.get_json()
    assert body["token"].startswith("cgw_") and body["allowed_origins"] == [PAGE]
    assert (body["conversation"], body["participant"]) == ("job-1", "free-9")
    assert body["expires_at"].endswith("Z")
    assert "Access-Control-Allow-Origin" not in minted.headers  # minting is server to server
    headers = _widget(body["token"])

    conversation = client.get(f"{WIDGET}/conversations/job-1", headers=headers)
    assert conversation.status_code == 200 and conversation.get_json()["state"] == "inquiry"
    assert conversation.headers["Access-Control-Allow-Origin"] == PAGE
    assert "Origin" in conversation.headers["Vary"]
    assert "X-Rules-Fingerprint" in conversation.headers["Access-Control-Expose-Headers"]
    check = client.post(f"{WIDGET}/conversations/job-1/check", json={"text": PHONE_TEXT}, headers=headers)
    assert check.status_code == 200 and check.get_json()["categories"] == ["phone"]
    sent = client.post(f"{WIDGET}/conversations/job-1/messages", json={"text": CLEAN_TEXT},
                       headers={**headers, "Idempotency-Key": "k1"})
    assert sent.status_code == 201 and sent.headers["Access-Control-Allow-Origin"] == PAGE
    blocked = client.post(f"{WIDGET}/conversations/job-1/messages", json={"text": PHONE_TEXT}, headers=headers)
    assert blocked.status_code == 422 and blocked.get_json()["error"] == "blocked"
    assert blocked.headers["Access-Control-Allow-Origin"] == PAGE  # the page can read why
    messages = client.get(f"{WIDGET}/conversations/job-1", headers=headers).get_json()["messages"]
    assert [(m["sender"], m["status"]) for m in messages] == [("mp:free-9", "delivered"), ("mp:free-9", "blocked")]
    rules = client.get(f"{WIDGET}/rules/current", headers=headers)
    assert rules.status_code == 200 and rules.headers["ETag"]
    # Without an Origin (not a browser), the token still works; CORS headers are simply not needed.
    assert client.get(f"{WIDGET}/rules/current", headers=_widget(body["token"], None)).status_code == 200


def test_the_other_party_sees_delivered_messages_but_not_the_refused_ones(client, service):
    freelancer = _widget(_mint(client, service).get_json()["token"])
    client.post(f"{WIDGET}/conversations/job-1/messages", json={"text": PHONE_TEXT}, headers=freelancer)
    client.post(f"{WIDGET}/conversations/job-1/messages", json={"text": CLEAN_TEXT}, headers=freelancer)
    owner = _widget(_mint(client, service, participant="client-7").get_json()["token"])
    messages = client.get(f"{WIDGET}/conversations/job-1", headers=owner).get_json()["messages"]
    assert [m["status"] for m in messages] == ["delivered"]


def test_an_expired_token_is_refused(client, service, monkeypatch):
    token = _mint(client, service, ttl_seconds=60).get_json()["token"]
    assert client.get(f"{WIDGET}/rules/current", headers=_widget(token)).status_code == 200
    real = time.time
    monkeypatch.setattr(admin.tokens.time, "time", lambda: real() + 61)
    expired = client.get(f"{WIDGET}/conversations/job-1", headers=_widget(token))
    assert expired.status_code == 401 and expired.get_json()["error"] == "token_expired"
    assert expired.headers["Access-Control-Allow-Origin"] == PAGE  # the page can read that it must renew


@pytest.mark.parametrize("ttl", [0, 59, 901, 86400])
def test_a_token_lives_at_most_fifteen_minutes(client, service, ttl):
    assert _mint(client, service, ttl_seconds=ttl).status_code == 422


@pytest.mark.parametrize("path", ["/conversations/job-2", "/conversations/job-2/check",
                                  "/conversations/job-2/messages", "/conversations/no-such-job"])
def test_a_token_for_one_conversation_does_not_open_another(client, service, path):
    headers = _widget(_mint(client, service).get_json()["token"])
    response = (client.get(f"{WIDGET}{path}", headers=headers) if path.count("/") == 2 else
                client.post(f"{WIDGET}{path}", json={"text": CLEAN_TEXT}, headers=headers))
    assert response.status_code == 403 and response.get_json()["error"] == "wrong_conversation"


def test_a_wrong_origin_gets_no_cors_and_a_refusal(client, service):
    token = _mint(client, service).get_json()["token"]
    evil = client.get(f"{WIDGET}/conversations/job-1", headers=_widget(token, "https://evil.example"))
    assert evil.status_code == 403 and evil.get_json()["error"] == "origin_not_allowed"
    assert "Access-Control-Allow-Origin" not in evil.headers
    preflight = client.options(f"{WIDGET}/conversations/job-1/messages", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type"})
    assert preflight.status_code == 403 and "Access-Control-Allow-Origin" not in preflight.headers


def test_a_preflight_from_an_allowed_origin_is_answered(client, service):
    preflight = client.options(f"{WIDGET}/conversations/job-1/messages", headers={
        "Origin": PAGE, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type, idempotency-key"})
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == PAGE
    assert {"Authorization", "Content-Type", "Idempotency-Key"} <= {
        h.strip() for h in preflight.headers["Access-Control-Allow-Headers"].split(",")}
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]


def test_an_origin_of_another_token_cannot_use_this_tokens_widget_tokens(app, client, service):
    with app.app_context():
        admin.tokens.create_token("other market", ["widget"], None, [OTHER_PAGE])
        db.session.commit()
    token = _mint(client, service).get_json()["token"]
    assert client.options(f"{WIDGET}/rules/current", headers={"Origin": OTHER_PAGE}).status_code == 204
    response = client.get(f"{WIDGET}/rules/current", headers=_widget(token, OTHER_PAGE))
    assert response.status_code == 403 and response.get_json()["error"] == "origin_not_allowed"


def test_no_cors_outside_the_widget_routes(client, service):
    for path in (f"{BASE}/conversations/job-1", f"{BASE}/widget-tokens", "/api/check"):
        response = client.options(path, headers={"Origin": PAGE, "Access-Control-Request-Method": "POST"})
        assert "Access-Control-Allow-Origin" not in response.headers, path
    read = client.get(f"{BASE}/conversations/job-1", headers={**service, "Origin": PAGE})
    assert "Access-Control-Allow-Origin" not in read.headers


def test_forged_revoked_and_misused_tokens_are_refused(app, client, service):
    token = _mint(client, service).get_json()["token"]
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    for bad, error in [(forged, "invalid_token"), ("cgw_" + "x" * 40, "invalid_token"), ("", "unauthorized")]:
        response = client.get(f"{WIDGET}/rules/current", headers=_widget(bad))
        assert response.status_code == 401 and response.get_json()["error"] == error
    # A service token is not a widget token, and a widget token is not a service token.
    assert client.get(f"{WIDGET}/rules/current", headers=service).status_code == 401
    assert client.get(f"{BASE}/conversations/job-1", headers=_widget(token, None)).status_code == 401
    with app.app_context():
        minting = db.session.execute(db.select(ServiceToken).where(ServiceToken.name == "market")).scalar_one()
        admin.tokens.revoke_token(minting, None)
        db.session.commit()
    revoked = client.get(f"{WIDGET}/rules/current", headers=_widget(token))
    assert revoked.status_code == 401 and revoked.get_json()["error"] == "invalid_token"


def test_minting_needs_the_scope_a_party_and_allowed_origins(app, client, service, make_token):
    not_a_party = _mint(client, service, participant="client-8")
    assert not_a_party.status_code == 403 and not_a_party.get_json()["error"] == "not_a_participant"
    assert _mint(client, service, conversation="nope").status_code == 404
    no_origins = {"Authorization": f"Bearer {make_token()}"}  # every scope, no allowed origins
    refused = _mint(client, no_origins)
    assert refused.status_code == 422 and refused.get_json()["error"] == "no_allowed_origins"
    no_scope = {"Authorization": f"Bearer {make_token(scopes=('check',))}"}
    assert _mint(client, no_scope).status_code == 403


def test_admins_set_allowed_origins_and_bad_ones_are_named(app, auth):
    auth.login("admin")
    bad = auth.post_form("/admin/tokens/", {"name": "w", "scopes": ["widget"], "allowed_origins": "market.example"})
    assert bad.status_code == 422 and "&#39;market.example&#39; is not an origin" in bad.get_data(as_text=True)
    good = auth.post_form("/admin/tokens/", {"name": "w", "scopes": ["widget"],
                                             "allowed_origins": f"{PAGE}/\nHTTP://LOCALHOST:3000"})
    assert good.status_code == 201
    with app.app_context():
        token = db.session.execute(db.select(ServiceToken).where(ServiceToken.name == "w")).scalar_one()
        assert token.origin_list == [PAGE, "http://localhost:3000"]
