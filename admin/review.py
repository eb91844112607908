"""The review queue: warned, redacted, blocked and exception-claimed messages, judged by reviewers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from admin.auth import role_required
from admin.db import db
from admin.enforcement import LIMIT_RULE_SUFFIX
from admin.enums import REVIEW_DECISIONS, Action, ReviewStatus, Role
from admin.exceptions import ExceptionPolicy
from admin.listing import ReviewFilterForm
from admin.models import Message, User, record_audit, utcnow
from engine import ACTIONS
from engine.detectors import LIMIT_FEATURE
from engine.rules import localized_text
from engine.verdict import RULE_SEPARATOR

bp = Blueprint("review", __name__, url_prefix="/admin/review")

CLAIM_DAYS = 7
"""The window of the per-user exception claim counts shown beside the queue."""
MAX_REVIEW_NOTE_CHARS = 500
REVIEW_PAGE_SIZE = 30
CONTEXT_MESSAGES = 5
"""How many earlier messages of the conversation each card shows."""

@bp.get("/")
@role_required(Role.ADMIN, Role.REVIEWER)
def index() -> ResponseReturnValue:
    """Messages waiting for review (or already judged), filtered and keyset-paged; violations per user."""
    filters = ReviewFilterForm(request.args)
    if filters.validate():
        page = filters.page(filters.query(), Message.id, REVIEW_PAGE_SIZE)
        code = 200
    else:
        page, code = None, 400
    violations = db.session.execute(
        db.select(User, db.func.count(Message.id))
        .join(Message, Message.sender_id == User.id)
        .where(Message.review_status == ReviewStatus.VIOLATION)
        .group_by(User.id)
        .order_by(db.func.count(Message.id).desc())
    ).all()
    claims = db.session.execute(
        db.select(User, db.func.count(Message.id))
        .join(Message, Message.sender_id == User.id)
        .where(Message.exception_reason.is_not(None), Message.created_at >= utcnow() - timedelta(days=CLAIM_DAYS))
        .group_by(User.id)
        .order_by(db.func.count(Message.id).desc())
    ).all()
    return render_template("admin/review.html", page=page, filters=filters, status=filters.status.data,
                           violations=violations, claims=claims,
                           claim_days=CLAIM_DAYS, max_note=MAX_REVIEW_NOTE_CHARS, claim=exception_claim,
                           capped=reached_a_limit, explain=explain, context=conversation_context,
                           context_size=CONTEXT_MESSAGES), code


@dataclass(frozen=True)
class RuleHit:
    """One engine rule behind a finding: the detector (kind) and the features that fired."""

    rule: str
    kind: str
    features: tuple[str, ...]

    @classmethod
    def parse(cls, rule: str) -> RuleHit:
        """'phone.valid+context' is the phone detector with features valid and context; 'extra:x' the rule
        set's extra rule x."""
        if rule.startswith("extra:"):
            return cls(rule, "extra rule", (rule.removeprefix("extra:"),))
        kind, _, features = rule.partition(".")
        return cls(rule, kind, tuple(f for f in features.split("+") if f))


@dataclass(frozen=True)
class FindingReason:
    """Why one finding counted: its rules, and the action the message's rule set gives it in its state."""

    finding: dict[str, Any]
    hits: tuple[RuleHit, ...]
    action: str | None
    decisive: bool


def explain(message: Message) -> list[FindingReason]:
    """Each finding of a message with the rules that found it and the action it leads to, as the rule set
    version that judged the message says for the message's contract state (stored with the message).

    The decisive findings are those whose action is the message's action (the strictest one)."""
    table = (message.rule_version.document.get("actions", {}) if message.rule_version else {}).get(message.state, {})
    reasons = []
    for finding in message.findings:
        hits = tuple(RuleHit.parse(r) for r in str(finding.get("rule", "")).split(RULE_SEPARATOR) if r)
        action = table.get(finding.get("category"))
        if action not in (None, Action.ALLOW) and any(LIMIT_FEATURE in h.features for h in hits):
            action = ACTIONS[-1]  # a detector stopped at its cap: the message was judged as block
        reasons.append(FindingReason(finding, hits, action, action is not None and action == message.action))
    return reasons


def conversation_context(message: Message, size: int = CONTEXT_MESSAGES) -> list[Message]:
    """The `size` messages of the conversation just before this one, oldest first."""
    earlier = db.session.execute(
        db.select(Message).where(Message.conversation_id == message.conversation_id, Message.id < message.id)
        .order_by(Message.id.desc()).limit(size)
    ).scalars().all()
    return list(reversed(earlier))


def reached_a_limit(message: Message) -> bool:
    """True when a detector stopped at its cap on this message (it was judged as block)."""
    return any(f.get("rule", "").endswith(LIMIT_RULE_SUFFIX) for f in message.findings)


def exception_claim(message: Message) -> dict[str, Any] | None:
    """The exception a message's sender claimed: id, label and what it released, as the rules then said."""
    if not message.exception_reason or message.rule_version is None:
        return None
    version = message.rule_version
    label = next((localized_text(r.get("label") or r.get("labels") or r["id"], "en")
                  for r in version.document.get("exception_reasons", [])
                  if r["id"] == message.exception_reason), message.exception_reason)
    released = ExceptionPolicy.from_version(version).released_by(message.exception_reason)
    return {"id": message.exception_reason, "label": label, "releases": [c.value for c in released]}


@bp.post("/<int:message_id>")
@role_required(Role.ADMIN, Role.REVIEWER)
def decide(message_id: int) -> ResponseReturnValue:
    """Mark a message acceptable or a violation."""
    message = db.get_or_404(Message, message_id)
    decision = request.form.get("decision", "")
    if decision not in REVIEW_DECISIONS:
        abort(400, description=f"decision must be one of {', '.join(REVIEW_DECISIONS)}")
    decision = ReviewStatus(decision)
    if message.review_status == ReviewStatus.NONE:
        abort(409, description="this message was never queued for review")
    before = message.review_status
    message.review_status = decision
    message.reviewed_by_id = current_user.id
    message.reviewed_at = utcnow()
    note = request.form.get("note", "")
    if len(note) > MAX_REVIEW_NOTE_CHARS:
        abort(422, description=f"the note must be at most {MAX_REVIEW_NOTE_CHARS} characters; nothing was saved")
    message.review_note = note
    following = request.form.get("next", "")
    if following and not following.isdigit():
        abort(400, description="next must be the id of the message to show after this one; nothing was saved")
    record_audit(current_user, "review.decide", "message", message.id, before=before, decision=decision,
                 sender=message.sender.username, note=message.review_note)
    db.session.commit()
    flash(f"Message #{message.id} marked {decision}.", "info")
    # Back to the same filtered page (the form's action carries the list's query string), at the card
    # that followed this one: the next to judge, with or without the keyboard script.
    anchor = f"review-{following}" if following else None
    return redirect(url_for("review.index", **request.args.to_dict(), _anchor=anchor), 303)
