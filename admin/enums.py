"""Every closed set of words the server stores or answers with, each stated once as an enumeration.

The engine owns the policy's vocabulary (`engine.ACTIONS`, `CATEGORIES`, `STATES`); the
enumerations here are built from it, so a new contract state or action reaches the database
CHECK constraints, the API models, the OpenAPI document and the templates from one place.
Members are `str` subclasses: `MessageStatus.BLOCKED == "blocked"`, and they serialise as
their value in JSON and in templates.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum as SQLEnum

from engine import ACTIONS, CATEGORIES, STATES


def _from_engine(name: str, values: tuple[str, ...], doc: str) -> type[StrEnum]:
    enum = StrEnum(name, {value.upper(): value for value in values}, module=__name__)
    enum.__doc__ = doc
    return enum


ContractState = _from_engine("ContractState", STATES, "Where a conversation stands: inquiry, offer, active, ended.")
Action = _from_engine("Action", ACTIONS, "What enforcement does, mildest first: allow, warn, redact, block.")
Category = _from_engine("Category", CATEGORIES, "A kind of contact information (POLICY.md's five categories).")


class Role(StrEnum):
    """Who a user is: staff (admin, reviewer) or a marketplace party (client, freelancer)."""

    ADMIN = "admin"
    REVIEWER = "reviewer"
    CLIENT = "client"
    FREELANCER = "freelancer"

    @property
    def is_staff(self) -> bool:
        """Admins and reviewers read every conversation."""
        return self in (Role.ADMIN, Role.REVIEWER)


class RuleSetStatus(StrEnum):
    """A rule set version's life: a draft, the one published version, or archived."""

    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class MessageStatus(StrEnum):
    """What happened to a send attempt: delivered whole, delivered redacted, or blocked (kept, never shown)."""

    DELIVERED = "delivered"
    REDACTED = "redacted"
    BLOCKED = "blocked"


class ReviewStatus(StrEnum):
    """Where a message stands with reviewers: never queued, waiting, or judged."""

    NONE = "none"
    PENDING = "pending"
    ACCEPTABLE = "acceptable"
    VIOLATION = "violation"


class WebhookEvent(StrEnum):
    """What a webhook endpoint can subscribe to."""

    MESSAGE_FLAGGED = "message.flagged"
    MESSAGE_BLOCKED = "message.blocked"
    CONTRACT_STATE_CHANGED = "contract.state_changed"
    EXCEPTION_CLAIMED = "exception.claimed"
    REVIEW_DECIDED = "review.decided"
    RULES_PUBLISHED = "rules.published"


class DeliveryStatus(StrEnum):
    """A webhook delivery: waiting (first try or a retry), delivered, or given up after the last retry."""

    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"


class JobStatus(StrEnum):
    """A background job: waiting for a runner, running, or finished one way or another."""

    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def finished(self) -> bool:
        """True once the job will change no more."""
        return self in (JobStatus.DONE, JobStatus.FAILED, JobStatus.CANCELLED)


REVIEW_DECISIONS: tuple[ReviewStatus, ...] = (ReviewStatus.ACCEPTABLE, ReviewStatus.VIOLATION)
"""What a reviewer may decide."""

ENUMS: tuple[type[StrEnum], ...] = (ContractState, Action, Category, Role, RuleSetStatus, MessageStatus, ReviewStatus,
                                    WebhookEvent, DeliveryStatus, JobStatus)
"""Every enumeration, for templates and for the test that no value is typed twice."""


def enum_column(enum: type[StrEnum], name: str) -> SQLEnum:
    """A VARCHAR(20) column holding the enumeration's values, with a named CHECK constraint."""
    return SQLEnum(
        enum, native_enum=False, create_constraint=True, length=20, name=name,
        values_callable=lambda members: [member.value for member in members], validate_strings=True,
    )


class TokenScope(StrEnum):
    """What a service token may do; the write scopes are audited on every use.

    Not in ENUMS: "check" is also an everyday word of the code (an operation id, a verb).
    """

    CHECK = "check"
    MESSAGES_WRITE = "messages:write"
    CONVERSATIONS_WRITE = "conversations:write"
    RULES_READ = "rules:read"
    REVIEWS_READ = "reviews:read"
    # Mint short-lived widget tokens for one conversation and one participant (admin/marketplace.py).
    WIDGET = "widget"

    @property
    def writes(self) -> bool:
        """True for the scopes that change stored data."""
        return self in (TokenScope.MESSAGES_WRITE, TokenScope.CONVERSATIONS_WRITE)


class JobKind(StrEnum):
    """What a background job does: both re-judge stored messages with one rule set version on Dask.

    Not in ENUMS: "rescan" is also the name of the command.
    """

    RESCAN = "rescan"
    IMPACT_PREVIEW = "impact_preview"
