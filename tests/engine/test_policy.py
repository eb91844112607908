"""Actions per contract state, the strictest-finding verdict, and redaction."""

from __future__ import annotations

import pytest

from engine import ACTIONS, CATEGORIES, STATES, Detector, RuleSet, strictest
from engine.rules import default_document

PHONE = "call me on +44 20 7946 0958"


@pytest.mark.parametrize(
    ("state", "action"), [("inquiry", "block"), ("offer", "block"), ("active", "allow"), ("ended", "allow")]
)
def test_default_actions_follow_the_contract_state(detector, state, action):
    verdict = detector.scan(PHONE, state=state)
    assert verdict.action == action
    assert verdict.categories == ("phone",)  # still reported, the state decides the action


def test_unknown_state_is_a_clear_error(detector):
    with pytest.raises(ValueError, match="unknown contract state 'paused'"):
        detector.scan(PHONE, state="paused")


def test_text_must_be_a_string(detector):
    with pytest.raises(TypeError):
        detector.scan(None)  # type: ignore[arg-type]


def test_strictest():
    assert strictest([]) == "allow"
    assert strictest(["warn", "block", "redact"]) == "block"
    assert strictest(["warn", "redact"]) == "redact"
    assert list(ACTIONS) == ["allow", "warn", "redact", "block"]


def test_verdict_is_the_strictest_finding():
    doc = default_document()
    doc["actions"]["inquiry"] = {c: "warn" for c in CATEGORIES}
    doc["actions"]["inquiry"]["email"] = "redact"
    detector = Detector(RuleSet.from_dict(doc))
    verdict = detector.scan("call +44 20 7946 0958 or mail jane.doe@gmail.com")
    assert {f.category for f in verdict.findings} == {"phone", "email"}
    assert verdict.action == "redact"
    assert verdict.redacted is not None
    assert "jane.doe@gmail.com" not in verdict.redacted
    # only the spans whose own action is redact (or block) are masked: a warn-only phone stays
    assert "+44 20 7946 0958" in verdict.redacted


def test_a_detector_cap_reached_is_the_strictest_action():
    decoys = " ".join(f"{100 + i} Main Street" for i in range(300))
    detector = Detector(RuleSet.default())
    verdict = detector.scan(decoys + " and I live at 42 Baker Street")
    limits = [f for f in verdict.findings if "limit" in f.features]
    assert limits and limits[-1].category == "address"
    assert limits[-1].end == len(decoys) + len(" and I live at 42 Baker Street")
    assert verdict.action == "block"
    assert detector.scan(decoys, state="active").action == "allow"


def test_merged_findings_keep_every_rule():
    from engine.detectors import Hit

    text = "ping me at the green app: +44 20 7946 0958"
    hits = [Hit("social", 11, 24, "social.euphemism"), Hit("social", 15, 42, "social.app_beside"),
            Hit("phone", 26, 42, "phone.valid"), Hit("social", 11, 24, "social.euphemism")]
    findings = Detector(RuleSet.default())._findings(text, hits)
    social = [f for f in findings if f.category == "social"]
    assert [(f.start, f.end, f.rule) for f in social] == [(11, 42, "social.euphemism,social.app_beside")]
    assert social[0].features == {"euphemism", "app_beside"}


def test_redaction_masks_every_flagged_span_and_keeps_length():
    doc = default_document()
    doc["actions"]["inquiry"] = {c: "redact" for c in CATEGORIES}
    detector = Detector(RuleSet.from_dict(doc))
    text = "ok: jane.doe@gmail.com and +44 20 7946 0958!"
    verdict = detector.scan(text)
    assert verdict.action == "redact"
    assert len(verdict.redacted) == len(text)
    assert verdict.redacted.startswith("ok: ") and verdict.redacted.endswith("!")
    assert "gmail" not in verdict.redacted and "7946" not in verdict.redacted


def test_to_dict_is_json_ready(detector):
    doc = detector.scan(PHONE).to_dict()
    assert doc["action"] == "block" and doc["state"] == "inquiry"
    assert doc["findings"][0]["match"] == "+44 20 7946 0958"
    assert set(doc) == {"action", "state", "categories", "findings", "redacted", "fingerprint"}


def test_states_are_the_policy_states():
    assert STATES == ("inquiry", "offer", "active", "ended")


@pytest.mark.parametrize(
    ("text", "history", "expected"),
    [
        ("WhatsApp +44 7911 123456", [], {"phone", "social"}),
        ("+44 7911 123456", ["can we continue on telegram?"], {"phone", "social"}),
        ("wa.me/447911123456", [], {"phone", "social", "link"}),
        ("Zoom meeting ID: 845 2291 0043 passcode 1234", [], {"social"}),
    ],
)
def test_an_app_named_with_the_item_is_both(text, history, expected):
    verdict = Detector(RuleSet.default()).scan(text, history=history)
    assert {f.category for f in verdict.findings} == expected
