"""Server-rendered pages: CSP without inline scripts, escaping, the no-JS composer, contracts, review, dashboard."""

from __future__ import annotations

import re

import pytest
from admin_testdata import ADDRESS_TEXT, CLEAN_TEXT, EMAIL_TEXT, PHONE_TEXT

from admin.db import db
from admin.models import AuditEntry, Conversation, Message, StateChange

CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'"
PAGES = {
    "admin": ["/admin/", "/admin/audit", "/admin/rules/", "/admin/rules/1", "/admin/rules/diff?a=1&b=1",
              "/admin/rules/1/impact", "/admin/playground", "/admin/contracts/", "/admin/contracts/{inquiry}",
              "/admin/review/"],
    "alice": ["/demo/", "/demo/conversations/{inquiry}"],
    None: ["/login"],
}


@pytest.mark.parametrize("user", list(PAGES))
def test_csp_and_no_inline_scripts_or_handlers(auth, demo, user):
    if user:
        auth.login(user)
    for path in PAGES[user]:
        response = auth.client.get(path.format(**demo.conversations))
        assert response.status_code == 200, path
        assert response.headers["Content-Security-Policy"].startswith(CSP), path
        html = response.get_data(as_text=True)
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag, f"inline script on {path}: {tag}"
        assert not re.search(r"<script\b[^>]*>[^<]*\S[^<]*</script>", html), f"inline script body on {path}"
        assert not re.search(r"\son[a-z]+\s*=", html), f"inline event handler on {path}"
        assert not re.search(r"\sstyle\s*=", html), f"inline style on {path}"
        assert re.search(r'<meta name="csrf-token" content="[^"]+">', html), path


def test_session_cookie_settings(app):
    from admin import create_app

    prod = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "k",
                       "INSTANCE_PATH": app.instance_path})
    assert prod.config["SESSION_COOKIE_SECURE"] is True
    assert prod.config["SESSION_COOKIE_HTTPONLY"] is True
    assert prod.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert prod.config["REMEMBER_COOKIE_SECURE"] is True
    with prod.app_context():
        db.engine.dispose()


def test_login_sets_an_httponly_cookie(auth):
    response = auth.login("alice")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_composer_form_contract(auth, demo):
    auth.login("alice")
    html = auth.client.get(f"/demo/conversations/{demo.conversations['inquiry']}").get_data(as_text=True)
    form = re.search(r'<form id="composer-form" method="post"[^>]*>(.*?)</form>', html, re.S).group(1)
    assert re.search(rf'<textarea id="composer" name="text"[^>]*data-conversation-id="{demo.conversations["inquiry"]}"',
                     form.replace("\n", " ").replace("    ", " "))
    assert 'data-state="inquiry"' in form
    assert '<button id="send" type="submit">Send</button>' in form
    assert 'name="csrf_token"' in form
    assert '<select name="exception_reason">' in form and 'value="repo_access"' in form


def test_sending_through_the_form_without_javascript(app, auth, demo):
    auth.login("alice")
    path = f"/demo/conversations/{demo.conversations['inquiry']}"
    sent = auth.post_form(path, {"text": CLEAN_TEXT})
    assert sent.status_code == 302
    page = auth.client.get(sent.headers["Location"]).get_data(as_text=True)
    assert CLEAN_TEXT in page
    refused = auth.post_form(path, {"text": PHONE_TEXT})
    assert refused.status_code == 422
    html = refused.get_data(as_text=True)
    assert 'id="refusal"' in html and "Phone numbers" in html
    assert PHONE_TEXT in html  # kept in the textarea so the sender can edit it
    redacted = auth.post_form(path, {"text": ADDRESS_TEXT}, follow_redirects=True)
    assert "Sent with parts hidden" in redacted.get_data(as_text=True)
    claimed = auth.post_form(path, {"text": EMAIL_TEXT, "exception_reason": "repo_access"}, follow_redirects=True)
    assert "an administrator will review it" in claimed.get_data(as_text=True)
    empty = auth.post_form(path, {"text": "  "})
    assert empty.status_code == 422 and 'id="send-error"' in empty.get_data(as_text=True)


def test_form_post_without_csrf_token_is_refused(app, auth, demo):
    auth.login("alice")
    response = auth.client.post(f"/demo/conversations/{demo.conversations['inquiry']}", data={"text": CLEAN_TEXT})
    assert response.status_code == 400
    assert "CSRF" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.execute(db.select(db.func.count()).select_from(Message)).scalar() == 0


def test_message_html_is_escaped_everywhere(app, auth, demo):
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)> call me at +1 415 555 2671'
    auth.login("alice")
    auth.post_json(f"/api/conversations/{demo.conversations['inquiry']}/messages", {"text": evil})
    auth.post_json(f"/api/conversations/{demo.conversations['inquiry']}/messages", {"text": "<b>bold</b> hi"})
    pages = [f"/demo/conversations/{demo.conversations['inquiry']}"]
    for path in pages:
        html = auth.client.get(path).get_data(as_text=True)
        assert "<script>alert" not in html and "<b>bold</b>" not in html
        assert "&lt;b&gt;bold&lt;/b&gt;" in html
    auth.logout()
    auth.login("admin")
    for path in ["/admin/", "/admin/review/", f"/admin/contracts/{demo.conversations['inquiry']}"]:
        html = auth.client.get(path).get_data(as_text=True)
        assert "<script>alert" not in html and "<img src=x" not in html, path
        assert "&lt;script&gt;" in html, path


