"""Rule sets: validation names the bad field, fingerprints are canonical, patterns are safe."""

from __future__ import annotations

import copy
import json

import pytest

from engine import Detector, RuleSet, RuleSetError
from engine.patterns import UnsafePatternError, check_pattern
from engine.rules import default_document


def _doc(**changes) -> dict:
    doc = default_document()
    for path, value in changes.items():
        node = doc
        keys = path.split("__")
        for key in keys[:-1]:
            node = node[int(key)] if isinstance(node, list) else node[key]
        if value is KeyError:
            del node[keys[-1]]
        else:
            node[keys[-1]] = value
    return doc


def test_default_rules_validate_and_round_trip():
    rules = RuleSet.default()
    again = RuleSet.from_dict(rules.to_dict())
    assert again.fingerprint == rules.fingerprint
    assert len(rules.fingerprint) == 64


def test_fingerprint_ignores_key_order_but_not_content():
    doc = default_document()
    shuffled = json.loads(json.dumps(doc, sort_keys=False))
    reordered = dict(reversed(list(shuffled.items())))
    assert RuleSet.from_dict(reordered).fingerprint == RuleSet.from_dict(doc).fingerprint
    doc["messages"]["phone"] = "changed"
    assert RuleSet.from_dict(doc).fingerprint != RuleSet.default().fingerprint


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"schema_version": 2}, "schema_version"),
        ({"name": KeyError}, "name"),
        ({"surprise": 1}, "surprise"),
        ({"actions__inquiry__phone": "explode"}, "actions.inquiry.phone"),
        ({"actions__offer": {"phone": "block"}}, "actions.offer.email"),
        ({"actions__paused": {}}, "actions.paused"),
        ({"messages__email": ""}, "messages.email"),
        ({"detectors__phone__regions": ["US", "UK"]}, "detectors.phone.regions[1]"),
        ({"detectors__phone__min_digits": 3}, "detectors.phone.min_digits"),
        ({"detectors__phone__enabled": "yes"}, "detectors.phone.enabled"),
        ({"detectors__link__shorteners": ["Not A Domain"]}, "detectors.link.shorteners[0]"),
        ({"number_words__languages": ["en", "xx"]}, "number_words.languages[1]"),
        ({"allowed_domains": ["ok.com", 5]}, "allowed_domains[1]"),
        ({"extra_rules": [{"id": "a", "category": "fax", "kind": "phrase", "value": "x"}]}, "extra_rules[0].category"),
        ({"extra_rules": [{"id": "a", "category": "phone", "kind": "glob", "value": "x"}]}, "extra_rules[0].kind"),
        ({"extra_rules": [{"id": "a", "category": "phone", "kind": "pattern", "value": "(a+)+$"}]},
         "extra_rules[0].value"),
        ({"extra_rules": [{"id": "a", "category": "phone", "kind": "pattern", "value": "([a-z"}]},
         "extra_rules[0].value"),
        ({"extra_rules": [{"id": "Bad Id", "category": "phone", "kind": "phrase", "value": "x"}]}, "extra_rules[0].id"),
        ({"exception_reasons": [{"id": "legal", "label": "a"}, {"id": "legal", "label": "b"}]},
         "exception_reasons[1].id"),
        ({"context__history_messages": 99}, "context.history_messages"),
    ],
)
def test_invalid_documents_name_the_field(changes, path):
    with pytest.raises(RuleSetError) as excinfo:
        RuleSet.from_dict(_doc(**changes))
    assert excinfo.value.path == path
    assert path in str(excinfo.value)


@pytest.mark.parametrize("bad", [None, [], "text", 5])
def test_non_object_documents_are_refused(bad):
    with pytest.raises(RuleSetError) as excinfo:
        RuleSet.from_dict(bad)
    assert excinfo.value.path == "$"


def test_malformed_json_is_a_rule_set_error():
    with pytest.raises(RuleSetError, match="not valid JSON"):
        RuleSet.from_json("{not json")


@pytest.mark.parametrize(
    "pattern",
    ["(a+)+b", "(a*)*", "(a|ab)*c", "(x+x+)+y", "(.*a){20}", r"\d+\d*", ".*.*=.*", r"(\w)\1", "(?:a|a)+"],
)
def test_catastrophic_patterns_are_rejected(pattern):
    with pytest.raises(UnsafePatternError):
        check_pattern(pattern)


@pytest.mark.parametrize(
    "pattern", [r"carrier\s+pigeon", r"whats\s*app", "(?:foo|bar)+", r"[0-9]{3}-[0-9]{4}", r"\bpay\s+me\s+direct\b"]
)
def test_safe_patterns_compile(pattern):
    assert check_pattern(pattern).pattern == pattern


def test_extra_rules_flag_in_their_category():
    doc = default_document()
    doc["extra_rules"] = [
        {"id": "pigeon", "category": "social", "kind": "phrase", "value": "carrier pigeon"},
        {"id": "rival", "category": "link", "kind": "domain", "value": "rival-market.net"},
        {"id": "paydirect", "category": "phone", "kind": "pattern", "value": r"pay\s+me\s+direct"},
    ]
    detector = Detector(RuleSet.from_dict(doc))
    found = {(f.category, f.rule) for f in detector.scan("send a Carrier  Pigeon").findings}
    assert ("social", "extra:pigeon") in found
    # the admin's domain rule holds even where the link heuristics would let it pass
    found = {(f.category, f.rule) for f in detector.scan("your site jobs.rival-market.net is slow").findings}
    assert found == {("link", "extra:rival")}
    assert detector.scan("PAY ME DIRECT").action == "block"


def test_disabled_detector_finds_nothing():
    doc = copy.deepcopy(default_document())
    doc["detectors"]["phone"]["enabled"] = False
    detector = Detector(RuleSet.from_dict(doc))
    assert not [f for f in detector.scan("call +44 20 7946 0958").findings if f.category == "phone"]
