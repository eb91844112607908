"""Requests for the other party's contact details ("what's your number?"), in eight languages."""

from __future__ import annotations

from engine.detectors import Hit
from engine.normalize import Text
from engine.rules import RuleSet


class RequestDetector:
    """Finds requests for a phone number, email, street address or messenger handle."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules

    def find(self, text: Text) -> list[Hit]:
        """Hits in one prepared message."""
        return []
