"""The languages of the pages users see: Flask-Babel, each request's language, and the composer's catalogue.

One catalogue, `admin/translations/<lang>/LC_MESSAGES/messages.po`, holds the words of the
server's templates and of the composer widget (web/src): `pybabel extract -F
admin/translations/babel.cfg` reads both. The widget gets its words from the page
(`composer_catalogue()`, rendered by _composer_assets.html), never from a copy of its own.

Staff pages (rule editor, review, dashboard, ...) stay in English: the language applies to the
blueprints in TRANSLATED_BLUEPRINTS.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlsplit

from babel.messages.extract import extract
from flask import Blueprint, Flask, abort, current_app, redirect, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import Babel, get_locale, gettext
from flask_login import current_user, user_logged_in

from admin.db import db
from admin.enums import Category, ContractState, MessageStatus, Role

LANGUAGES: dict[str, str] = {
    "en": "English",
    "es": "Español",
    "pt": "Português",
    "fr": "Français",
    "de": "Deutsch",
    "hi": "हिन्दी",
    "ru": "Русский",
    "ar": "العربية",
}
"""Interface languages, each named in itself (for the language menu)."""
DEFAULT_LANGUAGE = "en"
RIGHT_TO_LEFT = frozenset({"ar"})
TRANSLATED_BLUEPRINTS = frozenset({"demo", "auth", "i18n", "api"})
"""Pages in the user's language: the demo conversations, the login page, the language menu, and what
the API tells a user in words (a refused exception claim; codes and fields stay as they are)."""
SESSION_KEY = "language"
COMPOSER_MODULES = ("composer.mjs", "composer-i18n.mjs", "live.mjs")
"""The widget's modules whose t('...') texts the page's catalogue carries (with the VOCABULARY words)."""

babel = Babel()
bp = Blueprint("i18n", __name__)


def select_language() -> str:
    """The request's language: the user's profile, else the menu's choice, else Accept-Language, else English."""
    if request.blueprint not in TRANSLATED_BLUEPRINTS:
        return DEFAULT_LANGUAGE
    user_language = getattr(current_user, "language", None) if current_user.is_authenticated else None
    if user_language in LANGUAGES:
        return user_language
    chosen = session.get(SESSION_KEY)
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match(list(LANGUAGES)) or DEFAULT_LANGUAGE


def current_language() -> str:
    """The language code of the current request ("en" outside a request)."""
    locale = get_locale()
    return locale.language if locale else DEFAULT_LANGUAGE


def text_direction(language: str | None = None) -> str:
    """"rtl" for right-to-left languages (Arabic), else "ltr"."""
    return "rtl" if (language or current_language()) in RIGHT_TO_LEFT else "ltr"


VOCABULARY: tuple[type[StrEnum], ...] = (ContractState, Category, MessageStatus, Role)
"""Enumerations whose values users read (a contract state, a category, "redacted", a role): each value is its
own msgid, put in the catalogue by extract_vocabulary, so the words stay typed once, in admin/enums.py."""


def extract_vocabulary(fileobj, keywords, comment_tags, options):
    """A Babel extraction method (babel.cfg: admin/enums.py): every VOCABULARY value as a msgid."""
    for enum in VOCABULARY:
        for member in enum:
            yield 0, None, member.value, [f"{enum.__name__}: a word users read"]


def word(value: str) -> str:
    """An enumeration value (state, category, message status) as a word in the request's language."""
    return gettext(str(value))


def category_names(categories) -> str:
    """Categories as a comma-separated list of words in the request's language."""
    return ", ".join(word(c) for c in categories)


def reason_label(reason_id: str) -> str:
    """An exception reason's label from the published rules, in the request's language."""
    from admin.versions import published

    return published().rules.reason_label(reason_id, current_language())


def finding_message(finding: dict) -> str:
    """What the published rules tell the user about a finding, in the request's language."""
    from admin.versions import published

    rules = published().rules
    category = finding.get("category")
    return rules.message_for(category, current_language()) if category in rules.messages else finding.get("message", "")


def _composer_sources() -> list[Path]:
    """The widget modules the browser runs: web/dist's current build, else web/src."""
    from admin.webassets import dist_dir, manifest

    app_dir = manifest().get("app")
    root = dist_dir() / app_dir if app_dir else Path(current_app.root_path).parent / "web" / "src"
    if not root.is_dir():
        root = Path(current_app.root_path).parent / "web" / "src"
    return [root / name for name in COMPOSER_MODULES if (root / name).is_file()]


_msgid_cache: dict[tuple[str, int], tuple[str, ...]] = {}


def composer_msgids() -> tuple[str, ...]:
    """Every t('...') text of the widget's modules (read with Babel's own JavaScript extractor)."""
    found: list[str] = []
    for path in _composer_sources():
        key = (str(path), path.stat().st_mtime_ns)
        if key not in _msgid_cache:
            with path.open("rb") as handle:
                _msgid_cache[key] = tuple(
                    message for _line, message, _comments, _context
                    in extract("javascript", handle, keywords={"t": None}) if isinstance(message, str)
                )
        found.extend(_msgid_cache[key])
    # A contract state that arrives on the live channel is named in the page's language too.
    found.extend(member.value for enum in VOCABULARY for member in enum)
    return tuple(dict.fromkeys(found))


def composer_catalogue() -> dict:
    """What the widget needs to speak the page's language: {language, dir, strings: {msgid: text}}."""
    language = current_language()
    strings = {}
    if language != DEFAULT_LANGUAGE:
        strings = {msgid: gettext(msgid) for msgid in composer_msgids()}
    return {"language": language, "dir": text_direction(language), "strings": strings}


def _safe_next(target: str | None) -> str:
    """A same-site path to go back to (never another host)."""
    if not target:
        return url_for("index")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return url_for("index")
    return target


@bp.post("/language")
def choose_language() -> ResponseReturnValue:
    """The language menu: kept in the user's profile (or, before login, in the session)."""
    language = request.form.get("language", "")
    if language not in LANGUAGES:
        abort(400, description=f"unknown language {language[:20]!r}; use one of {', '.join(LANGUAGES)}")
    session[SESSION_KEY] = language
    if current_user.is_authenticated and current_user.language != language:
        current_user.language = language
        db.session.commit()
    return redirect(_safe_next(request.form.get("next")), 303)


def _adopt_session_language(sender: Flask, user, **_extra) -> None:
    """At login, a language picked on the login page becomes the profile's, if the profile has none."""
    chosen = session.get(SESSION_KEY)
    if chosen in LANGUAGES and getattr(user, "language", "") is None:
        user.language = chosen
        db.session.commit()


def init_app(app: Flask) -> None:
    """Attach Flask-Babel (catalogues in admin/translations) and the template helpers."""
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", os.path.join(app.root_path, "translations"))
    babel.init_app(app, locale_selector=select_language)
    app.register_blueprint(bp)
    user_logged_in.connect(_adopt_session_language, app)

    @app.context_processor
    def language_helpers() -> dict:
        language = current_language()
        return {"ui_language": language, "ui_direction": text_direction(language), "ui_languages": LANGUAGES,
                "composer_catalogue": composer_catalogue, "state_label": word, "word": word,
                "category_names": category_names, "reason_label": reason_label, "finding_message": finding_message}
