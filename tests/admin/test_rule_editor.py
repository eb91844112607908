"""The rule editor's states: read-only versions say why, drafts offer no "new draft", and publishing
or rolling back asks first, with the impact summary of what the change would flag and unflag."""

from __future__ import annotations

import re

from admin_testdata import CLEAN_TEXT, PHONE_TEXT
from test_rulesets import _form_fields, _new_draft, _version

from admin.enums import RuleSetStatus


def _page(auth, version_id: int) -> str:
    return auth.client.get(f"/admin/rules/{version_id}").get_data(as_text=True)


def _send(auth, demo, text: str) -> None:
    auth.login("alice")
    auth.post_form(f"/demo/conversations/{demo.conversations['inquiry']}", {"text": text})
    auth.logout()


def test_a_published_version_says_why_it_is_read_only_and_offers_a_draft(auth):
    auth.login("admin")
    page = _page(auth, 1)
    note = re.search(r'<p class="notice" id="read-only-note" role="note">(.*?)</p>', page, re.S)
    assert note and "published rule set" in note.group(1) and "new draft" in note.group(1)
    assert 'id="new-draft"' in page
    assert 'id="publish"' not in page and 'id="save-structured"' not in page


def test_a_draft_is_editable_and_offers_no_new_draft_from_itself(auth):
    auth.login("admin")
    draft_id = _new_draft(auth)
    page = _page(auth, draft_id)
    assert 'id="read-only-note"' not in page
    assert 'id="new-draft"' not in page and "New draft from this version" not in page
    assert 'id="publish"' in page and 'id="save-structured"' in page


def test_an_archived_version_says_so_and_offers_a_rollback(app, auth):
    auth.login("admin")
    draft_id = _new_draft(auth)
    assert auth.post_form(f"/admin/rules/{draft_id}/publish", {"expected_published_id": "1"}).status_code == 303
    assert _version(app, 1).status == RuleSetStatus.ARCHIVED
    page = _page(auth, 1)
    assert "is archived" in re.search(r'id="read-only-note"[^>]*>(.*?)</p>', page, re.S).group(1)
    assert 'id="rollback"' in page and 'id="new-draft"' in page


def test_a_reviewer_is_told_the_editor_is_read_only_for_them(auth):
    auth.login("reviewer")
    page = _page(auth, 1)
    assert "Only administrators change rule sets" in page
    assert 'id="new-draft"' not in page


def test_publish_asks_first_with_the_impact_summary(app, auth, demo):
    _send(auth, demo, PHONE_TEXT)    # blocked in an inquiry today
    _send(auth, demo, CLEAN_TEXT)
    auth.login("admin")
    draft_id = _new_draft(auth)
    fields = _form_fields(_page(auth, draft_id), "structured-form")
    fields["actions.inquiry.phone"] = "allow"
    assert auth.client.post(f"/admin/rules/{draft_id}/structured", data=fields).status_code == 303
    # The editor's Publish button is a GET to the confirmation page: nothing is published by it.
    page = _page(auth, draft_id)
    assert re.search(rf'<form method="get" action="/admin/rules/{draft_id}/publish"[^>]*id="publish-form"', page)
    confirm = auth.client.get(f"/admin/rules/{draft_id}/publish")
    assert confirm.status_code == 200
    html = confirm.get_data(as_text=True)
    assert _version(app, draft_id).status == RuleSetStatus.DRAFT
    assert re.search(r'id="impact-unflagged">(\d+)<', html).group(1) == "1"
    assert re.search(r'id="impact-flagged">(\d+)<', html).group(1) == "0"
    assert "replaces the published version 1 for every user" in html
    form = re.search(r'<form method="post" action="([^"]+)"[^>]*id="confirm-form">(.*?)</form>', html, re.S)
    assert form.group(1) == f"/admin/rules/{draft_id}/publish"
    assert 'name="expected_published_id" value="1"' in form.group(2)
    assert auth.post_form(form.group(1), {"expected_published_id": "1"}).status_code == 303
    assert _version(app, draft_id).status == RuleSetStatus.PUBLISHED


def test_rollback_asks_first_with_the_impact_summary(app, auth, demo):
    _send(auth, demo, PHONE_TEXT)
    auth.login("admin")
    draft_id = _new_draft(auth)
    fields = _form_fields(_page(auth, draft_id), "structured-form")
    fields["actions.inquiry.phone"] = "allow"
    auth.client.post(f"/admin/rules/{draft_id}/structured", data=fields)
    auth.post_form(f"/admin/rules/{draft_id}/publish", {"expected_published_id": "1"})
    # Rolling back to version 1 would flag the phone number again.
    confirm = auth.client.get("/admin/rules/1/rollback")
    assert confirm.status_code == 200
    html = confirm.get_data(as_text=True)
    assert "Roll back to version 1?" in html
    assert re.search(r'id="impact-flagged">(\d+)<', html).group(1) == "1"
    assert f'name="expected_published_id" value="{draft_id}"' in html
    assert _version(app, draft_id).status == RuleSetStatus.PUBLISHED


def test_confirmation_pages_refuse_what_cannot_be_done(auth):
    auth.login("admin")
    assert auth.client.get("/admin/rules/1/publish").status_code == 409   # published already
    assert auth.client.get("/admin/rules/1/rollback").status_code == 409  # it is the published one
    assert auth.client.get("/admin/rules/999/publish").status_code == 404
    auth.logout()
    auth.login("reviewer")
    assert auth.client.get("/admin/rules/1/rollback").status_code == 403


def test_a_publish_by_someone_else_meanwhile_is_still_a_conflict(app, auth):
    auth.login("admin")
    mine, theirs = _new_draft(auth), _new_draft(auth)
    page = _page(auth, mine)
    expected = re.search(r'id="publish-form">.*?name="expected_published_id" value="(\d+)"', page, re.S).group(1)
    assert expected == "1"
    assert auth.post_form(f"/admin/rules/{theirs}/publish", {"expected_published_id": "1"}).status_code == 303
    # The confirmation page carries what the editor was loaded with, not the newer version.
    html = auth.client.get(f"/admin/rules/{mine}/publish?expected_published_id={expected}").get_data(as_text=True)
    assert 'name="expected_published_id" value="1"' in html
    assert auth.post_form(f"/admin/rules/{mine}/publish", {"expected_published_id": "1"}).status_code == 409
    assert _version(app, mine).status == RuleSetStatus.DRAFT
