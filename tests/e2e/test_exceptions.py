"""Permitted exceptions in the composer: the choice says what it releases, the server enforces it."""

from __future__ import annotations

PHONE_TEXT = "Call me on +44 20 7946 0958 this evening"
EMAIL_TEXT = "Please invite jdoe.scoping@gmail.com to the repository"


def test_an_exception_releases_only_its_categories(alice):
    conv = alice.conversation("offer")
    alice.open_conversation(conv["id"])
    page = alice.page
    select = 'select[name="exception_reason"]'

    # What each reason releases is on the page, next to the choice.
    options = page.eval_on_selector_all(f"{select} option", "(os) => os.map((o) => [o.value, o.textContent])")
    labels = dict(options)
    assert "releases email, link" in labels["repo_access"]
    assert page.get_attribute(f'{select} option[value="repo_access"]', "data-releases") == "email link"

    # A phone number is not what an access grant releases: the server refuses and says why.
    view = alice.type_message(PHONE_TEXT)
    assert view["action"] == "block" and view["sendDisabled"] is True
    page.select_option(select, "repo_access")
    assert not page.is_disabled("#send")
    page.click("#send")
    note = page.wait_for_selector(".cg-server-note:not([hidden])")
    assert "does not cover" in note.text_content() and "phone" in note.text_content()
    assert all(m["text"] != PHONE_TEXT for m in alice.api(f"/api/conversations/{conv['id']}")["messages"])

    # An email address for a repository invitation is: delivered, and queued for review.
    alice.type_message(EMAIL_TEXT)
    page.select_option(select, "repo_access")
    with page.expect_navigation():
        page.click("#send")
    page.wait_for_selector(".cg-composer")
    assert EMAIL_TEXT in page.inner_text("#messages")
    delivered = alice.api(f"/api/conversations/{conv['id']}")["messages"][-1]
    assert delivered["text"] == EMAIL_TEXT and delivered["exception_reason"] == "repo_access"
