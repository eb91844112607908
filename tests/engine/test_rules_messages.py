"""Per-language user-facing texts in a rule set: messages per category and exception reason labels."""

from __future__ import annotations

import pytest

from engine import Detector, RuleSet, RuleSetError
from engine.policy import CATEGORIES
from engine.rules import LABEL_MAX_CHARS, MESSAGE_LANGUAGES, MESSAGE_MAX_CHARS, default_document, localized_text


def test_the_default_rules_speak_all_eight_languages():
    rules = RuleSet.default()
    assert MESSAGE_LANGUAGES == ("en", "es", "pt", "fr", "de", "hi", "ru", "ar")
    for category in CATEGORIES:
        assert set(rules.message_texts[category]) == set(MESSAGE_LANGUAGES)
        # Every translation is its own text, not English copied over.
        texts = list(rules.message_texts[category].values())
        assert len(set(texts)) == len(texts)
    for reason in rules.exception_reasons:
        assert set(reason["labels"]) == set(MESSAGE_LANGUAGES)


def test_findings_carry_the_english_message_in_every_case():
    # The engine's verdicts (worker and server alike) keep English; pages pick the user's language.
    rules = RuleSet.default()
    verdict = Detector(rules).scan("call me on +44 7911 123456", state="inquiry")
    phone = [f for f in verdict.findings if f.category == "phone"]
    assert phone and phone[0].message == rules.message_texts["phone"]["en"]


@pytest.mark.parametrize(
    ("language", "start"),
    [("en", "Phone numbers"), ("es", "No se pueden"), ("de", "Telefonnummern"), ("ar", "لا يمكن"),
     ("pt-BR", "Não é possível"), ("fr_CA", "Les numéros"), ("ja", "Phone numbers"), (None, "Phone numbers")],
)
def test_message_for_picks_the_language_or_falls_back_to_english(language, start):
    assert RuleSet.default().message_for("phone", language).startswith(start)


def test_a_plain_string_is_english_and_a_missing_language_falls_back():
    doc = default_document()
    doc["messages"]["email"] = "No emails yet, please."
    doc["messages"]["phone"] = {"en": "No phones.", "de": "Keine Telefonnummern."}
    rules = RuleSet.from_dict(doc)
    assert rules.messages["email"] == "No emails yet, please."
    assert rules.message_for("email", "ru") == "No emails yet, please."
    assert rules.message_for("phone", "de") == "Keine Telefonnummern."
    assert rules.message_for("phone", "hi") == "No phones."
    assert rules.messages["phone"] == "No phones."


def test_reason_labels_by_language():
    doc = default_document()
    doc["exception_reasons"] = [{"id": "nda", "label": {"en": "An NDA", "fr": "Un accord de confidentialité"}},
                                {"id": "plain", "label": "Plain English"}]
    rules = RuleSet.from_dict(doc)
    assert rules.reason_label("nda", "fr") == "Un accord de confidentialité"
    assert rules.reason_label("nda", "es") == "An NDA"
    assert rules.reason_label("plain", "ar") == "Plain English"
    assert rules.reason_label("unknown", "en") == "unknown"
    # Server code that reads "label" keeps getting English text.
    assert [r["label"] for r in rules.exception_reasons] == ["An NDA", "Plain English"]


def test_translations_change_the_fingerprint():
    doc = default_document()
    doc["messages"]["phone"]["es"] = "Otro texto."
    assert RuleSet.from_dict(doc).fingerprint != RuleSet.default().fingerprint


@pytest.mark.parametrize(
    ("value", "path", "words"),
    [
        ({"es": "Hola"}, "messages.email.en", "English text"),
        ({"en": "Hi", "xx": "??"}, "messages.email.xx", "unknown language code 'xx'"),
        ({"en": "Hi", "EN": "Hi"}, "messages.email.EN", "unknown language code"),
        ({"en": "Hi", "pt-BR": "Oi"}, "messages.email.pt-BR", "use one of en, es, pt, fr, de, hi, ru, ar"),
        ({"en": "Hi", "es": ""}, "messages.email.es", "must not be empty"),
        ({"en": "Hi", "de": 5}, "messages.email.de", "must be a string"),
        ({"en": "Hi", "fr": "x" * (MESSAGE_MAX_CHARS + 1)}, "messages.email.fr", f"at most {MESSAGE_MAX_CHARS}"),
        ("x" * (MESSAGE_MAX_CHARS + 1), "messages.email", f"at most {MESSAGE_MAX_CHARS}"),
        ({}, "messages.email.en", "is required"),
        (["en", "Hi"], "messages.email", "string or an object"),
    ],
)
def test_bad_message_texts_name_the_field(value, path, words):
    doc = default_document()
    doc["messages"]["email"] = value
    with pytest.raises(RuleSetError) as caught:
        RuleSet.from_dict(doc)
    assert caught.value.path == path
    assert words in caught.value.reason


@pytest.mark.parametrize(
    ("label", "path"),
    [
        ({"ru": "Закон"}, "exception_reasons[1].label.en"),
        ({"en": "Law", "zz": "?"}, "exception_reasons[1].label.zz"),
        ({"en": "Law", "hi": "क" * (LABEL_MAX_CHARS + 1)}, "exception_reasons[1].label.hi"),
        ("", "exception_reasons[1].label"),
    ],
)
def test_bad_reason_labels_name_the_field(label, path):
    doc = default_document()
    doc["exception_reasons"][1]["label"] = label
    with pytest.raises(RuleSetError) as caught:
        RuleSet.from_dict(doc)
    assert caught.value.path == path


def test_localized_text_reads_both_shapes():
    assert localized_text("Hello", "de") == "Hello"
    assert localized_text({"en": "Hello", "de": "Hallo"}, "de") == "Hallo"
    assert localized_text({"en": "Hello", "de": "Hallo"}, "DE-ch") == "Hallo"
    assert localized_text({"en": "Hello", "de": "Hallo"}, "ar") == "Hello"
