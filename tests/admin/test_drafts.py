"""Drafts never lose an update, never collide on numbers; previews and publishes stay bounded."""

from __future__ import annotations

import json
import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from admin_testdata import CLEAN_TEXT, PHONE_TEXT
from test_rulesets import _form_fields, _new_draft, _version

from admin.db import db
from admin.models import AuditEntry, RuleSetVersion
from admin.versions import StaleDraft, create_version, save_draft


def test_two_admins_saving_one_draft_the_second_gets_a_409_with_the_diff(app, auth):
    auth.login("admin")
    draft_id = _new_draft(auth)
    first = _form_fields(auth.client.get(f"/admin/rules/{draft_id}").get_data(as_text=True), "structured-form")
    second = first.copy()
    first["actions.inquiry.link"] = "block"
    assert auth.client.post(f"/admin/rules/{draft_id}/structured", data=first).status_code == 303
    second["actions.offer.social"] = "block"
    response = auth.client.post(f"/admin/rules/{draft_id}/structured", data=second)
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "Nothing was overwritten" in html
    assert '<span class="del">-      &#34;link&#34;: &#34;block&#34;,</span>' in html  # theirs, not in yours
    assert re.search(r'<span class="add">\+      &#34;social&#34;: &#34;block&#34;', html)  # yours
    doc = _version(app, draft_id).document
    assert doc["actions"]["inquiry"]["link"] == "block" and doc["actions"]["offer"]["social"] == "warn"
    assert _version(app, draft_id).revision == 2


def test_a_stale_raw_save_is_a_409(app, auth):
    auth.login("admin")
    draft_id = _new_draft(auth)
    doc = _version(app, draft_id).document
    doc["messages"]["phone"] = "first edit"
    assert auth.post_form(f"/admin/rules/{draft_id}/raw",
                          {"document": json.dumps(doc), "revision": "1"}).status_code == 303
    doc["messages"]["phone"] = "second edit, from the old page"
    response = auth.post_form(f"/admin/rules/{draft_id}/raw", {"document": json.dumps(doc), "revision": "1"})
    assert response.status_code == 409
    assert _version(app, draft_id).document["messages"]["phone"] == "first edit"


def test_the_revision_check_also_holds_between_load_and_write(app):
    with app.app_context():
        version = create_version(db.session.get(RuleSetVersion, 1).document, None, "race")
        db.session.commit()
        version_id = version.id
    with app.app_context():
        mine = db.session.get(RuleSetVersion, version_id)
        doc = mine.document
        with app.app_context():  # another request saves in between
            theirs = db.session.get(RuleSetVersion, version_id)
            save_draft(theirs, {**theirs.document, "name": "theirs"}, None)
            db.session.commit()
        with pytest.raises(StaleDraft):
            save_draft(mine, {**doc, "name": "mine"}, None, expected_revision=1)
    assert _version(app, version_id).document["name"] == "theirs"


def test_drafts_created_at_once_get_distinct_numbers(app):
    attempts = 4
    barrier = threading.Barrier(attempts)
    with app.app_context():
        base = db.session.get(RuleSetVersion, 1).document

    def attempt(i: int) -> int:
        with app.app_context():
            barrier.wait()
            try:
                version = create_version(base, None, f"draft {i}")
                db.session.commit()
                return version.number
            finally:
                db.session.remove()

    with ThreadPoolExecutor(attempts) as pool:
        numbers = sorted(pool.map(attempt, range(attempts)))
    assert numbers == [2, 3, 4, 5]


# -- impact preview --------------------------------------------------------------------------


class FakeClock:
    """A clock that moves on by `step` seconds each time it is read."""

    def __init__(self, step: float) -> None:
        self.now, self.step = 0.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def _stored_messages(auth, demo, count: int) -> None:
    auth.login("alice")
    for i in range(count):
        auth.post_json(f"/api/conversations/{demo.conversations['inquiry']}/messages",
                       {"text": PHONE_TEXT if i % 2 else f"{CLEAN_TEXT} {i}"})
    auth.logout()


