"""One detector per category, plus the admins' extra rules; each finds Hits in a Text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple, Protocol, TypeVar

from engine.normalize import Text, View
from engine.rules import RuleSet

MAX_CANDIDATES = 128
"""Candidates one pattern may propose per message. A cap bounds work; it never weakens
enforcement: the candidate past the cap becomes a '<category>.limit' hit, which the policy
treats as the strictest action for its category."""

LIMIT_FEATURE = "limit"


class Hit(NamedTuple):
    """A raw match in original-text offsets, before merging into Findings."""

    category: str
    start: int
    end: int
    rule: str


M = TypeVar("M")


def capped(
    matches: Iterable[M], view: View, category: str, hits: list[Hit], limit: int = MAX_CANDIDATES
) -> Iterator[M]:
    """The first `limit` matches; if there are more, a limit hit from the next one to the end."""
    for count, m in enumerate(matches):
        if count >= limit:
            hits.append(limit_hit(view, m.start(), category))  # type: ignore[attr-defined]
            return
        yield m


def limit_hit(view: View, pos: int, category: str) -> Hit:
    """A hit saying the detector stopped at view position `pos`: the rest was not judged."""
    start = view.starts[min(pos, len(view.text) - 1)]
    return Hit(category, start, max(view.ends[-1], start + 1), f"{category}.{LIMIT_FEATURE}")


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
