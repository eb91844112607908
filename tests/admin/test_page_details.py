"""Small things every page gets right: the favicon, contract-state badges, times in UTC, the raw editor's URL."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from admin_testdata import CLEAN_TEXT, PHONE_TEXT

ROOT = Path(__file__).resolve().parents[2]
CSS = (ROOT / "admin" / "static" / "admin.css").read_text("utf-8")

# A date and time as a person reads it: must always be followed by its zone.
SHOWN_TIME = re.compile(r"\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?\b")
TIMED_PAGES = ["/admin/", "/admin/review/", "/admin/audit", "/admin/rules/", "/admin/contracts/",
               "/admin/contracts/{inquiry}", "/admin/tokens/"]


# --- favicon --------------------------------------------------------------------------------------

def test_favicon_ico_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    assert response.get_data(as_text=True).lstrip().startswith("<svg")


@pytest.mark.parametrize("user", [None, "admin", "alice"])
def test_every_page_links_the_icon(auth, client, user):
    if user:
        auth.login(user)
    html = client.get("/login" if user is None else "/admin/" if user == "admin" else "/demo/").get_data(as_text=True)
    link = re.search(r'<link rel="icon" type="image/svg\+xml" href="([^"]+)">', html)
    assert link, "no <link rel=icon> in the page head"
    icon = client.get(link.group(1))
    assert icon.status_code == 200 and icon.mimetype == "image/svg+xml"


# --- contract-state badges ------------------------------------------------------------------------

def _background(selector: str) -> str:
    """The background colour the stylesheet gives exactly `selector` (alone in its rule)."""
    match = re.search(rf"(?m)^{re.escape(selector)}\s*\{{[^}}]*background:\s*(#[0-9a-fA-F]{{6}})", CSS)
    assert match, f"no rule of its own for {selector} in admin.css"
    return match.group(1).lower()


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_inquiry_and_offer_badges_differ_and_stay_legible():
    states = {s: _background(f".state-{s}") for s in ("inquiry", "offer", "active")}
    assert len(set(states.values())) == 3, f"two contract states share a badge colour: {states}"
    text = re.search(r"--fg:\s*(#[0-9a-fA-F]{6})", CSS).group(1)
    for state, colour in states.items():
        assert _contrast(text, colour) >= 4.5, f"{state} badge {colour}: text contrast below WCAG AA"


def test_contract_list_marks_each_state(auth, demo):
    auth.login("admin")
    html = auth.client.get("/admin/contracts/").get_data(as_text=True)
    for state in ("inquiry", "offer", "active", "ended"):
        assert f'<span class="state state-{state}">{state}</span>' in html


# --- times ----------------------------------------------------------------------------------------

def test_admin_pages_show_every_time_in_utc(auth, demo, make_token):
    make_token()
    auth.login("alice")
    conv = demo.conversations["inquiry"]
    auth.post_json(f"/api/conversations/{conv}/messages", {"text": PHONE_TEXT})   # blocked, kept for review
    assert auth.post_json(f"/api/conversations/{conv}/messages", {"text": CLEAN_TEXT}).status_code == 201
    auth.logout()
    auth.login("admin")
    seen = 0
    for path in TIMED_PAGES:
        response = auth.client.get(path.format(**demo.conversations))
        assert response.status_code == 200, path
        html = response.get_data(as_text=True)
        for shown in SHOWN_TIME.finditer(html):
            assert html.startswith(" UTC</time>", shown.end()), (
                f"{path}: {shown.group()} is shown without its zone: {html[shown.start() - 80:shown.end() + 20]!r}")
            seen += 1
        # Each shown time is also machine-readable, in UTC.
        for stamp in re.findall(r'<time datetime="([^"]+)">', html):
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", stamp), (path, stamp)
    assert seen >= len(TIMED_PAGES), f"only {seen} times found: the check looked at nothing"


# --- raw JSON editor ------------------------------------------------------------------------------

def _new_draft(auth) -> int:
    response = auth.post_form("/admin/rules/new", {})
    assert response.status_code == 303
    return int(re.search(r"/admin/rules/(\d+)$", response.headers["Location"]).group(1))


@pytest.mark.parametrize("document", ["{nope", '{"actions": {"inquiry": {"phone": "explode"}}}'],
                         ids=["not-json", "invalid-rules"])
def test_failed_raw_save_stays_at_the_editor_url(auth, document):
    auth.login("admin")
    draft_id = _new_draft(auth)
    editor = f"/admin/rules/{draft_id}"
    html = auth.client.get(editor).get_data(as_text=True)
    action = re.search(r'<form method="post" action="([^"]+)"[^>]*id="raw-form"', html)
    assert action and action.group(1) == editor, "the raw form must post to the editor's own URL"
    failed = auth.post_form(action.group(1), {"document": document})
    assert failed.status_code == 422
    body = failed.get_data(as_text=True)
    assert 'id="raw-form"' in body and 'id="errors"' in body and "Not saved." in body
    # What the browser shows after the failure is the editor, and reloading it by GET still works.
    assert failed.request.path == editor
    assert auth.client.get(editor).status_code == 200


def test_raw_save_from_the_editor_url_redirects_to_it(app, auth):
    auth.login("admin")
    draft_id = _new_draft(auth)
    editor = f"/admin/rules/{draft_id}"
    document = auth.client.get(f"{editor}/document.json").get_json()["document"]
    document["messages"]["phone"] = "Numbers wait for the contract."
    saved = auth.post_form(editor, {"document": json.dumps(document), "note": "from the editor URL"})
    assert saved.status_code == 303 and saved.headers["Location"].endswith(editor)
    assert auth.client.get(f"{editor}/document.json").get_json()["document"]["messages"]["phone"] == (
        "Numbers wait for the contract.")
