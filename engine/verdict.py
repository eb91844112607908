"""Value objects that a scan returns: findings and the verdict built from them."""

from __future__ import annotations

from dataclasses import dataclass

from engine.policy import ACTIONS, CATEGORIES

RULE_SEPARATOR = ","
"""Joins the rules of hits merged into one finding: "phone.valid,social.app_beside"."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of contact information: where it is in the original text and why."""

    category: str
    start: int
    end: int
    match: str
    rule: str
    message: str = ""

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown category {self.category!r}")
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    @property
    def features(self) -> frozenset[str]:
        """The deciding features named by the rule(s): "phone.valid+context" gives valid, context."""
        out = set()
        for rule in self.rule.split(RULE_SEPARATOR):
            _, _, feature = rule.partition(".")
            out.update(feature.split("+"))
        return frozenset(out)

    def to_dict(self) -> dict:
        """JSON-ready form (keys in a fixed order)."""
        return {
            "category": self.category,
            "start": self.start,
            "end": self.end,
            "match": self.match,
            "rule": self.rule,
            "message": self.message,
        }

    @classmethod
    def from_dict(cls, doc: dict) -> Finding:
        """Inverse of `to_dict`."""
        return cls(
            doc["category"], doc["start"], doc["end"], doc["match"], doc["rule"],
            doc.get("message", ""),
        )


@dataclass(frozen=True, slots=True)
class Verdict:
    """The outcome of scanning one message: the action and the findings behind it."""

    action: str
    findings: tuple[Finding, ...] = ()
    state: str = "inquiry"
    redacted: str | None = None
    fingerprint: str = ""

    def __post_init__(self) -> None:
        if self.action not in ACTIONS:
            raise ValueError(f"unknown action {self.action!r}")

    @property
    def categories(self) -> tuple[str, ...]:
        """The categories found, in the policy's order."""
        found = {f.category for f in self.findings}
        return tuple(c for c in CATEGORIES if c in found)

    @property
    def flagged(self) -> bool:
        """True when the message carries contact information (whatever the action)."""
        return bool(self.findings)

    def to_dict(self) -> dict:
        """JSON-ready form; byte-identical across CPython and Pyodide under json.dumps."""
        return {
            "action": self.action,
            "state": self.state,
            "categories": list(self.categories),
            "findings": [f.to_dict() for f in self.findings],
            "redacted": self.redacted,
            "fingerprint": self.fingerprint,
        }