def test_contract_state_change_with_reason_and_history(app, auth, demo):
    conv = demo.conversations["inquiry"]
    auth.login("admin")
    response = auth.post_form(f"/admin/contracts/{conv}/state", {"state": "active", "reason": "contract awarded"})
    assert response.status_code == 303
    with app.app_context():
        assert db.session.get(Conversation, conv).state == "active"
        [_, change] = db.session.execute(
            db.select(StateChange).where(StateChange.conversation_id == conv).order_by(StateChange.id)).scalars().all()
        assert (change.from_state, change.to_state, change.reason) == ("inquiry", "active", "contract awarded")
        audit = db.session.execute(db.select(AuditEntry).where(AuditEntry.action == "contract.state")).scalar_one()
        assert audit.detail["to_state"] == "active"
    html = auth.client.get(f"/admin/contracts/{conv}").get_data(as_text=True)
    assert "contract awarded" in html
    # The new state rules the very next message.
    auth.logout()
    auth.login("alice")
    assert auth.post_json(f"/api/conversations/{conv}/messages", {"text": PHONE_TEXT}).status_code == 201


@pytest.mark.parametrize(("data", "message"), [
    ({"state": "active", "reason": ""}, "give a reason"),
    ({"state": "inquiry", "reason": "no-op"}, "already inquiry"),
    ({"state": "married", "reason": "x"}, "state must be one of"),
])
def test_contract_state_change_errors(app, auth, demo, data, message):
    conv = demo.conversations["inquiry"]
    auth.login("admin")
    response = auth.post_form(f"/admin/contracts/{conv}/state", data)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Conversation, conv).state == "inquiry"


def test_contract_list_filters(auth, demo):
    auth.login("reviewer")
    html = auth.client.get("/admin/contracts/?state=active").get_data(as_text=True)
    assert "Job in active" in html and "Job in inquiry" not in html
    html = auth.client.get("/admin/contracts/?q=dave").get_data(as_text=True)
    assert "Job in offer" in html and "Job in ended" in html and "Job in inquiry" not in html
    assert auth.client.get("/admin/contracts/?state=nope").status_code == 400


def test_review_queue_and_decisions(app, auth, demo):
    auth.login("alice")
    conv = demo.conversations["inquiry"]
    auth.post_json(f"/api/conversations/{conv}/messages", {"text": PHONE_TEXT})
    auth.post_json(f"/api/conversations/{conv}/messages", {"text": EMAIL_TEXT, "exception_reason": "legal"})
    auth.post_json(f"/api/conversations/{conv}/messages", {"text": CLEAN_TEXT})
    auth.logout()
    auth.login("reviewer")
    html = auth.client.get("/admin/review/").get_data(as_text=True)
    assert html.count('class="card review-item"') == 2
    assert "exception claimed: <strong>legal</strong>" in html
    assert "<mark" in html
    with app.app_context():
        blocked = db.session.execute(db.select(Message).where(Message.status == "blocked")).scalar_one()
        blocked_id = blocked.id
    response = auth.post_form(f"/admin/review/{blocked_id}", {"decision": "violation", "note": "phone"})
    assert response.status_code == 303
    html = auth.client.get("/admin/review/?status=violation").get_data(as_text=True)
    assert f'id="review-{blocked_id}"' in html
    violations = re.search(r'<table id="violations">(.*?)</table>', html, re.S).group(1)
    assert "<td>alice</td><td>1</td>" in violations
    assert auth.post_form(f"/admin/review/{blocked_id}", {"decision": "maybe"}).status_code == 400
    with app.app_context():
        assert db.session.execute(db.select(AuditEntry).where(AuditEntry.action == "review.decide")).scalar_one()


def test_dashboard_counts_and_chart(auth, demo):
    auth.login("alice")
    conv = demo.conversations["inquiry"]
    auth.post_json(f"/api/conversations/{conv}/messages", {"text": PHONE_TEXT})
    auth.post_json(f"/api/conversations/{conv}/messages", {"text": ADDRESS_TEXT})
    auth.logout()
    auth.login("admin")
    html = auth.client.get("/admin/").get_data(as_text=True)
    categories = re.search(r'<table id="categories-table">(.*?)</table>', html, re.S).group(1)
    assert re.search(r"cat-phone\">phone</mark></th><td>1</td>", categories)
    assert re.search(r"cat-address\">address</mark></th><td>1</td>", categories)
    assert "2</strong> messages waiting for review" in html
    assert "<svg" in html and "<script" not in html.split("<main", 1)[1].split("</main>")[0]


def test_error_pages_are_html_outside_the_api(auth):
    auth.login("admin")
    response = auth.client.get("/admin/rules/424242")
    assert response.status_code == 404 and response.mimetype == "text/html"
