"""Admin-authored extra rules: phrases, domains and safe regular expressions."""

from __future__ import annotations

import re

from engine.detectors import Hit
from engine.normalize import Text
from engine.rules import RuleSet


class ExtraRulesDetector:
    """Runs the rule set's extra rules over the folded view of a message."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self._compiled: list[tuple[str, str, re.Pattern[str]]] = []
        for rule in rules.extra_rules:
            if rule.kind == "pattern":
                pattern = rule.compiled or re.compile(rule.value, re.IGNORECASE)
            elif rule.kind == "domain":
                domain = re.escape(rule.value.lower())
                pattern = re.compile(rf"(?<![\w.-])(?:[\w-]+\.)*{domain}(?![\w-])(?:/\S*)?")
            else:
                words = [re.escape(w) for w in rule.value.lower().split()]
                pattern = re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)")
            self._compiled.append((rule.category, f"extra:{rule.id}", pattern))

    def find(self, text: Text) -> list[Hit]:
        """Hits of every extra rule; patterns run on the folded view."""
        view = text.folded
        hits = []
        for category, rule_id, pattern in self._compiled:
            for m in pattern.finditer(view.text):
                if m.end() > m.start():
                    start, end = view.span(m.start(), m.end())
                    hits.append(Hit(category, start, end, rule_id))
        return hits
