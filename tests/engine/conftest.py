"""Shared fixtures for the engine's tests."""

from __future__ import annotations

import pytest

from engine import Detector, RuleSet


@pytest.fixture(scope="session")
def detector() -> Detector:
    """The default rule set, compiled once."""
    return Detector(RuleSet.default())


def categories(detector: Detector, text: str, history: list[str] | None = None) -> set[str]:
    """Categories flagged in `text`."""
    return {f.category for f in detector.scan(text, history=history or []).findings}


def matches(detector: Detector, text: str, category: str) -> list[str]:
    """Matched substrings of one category."""
    return [f.match for f in detector.scan(text).findings if f.category == category]
