"""Rule set versions: drafts, the structured and raw editors, diff, publish conflicts, rollback, impact."""

from __future__ import annotations

import json
import re

import pytest
from admin_testdata import CLEAN_TEXT, PHONE_TEXT
from werkzeug.datastructures import MultiDict

from admin.db import db
from admin.models import AuditEntry, RuleSetVersion
from admin.versions import PublishConflict, create_version, publish


def _new_draft(auth, **data) -> int:
    response = auth.post_form("/admin/rules/new", data)
    assert response.status_code == 303
    return int(re.search(r"/admin/rules/(\d+)$", response.headers["Location"]).group(1))


def _version(app, version_id: int) -> RuleSetVersion:
    with app.app_context():
        version = db.session.get(RuleSetVersion, version_id)
        db.session.expunge(version)
        return version


def _form_fields(html: str, form_id: str) -> MultiDict:
    """The fields a browser would submit for one form of a page (enough for our editor)."""
    form = re.search(rf'<form[^>]*id="{form_id}"[^>]*>(.*?)</form>', html, re.S).group(1)
    fields: list[tuple[str, str]] = []
    for tag in re.finditer(r"<input([^>]*)>", form):
        attrs = dict(re.findall(r'(\w[\w-]*)="([^"]*)"', tag.group(1)))
        if "name" not in attrs:
            continue
        if attrs.get("type") == "checkbox":
            if re.search(r"\bchecked\b", tag.group(1)):
                fields.append((attrs["name"], attrs.get("value", "on")))
        else:
            fields.append((attrs["name"], _unescape(attrs.get("value", ""))))
    for tag in re.finditer(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S):
        fields.append((tag.group(1), _unescape(tag.group(2))))
    for tag in re.finditer(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.search(r"<option(?: value=\"([^\"]*)\")? selected>([^<]*)</option>", tag.group(2))
        first = re.search(r"<option(?: value=\"([^\"]*)\")?[^>]*>([^<]*)</option>", tag.group(2))
        option = chosen or first
        fields.append((tag.group(1), _unescape(option.group(1) or option.group(2))))
    return MultiDict(fields)


def _set(fields: MultiDict, values: dict[str, str]) -> None:
    for key, value in values.items():
        fields[key] = value


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


def test_version_list_shows_the_published_version(auth):
    auth.login("reviewer")
    page = auth.client.get("/admin/rules/").get_data(as_text=True)
    assert "published" in page and 'id="versions"' in page


def test_new_draft_copies_the_published_document(app, auth):
    auth.login("admin")
    draft_id = _new_draft(auth, note="try stricter links")
    draft = _version(app, draft_id)
    assert draft.status == "draft" and draft.number == 2 and draft.note == "try stricter links"
    published = _version(app, 1)
    assert draft.document == published.document


def test_structured_editor_round_trips_unchanged(app, auth):
    auth.login("admin")
    draft_id = _new_draft(auth)
    before = _version(app, draft_id).fingerprint
    page = auth.client.get(f"/admin/rules/{draft_id}").get_data(as_text=True)
    fields = _form_fields(page, "structured-form")
    response = auth.client.post(f"/admin/rules/{draft_id}/structured", data=fields)
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    assert _version(app, draft_id).fingerprint == before


def test_structured_editor_changes_actions_and_adds_a_rule(app, auth):
    auth.login("admin")
    draft_id = _new_draft(auth)
    page = auth.client.get(f"/admin/rules/{draft_id}").get_data(as_text=True)
    fields = _form_fields(page, "structured-form")
    count = int(fields["extra_rules.count"])
    _set(fields, {
        "actions.inquiry.link": "block",
        f"extra_rules[{count}].id": "no-carrier-pigeons",
        f"extra_rules[{count}].category": "social",
        f"extra_rules[{count}].kind": "phrase",
        f"extra_rules[{count}].value": "carrier pigeon",
    })
    del fields["detectors.address.enabled"]
    response = auth.client.post(f"/admin/rules/{draft_id}/structured", data=fields)
    assert response.status_code == 303
    doc = _version(app, draft_id).document
    assert doc["actions"]["inquiry"]["link"] == "block"
    assert doc["extra_rules"][-1]["id"] == "no-carrier-pigeons"
    assert doc["detectors"]["address"]["enabled"] is False


def test_structured_editor_marks_an_app_found_by_phone_number(app, auth):
    auth.login("admin")
    draft_id = _new_draft(auth)
    page = auth.client.get(f"/admin/rules/{draft_id}").get_data(as_text=True)
    fields = _form_fields(page, "structured-form")
    apps = _version(app, draft_id).document["detectors"]["social"]["apps"]
    skype = next(i for i, a in enumerate(apps) if a["name"] == "skype")
    whatsapp = next(i for i, a in enumerate(apps) if a["name"] == "whatsapp")
    assert f"detectors.social.apps[{whatsapp}].by_number" in fields  # the shipped flag is shown checked
    fields[f"detectors.social.apps[{skype}].by_number"] = "y"
    del fields[f"detectors.social.apps[{whatsapp}].by_number"]
    response = auth.client.post(f"/admin/rules/{draft_id}/structured", data=fields)
    assert response.status_code == 303
    apps = _version(app, draft_id).document["detectors"]["social"]["apps"]
    assert apps[skype].get("by_number") is True and "by_number" not in apps[whatsapp]


@pytest.mark.parametrize(
    ("field", "value", "path"),
    [
        ("detectors.phone.regions", "GB, UK", "detectors.phone.regions"),
        ("detectors.phone.min_digits", "seven", "detectors.phone.min_digits"),
        ("context.history_messages", "99", "context.history_messages"),
        ("allowed_domains", "Not A Domain!", "allowed_domains"),
        ("detectors.social.apps[0].domains", "Not a domain", "detectors.social.apps[0].domains"),
        ("detectors.social.apps[0].name", "", "detectors.social.apps[0].name"),
        ("messages.email", "", "messages.email"),
    ],
)
def test_structured_editor_shows_errors_at_the_field(app, auth, field, value, path):
    auth.login("admin")
    draft_id = _new_draft(auth)
    before = _version(app, draft_id).fingerprint
    page = auth.client.get(f"/admin/rules/{draft_id}").get_data(as_text=True)
    fields = _form_fields(page, "structured-form")
    fields[field] = value
    response = auth.client.post(f"/admin/rules/{draft_id}/structured", data=fields)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert f'class="field-error" data-path="{path}"' in html
    assert "Not saved" in html
    assert _version(app, draft_id).fingerprint == before


def test_unsafe_pattern_is_rejected_at_its_row(app, auth):
    auth.login("admin")
    draft_id = _new_draft(auth)
    page = auth.client.get(f"/admin/rules/{draft_id}").get_data(as_text=True)
    fields = _form_fields(page, "structured-form")
    count = int(fields["extra_rules.count"])
    _set(fields, {f"extra_rules[{count}].id": "evil", f"extra_rules[{count}].kind": "pattern",
                   f"extra_rules[{count}].value": "(a+)+$"})
    response = auth.client.post(f"/admin/rules/{draft_id}/structured", data=fields)
    assert response.status_code == 422
    assert f'data-path="extra_rules[{count}].value"' in response.get_data(as_text=True)


def test_raw_json_editor_saves_and_validates(app, auth):
    auth.login("admin")
    draft_id = _new_draft(auth)
    doc = _version(app, draft_id).document
    doc["messages"]["phone"] = "No numbers yet, please."
    ok = auth.post_form(f"/admin/rules/{draft_id}/raw", {"document": json.dumps(doc), "note": "raw edit"})
    assert ok.status_code == 303
    assert _version(app, draft_id).document["messages"]["phone"] == "No numbers yet, please."
    doc["actions"]["inquiry"]["phone"] = "explode"
    bad = auth.post_form(f"/admin/rules/{draft_id}/raw", {"document": json.dumps(doc)})
    assert bad.status_code == 422
    assert "actions.inquiry.phone" in bad.get_data(as_text=True)
    broken = auth.post_form(f"/admin/rules/{draft_id}/raw", {"document": "{nope"})
    assert broken.status_code == 422 and "not valid JSON" in broken.get_data(as_text=True)


def test_published_versions_cannot_be_edited(auth):
    auth.login("admin")
    response = auth.post_form("/admin/rules/1/raw", {"document": "{}"})
    assert response.status_code == 409


def test_diff_between_two_versions(app, auth):
    auth.login("admin")
    draft_id = _new_draft(auth)
    doc = _version(app, draft_id).document
    doc["actions"]["offer"]["social"] = "block"
    auth.post_form(f"/admin/rules/{draft_id}/raw", {"document": json.dumps(doc)})
    page = auth.client.get(f"/admin/rules/diff?a=1&b={draft_id}").get_data(as_text=True)
    assert '<span class="del">-      &#34;social&#34;: &#34;warn&#34;</span>' in page
    assert '<span class="add">+      &#34;social&#34;: &#34;block&#34;</span>' in page
    assert 'class="add"' in page and 'class="del"' in page


def test_publish_makes_the_api_serve_the_new_rules(app, auth):
    auth.login("admin")
    old = auth.client.get("/api/rules/current").get_json()
    draft_id = _new_draft(auth)
    doc = _version(app, draft_id).document
    doc["actions"]["inquiry"]["phone"] = "warn"
    auth.post_form(f"/admin/rules/{draft_id}/raw", {"document": json.dumps(doc)})
    response = auth.post_form(f"/admin/rules/{draft_id}/publish", {"expected_published_id": "1"})
    assert response.status_code == 303
    new = auth.client.get("/api/rules/current").get_json()
    assert new["version"] == 2 and new["fingerprint"] != old["fingerprint"]
    assert _version(app, 1).status == "archived"
    check = auth.post_json("/api/check", {"text": PHONE_TEXT, "state": "inquiry"})
    assert check.get_json()["action"] == "warn"
    assert check.headers["X-Rules-Fingerprint"] == new["fingerprint"]
    stale = auth.client.get("/api/rules/current", headers={"If-None-Match": f'"{old["fingerprint"]}"'})
    assert stale.status_code == 200


def test_second_publish_from_the_same_base_is_a_conflict(app, auth):
    auth.login("admin")
    first = _new_draft(auth)
    second = _new_draft(auth)
    assert auth.post_form(f"/admin/rules/{first}/publish", {"expected_published_id": "1"}).status_code == 303
    response = auth.post_form(f"/admin/rules/{second}/publish", {"expected_published_id": "1"})
    assert response.status_code == 409
    assert "published in the meantime" in response.get_data(as_text=True)
    assert _version(app, first).status == "published"
    assert _version(app, second).status == "draft"


def test_conditional_archive_refuses_a_stale_base(app):
    with app.app_context():
        a = create_version(_version(app, 1).document, None, "a")
        b = create_version(_version(app, 1).document, None, "b")
        db.session.commit()
        publish(a, None, 1)
        db.session.commit()
        with pytest.raises(PublishConflict) as info:
            publish(b, None, 1)
        assert info.value.current.id == a.id
        published = db.session.execute(
            db.select(db.func.count()).select_from(RuleSetVersion).where(RuleSetVersion.status == "published")
        ).scalar()
        assert published == 1


def test_database_allows_only_one_published_version(app):
    from sqlalchemy.exc import IntegrityError

    with app.app_context():
        extra = create_version(_version(app, 1).document, None, "x")
        extra.status = "published"
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()


def test_rollback_publishes_an_old_document_as_a_new_version(app, auth):
    auth.login("admin")
    draft_id = _new_draft(auth)
    doc = _version(app, draft_id).document
    doc["actions"]["inquiry"]["phone"] = "allow"
    auth.post_form(f"/admin/rules/{draft_id}/raw", {"document": json.dumps(doc)})
    auth.post_form(f"/admin/rules/{draft_id}/publish", {"expected_published_id": "1"})
    response = auth.post_form("/admin/rules/1/rollback", {"expected_published_id": str(draft_id)})
    assert response.status_code == 303
    current = auth.client.get("/api/rules/current").get_json()
    assert current["version"] == 3
    assert current["fingerprint"] == _version(app, 1).fingerprint
    assert _version(app, draft_id).status == "archived"
    stale = auth.post_form("/admin/rules/1/rollback", {"expected_published_id": str(draft_id)})
    assert stale.status_code == 409


def test_publish_without_the_expected_version_is_a_bad_request(auth):
    auth.login("admin")
    draft_id = _new_draft(auth)
    assert auth.post_form(f"/admin/rules/{draft_id}/publish", {}).status_code == 400


def test_rule_changes_are_audited(app, auth):
    auth.login("admin")
    draft_id = _new_draft(auth)
    auth.post_form(f"/admin/rules/{draft_id}/publish", {"expected_published_id": "1"})
    with app.app_context():
        actions = db.session.execute(db.select(AuditEntry.action).order_by(AuditEntry.id)).scalars().all()
    assert "ruleset.create" in actions and "ruleset.publish" in actions
    page = auth.client.get("/admin/audit").get_data(as_text=True)
    assert "ruleset.publish" in page and "admin" in page


def test_impact_preview_lists_messages_whose_verdict_changes(app, auth, demo):
    auth.login("alice")
    conv = demo.conversations["inquiry"]
    auth.post_json(f"/api/conversations/{conv}/messages", {"text": PHONE_TEXT})
    auth.post_json(f"/api/conversations/{conv}/messages", {"text": CLEAN_TEXT})
    auth.logout()
    auth.login("admin")
    draft_id = _new_draft(auth)
    doc = _version(app, draft_id).document
    doc["actions"]["inquiry"]["phone"] = "warn"
    auth.post_form(f"/admin/rules/{draft_id}/raw", {"document": json.dumps(doc)})
    page = auth.client.get(f"/admin/rules/{draft_id}/impact?n=50").get_data(as_text=True)
    assert "Scanned 2 stored messages" in page
    assert "<strong>1</strong> would get another verdict" in page
    assert re.search(r'<td class="action-block">block</td><td class="action-warn">warn</td><td>1</td>', page)


def test_playground_compares_draft_and_published(app, auth):
    auth.login("reviewer")
    page = auth.client.get("/admin/playground").get_data(as_text=True)
    assert 'id="playground-text"' in page
    auth.logout()
    auth.login("admin")
    draft_id = _new_draft(auth)
    doc = _version(app, draft_id).document
    doc["actions"]["inquiry"]["phone"] = "redact"
    auth.post_form(f"/admin/rules/{draft_id}/raw", {"document": json.dumps(doc)})
    response = auth.post_form("/admin/playground", {"version": str(draft_id), "text": PHONE_TEXT,
                                                   "history": "hi\nthere", "state": "inquiry"})
    html = response.get_data(as_text=True)
    chosen = html[html.index('id="result-chosen"'):html.index('id="result-published"')]
    published = html[html.index('id="result-published"'):]
    assert "<strong>redact</strong>" in chosen and "<strong>block</strong>" in published
    assert "<mark" in chosen


def test_document_json_of_a_version(auth):
    auth.login("reviewer")
    body = auth.client.get("/admin/rules/1/document.json").get_json()
    assert body["version"] == 1 and body["status"] == "published" and "actions" in body["document"]


def test_discard_a_draft(app, auth):
    auth.login("admin")
    first = _new_draft(auth)
    second = _new_draft(auth, **{"from": str(first)})
    assert auth.post_form(f"/admin/rules/{first}/discard").status_code == 303
    with app.app_context():
        assert db.session.get(RuleSetVersion, first) is None
        assert db.session.get(RuleSetVersion, second).based_on_id is None
        assert db.session.execute(db.select(AuditEntry).where(AuditEntry.action == "ruleset.discard")).scalar_one()
    assert auth.post_form("/admin/rules/1/discard").status_code == 409
    auth.logout()
    auth.login("reviewer")
    assert auth.post_form(f"/admin/rules/{second}/discard").status_code == 403
