"""The composer in each of the eight languages: picked from the page's language menu, it warns in that
language (the rule set's message, the catalogue's words) and lays the page out in its direction."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.e2e.test_accessibility import AXE_JS, audit

TRANSLATIONS = Path(__file__).resolve().parents[2] / "admin" / "translations"

# A phone number in a sentence of each language, with that country's number.
MESSAGES = {
    "en": "Call me tonight on +44 7911 123456",
    "es": "Llámame esta noche al +34 612 345 678",
    "pt": "Liga-me hoje à noite para o +351 912 345 678",
    "fr": "Appelle-moi ce soir au +33 6 12 34 56 78",
    "de": "Ruf mich heute Abend unter +49 151 23456789 an",
    "hi": "मुझे आज शाम +91 98765 43210 पर कॉल करें",
    "ru": "Позвони мне сегодня вечером: +7 912 345-67-89",
    "ar": "اتصل بي الليلة على +971 50 123 4567",
}


def _catalogue(language: str) -> dict[str, str]:
    """msgid -> text of one language, read from the committed .po (English: the msgids themselves)."""
    if language == "en":
        return {}
    with (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return {m.id: m.string for m in read_po(handle) if m.id}


@pytest.fixture(scope="module")
def bob(make_session) -> Iterator:
    """Bob, whose profile language this module changes (and puts back to English at the end)."""
    session = make_session("bob")
    yield session
    session.page.goto(f"{session.server.url}/demo/")
    session.page.select_option("#language-select", "en")
    with session.page.expect_navigation():
        session.page.click("#language-submit")
    assert session.page.evaluate("document.documentElement.lang") == "en"


@pytest.mark.parametrize("language", list(MESSAGES))
def test_the_composer_warns_in_the_users_language(bob, language):
    conv = bob.conversation("inquiry")
    bob.open_conversation(conv["id"])
    page = bob.page
    # The language menu: a real form post that keeps the user on this conversation.
    page.select_option("#language-select", language)
    with page.expect_navigation():
        page.click("#language-submit")
    assert page.url.endswith(f"/demo/conversations/{conv['id']}")
    page.wait_for_selector('.cg-composer[data-history="loaded"]', state="attached", timeout=30_000)

    direction = "rtl" if language == "ar" else "ltr"
    layout = page.evaluate("""() => ({
        lang: document.documentElement.lang, dir: document.documentElement.dir,
        computed: getComputedStyle(document.querySelector('.cg-composer')).direction,
        send: document.querySelector('#send').textContent.trim() })""")
    assert layout == {"lang": language, "dir": direction, "computed": direction,
                      "send": _catalogue(language).get("Send", "Send")}

    view = bob.type_message(MESSAGES[language])
    assert view["action"] == "block", view
    phone = [f for f in view["findings"] if f["category"] == "phone"]
    assert phone, view
    words = _catalogue(language)
    rules = bob.api("/api/rules/current")["document"]
    expected_message = rules["messages"]["phone"][language]
    # The explanation: the category's name from the catalogue, the rule set's message in this language.
    item = page.inner_text('.cg-finding[data-category="phone"] .cg-message')
    assert item == expected_message
    label = page.inner_text('.cg-finding[data-category="phone"] strong')
    assert label.startswith(words.get("Phone number", "Phone number"))
    # The summary: the catalogue's sentence for a blocked message.
    blocked = "This message can't be sent: it shares contact information."
    assert view["summary"].startswith(words.get(blocked, blocked))
    if language != "en":
        assert "contact information" not in view["summary"]
        assert "Phone numbers can't be shared" not in page.inner_text(".cg-findings")
    # The exception choice speaks it too: the rule set's reason labels, the catalogue's words.
    legal = page.inner_text('select[name="exception_reason"] option[value="legal"]')
    assert legal.startswith(rules["exception_reasons"][1]["label"][language])
    # Accessible in every language: lang and dir set, the language menu labelled (axe, WCAG 2.1 A/AA).
    assert audit(page, AXE_JS.read_text("utf-8")) == []


def test_a_state_change_on_the_live_channel_is_named_in_the_users_language(bob, admin):
    conv = bob.conversation("inquiry")
    bob.open_conversation(conv["id"])
    page = bob.page
    page.select_option("#language-select", "ru")
    with page.expect_navigation():
        page.click("#language-submit")
    page.wait_for_selector('#messages[data-live="open"]', state="attached", timeout=30_000)
    assert page.inner_text("#contract-state") == "запрос"
    loads = page.evaluate("performance.getEntriesByType('navigation').length")
    admin.page.goto(f"{admin.server.url}/admin/contracts/{conv['id']}")
    try:
        admin.form_post(f"/admin/contracts/{conv['id']}/state", {"state": "offer", "reason": "e2e: languages"})
        page.wait_for_function("() => document.querySelector('#contract-state').dataset.state === 'offer'",
                               timeout=5_000)
        assert page.inner_text("#contract-state") == "предложение"
        assert page.evaluate("performance.getEntriesByType('navigation').length") == loads  # no reload
    finally:
        admin.form_post(f"/admin/contracts/{conv['id']}/state", {"state": "inquiry", "reason": "e2e: back"})
    page.wait_for_function("() => document.querySelector('#contract-state').dataset.state === 'inquiry'",
                           timeout=5_000)
    assert page.inner_text("#contract-state") == "запрос"
