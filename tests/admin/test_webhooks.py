"""Signed webhooks: an outbox row per event in the causing transaction, sent by the worker to a real
HTTP receiver on loopback, signed, retried with backoff, processed once per event id."""

from __future__ import annotations

import json
import re
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from admin_testdata import CLEAN_TEXT, PHONE_TEXT

from admin.db import db
from admin.models import WebhookDelivery, utcnow
from admin.webhooks import SIGNATURE_HEADER, backoff, deliver_due, sign, verify

BASE = "/api/marketplace/conversations"
UPSERT = {"job_title": "Logo", "client": {"id": "client-7"}, "freelancer": {"id": "free-9"}}


class Receiver:
    """A marketplace's webhook receiver on loopback: fails the first `failures` requests with 500,
    verifies signatures, and processes each event id once."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.secret = ""
        self.requests: list[tuple[dict, bytes]] = []
        self.processed: dict[str, dict] = {}
        self.bad_signatures = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append((dict(self.headers), body))
                if len(receiver.requests) <= receiver.failures:
                    self.send_response(500)
                elif not verify(receiver.secret, self.headers[SIGNATURE_HEADER], body, time.time()):
                    receiver.bad_signatures += 1
                    self.send_response(400)
                else:
                    event = json.loads(body)
                    receiver.processed.setdefault(event["id"], event)  # exactly once per event id
                    self.send_response(204)
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks/contactguard"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def _register(auth, url: str, events: list[str]) -> str:
    auth.login("admin")
    page = auth.post_form("/admin/webhooks/", {"url": url, "events": events})
    assert page.status_code == 201
    secret = re.search(r'<code id="endpoint-secret">([^<]+)</code>', page.get_data(as_text=True)).group(1)
    auth.logout()
    return secret


def _deliveries(app) -> list[WebhookDelivery]:
    with app.app_context():
        rows = db.session.execute(db.select(WebhookDelivery).order_by(WebhookDelivery.id)).scalars().all()
        db.session.expunge_all()
        return rows


def test_sign_and_verify_agree_and_refuse_tampering():
    header = sign("s3cret", 1_700_000_000, b'{"a":1}')
    assert verify("s3cret", header, b'{"a":1}', 1_700_000_010)
    assert not verify("s3cret", header, b'{"a":2}', 1_700_000_010)
    assert not verify("other", header, b'{"a":1}', 1_700_000_010)
    assert not verify("s3cret", header, b'{"a":1}', 1_700_001_000)  # too old: a replay
    assert not verify("s3cret", "garbage", b'{"a":1}', 1_700_000_010)


def test_events_are_written_with_the_change_they_describe(app, auth, client, make_token):
    _register(auth, "http://127.0.0.1:9/unused", ["message.blocked", "contract.state_changed"])
    headers = {"Authorization": f"Bearer {make_token()}"}
    client.put(f"{BASE}/job-1", json=UPSERT, headers=headers)
    client.post(f"{BASE}/job-1/messages", json={"sender": "client-7", "text": CLEAN_TEXT}, headers=headers)
    client.post(f"{BASE}/job-1/messages", json={"sender": "free-9", "text": PHONE_TEXT}, headers=headers)
    client.put(f"{BASE}/job-1/state", headers=headers,
               json={"state": "active", "changed_at": "2026-12-01T10:00:00Z", "reason": "signed"})
    rows = _deliveries(app)
    assert [r.event_type for r in rows] == ["message.blocked", "contract.state_changed"]
    blocked, changed = (r.payload for r in rows)
    assert (blocked["data"]["conversation"], blocked["data"]["sender"], blocked["data"]["categories"]) == (
        "job-1", "free-9", ["phone"])
    assert (changed["data"]["from_state"], changed["data"]["to_state"], changed["data"]["changed_at"]) == (
        "inquiry", "active", "2026-12-01T10:00:00Z")
    assert all(r.status == "pending" and r.attempts == 0 for r in rows)


def test_an_event_that_is_rolled_back_is_not_sent(app, auth, demo):
    _register(auth, "http://127.0.0.1:9/unused", ["contract.state_changed"])
    from admin.contracts import change_state
    from admin.models import Conversation

    with app.app_context():
        change_state(db.session.get(Conversation, demo.conversations["inquiry"]), "offer", "why", None)
        db.session.flush()
        db.session.rollback()
    assert _deliveries(app) == []


def test_a_real_receiver_gets_signed_events_after_retries_once_each(app, auth, client, make_token, runner):
    with Receiver(failures=2) as receiver:
        receiver.secret = _register(auth, receiver.url, list(("message.blocked", "message.flagged",
                                                             "contract.state_changed")))
        headers = {"Authorization": f"Bearer {make_token()}"}
        client.put(f"{BASE}/job-1", json=UPSERT, headers=headers)
        client.post(f"{BASE}/job-1/messages", json={"sender": "free-9", "text": PHONE_TEXT}, headers=headers)
        client.put(f"{BASE}/job-1/state", headers=headers,
                   json={"state": "active", "changed_at": "2026-12-01T10:00:00Z", "reason": "signed"})
        # First round: both events fail (the receiver's first two answers are 500).
        result = runner.invoke(args=["deliver-webhooks", "--once"])
        assert result.exit_code == 0 and "retrying=2" in result.output
        rows = _deliveries(app)
        assert [(r.attempts, r.status, r.last_status_code) for r in rows] == [(1, "pending", 500)] * 2
        with app.app_context():
            assert deliver_due() == {"delivered": 0, "retrying": 0, "failed": 0}  # not due before the backoff
            later = utcnow() + backoff(1) + timedelta(seconds=1)
            assert deliver_due(now=later) == {"delivered": 2, "retrying": 0, "failed": 0}
        # An admin resends the first: the receiver sees the same event id again and skips it.
        auth.login("admin")
        assert auth.post_form(f"/admin/webhooks/deliveries/{rows[0].id}/resend").status_code == 303
        with app.app_context():
            assert deliver_due() == {"delivered": 1, "retrying": 0, "failed": 0}
    assert receiver.bad_signatures == 0
    assert len(receiver.requests) == 5
    assert sorted(e["type"] for e in receiver.processed.values()) == ["contract.state_changed", "message.blocked"]
    for sent_headers, body in receiver.requests:
        assert sent_headers["Content-Type"] == "application/json"
        assert json.loads(body)["id"] == sent_headers["X-Contactguard-Delivery"]
    assert [(r.attempts, r.status) for r in _deliveries(app)] == [(3, "delivered"), (2, "delivered")]
    page = auth.client.get("/admin/webhooks/").get_data(as_text=True)
    assert rows[0].event_id in page and receiver.url in page


def test_a_delivery_gives_up_after_the_last_attempt(app, auth, demo):
    app.config["WEBHOOK_MAX_ATTEMPTS"] = 2
    with Receiver(failures=10) as receiver:
        _register(auth, receiver.url, ["contract.state_changed"])
        auth.login("admin")
        auth.post_form(f"/admin/contracts/{demo.conversations['inquiry']}/state", {"state": "offer", "reason": "x"})
        with app.app_context():
            assert deliver_due()["retrying"] == 1
            assert deliver_due(now=utcnow() + timedelta(days=2))["failed"] == 1
            assert deliver_due(now=utcnow() + timedelta(days=4)) == {"delivered": 0, "retrying": 0, "failed": 0}
    assert len(receiver.requests) == 2


@pytest.mark.parametrize("attempts", [1, 2, 3, 20])
def test_backoff_doubles_up_to_an_hour(app, attempts):
    with app.app_context():
        assert backoff(attempts) == min(timedelta(seconds=30 * 2 ** (attempts - 1)), timedelta(hours=1))


@pytest.mark.parametrize("username", ["reviewer", "alice"])
def test_only_admins_manage_webhooks(auth, username):
    auth.login(username)
    assert auth.client.get("/admin/webhooks/").status_code == 403
    assert auth.post_form("/admin/webhooks/", {"url": "http://x.test/", "events": ["message.blocked"]}).status_code == 403


def _publish_a_draft(app, note: str = "stricter phones") -> int:
    from admin.versions import create_version, current_published_row, publish
    from engine import RuleSet

    with app.app_context():
        document = RuleSet.default().to_dict()
        document["actions"]["active"]["phone"] = "block"
        version = create_version(document, None, note)
        publish(version, None, current_published_row().id)
        db.session.commit()
        return version.number


def test_claims_review_decisions_and_publishes_are_events_too(app, auth, client, make_token):
    from admin_testdata import EMAIL_TEXT

    _register(auth, "http://127.0.0.1:9/unused", ["exception.claimed", "review.decided", "rules.published"])
    headers = {"Authorization": f"Bearer {make_token()}"}
    client.put(f"{BASE}/job-1", json=UPSERT, headers=headers)
    claimed = client.post(f"{BASE}/job-1/messages", headers=headers,
                          json={"sender": "client-7", "text": EMAIL_TEXT, "exception_reason": "repo_access"})
    assert claimed.status_code == 201
    message_id = claimed.get_json()["message"]["id"]
    client.post(f"{BASE}/job-1/messages", json={"sender": "free-9", "text": PHONE_TEXT}, headers=headers)  # not subscribed
    auth.login("reviewer")
    assert auth.post_form(f"/admin/review/{message_id}", {"decision": "violation", "note": "n"}).status_code == 303
    auth.logout()
    number = _publish_a_draft(app)

    rows = _deliveries(app)
    assert [r.event_type for r in rows] == ["exception.claimed", "review.decided", "rules.published"]
    claim, decision, published = (r.payload["data"] for r in rows)
    assert (claim["message_id"], claim["conversation"], claim["sender"], claim["exception_reason"],
            claim["categories"], claim["delivered_text"]) == (message_id, "job-1", "client-7", "repo_access",
                                                               ["email"], EMAIL_TEXT)
    assert (decision["message_id"], decision["conversation"], decision["sender"], decision["decision"],
            decision["exception_reason"]) == (message_id, "job-1", "client-7", "violation", "repo_access")
    assert decision["reviewed_at"].endswith("Z")
    with app.app_context():
        from admin.models import RuleSetVersion

        fingerprint = db.session.execute(
            db.select(RuleSetVersion.fingerprint).where(RuleSetVersion.number == number)).scalar_one()
    assert (published["version"], published["fingerprint"], published["note"]) == (number, fingerprint,
                                                                                   "stricter phones")
    assert len({r.event_id for r in rows}) == 3


def test_saving_a_draft_or_a_review_note_alone_sends_nothing(app, auth, demo):
    from admin.models import Message, RuleSetVersion
    from admin.versions import create_version, save_draft

    _register(auth, "http://127.0.0.1:9/unused", ["review.decided", "rules.published"])
    with app.app_context():
        version = create_version(db.session.get(RuleSetVersion, 1).document, None, "draft")
        db.session.commit()
        save_draft(version, version.document, None, note="edited, not published")
        message = Message(conversation_id=demo.conversations["inquiry"], sender_id=demo.users["alice"], text="hi",
                          delivered_text="hi", status="delivered", action="allow", state="inquiry",
                          fingerprint="x", review_status="pending")
        db.session.add(message)
        db.session.commit()
        message.review_note = "looked at it, no decision yet"
        db.session.commit()
    assert _deliveries(app) == []


def test_a_publish_rolled_back_sends_nothing(app, auth):
    from admin.versions import create_version, current_published_row, publish

    _register(auth, "http://127.0.0.1:9/unused", ["rules.published"])
    with app.app_context():
        version = create_version(current_published_row().document, None, "never published")
        publish(version, None, current_published_row().id)
        db.session.flush()
        db.session.rollback()
    assert _deliveries(app) == []


def test_a_real_receiver_verifies_and_processes_the_new_events(app, auth, client, make_token):
    from admin_testdata import EMAIL_TEXT

    with Receiver(failures=0) as receiver:
        receiver.secret = _register(auth, receiver.url, ["exception.claimed", "review.decided", "rules.published"])
        headers = {"Authorization": f"Bearer {make_token()}"}
        client.put(f"{BASE}/job-1", json=UPSERT, headers=headers)
        message_id = client.post(f"{BASE}/job-1/messages", headers=headers, json={
            "sender": "client-7", "text": EMAIL_TEXT, "exception_reason": "repo_access"}).get_json()["message"]["id"]
        auth.login("admin")
        auth.post_form(f"/admin/review/{message_id}", {"decision": "acceptable"})
        _publish_a_draft(app)
        with app.app_context():
            assert deliver_due() == {"delivered": 3, "retrying": 0, "failed": 0}
    assert receiver.bad_signatures == 0
    assert sorted(e["type"] for e in receiver.processed.values()) == [
        "exception.claimed", "review.decided", "rules.published"]
    decided = next(e for e in receiver.processed.values() if e["type"] == "review.decided")
    assert decided["data"]["decision"] == "acceptable"
