"""The review queue's cards: the message with its findings highlighted (escaped), the rule, detector and
features behind each finding and the one that decided, the exception claimed, the conversation before the
message, and decisions that come back at the next card (the no-JS half of the one-key decisions)."""

from __future__ import annotations

import re

from admin_testdata import EMAIL_TEXT, PHONE_TEXT

from admin.db import db
from admin.models import Message, utcnow


def _card(html: str, message_id: int) -> str:
    return re.search(rf'<article class="card review-item" id="review-{message_id}".*?</article>', html, re.S).group(0)


def _send(auth, conv: int, text: str, **extra) -> int:
    response = auth.post_json(f"/api/conversations/{conv}/messages", {"text": text, **extra})
    assert response.status_code in (201, 422), response.get_data(as_text=True)
    body = response.get_json()
    return body["attempt_id"] if "attempt_id" in body else body["message"]["id"]


def _store(app, sender: int, conv: int, text: str, action: str, findings: list[dict], state: str = "inquiry",
           review: str = "pending") -> int:
    with app.app_context():
        message = Message(conversation_id=conv, sender_id=sender, text=text, delivered_text=text, status="delivered",
                          action=action, state=state, categories=",".join(sorted({f["category"] for f in findings})),
                          findings=findings, rule_version_id=1, fingerprint="f", review_status=review,
                          created_at=utcnow())
        db.session.add(message)
        db.session.commit()
        return message.id


def test_a_card_says_why_with_the_rule_and_features_and_the_spans_highlighted_and_escaped(auth, demo):
    auth.login("alice")
    conv = demo.conversations["inquiry"]
    text = f"<script>alert(1)</script> {PHONE_TEXT}"
    blocked = _send(auth, conv, text)
    auth.logout()
    auth.login("reviewer")
    card = _card(auth.client.get("/admin/review/").get_data(as_text=True), blocked)
    assert "<script>alert" not in card and "&lt;script&gt;alert(1)&lt;/script&gt;" in card
    start = text.index("+1")
    assert re.search(r'<mark class="cat-phone"[^>]*>\+1 415 555 2671<span class="visually-hidden"> \(phone\)</span></mark>',
                     card), card
    assert card.index("&lt;script&gt;") < card.index('<mark class="cat-phone"') and start > 0
    why = re.search(r'<p class="decided-by">(.*?)</p>', card, re.S).group(1)
    assert "Why block:" in why
    assert re.search(r'phone</span> in inquiry is <strong>block</strong> \(rule [^)]*extra:test-phone', why), why
    assert 'href="/admin/rules/1">version 1</a>' in why
    row = re.search(r'<tr class="decisive">(.*?)</tr>', card, re.S).group(1)
    assert "extra:test-phone</code>: extra rule, test-phone" in row and "(decided)" in row


def test_detector_features_the_limit_and_the_finding_that_did_not_decide(app, auth, demo):
    conv = demo.conversations["inquiry"]
    text = "ring 0000 or see example"
    message_id = _store(app, demo.users["bob"], conv, text, "block", [
        {"category": "phone", "start": 5, "end": 9, "match": "0000", "rule": "phone.valid+context",
         "message": "Phone numbers <can't> be shared yet."},
        {"category": "link", "start": 17, "end": 24, "match": "example", "rule": "link.bare_domain", "message": ""},
    ])
    capped_id = _store(app, demo.users["bob"], conv, "many addresses", "block", [
        {"category": "address", "start": 0, "end": 4, "match": "many", "rule": "address.limit", "message": ""},
    ])
    auth.login("admin")
    html = auth.client.get("/admin/review/").get_data(as_text=True)
    card = _card(html, message_id)
    rows = re.findall(r"<tr( class=\"decisive\")?><td><mark class=\"cat-(\w+)\">.*?</tr>", card, re.S)
    assert rows == [(' class="decisive"', "phone"), ("", "link")]
    assert "phone.valid+context</code>: phone, valid, context" in card
    assert "link.bare_domain</code>: link, bare_domain" in card
    assert re.search(r"<td>warn</td>", card) and "Phone numbers &lt;can&#39;t&gt; be shared yet." in card
    # The address table says redact in an inquiry, but a detector at its cap is judged as block.
    capped = _card(html, capped_id)
    assert re.search(r"address</span> in inquiry is <strong>block</strong>", capped)
    assert "limit reached: judged as block" in capped


