"""Server-side enforcement: every message is judged again here, whatever the browser said."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from flask_babel import gettext
from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError

from admin import schemas
from admin.db import db
from admin.enums import Action, MessageStatus, ReviewStatus
from admin.exceptions import day_start, next_day
from admin.i18n import current_language
from admin.models import Conversation, Message, User, record_audit, utcnow
from admin.schemas import MAX_IDEMPOTENCY_KEY, MAX_MESSAGE_CHARS, message_text, problem
from admin.versions import CompiledVersion, published

__all__ = ["MAX_MESSAGE_CHARS", "EnforcementError", "SendResult", "message_view", "recent_history", "send_message",
           "send_reply", "validate_text"]
from engine import Verdict


class EnforcementError(Exception):
    """A send that cannot be judged at all (bad input); carries an HTTP status and code."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


@dataclass(frozen=True)
class SendResult:
    """What a send produced: the stored message and whether it was a replay of a retry."""

    message: Message
    replayed: bool

    @property
    def http_status(self) -> int:
        """201 when delivered (maybe redacted), 422 when refused."""
        return 422 if self.message.status == MessageStatus.BLOCKED else 201


def recent_history(conversation: Conversation, limit: int, before_id: int | None = None) -> list[str]:
    """The last `limit` delivered texts of a conversation (before message `before_id`), oldest first.

    The one query for a conversation's context: enforcement and the impact preview both use it.
    """
    if limit <= 0:
        return []
    query = db.select(Message.delivered_text).where(
        Message.conversation_id == conversation.id, Message.status != MessageStatus.BLOCKED
    )
    if before_id is not None:
        query = query.where(Message.id < before_id)
    rows = db.session.execute(query.order_by(Message.id.desc()).limit(limit)).scalars().all()
    return [text for text in reversed(rows) if text is not None]


def validate_text(text: Any) -> str:
    """The message text, or EnforcementError for a missing, empty or oversized one (schemas.MessageText)."""
    try:
        return message_text(text)
    except ValidationError as exc:
        raise EnforcementError(*problem(exc)) from None


LIMIT_RULE_SUFFIX = ".limit"
"""A finding whose rule ends so says a detector reached its candidate cap (the engine's contract)."""


def capped(verdict: Verdict) -> bool:
    """True when a detector stopped at its cap: part of the text was never looked at."""
    return any(f.rule.endswith(LIMIT_RULE_SUFFIX) for f in verdict.findings)


def enforce_caps(verdict: Verdict) -> Verdict:
    """A limit never weakens enforcement: a capped verdict becomes the strictest action."""
    if capped(verdict) and verdict.action != Action.BLOCK:
        return replace(verdict, action=Action.BLOCK.value)
    return verdict


def judge(
    conversation: Conversation, text: str, rules: CompiledVersion | None = None
) -> tuple[CompiledVersion, Verdict]:
    """The published rules' verdict on a new message in a conversation (nothing stored)."""
    rules = rules or published()
    history = recent_history(conversation, rules.rules.history_messages)
    return rules, enforce_caps(rules.detector.scan(text, history=history, state=conversation.state))


def claims_today(sender: User, now: datetime) -> int:
    """How many exception claims the sender has made since midnight UTC."""
    return db.session.execute(
        db.select(db.func.count()).select_from(Message)
        .where(Message.sender_id == sender.id, Message.exception_reason.is_not(None),
               Message.created_at >= day_start(now))
    ).scalar_one()


def claim_refusal(rules: CompiledVersion, sender: User, reason: str, verdict: Verdict) -> EnforcementError | None:
    """Why a claimed exception may not release this message, or None when it may.

    It must name every flagged category among what the reason releases, the message must not be
    capped (unchecked text is never released), and the sender must have claims left today.
    """
    label = rules.rules.reason_label(reason, current_language())
    released = rules.exceptions.released_by(reason)
    if capped(verdict):
        return EnforcementError(422, "exception_not_covering",
                                gettext("This message has more candidates than the checks look at, so no exception "
                                        "can release it. Send the details in smaller parts."))
    uncovered = [c for c in verdict.categories if c not in released]
    if uncovered:
        what = ", ".join(gettext(c) for c in released) if released else gettext("nothing")
        return EnforcementError(422, "exception_not_covering",
                                gettext("The exception \u201c%(label)s\u201d releases %(what)s; this message also has "
                                        "%(uncovered)s, which it does not cover. Remove that part or send it once the "
                                        "contract is active.", label=label, what=what,
                                        uncovered=", ".join(gettext(c) for c in uncovered)))
    limit = rules.exceptions.claims_per_day
    now = utcnow()
    if claims_today(sender, now) >= limit:
        return EnforcementError(422, "exception_limit_reached",
                                gettext("You have used all %(limit)s exception claims for today; they renew at "
                                        "%(time)s UTC.", limit=limit, time=f"{next_day(now):%H:%M}"))
    return None


