"""Exception claims release only what their reason covers, a few times a day; caps never weaken enforcement."""

from __future__ import annotations

from datetime import timedelta

import pytest
from admin_testdata import ADDRESS_TEXT, CLEAN_TEXT, EMAIL_TEXT, PHONE_TEXT

from admin.db import db
from admin.models import AuditEntry, Message, RuleSetVersion, utcnow
from admin.versions import create_version, publish
from engine import Detector, Finding, Verdict

EMAIL_AND_PHONE = "write to john.doe@gmail.com or call +1 415 555 2671"


def _post(auth, conversation_id: int, body):
    return auth.post_json(f"/api/conversations/{conversation_id}/messages", body)


def _messages(app) -> list[Message]:
    with app.app_context():
        rows = db.session.execute(db.select(Message).order_by(Message.id)).scalars().all()
        for row in rows:
            db.session.expunge(row)
        return rows


def _audit_actions(app) -> list[str]:
    with app.app_context():
        return list(db.session.execute(db.select(AuditEntry.action).order_by(AuditEntry.id)).scalars())


@pytest.mark.parametrize(
    ("reason", "text", "uncovered"),
    [
        ("repo_access", PHONE_TEXT, "phone"),
        ("repo_access", ADDRESS_TEXT, "address"),
        ("repo_access", EMAIL_AND_PHONE, "phone"),
        ("legal", PHONE_TEXT, "phone"),
    ],
)
def test_a_claim_that_does_not_cover_every_finding_is_refused(app, auth, demo, reason, text, uncovered):
    auth.login("alice")
    response = _post(auth, demo.conversations["inquiry"], {"text": text, "exception_reason": reason})
    assert response.status_code == 422
    body = response.get_json()
    assert body["error"] == "exception_not_covering" and set(body) == {"error", "message"}
    assert uncovered in body["message"] and "releases" in body["message"]
    assert _messages(app) == []
    assert _audit_actions(app)[-1] == "exception.refused"


@pytest.mark.parametrize(("reason", "text"), [("repo_access", EMAIL_TEXT), ("legal", ADDRESS_TEXT),
                                              ("legal", EMAIL_TEXT)])
def test_a_claim_within_its_categories_is_delivered_and_queued(app, auth, demo, reason, text):
    auth.login("alice")
    response = _post(auth, demo.conversations["inquiry"], {"text": text, "exception_reason": reason})
    assert response.status_code == 201
    [stored] = _messages(app)
    assert stored.exception_reason == reason and stored.review_status == "pending"
    assert stored.delivered_text == text
    assert "exception.claim" in _audit_actions(app)


def test_claims_are_limited_per_user_and_day_even_after_a_violation(app, auth, demo):
    auth.login("alice")
    conv = demo.conversations["inquiry"]
    assert _post(auth, conv, {"text": PHONE_TEXT}).status_code == 422  # a violation first
    statuses = [_post(auth, conv, {"text": EMAIL_TEXT, "exception_reason": "repo_access"}).status_code
                for _ in range(10)]
    assert statuses == [201] * 3 + [422] * 7
    last = _post(auth, conv, {"text": EMAIL_TEXT, "exception_reason": "repo_access"}).get_json()
    assert last["error"] == "exception_limit_reached" and "3" in last["message"]
    assert sum(1 for m in _messages(app) if m.exception_reason) == 3
    # Another user has claims of their own.
    auth.logout()
    auth.login("bob")
    assert _post(auth, conv, {"text": EMAIL_TEXT, "exception_reason": "repo_access"}).status_code == 201


def test_yesterdays_claims_do_not_count(app, auth, demo):
    conv = demo.conversations["inquiry"]
    with app.app_context():
        for _ in range(3):
            db.session.add(Message(conversation_id=conv, sender_id=demo.users["alice"], text=EMAIL_TEXT,
                                   delivered_text=EMAIL_TEXT, status="delivered", action="block", state="inquiry",
                                   fingerprint="x", exception_reason="repo_access",
                                   created_at=utcnow() - timedelta(days=1, minutes=1)))
        db.session.commit()
    auth.login("alice")
    assert _post(auth, conv, {"text": EMAIL_TEXT, "exception_reason": "repo_access"}).status_code == 201


def test_the_daily_limit_and_the_releases_are_rule_set_settings(app, auth, demo):
    with app.app_context():
        doc = db.session.get(RuleSetVersion, 1).document
        version = create_version(doc, None, "strict exceptions",
                                 exceptions={"claims_per_day": 1, "releases": {"repo_access": ["phone"]}})
        publish(version, None, 1)
        db.session.commit()
    auth.login("alice")
    conv = demo.conversations["inquiry"]
    refused = _post(auth, conv, {"text": EMAIL_TEXT, "exception_reason": "repo_access"})
    assert refused.status_code == 422 and "email" in refused.get_json()["message"]
    assert _post(auth, conv, {"text": PHONE_TEXT, "exception_reason": "repo_access"}).status_code == 201
    second = _post(auth, conv, {"text": PHONE_TEXT, "exception_reason": "repo_access"})
    assert second.get_json()["error"] == "exception_limit_reached"