def test_the_exception_claimed_is_on_the_card(auth, demo):
    auth.login("alice")
    claimed = _send(auth, demo.conversations["inquiry"], EMAIL_TEXT, exception_reason="repo_access")
    auth.logout()
    auth.login("reviewer")
    card = _card(auth.client.get("/admin/review/").get_data(as_text=True), claimed)
    claim = re.search(r'<p class="exception-claim">(.*?)</p>', card, re.S).group(1)
    assert "exception claimed: <strong>repo_access</strong>" in claim and "releases email, link" in claim
    assert "An email is needed to grant access" in claim  # the label, in English


def test_the_card_shows_the_last_five_messages_before_it_escaped_oldest_first(app, auth, demo):
    conv, other = demo.conversations["inquiry"], demo.conversations["offer"]
    alice, bob = demo.users["alice"], demo.users["bob"]
    earlier = [_store(app, alice if i % 2 else bob, conv, f"earlier message {i} <img src=x onerror=alert({i})>",
                      "allow", [], review="none") for i in range(6)]
    _store(app, alice, other, "another conversation", "allow", [], review="none")
    flagged = _store(app, alice, conv, "call +1 415 555 2671", "block", [
        {"category": "phone", "start": 5, "end": 20, "match": "+1 415 555 2671", "rule": "extra:test-phone",
         "message": ""}])
    later = _store(app, bob, conv, "a later message", "allow", [], review="none")
    first = _store(app, alice, demo.conversations["active"], "hello +1 415 555 2671", "warn", [
        {"category": "phone", "start": 6, "end": 21, "match": "+1 415 555 2671", "rule": "extra:test-phone",
         "message": ""}])
    auth.login("reviewer")
    html = auth.client.get("/admin/review/").get_data(as_text=True)
    context = re.search(r'<details class="review-context" open>(.*?)</details>', _card(html, flagged), re.S).group(1)
    shown = [int(n) for n in re.findall(r"earlier message (\d)", context)]
    assert shown == [1, 2, 3, 4, 5] and len(earlier) == 6
    assert "<img" not in context and "&lt;img src=x onerror=alert(5)&gt;" in context
    assert "another conversation" not in context and "a later message" not in context and later
    assert "Earlier in the conversation (5 of the last 5)" in context
    assert "This is the first message of the conversation." in _card(html, first)


def test_a_decision_comes_back_at_the_next_card(app, auth, demo):
    conv = demo.conversations["inquiry"]
    ids = [_store(app, demo.users["alice"], conv, f"flagged {i}", "warn", [
        {"category": "link", "start": 0, "end": 7, "match": "flagged", "rule": "extra:test-link", "message": ""}])
        for i in range(3)]
    auth.login("reviewer")
    html = auth.client.get("/admin/review/").get_data(as_text=True)
    # Newest first: each card's form names the card below it; the last names none.
    newest, middle, oldest = ids[2], ids[1], ids[0]
    assert f'name="next" value="{middle}"' in _card(html, newest)
    assert f'name="next" value="{oldest}"' in _card(html, middle)
    assert 'name="next"' not in _card(html, oldest)
    assert 'data-key="a"' in _card(html, newest) and 'data-key="r"' in _card(html, newest)
    assert 'id="review-keys" hidden' in html and re.search(r'<script src="[^"]*review\.js" defer></script>', html)
    response = auth.post_form(f"/admin/review/{newest}?action=warn", {"decision": "acceptable", "next": str(middle)})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/admin/review/?action=warn#review-{middle}")
    # A bad "next" is refused and nothing is saved.
    bad = auth.post_form(f"/admin/review/{middle}", {"decision": "violation", "next": "x<y"})
    assert bad.status_code == 400 and "next must be the id" in bad.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Message, middle).review_status == "pending"
        assert db.session.get(Message, newest).review_status == "acceptable"
    last = auth.post_form(f"/admin/review/{oldest}", {"decision": "violation"})
    assert last.status_code == 303 and "#" not in last.headers["Location"]


def test_the_card_says_what_the_other_party_saw(auth, demo):
    auth.login("alice")
    conv = demo.conversations["inquiry"]
    redacted = _send(auth, conv, "come to 221b baker street <b>soon</b>")
    blocked = _send(auth, conv, PHONE_TEXT)
    auth.logout()
    auth.login("reviewer")
    html = auth.client.get("/admin/review/").get_data(as_text=True)
    seen = re.search(r'<p class="delivered-as">(.*?)</p>', _card(html, redacted), re.S).group(1)
    assert "The other party saw:" in seen and "221b baker street" not in seen and "&lt;b&gt;soon&lt;/b&gt;" in seen
    assert "the message was not delivered" in _card(html, blocked)