def send_message(
    conversation: Conversation,
    sender: User,
    text: Any,
    exception_reason: Any = None,
    idempotency_key: str | None = None,
) -> SendResult:
    """Judge, store and deliver (whole or redacted) or refuse a message; safe to retry by key."""
    if idempotency_key is not None:
        if not idempotency_key or len(idempotency_key) > MAX_IDEMPOTENCY_KEY:
            raise EnforcementError(
                400, "bad_idempotency_key", f"Idempotency-Key must be 1 to {MAX_IDEMPOTENCY_KEY} characters"
            )
        earlier = _by_key(sender, idempotency_key)
        if earlier is not None:
            return _replay(earlier, conversation, text)
    text = validate_text(text)
    rules = published()
    if exception_reason is not None:
        if exception_reason == "":
            exception_reason = None
        elif not isinstance(exception_reason, str) or exception_reason not in rules.rules.exception_ids():
            known = ", ".join(rules.rules.exception_ids()) or "(none configured)"
            raise EnforcementError(422, "unknown_exception_reason", f"exception_reason must be one of: {known}")
    rules, verdict = judge(conversation, text, rules)
    if exception_reason is not None and verdict.action == Action.ALLOW:
        exception_reason = None  # nothing to release: an ordinary message, no claim used
    if exception_reason is not None:
        if rules.exceptions.claims_per_day and db.engine.dialect.name == "postgresql":
            # Count and insert under the sender's row lock, so parallel claims cannot pass the limit.
            db.session.execute(db.select(User.id).where(User.id == sender.id).with_for_update())
        refusal = claim_refusal(rules, sender, exception_reason, verdict)
        detail = {"reason": exception_reason, "categories": list(verdict.categories),
                  "conversation": conversation.id}
        if refusal is not None:
            db.session.rollback()
            record_audit(sender, "exception.refused", "user", sender.id, why=refusal.code, **detail)
            db.session.commit()
            raise refusal
        record_audit(sender, "exception.claim", "user", sender.id, **detail)
    message = Message(
        conversation_id=conversation.id,
        sender_id=sender.id,
        text=text,
        state=conversation.state,
        action=verdict.action,
        categories=",".join(verdict.categories),
        findings=[f.to_dict() for f in verdict.findings],
        rule_version_id=rules.id,
        fingerprint=rules.fingerprint,
        exception_reason=exception_reason,
        idempotency_key=idempotency_key,
        created_at=utcnow(),
    )
    if exception_reason is not None:
        # A claimed exception goes through as written and waits for a reviewer's judgement.
        message.status, message.delivered_text = MessageStatus.DELIVERED, text
    elif verdict.action == Action.BLOCK:
        message.status, message.delivered_text = MessageStatus.BLOCKED, None
    elif verdict.action == Action.REDACT:
        message.status, message.delivered_text = MessageStatus.REDACTED, verdict.redacted
    else:
        message.status, message.delivered_text = MessageStatus.DELIVERED, text
    queued = exception_reason is not None or verdict.action != Action.ALLOW
    message.review_status = ReviewStatus.PENDING if queued else ReviewStatus.NONE
    conversation.updated_at = message.created_at
    db.session.add(message)
    try:
        db.session.commit()
    except IntegrityError:
        # A concurrent retry with the same key won the race: answer with its result.
        db.session.rollback()
        earlier = _by_key(sender, idempotency_key) if idempotency_key else None
        if earlier is None:
            raise
        return _replay(earlier, conversation, text)
    return SendResult(message, replayed=False)


def _by_key(sender: User, key: str) -> Message | None:
    return db.session.execute(
        db.select(Message).where(Message.sender_id == sender.id, Message.idempotency_key == key)
    ).scalar_one_or_none()


def _replay(earlier: Message, conversation: Conversation, text: Any) -> SendResult:
    if earlier.conversation_id != conversation.id or earlier.text != text:
        raise EnforcementError(
            422, "idempotency_key_reused", "this Idempotency-Key was already used for a different message"
        )
    return SendResult(earlier, replayed=True)


def message_view(message: Message, viewer: User) -> schemas.Message:
    """A message as the viewer may see it: staff see the original text of every attempt."""
    view = schemas.Message(
        id=message.id, conversation_id=message.conversation_id, sender_id=message.sender_id,
        sender=message.sender.username, text=message.delivered_text, status=message.status,
        created_at=message.created_at.isoformat() + "Z",
    )
    if viewer.is_staff or viewer.id == message.sender_id:
        view.action = message.action
        view.categories = message.category_list
        view.exception_reason = message.exception_reason
    if viewer.is_staff:
        view.original_text = message.text
        view.review_status = message.review_status
    return view


def send_reply(result: SendResult) -> schemas.Sent | schemas.Refusal:
    """The reply to a send: the same for the first attempt and every retry.

    201 carries the stored message under "message"; 422 follows the error shape
    ({"error": "blocked", "message": reasons}) and adds the verdict and the attempt's id.
    """
    message = result.message
    verdict = schemas.Verdict(
        action=message.action, state=message.state, categories=message.category_list, findings=message.findings,
        redacted=message.delivered_text if message.status == MessageStatus.REDACTED else None,
        fingerprint=message.fingerprint,
    )
    if message.status == MessageStatus.BLOCKED:
        reasons = list(dict.fromkeys(f["message"] for f in message.findings if f.get("message")))
        return schemas.Refusal(
            error=MessageStatus.BLOCKED,
            message=" ".join(reasons) or "This message can't be sent before a contract starts.",
            attempt_id=message.id, delivered=False, verdict=verdict, fingerprint=message.fingerprint,
        )
    return schemas.Sent(message=message_view(message, message.sender), delivered=True, verdict=verdict,
                        fingerprint=message.fingerprint)
