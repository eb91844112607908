"""Rule sets: the admin-edited document that drives the detector, validated field by field."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from engine.patterns import UnsafePatternError, check_pattern
from engine.policy import ACTIONS, CATEGORIES, STATES

SCHEMA_VERSION = 1
NUMBER_WORD_LANGUAGES = ("en", "es", "pt", "fr", "de", "hi", "ru", "ar")
MESSAGE_LANGUAGES = ("en", "es", "pt", "fr", "de", "hi", "ru", "ar")
"""Languages a user-facing text of the rule set may be written in; English ("en") is the fallback."""
FALLBACK_LANGUAGE = "en"
MESSAGE_MAX_CHARS = 500
LABEL_MAX_CHARS = 300
EXTRA_RULE_KINDS = ("phrase", "domain", "pattern")
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")
_REGION = re.compile(r"^[A-Z]{2}$")
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


class RuleSetError(ValueError):
    """A rule set document that does not validate; `path` names the bad field."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.reason = message


def _canonical_json(doc: Any) -> str:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def fingerprint_of(doc: dict) -> str:
    """sha256 of a document's canonical JSON (sorted keys, no spaces, UTF-8)."""
    return hashlib.sha256(_canonical_json(doc).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AppSpec:
    """A messenger, social network or meeting app with its names and link domains."""

    name: str
    aliases: tuple[str, ...]
    euphemisms: tuple[str, ...]
    domains: tuple[str, ...]
    by_number: bool = False
    """Whether the app finds a person by their phone number (WhatsApp, Viber, Signal): a number's
    piece answers a question for it ("WhatsApp?" / "+55 11"), not a question for Instagram."""


@dataclass(frozen=True)
class ExtraRule:
    """An admin-authored rule: a phrase, a domain or a (safe) regular expression."""

    id: str
    category: str
    kind: str
    value: str
    note: str = ""
    compiled: re.Pattern[str] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class RuleSet:
    """A validated rule set document plus the parsed view the detector compiles from."""

    doc: dict
    fingerprint: str
    name: str
    detectors: dict
    number_languages: tuple[str, ...]
    allowed_domains: tuple[str, ...]
    reference_hosts: tuple[str, ...]
    work_sample_hosts: tuple[str, ...]
    apps: tuple[AppSpec, ...]
    extra_rules: tuple[ExtraRule, ...]
    actions: dict
    messages: dict
    """category -> the English message (the text a Finding carries)."""
    exception_reasons: tuple[dict, ...]
    """{"id", "label" (English), "labels" ({language: text})} per reason, in document order."""
    history_messages: int
    marketplace_name: str = ""
    marketplace_domains: tuple[str, ...] = ()
    message_texts: dict = field(default_factory=dict)
    """category -> {language: message}; English always present."""

    @classmethod
    def from_dict(cls, doc: Any) -> RuleSet:
        """Validate a document; raise RuleSetError naming the first bad field's path."""
        return _Validator().ruleset(doc)

    @classmethod
    def from_json(cls, text: str) -> RuleSet:
        """Parse and validate JSON text."""
        try:
            doc = json.loads(text)
        except (json.JSONDecodeError, TypeError) as exc:
            raise RuleSetError("$", f"not valid JSON: {exc}") from exc
        return cls.from_dict(doc)

    @classmethod
    def default(cls) -> RuleSet:
        """The default rule set shipped in engine/data."""
        return cls.from_dict(default_document())

    def to_dict(self) -> dict:
        """A deep copy of the validated document."""
        return json.loads(_canonical_json(self.doc))

    def to_json(self, indent: int | None = 2) -> str:
        """The document as JSON text (sorted keys)."""
        return json.dumps(self.doc, sort_keys=True, indent=indent, ensure_ascii=False)

    def action_for(self, state: str, category: str) -> str:
        """The action configured for a category in a contract state."""
        return self.actions[state][category]

    def message_for(self, category: str, language: str | None) -> str:
        """The user-facing message of a category in `language` (English when not translated)."""
        return localized_text(self.message_texts.get(category) or self.messages[category], language)

    def reason_label(self, reason_id: str, language: str | None) -> str:
        """An exception reason's label in `language` (English when not translated); the id if unknown."""
        for reason in self.exception_reasons:
            if reason["id"] == reason_id:
                return localized_text(reason["labels"], language)
        return reason_id

    def exception_ids(self) -> tuple[str, ...]:
        """Ids of the configured exception reasons."""
        return tuple(r["id"] for r in self.exception_reasons)


def localized_text(value: str | dict, language: str | None) -> str:
    """A user-facing text of the rule set in `language`, else in English.

    `value` is what the document holds: a string (English) or {"en": ..., "es": ...}.
    """
    if isinstance(value, str):
        return value
    if language:
        base = language.replace("_", "-").split("-")[0].lower()
        if value.get(base):
            return value[base]
    return value[FALLBACK_LANGUAGE]


def default_document() -> dict:
    """A fresh copy of the default rule set document."""
    text = resources.files("engine").joinpath("data/default_rules.json").read_text("utf-8")
    return json.loads(text)


_TOP_KEYS = {
    "schema_version": True, "name": True, "detectors": True, "number_words": True,
    "allowed_domains": True, "reference_hosts": False, "work_sample_hosts": False,
    "extra_rules": True, "actions": True, "messages": True, "exception_reasons": True,
    "context": False, "description": False, "marketplace": False,
}
_DETECTOR_KEYS = {
    "phone": {"enabled", "regions", "min_digits", "max_digits"},
    "email": {"enabled", "providers"},
    "address": {"enabled"},
    "link": {"enabled", "shorteners"},
    "social": {"enabled", "apps"},
}


class _Validator:
    def ruleset(self, doc: Any) -> RuleSet:
        obj = self.obj(doc, "$", _TOP_KEYS)
        version = obj["schema_version"]
        if version != SCHEMA_VERSION or isinstance(version, bool):
            raise RuleSetError("schema_version", f"must be {SCHEMA_VERSION}, got {version!r}")
        name = self.string(obj["name"], "name", max_len=100)
        detectors = self.detectors(obj["detectors"])
        nw = self.obj(obj["number_words"], "number_words", {"languages": True})
        languages = self.string_list(nw["languages"], "number_words.languages")
        for i, lang in enumerate(languages):
            if lang not in NUMBER_WORD_LANGUAGES:
                raise RuleSetError(
                    f"number_words.languages[{i}]",
                    f"unknown language {lang!r}; known: {', '.join(NUMBER_WORD_LANGUAGES)}",
                )
        allowed = self.domains(obj["allowed_domains"], "allowed_domains")
        references = self.domains(obj.get("reference_hosts", []), "reference_hosts")
        samples = self.domains(obj.get("work_sample_hosts", []), "work_sample_hosts")
        extra = self.extra_rules(obj["extra_rules"])
        actions = self.actions(obj["actions"])
        messages = self.obj(obj["messages"], "messages", {c: True for c in CATEGORIES})
        texts = {c: self.localized(messages[c], f"messages.{c}", MESSAGE_MAX_CHARS) for c in CATEGORIES}
        reasons = self.reasons(obj["exception_reasons"])
        context = self.obj(obj.get("context", {}), "context", {"history_messages": False})
        history = context.get("history_messages", 6)
        if not isinstance(history, int) or isinstance(history, bool) or not 0 <= history <= 20:
            raise RuleSetError("context.history_messages", "must be an integer from 0 to 20")
        market = self.obj(obj.get("marketplace", {}), "marketplace", {"name": False, "domains": False})
        market_name = self.string(market.get("name", ""), "marketplace.name", max_len=100) if "name" in market else ""
        market_domains = self.domains(market.get("domains", []), "marketplace.domains")
        apps = tuple(
            AppSpec(a["name"], tuple(a["aliases"]), tuple(a["euphemisms"]), tuple(a["domains"]),
                    a.get("by_number", False))
            for a in detectors["social"].get("apps", [])
        )
        return RuleSet(
            doc=json.loads(_canonical_json(obj)),
            fingerprint=fingerprint_of(obj),
            name=name,
            detectors=detectors,
            number_languages=tuple(languages),
            allowed_domains=tuple(allowed),
            reference_hosts=tuple(references),
            work_sample_hosts=tuple(samples),
            apps=apps,
            extra_rules=tuple(extra),
            actions=actions,
            messages={c: texts[c][FALLBACK_LANGUAGE] for c in CATEGORIES},
            message_texts=texts,
            exception_reasons=tuple(reasons),
            history_messages=history,
            marketplace_name=market_name,
            marketplace_domains=tuple(market_domains),
        )

    # -- building blocks ------------------------------------------------------------------
    def obj(self, value: Any, path: str, keys: dict[str, bool]) -> dict:
        if not isinstance(value, dict):
            raise RuleSetError(path, f"must be an object, got {type(value).__name__}")
        for key in value:
            if key not in keys:
                raise RuleSetError(_join(path, key), "unknown field")
        for key, required in keys.items():
            if required and key not in value:
                raise RuleSetError(_join(path, key), "is required")
        return value

    def string(self, value: Any, path: str, max_len: int = 200, allow_empty: bool = False) -> str:
        if not isinstance(value, str):
            raise RuleSetError(path, f"must be a string, got {type(value).__name__}")
        if not value.strip() and not allow_empty:
            raise RuleSetError(path, "must not be empty")
        if len(value) > max_len:
            raise RuleSetError(path, f"must be at most {max_len} characters")
        return value

    def boolean(self, value: Any, path: str) -> bool:
        if not isinstance(value, bool):
            raise RuleSetError(path, f"must be true or false, got {value!r}")
        return value

    def integer(self, value: Any, path: str, low: int, high: int) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise RuleSetError(path, f"must be an integer from {low} to {high}")
        return value

    def string_list(self, value: Any, path: str, max_items: int = 2000, max_len: int = 200) -> list:
        if not isinstance(value, list):
            raise RuleSetError(path, f"must be a list, got {type(value).__name__}")
        if len(value) > max_items:
            raise RuleSetError(path, f"must have at most {max_items} items")
        for i, item in enumerate(value):
            self.string(item, f"{path}[{i}]", max_len=max_len)
        return value

    def domains(self, value: Any, path: str) -> list:
        items = self.string_list(value, path)
        for i, item in enumerate(items):
            if not _DOMAIN.match(item):
                raise RuleSetError(f"{path}[{i}]", f"{item!r} is not a lower-case domain name")
        return items

    def detectors(self, value: Any) -> dict:
        obj = self.obj(value, "detectors", {name: True for name in _DETECTOR_KEYS})
        for name, allowed in _DETECTOR_KEYS.items():
            path = f"detectors.{name}"
            settings = self.obj(obj[name], path, {k: k == "enabled" for k in allowed})
            self.boolean(settings["enabled"], f"{path}.enabled")
        phone = obj["phone"]
        if "regions" in phone:
            regions = self.string_list(phone["regions"], "detectors.phone.regions")
            for i, region in enumerate(regions):
                if not _REGION.match(region):
                    raise RuleSetError(
                        f"detectors.phone.regions[{i}]",
                        f"{region!r} is not an ISO 3166 alpha-2 region code (use 'GB', not 'UK')",
                    )
                if region == "UK":
                    raise RuleSetError(f"detectors.phone.regions[{i}]", "'UK' is not a region; use 'GB'")
        low = self.integer(phone.get("min_digits", 7), "detectors.phone.min_digits", 5, 15)
        high = self.integer(phone.get("max_digits", 15), "detectors.phone.max_digits", 5, 17)
        if low > high:
            raise RuleSetError("detectors.phone.min_digits", "must not exceed max_digits")
        if "providers" in obj["email"]:
            self.string_list(obj["email"]["providers"], "detectors.email.providers", max_len=63)
        if "shorteners" in obj["link"]:
            self.domains(obj["link"]["shorteners"], "detectors.link.shorteners")
        apps = obj["social"].get("apps", [])
        if not isinstance(apps, list):
            raise RuleSetError("detectors.social.apps", "must be a list")
        for i, app in enumerate(apps):
            path = f"detectors.social.apps[{i}]"
            self.obj(app, path,
                     {"name": True, "aliases": True, "euphemisms": True, "domains": True, "by_number": False})
            self.string(app["name"], f"{path}.name", max_len=60)
            self.string_list(app["aliases"], f"{path}.aliases", max_len=60)
            self.string_list(app["euphemisms"], f"{path}.euphemisms", max_len=60)
            self.domains(app["domains"], f"{path}.domains")
            if "by_number" in app:
                self.boolean(app["by_number"], f"{path}.by_number")
        return obj

    def extra_rules(self, value: Any) -> list[ExtraRule]:
        if not isinstance(value, list):
            raise RuleSetError("extra_rules", "must be a list")
        if len(value) > 500:
            raise RuleSetError("extra_rules", "must have at most 500 rules")
        rules, seen = [], set()
        for i, item in enumerate(value):
            path = f"extra_rules[{i}]"
            obj = self.obj(
                item, path, {"id": True, "category": True, "kind": True, "value": True, "note": False}
            )
            rule_id = self.string(obj["id"], f"{path}.id", max_len=64)
            if not _ID.match(rule_id):
                raise RuleSetError(f"{path}.id", "use lower-case letters, digits, '_', '-', '.'")
            if rule_id in seen:
                raise RuleSetError(f"{path}.id", f"duplicate id {rule_id!r}")
            seen.add(rule_id)
            if obj["category"] not in CATEGORIES:
                raise RuleSetError(
                    f"{path}.category", f"must be one of {', '.join(CATEGORIES)}"
                )
            if obj["kind"] not in EXTRA_RULE_KINDS:
                raise RuleSetError(f"{path}.kind", f"must be one of {', '.join(EXTRA_RULE_KINDS)}")
            text = self.string(obj["value"], f"{path}.value", max_len=500)
            note = self.string(obj.get("note", ""), f"{path}.note", max_len=500, allow_empty=True)
            compiled = None
            if obj["kind"] == "pattern":
                try:
                    compiled = check_pattern(text)
                except UnsafePatternError as exc:
                    raise RuleSetError(f"{path}.value", str(exc)) from exc
            elif obj["kind"] == "domain" and not _DOMAIN.match(text):
                raise RuleSetError(f"{path}.value", f"{text!r} is not a lower-case domain name")
            rules.append(ExtraRule(rule_id, obj["category"], obj["kind"], text, note, compiled))
        return rules

    def actions(self, value: Any) -> dict:
        obj = self.obj(value, "actions", {s: True for s in STATES})
        for state in STATES:
            row = self.obj(obj[state], f"actions.{state}", {c: True for c in CATEGORIES})
            for category in CATEGORIES:
                if row[category] not in ACTIONS:
                    raise RuleSetError(
                        f"actions.{state}.{category}",
                        f"unknown action {row[category]!r}; use one of {', '.join(ACTIONS)}",
                    )
        return {s: dict(obj[s]) for s in STATES}

    def reasons(self, value: Any) -> list[dict]:
        if not isinstance(value, list):
            raise RuleSetError("exception_reasons", "must be a list")
        seen, reasons = set(), []
        for i, item in enumerate(value):
            path = f"exception_reasons[{i}]"
            self.obj(item, path, {"id": True, "label": True})
            if not isinstance(item["id"], str) or not _ID.match(item["id"]):
                raise RuleSetError(f"{path}.id", "use lower-case letters, digits, '_', '-', '.'")
            if item["id"] in seen:
                raise RuleSetError(f"{path}.id", f"duplicate id {item['id']!r}")
            seen.add(item["id"])
            labels = self.localized(item["label"], f"{path}.label", LABEL_MAX_CHARS)
            reasons.append({"id": item["id"], "label": labels[FALLBACK_LANGUAGE], "labels": labels})
        return reasons

    def localized(self, value: Any, path: str, max_len: int) -> dict[str, str]:
        """A user-facing text: a string (English) or {language: text} with English required."""
        if isinstance(value, str):
            return {FALLBACK_LANGUAGE: self.string(value, path, max_len=max_len)}
        if not isinstance(value, dict):
            raise RuleSetError(path, f"must be a string or an object of texts per language, got {type(value).__name__}")
        for language in value:
            if language not in MESSAGE_LANGUAGES:
                raise RuleSetError(
                    _join(path, str(language)),
                    f"unknown language code {language!r}; use one of {', '.join(MESSAGE_LANGUAGES)}",
                )
        if FALLBACK_LANGUAGE not in value:
            raise RuleSetError(
                _join(path, FALLBACK_LANGUAGE), "is required: the English text is shown when a language is missing"
            )
        # Document order of languages, English first: the same texts give the same parsed view.
        return {lang: self.string(value[lang], _join(path, lang), max_len=max_len)
                for lang in MESSAGE_LANGUAGES if lang in value}


def _join(path: str, key: str) -> str:
    return key if path == "$" else f"{path}.{key}"