def test_a_claim_on_a_message_that_needs_none_is_not_used(app, auth, demo):
    auth.login("alice")
    assert _post(auth, demo.conversations["inquiry"],
                 {"text": CLEAN_TEXT, "exception_reason": "repo_access"}).status_code == 201
    [stored] = _messages(app)
    assert stored.exception_reason is None and stored.review_status == "none"


def test_the_editor_sets_what_a_reason_releases_and_the_daily_limit(app, auth):
    from test_rulesets import _form_fields, _new_draft

    auth.login("admin")
    draft_id = _new_draft(auth)
    page = auth.client.get(f"/admin/rules/{draft_id}").get_data(as_text=True)
    fields = _form_fields(page, "structured-form")
    assert fields.getlist("exception_reasons[0].releases") == ["email", "link"]
    fields.setlist("exception_reasons[0].releases", ["email", "phone"])
    fields["exceptions.claims_per_day"] = "7"
    response = auth.client.post(f"/admin/rules/{draft_id}/structured", data=fields)
    assert response.status_code == 303
    with app.app_context():
        policy = db.session.get(RuleSetVersion, draft_id).exceptions
    assert policy == {"claims_per_day": 7, "releases": {"legal": ["email", "address"],
                                                        "repo_access": ["phone", "email"]}}
    fields["exceptions.claims_per_day"] = "1000"
    page = auth.client.get(f"/admin/rules/{draft_id}").get_data(as_text=True)
    fields = _form_fields(page, "structured-form")
    fields["exceptions.claims_per_day"] = "1000"
    bad = auth.client.post(f"/admin/rules/{draft_id}/structured", data=fields)
    assert bad.status_code == 422 and 'data-path="exceptions.claims_per_day"' in bad.get_data(as_text=True)


def test_reviewers_see_the_claim_its_label_and_what_it_released(auth, demo):
    auth.login("alice")
    _post(auth, demo.conversations["inquiry"], {"text": EMAIL_TEXT, "exception_reason": "repo_access"})
    auth.logout()
    auth.login("reviewer")
    html = auth.client.get("/admin/review/").get_data(as_text=True)
    assert "exception claimed: <strong>repo_access</strong>" in html
    assert "releases email, link" in html
    claims = html[html.index('<table id="claims">'):]
    assert "<td>alice</td><td>1</td>" in claims[:claims.index("</table>")]


def test_the_demo_page_says_what_each_reason_releases(auth, demo):
    auth.login("alice")
    html = auth.client.get(f"/demo/conversations/{demo.conversations['inquiry']}").get_data(as_text=True)
    assert 'data-releases="email link"' in html and "releases email, link" in html


# -- caps -------------------------------------------------------------------------------------


def _capped_scan(monkeypatch, action: str = "redact") -> None:
    def scan(self, text, history=None, state="inquiry"):
        finding = Finding("address", 0, min(len(text), 5), text[:5], "address.limit", "Too many addresses.")
        return Verdict(action, (finding,), state, redacted="*" * len(text), fingerprint=self.rules.fingerprint)

    monkeypatch.setattr(Detector, "scan", scan)


def test_a_detector_at_its_cap_makes_the_message_blocked_and_queued(app, auth, demo, monkeypatch):
    _capped_scan(monkeypatch)
    auth.login("alice")
    response = _post(auth, demo.conversations["inquiry"], {"text": "decoy street 1, decoy street 2"})
    assert response.status_code == 422
    assert response.get_json()["verdict"]["action"] == "block"
    [stored] = _messages(app)
    assert stored.status == "blocked" and stored.review_status == "pending" and stored.delivered_text is None
    auth.logout()
    auth.login("reviewer")
    assert "limit reached: judged as block" in auth.client.get("/admin/review/").get_data(as_text=True)


def test_a_check_at_the_cap_answers_block(auth, monkeypatch):
    _capped_scan(monkeypatch, action="allow")
    auth.login("alice")
    assert auth.post_json("/api/check", {"text": "many addresses"}).get_json()["action"] == "block"


def test_no_exception_releases_a_capped_message(app, auth, demo, monkeypatch):
    _capped_scan(monkeypatch)
    auth.login("alice")
    response = _post(auth, demo.conversations["inquiry"], {"text": "many addresses", "exception_reason": "legal"})
    assert response.status_code == 422 and response.get_json()["error"] == "exception_not_covering"
    assert _messages(app) == []
