"""Permitted exceptions, scoped: what each reason releases and how many claims a user has per day.

POLICY.md: "Each exception reason names the categories it can release (an access grant releases
an email, not a phone number or a WhatsApp handle); claims are limited per user and visible to
reviewers." The rule set document names the reasons (id, label); the engine's schema has no
place yet for what they release, so that part of the policy is kept with each rule set version
on the server (`RuleSetVersion.exceptions`), edited in the same editor, versioned, published
and rolled back with the document. `ExceptionPolicy.from_version` is the one reader: when the
engine's document carries the releases itself, only that function changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from admin.enums import Category

DEFAULT_CLAIMS_PER_DAY = 3
MAX_CLAIMS_PER_DAY = 100
DEFAULT_RELEASES: dict[str, tuple[Category, ...]] = {
    # An access grant for scoping needs an email (an invitation), perhaps a link to accept it.
    "repo_access": (Category.EMAIL, Category.LINK),
    # NDAs, licences and background checks need an email, or a postal address for paperwork.
    "legal": (Category.EMAIL, Category.ADDRESS),
}


class ExceptionPolicyError(ValueError):
    """A bad policy value, with the editor field it concerns."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.reason = message


@dataclass(frozen=True)
class ExceptionPolicy:
    """What each exception reason releases, and the daily number of claims per user."""

    releases: dict[str, tuple[Category, ...]] = field(default_factory=dict)
    claims_per_day: int = DEFAULT_CLAIMS_PER_DAY

    @classmethod
    def default(cls) -> ExceptionPolicy:
        """The policy that goes with the default rule set."""
        return cls(dict(DEFAULT_RELEASES), DEFAULT_CLAIMS_PER_DAY)

    @classmethod
    def from_dict(cls, doc: dict[str, Any] | None, reason_ids: tuple[str, ...] | None = None) -> ExceptionPolicy:
        """Validate a stored or edited policy (ExceptionPolicyError names the field); unknown reasons drop out."""
        doc = doc or {}
        claims = doc.get("claims_per_day", DEFAULT_CLAIMS_PER_DAY)
        if not isinstance(claims, int) or isinstance(claims, bool) or not 0 <= claims <= MAX_CLAIMS_PER_DAY:
            raise ExceptionPolicyError("exceptions.claims_per_day",
                                       f"must be an integer from 0 to {MAX_CLAIMS_PER_DAY}")
        releases: dict[str, tuple[Category, ...]] = {}
        for reason, categories in (doc.get("releases") or {}).items():
            if reason_ids is not None and reason not in reason_ids:
                continue
            if not isinstance(categories, list | tuple) or any(c not in list(Category) for c in categories):
                raise ExceptionPolicyError(f"exceptions.releases.{reason}",
                                           f"must be a list of categories: {', '.join(Category)}")
            releases[reason] = tuple(c for c in Category if c in categories)
        return cls(releases, claims)

    @classmethod
    def from_version(cls, version: Any) -> ExceptionPolicy:
        """The policy stored with a rule set version (an empty one for versions that never had one)."""
        return cls.from_dict(version.exceptions or {})

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, for the database."""
        return {"claims_per_day": self.claims_per_day,
                "releases": {reason: [c.value for c in cats] for reason, cats in sorted(self.releases.items())}}

    def released_by(self, reason: str) -> tuple[Category, ...]:
        """The categories a reason releases (none for a reason the policy does not name)."""
        return self.releases.get(reason, ())


def day_start(now: datetime) -> datetime:
    """Midnight UTC of `now`'s day: claims are counted per calendar day in UTC."""
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


def next_day(now: datetime) -> datetime:
    """When today's claims reset."""
    return day_start(now) + timedelta(days=1)