def test_the_impact_preview_stops_at_its_time_budget(app, auth, demo):
    from admin.rulesets import impact

    _stored_messages(auth, demo, 6)
    with app.app_context():
        version = db.session.get(RuleSetVersion, 1)
        unbounded = impact(version, 10)
        bounded = impact(version, 10, seconds=2.5, clock=FakeClock(1.0))
    assert unbounded["scanned"] == 6 and unbounded["complete"]
    assert bounded["scanned"] == 2 and not bounded["complete"]
    assert bounded["last_id"] == unbounded["last_id"] + 4


def test_the_impact_page_scans_in_bounded_steps_and_continues(app, auth, demo):
    _stored_messages(auth, demo, 3)
    app.config["IMPACT_PREVIEW_LIMIT"] = 2
    auth.login("reviewer")
    page = auth.client.get("/admin/rules/1/impact?n=3").get_data(as_text=True)
    assert "Scanned 2 stored messages" in page
    more = re.search(r'id="impact-continue" href="([^"]+)"', page).group(1).replace("&amp;", "&")
    rest = auth.client.get(more).get_data(as_text=True)
    assert "Scanned 1 stored messages" in rest and 'id="impact-continue"' not in rest


# -- publishing new patterns -----------------------------------------------------------------


def _draft_with_pattern(app, auth, pattern: str) -> int:
    draft_id = _new_draft(auth)
    doc = _version(app, draft_id).document
    doc["extra_rules"].append({"id": "new-pattern", "category": "phone", "kind": "pattern", "value": pattern})
    assert auth.post_form(f"/admin/rules/{draft_id}/raw", {"document": json.dumps(doc)}).status_code == 303
    return draft_id


def test_a_publish_whose_new_pattern_blows_the_budget_is_refused(app, auth):
    app.config["PUBLISH_PATTERN_BUDGET_SECONDS"] = 0
    auth.login("admin")
    draft_id = _draft_with_pattern(app, auth, r"order-\d{6}")
    response = auth.post_form(f"/admin/rules/{draft_id}/publish", {"expected_published_id": "1"})
    assert response.status_code == 422
    assert "did not finish scanning" in response.get_data(as_text=True)
    assert _version(app, draft_id).status == "draft"
    with app.app_context():
        [entry] = db.session.execute(
            db.select(AuditEntry).where(AuditEntry.action == "ruleset.publish_refused")).scalars().all()
        assert entry.target_id == draft_id


def test_a_publish_whose_new_pattern_is_fast_goes_through(app, auth):
    app.config["PUBLISH_PATTERN_BUDGET_SECONDS"] = 120
    auth.login("admin")
    draft_id = _draft_with_pattern(app, auth, r"order-\d{6}")
    assert auth.post_form(f"/admin/rules/{draft_id}/publish", {"expected_published_id": "1"}).status_code == 303
    assert _version(app, draft_id).status == "published"


def test_a_publish_without_new_patterns_needs_no_probe(app, auth):
    app.config["PUBLISH_PATTERN_BUDGET_SECONDS"] = 0
    auth.login("admin")
    draft_id = _new_draft(auth)
    assert auth.post_form(f"/admin/rules/{draft_id}/publish", {"expected_published_id": "1"}).status_code == 303


def test_the_version_published_is_compiled_before_the_reply(app, auth):
    """The open composers ask for a verdict under the new rules at once: its detector is ready."""
    from admin.versions import DETECTORS

    app.config["PUBLISH_PATTERN_BUDGET_SECONDS"] = 120
    auth.login("admin")
    draft_id = _draft_with_pattern(app, auth, r"ticket-\d{7}")
    fingerprint = _version(app, draft_id).fingerprint
    DETECTORS._by_fingerprint.pop(fingerprint, None)  # the cache is the process's: an earlier run may hold it
    assert auth.post_form(f"/admin/rules/{draft_id}/publish", {"expected_published_id": "1"}).status_code == 303
    assert fingerprint in DETECTORS._by_fingerprint
