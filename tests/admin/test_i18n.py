"""The interface languages: which language a request gets, the language menu, the catalogues, the composer's words."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from conftest import AuthActions

from admin.db import db
from admin.i18n import LANGUAGES, composer_msgids
from admin.models import User

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "admin" / "translations"
OTHER_LANGUAGES = [code for code in LANGUAGES if code != "en"]
_HTML_TAG = re.compile(r'<html lang="([^"]+)" dir="([^"]+)">')
_CATALOGUE = re.compile(r"data-catalogue='([^']*)'")


def _html_lang(response) -> tuple[str, str]:
    return _HTML_TAG.search(response.get_data(as_text=True)).groups()


def _catalogue(response) -> dict:
    return json.loads(html.unescape(_CATALOGUE.search(response.get_data(as_text=True)).group(1)))


def _set_language(auth, language: str, next_path: str = "/demo/"):
    return auth.post_form("/language", {"language": language, "next": next_path})


@pytest.mark.parametrize(
    ("header", "language", "direction"),
    [
        (None, "en", "ltr"),
        ("es-ES,es;q=0.9,en;q=0.5", "es", "ltr"),
        ("pt-BR", "pt", "ltr"),
        ("fr-CA,fr;q=0.8", "fr", "ltr"),
        ("de", "de", "ltr"),
        ("hi-IN", "hi", "ltr"),
        ("ru", "ru", "ltr"),
        ("ar-EG,ar;q=0.9", "ar", "rtl"),
        ("ja-JP,ja;q=0.9", "en", "ltr"),
        ("ja;q=0.9,ru;q=0.5", "ru", "ltr"),
    ],
)
def test_login_page_follows_accept_language(client, header, language, direction):
    response = client.get("/login", headers={"Accept-Language": header} if header else {})
    assert response.status_code == 200
    assert _html_lang(response) == (language, direction)


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "Log in"), ("es", "Iniciar sesión"), ("pt", "Iniciar sessão"), ("fr", "Se connecter"),
     ("de", "Anmelden"), ("hi", "लॉग इन"), ("ru", "Войти"), ("ar", "تسجيل الدخول")],
)
def test_login_page_is_translated(client, language, words):
    page = client.get("/login", headers={"Accept-Language": language}).get_data(as_text=True)
    assert f"<h1>{words}</h1>" in page


def test_the_profile_language_beats_the_browser(app, auth, demo):
    auth.login("alice")
    response = _set_language(auth, "de")
    assert response.status_code == 303 and response.headers["Location"] == "/demo/"
    with app.app_context():
        assert db.session.get(User, demo.users["alice"]).language == "de"
    page = auth.client.get("/demo/", headers={"Accept-Language": "fr"})
    assert _html_lang(page) == ("de", "ltr")
    assert "Meine Unterhaltungen" in page.get_data(as_text=True)
    # Kept in the profile: a new session (another browser) gets it too, whatever that browser asks for.
    fresh = AuthActions(app.test_client())
    assert _html_lang(fresh.client.get("/login", headers={"Accept-Language": "fr"})) == ("fr", "ltr")
    fresh.login("alice")
    assert _html_lang(fresh.client.get("/demo/", headers={"Accept-Language": "ru"})) == ("de", "ltr")


def test_a_language_picked_before_login_lasts_for_the_session(auth):
    response = _set_language(auth, "ar", "/login")
    assert response.status_code == 303 and response.headers["Location"] == "/login"
    assert _html_lang(auth.client.get("/login", headers={"Accept-Language": "en"})) == ("ar", "rtl")


def test_a_language_picked_on_the_login_page_becomes_the_profiles(app, auth, demo):
    _set_language(auth, "hi", "/login")
    auth.login("carol")
    with app.app_context():
        assert db.session.get(User, demo.users["carol"]).language == "hi"
    assert _html_lang(auth.client.get("/demo/", headers={"Accept-Language": "en"})) == ("hi", "ltr")


def test_a_profile_language_is_not_overwritten_by_a_login_page_choice(app, auth, demo):
    auth.login("dave")
    _set_language(auth, "pt")
    auth.logout()
    _set_language(auth, "ru", "/login")
    auth.login("dave")
    with app.app_context():
        assert db.session.get(User, demo.users["dave"]).language == "pt"


@pytest.mark.parametrize("bad", ["xx", "", "EN", "pt-BR", "<script>"])
def test_an_unknown_language_is_a_clear_400(auth, bad):
    response = _set_language(auth, bad)
    assert response.status_code == 400
    page = html.unescape(response.get_data(as_text=True))  # a page for people, the text escaped
    assert "unknown language" in page and "en, es, pt, fr, de, hi, ru, ar" in page
    assert "<script>" not in response.get_data(as_text=True)


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"])
def test_the_menu_never_redirects_off_site(auth, target):
    response = _set_language(auth, "es", target)
    assert response.status_code == 303
    assert response.headers["Location"] == "/"


def test_the_menu_needs_csrf(client):
    assert client.post("/language", data={"language": "es"}).status_code == 400


def test_staff_pages_stay_in_english(auth):
    auth.login("admin")
    _set_language(auth, "ar")
    assert _html_lang(auth.client.get("/admin/rules/")) == ("en", "ltr")
    assert _html_lang(auth.client.get("/login")) == ("ar", "rtl")


def test_conversation_page_speaks_the_users_language(auth, demo):
    auth.login("alice")
    _set_language(auth, "es")
    response = auth.client.get(f"/demo/conversations/{demo.conversations['inquiry']}")
    page = response.get_data(as_text=True)
    assert _html_lang(response) == ("es", "ltr")
    assert ">Enviar</button>" in page
    assert "Sin excepción" in page
    assert "consulta" in page  # the contract state
    assert '<span class="role">cliente</span>' in page  # the role in the header
    # The exception reasons' labels come from the rule set, in Spanish, and say what they release.
    assert "Un requisito legal" in page and "(permite " in page
    catalogue = _catalogue(response)
    assert catalogue["language"] == "es" and catalogue["dir"] == "ltr"
    assert catalogue["strings"]["Phone number"] == "Número de teléfono"


def test_refusal_explains_in_the_users_language(auth, demo):
    auth.login("alice")
    _set_language(auth, "ru")
    response = auth.post_form(f"/demo/conversations/{demo.conversations['inquiry']}",
                              {"text": "call me on +44 7911 123456"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Не отправлено." in page
    assert "До начала контракта делиться номерами телефонов нельзя." in page


def test_composer_catalogue_carries_every_composer_text(app, auth, demo):
    auth.login("bob")
    _set_language(auth, "ar")
    response = auth.client.get(f"/demo/conversations/{demo.conversations['inquiry']}")
    catalogue = _catalogue(response)
    assert catalogue["language"] == "ar" and catalogue["dir"] == "rtl"
    with app.test_request_context():
        msgids = composer_msgids()
    # Read from the composer's own source with Babel: no second, hand-kept list of its words.
    source = ROOT / "web" / "src" / "composer.mjs"
    with source.open("rb") as handle:
        in_source = {m for _l, m, _c, _x in extract("javascript", handle, keywords={"t": None})}
    assert in_source and in_source <= set(msgids)
    assert set(catalogue["strings"]) == set(msgids)
    untranslated = [msgid for msgid, text in catalogue["strings"].items() if text == msgid]
    assert untranslated == ["%(label)s:"]  # the one text Arabic writes as English does


def test_english_pages_carry_no_translations(auth, demo):
    auth.login("bob")
    response = auth.client.get(f"/demo/conversations/{demo.conversations['inquiry']}",
                               headers={"Accept-Language": "en-GB"})
    assert _catalogue(response) == {"language": "en", "dir": "ltr", "strings": {}}


def test_catalogue_escapes_in_its_attribute(app, auth, demo):
    # The JSON sits in a single-quoted attribute: no quote or angle bracket may end it early.
    auth.login("bob")
    _set_language(auth, "fr")  # French texts hold apostrophes ("l'envoyer")
    page = auth.client.get(f"/demo/conversations/{demo.conversations['inquiry']}").get_data(as_text=True)
    raw = _CATALOGUE.search(page).group(1)
    assert "'" not in raw and "<" not in raw and ">" not in raw
    assert "l\\u0027envoyer" in raw


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_catalogue_is_complete_and_compiled(language):
    with (TRANSLATIONS / "messages.pot").open("rb") as handle:
        template = {m.id for m in read_po(handle) if m.id}
    po_path = TRANSLATIONS / language / "LC_MESSAGES" / "messages.po"
    with po_path.open("rb") as handle:
        po = read_po(handle)
    with (TRANSLATIONS / language / "LC_MESSAGES" / "messages.mo").open("rb") as handle:
        mo = read_mo(handle)
    translated = {m.id: m.string for m in po if m.id}
    assert set(translated) == template, "run pybabel update (see admin/translations/babel.cfg)"
    assert all(translated.values()), [k for k, v in translated.items() if not v]
    assert not [m.id for m in po if m.id and m.fuzzy]
    assert {m.id: m.string for m in mo if m.id} == translated, "run pybabel compile -d admin/translations"
    # Placeholders survive translation.
    for msgid, text in translated.items():
        assert sorted(re.findall(r"%\(\w+\)s", msgid)) == sorted(re.findall(r"%\(\w+\)s", text)), msgid


def test_the_template_lists_every_text_in_the_sources(tmp_path):
    out = tmp_path / "fresh.pot"
    CommandLineInterface().run(["pybabel", "-q", "extract", "-F", str(TRANSLATIONS / "babel.cfg"), "-k", "t",
                                "-o", str(out), str(ROOT)])
    with out.open("rb") as handle:
        fresh = {m.id for m in read_po(handle) if m.id}
    with (TRANSLATIONS / "messages.pot").open("rb") as handle:
        committed = {m.id for m in read_po(handle) if m.id}
    assert fresh == committed, f"new: {sorted(fresh - committed)}; gone: {sorted(committed - fresh)}"


# -- the rule editor: per-language messages and reason labels ---------------------------------------------


def _editor(app, auth):
    from test_rulesets import _form_fields, _new_draft

    auth.login("admin")
    draft_id = _new_draft(auth)
    page = auth.client.get(f"/admin/rules/{draft_id}").get_data(as_text=True)
    return draft_id, page, _form_fields(page, "structured-form")


def _document(app, version_id: int) -> dict:
    from test_rulesets import _version

    return _version(app, version_id).document


def test_editor_shows_every_translation_in_its_own_field(app, auth):
    _draft_id, page, fields = _editor(app, auth)
    assert fields["messages.phone"].startswith("Phone numbers can't be shared")
    assert fields["messages.phone.ar"].startswith("لا يمكن مشاركة أرقام الهواتف")
    assert fields["exception_reasons[1].label"] == "A legal requirement: NDA, licence or background check"
    assert fields["exception_reasons[1].label.ru"].startswith("Требование закона")
    assert re.search(r'<textarea[^>]*name="messages\.phone\.ar"[^>]*dir="rtl"|<textarea[^>]*dir="rtl"[^>]*name="messages\.phone\.ar"', page)
    assert "Translations (7 of 7)" in page


def test_editor_saves_translations_and_drops_empty_ones(app, auth):
    draft_id, _page, fields = _editor(app, auth)
    fields["messages.phone.de"] = "Bitte keine Telefonnummern vor Vertragsbeginn."
    fields["messages.phone.hi"] = ""
    fields["exception_reasons[0].label.fr"] = "Accès à un dépôt"
    for lang in ("es", "pt", "fr", "de", "hi", "ru", "ar"):
        fields[f"messages.email.{lang}"] = "   "
    response = auth.client.post(f"/admin/rules/{draft_id}/structured", data=fields)
    assert response.status_code == 303
    doc = _document(app, draft_id)
    assert doc["messages"]["phone"]["de"] == "Bitte keine Telefonnummern vor Vertragsbeginn."
    assert "hi" not in doc["messages"]["phone"] and doc["messages"]["phone"]["en"].startswith("Phone numbers")
    # No translation left: the plain English string, as rule sets were written before.
    assert doc["messages"]["email"] == fields["messages.email"]
    assert doc["exception_reasons"][0]["label"]["fr"] == "Accès à un dépôt"


def test_editor_wants_english_when_there_are_translations(app, auth):
    draft_id, _page, fields = _editor(app, auth)
    before = _document(app, draft_id)
    fields["messages.link"] = ""
    response = auth.client.post(f"/admin/rules/{draft_id}/structured", data=fields)
    assert response.status_code == 422
    html_text = response.get_data(as_text=True)
    # The error sits at the English field (its path in the document is messages.link.en).
    assert 'class="field-error" data-path="messages.link"' in html_text
    assert "must not be empty" in html_text
    assert _document(app, draft_id) == before


def test_editor_names_a_too_long_translation_at_its_field(app, auth):
    draft_id, _page, fields = _editor(app, auth)
    fields["exception_reasons[1].label.hi"] = "क" * 301
    response = auth.client.post(f"/admin/rules/{draft_id}/structured", data=fields)
    assert response.status_code == 422
    html_text = response.get_data(as_text=True)
    assert 'class="field-error" data-path="exception_reasons[1].label.hi"' in html_text
    assert re.search(r'<details class="translations" data-for="exception_reasons\[1\]\.label" open>', html_text)


def test_raw_json_refuses_an_unknown_language(app, auth):
    draft_id, _page, _fields = _editor(app, auth)
    doc = _document(app, draft_id)
    doc["messages"]["social"]["jp"] = "ソーシャル"
    response = auth.post_form(f"/admin/rules/{draft_id}/raw", {"document": json.dumps(doc)})
    assert response.status_code == 422
    assert "messages.social.jp" in response.get_data(as_text=True)
    assert "unknown language code" in response.get_data(as_text=True)


def test_a_published_translation_reaches_the_page(app, auth, demo):
    draft_id, _page, fields = _editor(app, auth)
    fields["messages.phone.fr"] = "Pas de numéros ici, merci."
    assert auth.client.post(f"/admin/rules/{draft_id}/structured", data=fields).status_code == 303
    published = auth.post_form(f"/admin/rules/{draft_id}/publish", {"expected_published_id": "1"})
    assert published.status_code in (302, 303), published.get_data(as_text=True)[:500]
    auth.logout()
    auth.login("alice")
    _set_language(auth, "fr")
    response = auth.post_form(f"/demo/conversations/{demo.conversations['inquiry']}",
                              {"text": "call me on +44 7911 123456"})
    assert response.status_code == 422
    assert "Pas de numéros ici, merci." in response.get_data(as_text=True)
    # The API serves the document the worker loads: the same per-language texts.
    rules = auth.client.get("/api/rules/current").get_json()
    assert rules["document"]["messages"]["phone"]["fr"] == "Pas de numéros ici, merci."
