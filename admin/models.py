"""What the server stores: users, rule set versions, conversations, messages, the audit log."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from flask import has_request_context, request
from flask_login import UserMixin
from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from admin.db import db
from admin.enums import (
    Action,
    ContractState,
    DeliveryStatus,
    JobKind,
    JobStatus,
    MessageStatus,
    ReviewStatus,
    Role,
    RuleSetStatus,
    enum_column,
)

JSONDocument = JSON().with_variant(JSONB(), "postgresql")
"""A JSON value: JSONB on PostgreSQL, JSON text elsewhere."""


def utcnow() -> datetime:
    """Now, in UTC, without tzinfo (stored as naive UTC on every backend)."""
    return datetime.now(UTC).replace(tzinfo=None)


class User(UserMixin, db.Model):
    """A person who logs in: admin, reviewer, client or freelancer."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[Role] = mapped_column(enum_column(Role, "ck_users_role"))
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Sessions carry the version they were made under; bumping it (logout, a new password,
    # an admin's "end sessions") revokes every session of the user on the server.
    session_version: Mapped[int] = mapped_column(default=1, server_default="1")
    failed_logins: Mapped[int] = mapped_column(default=0, server_default="0")
    locked_until: Mapped[datetime | None]
    # The marketplace's own id for a party mirrored through a service token (such users never log in).
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    # The interface language the user picked (admin/i18n.py LANGUAGES); None: the browser's.
    language: Mapped[str | None] = mapped_column(String(8))

    def set_password(self, password: str, method: str = "scrypt") -> None:
        """Store a salted hash of the password, never the password; ends the user's other sessions."""
        self.password_hash = generate_password_hash(password, method=method)
        self.end_sessions()

    def end_sessions(self) -> None:
        """Revoke every session of this user (checked when a session is loaded)."""
        self.session_version = (self.session_version or 1) + 1

    def get_id(self) -> str:
        """The session's user reference: id and session version, so a revoked session no longer loads."""
        return f"{self.id}:{self.session_version or 1}"

    def is_locked(self, now: datetime) -> bool:
        """True while a lockout after too many failed logins lasts."""
        return self.locked_until is not None and self.locked_until > now

    def check_password(self, password: str) -> bool:
        """True when the password matches the stored hash."""
        return check_password_hash(self.password_hash, password)

    @property
    def is_staff(self) -> bool:
        """Admins and reviewers read every conversation."""
        return Role(self.role).is_staff


class RuleSetVersion(db.Model):
    """One numbered version of the rule set document: draft, published (at most one) or archived."""

    __tablename__ = "rule_set_versions"
    __table_args__ = (
        # At most one published version, enforced by the database itself.
        Index(
            "uq_rule_set_versions_one_published", "status", unique=True,
            sqlite_where=db.text(f"status = '{RuleSetStatus.PUBLISHED}'"),
            postgresql_where=db.text(f"status = '{RuleSetStatus.PUBLISHED}'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(unique=True)
    status: Mapped[RuleSetStatus] = mapped_column(
        enum_column(RuleSetStatus, "ck_rule_set_versions_status"), default=RuleSetStatus.DRAFT
    )
    document: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    fingerprint: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(String(500), default="")
    # Each save of a draft bumps it; a save from an older revision is refused (no lost update).
    revision: Mapped[int] = mapped_column(default=1, server_default="1")
    # What each exception reason releases and how many claims a user has per day: server-side
    # enforcement policy, versioned with the document (see admin/exceptions.py).
    exceptions: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    based_on_id: Mapped[int | None] = mapped_column(ForeignKey("rule_set_versions.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    published_at: Mapped[datetime | None]
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    published_by: Mapped[User | None] = relationship(foreign_keys=[published_by_id])

    # Optimistic concurrency: every UPDATE is "... WHERE revision = <loaded>" and bumps it.
    __mapper_args__ = {"version_id_col": revision}


class Conversation(db.Model):
    """A client and a freelancer talking about one job, in one contract state."""

    __tablename__ = "conversations"

    id: Mapped[int] = mapped_column(primary_key=True)
    job_title: Mapped[str] = mapped_column(String(200))
    client_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    freelancer_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    state: Mapped[ContractState] = mapped_column(
        enum_column(ContractState, "ck_conversations_state"), default=ContractState.INQUIRY, index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The marketplace's own id for a conversation mirrored through a service token.
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)

    client: Mapped[User] = relationship(foreign_keys=[client_id])
    freelancer: Mapped[User] = relationship(foreign_keys=[freelancer_id])

    def is_participant(self, user: User) -> bool:
        """True when the user is the client or the freelancer of this conversation."""
        return user.id in (self.client_id, self.freelancer_id)


class StateChange(db.Model):
    """One change of a conversation's contract state, with who and why."""

    __tablename__ = "state_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    from_state: Mapped[ContractState | None] = mapped_column(enum_column(ContractState, "ck_state_changes_from_state"))
    to_state: Mapped[ContractState] = mapped_column(enum_column(ContractState, "ck_state_changes_to_state"))
    reason: Mapped[str] = mapped_column(String(500))
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # When the change happened in the marketplace's contract system (set by a service token).
    effective_at: Mapped[datetime | None]
    token_id: Mapped[int | None] = mapped_column(ForeignKey("service_tokens.id"))

    changed_by: Mapped[User | None] = relationship()


class Message(db.Model):
    """One send attempt: delivered, delivered redacted, or blocked (kept, never delivered)."""

    __tablename__ = "messages"
    __table_args__ = (UniqueConstraint("sender_id", "idempotency_key", name="uq_messages_sender_idempotency_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    sender_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    delivered_text: Mapped[str | None] = mapped_column(Text)
    status: Mapped[MessageStatus] = mapped_column(enum_column(MessageStatus, "ck_messages_status"))
    action: Mapped[Action] = mapped_column(enum_column(Action, "ck_messages_action"), index=True)
    state: Mapped[ContractState] = mapped_column(enum_column(ContractState, "ck_messages_state"))
    categories: Mapped[str] = mapped_column(String(100), default="")
    findings: Mapped[list[dict[str, Any]]] = mapped_column(JSONDocument, default=list)
    rule_version_id: Mapped[int | None] = mapped_column(ForeignKey("rule_set_versions.id"))
    fingerprint: Mapped[str] = mapped_column(String(64))
    exception_reason: Mapped[str | None] = mapped_column(String(64))
    idempotency_key: Mapped[str | None] = mapped_column(String(200))
    review_status: Mapped[ReviewStatus] = mapped_column(
        enum_column(ReviewStatus, "ck_messages_review_status"), default=ReviewStatus.NONE, index=True
    )
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[datetime | None]
    review_note: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

    conversation: Mapped[Conversation] = relationship()
    sender: Mapped[User] = relationship(foreign_keys=[sender_id])
    reviewed_by: Mapped[User | None] = relationship(foreign_keys=[reviewed_by_id])
    rule_version: Mapped[RuleSetVersion | None] = relationship()

    @property
    def category_list(self) -> list[str]:
        """Flagged categories."""
        return [c for c in self.categories.split(",") if c]

    @property
    def delivered(self) -> bool:
        """True when the other party sees (some form of) this message."""
        return self.status != MessageStatus.BLOCKED


class ServiceToken(db.Model):
    """A marketplace backend's credential: a name, scopes, stored as a hash; shown once when created."""

    __tablename__ = "service_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    # The first characters of the secret, so admins can tell tokens apart; the rest is only hashed.
    prefix: Mapped[str] = mapped_column(String(16))
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scopes: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # Origins (scheme://host[:port], space-separated) of the marketplace pages that embed the widget:
    # the only origins CORS lets call the widget routes with this token's widget tokens.
    allowed_origins: Mapped[str] = mapped_column(String(1000), default="", server_default="")

    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    revoked_by: Mapped[User | None] = relationship(foreign_keys=[revoked_by_id])

    @property
    def scope_list(self) -> list[str]:
        """The granted scopes."""
        return [s for s in self.scopes.split(",") if s]

    @property
    def origin_list(self) -> list[str]:
        """The origins allowed to embed the widget."""
        return self.allowed_origins.split()

    @property
    def active(self) -> bool:
        """False once revoked."""
        return self.revoked_at is None


class WebhookEndpoint(db.Model):
    """A URL of the marketplace that receives signed events."""

    __tablename__ = "webhook_endpoints"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(500))
    # Kept as written: signing needs it. Shown to the admin once, when the endpoint is added.
    secret: Mapped[str] = mapped_column(String(80))
    events: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True, server_default=db.true())
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    @property
    def event_list(self) -> list[str]:
        """The subscribed event types."""
        return [e for e in self.events.split(",") if e]


class WebhookDelivery(db.Model):
    """One event for one endpoint: the outbox row the delivery worker sends, retries and logs."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    endpoint_id: Mapped[int] = mapped_column(ForeignKey("webhook_endpoints.id"), index=True)
    event_id: Mapped[str] = mapped_column(String(40), index=True)
    event_type: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    status: Mapped[DeliveryStatus] = mapped_column(
        enum_column(DeliveryStatus, "ck_webhook_deliveries_status"), default=DeliveryStatus.PENDING
    )
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_status_code: Mapped[int | None]
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    delivered_at: Mapped[datetime | None]

    endpoint: Mapped[WebhookEndpoint] = relationship()


class AuditEntry(db.Model):
    """Who changed what, when: rules, contract states, reviews, users."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(60), index=True)
    target_type: Mapped[str] = mapped_column(String(40))
    target_id: Mapped[int | None]
    detail: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
    address: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

    actor: Mapped[User | None] = relationship()


def record_audit(actor: User | None, action: str, target_type: str, target_id: int | None, **detail: Any) -> None:
    """Add an audit entry to the current session (committed with the change it describes).

    Inside a request the client's address is recorded too.
    """
    db.session.add(
        AuditEntry(
            address=request.remote_addr if has_request_context() else None,
            actor_id=actor.id if actor is not None else None,
            action=action,
            target_type=target_type,
            target_id=target_id,
            # Through JSON text once, so dates and enumerations are stored as plain strings.
            detail=json.loads(json.dumps(detail, sort_keys=True, default=str)),
        )
    )


class Job(db.Model):
    """A background rescan or impact preview: its progress per Dask partition, a cancel flag, its report."""

    __tablename__ = "jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[JobKind] = mapped_column(enum_column(JobKind, "ck_jobs_kind"))
    status: Mapped[JobStatus] = mapped_column(enum_column(JobStatus, "ck_jobs_status"), default=JobStatus.QUEUED,
                                              index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("rule_set_versions.id"))
    since: Mapped[datetime]
    partition_size: Mapped[int] = mapped_column(default=1000)
    partitions_total: Mapped[int] = mapped_column(default=0)
    partitions_done: Mapped[int] = mapped_column(default=0)
    scanned: Mapped[int] = mapped_column(default=0)
    changed: Mapped[int] = mapped_column(default=0)
    # Checked by the runner between partitions; the job then stops and keeps what it found so far.
    cancel_requested: Mapped[bool] = mapped_column(default=False, server_default=db.false())
    # Counts per action and category, and the most changed messages (see admin/jobs.py).
    report: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
    error: Mapped[str | None] = mapped_column(String(500))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    # The lease of a running job: which process runs it (host:pid:nonce) and when it last said so.
    # A heartbeat older than JOB_LEASE_SECONDS means that process is gone (admin/jobs.py, reap_stale_jobs).
    owner: Mapped[str | None] = mapped_column(String(100))
    heartbeat_at: Mapped[datetime | None]

    version: Mapped[RuleSetVersion] = relationship()
    created_by: Mapped[User | None] = relationship()

    @property
    def percent(self) -> int:
        """How much of the partitions is done, 0 to 100."""
        if JobStatus(self.status) == JobStatus.DONE:
            return 100
        return 100 * self.partitions_done // self.partitions_total if self.partitions_total else 0


class JobChange(db.Model):
    """One stored message whose verdict a job's rule set version changes (the CSV download's rows)."""

    __tablename__ = "job_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id"))
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"))
    before: Mapped[Action] = mapped_column(enum_column(Action, "ck_job_changes_before"))
    after: Mapped[Action] = mapped_column(enum_column(Action, "ck_job_changes_after"))
    before_categories: Mapped[str] = mapped_column(String(100), default="")
    after_categories: Mapped[str] = mapped_column(String(100), default="")


class RateLimitCounter(db.Model):
    """A fixed-window rate-limit counter shared by every app process (admin/limits_storage.py)."""

    __tablename__ = "rate_limit_counters"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    hits: Mapped[int]
    # Unix seconds (float) when the window ends: the limits library speaks in those.
    expires_at: Mapped[float] = mapped_column(index=True)
