"""One detector per category, plus the admins' extra rules; each finds Hits in a Text."""

from __future__ import annotations

from typing import NamedTuple, Protocol

from engine.normalize import Text
from engine.rules import RuleSet


class Hit(NamedTuple):
    """A raw match in original-text offsets, before merging into Findings."""

    category: str
    start: int
    end: int
    rule: str


class CategoryDetector(Protocol):
    """What every detector offers: compile from a rule set once, then find hits."""

    def find(self, text: Text) -> list[Hit]:
        """Hits in one prepared message."""
        ...


def build_detectors(rules: RuleSet) -> list[CategoryDetector]:
    """Detectors enabled by a rule set, compiled once."""
    from engine.detectors.address import AddressDetector
    from engine.detectors.custom import ExtraRulesDetector
    from engine.detectors.email import EmailDetector
    from engine.detectors.link import LinkDetector
    from engine.detectors.phone import PhoneDetector
    from engine.detectors.requests import RequestDetector
    from engine.detectors.social import SocialDetector

    classes = {
        "phone": PhoneDetector,
        "email": EmailDetector,
        "address": AddressDetector,
        "link": LinkDetector,
        "social": SocialDetector,
    }
    detectors: list[CategoryDetector] = []
    for name, cls in classes.items():
        if rules.detectors[name]["enabled"]:
            detectors.append(cls(rules))
    # Requests cover every category; the detector reports only enabled ones.
    detectors.append(RequestDetector(rules))
    if rules.extra_rules:
        detectors.append(ExtraRulesDetector(rules))
    return detectors
