"""phone detector (in progress)."""

from __future__ import annotations

from engine.detectors import Hit
from engine.normalize import Text
from engine.rules import RuleSet


class PhoneDetector:
    """Finds phone contact information."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules

    def find(self, text: Text) -> list[Hit]:
        """Hits in one prepared message."""
        return []
