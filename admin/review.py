"""The review queue: warned, redacted, blocked and exception-claimed messages, judged by reviewers."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from admin.auth import role_required
from admin.db import db
from admin.enums import REVIEW_DECISIONS, ReviewStatus, Role
from admin.models import Message, User, record_audit, utcnow

bp = Blueprint("review", __name__, url_prefix="/admin/review")

@bp.get("/")
@role_required(Role.ADMIN, Role.REVIEWER)
def index() -> ResponseReturnValue:
    """Messages waiting for review (or already judged, with ?status=), and violations per user."""
    try:
        status = ReviewStatus(request.args.get("status", ReviewStatus.PENDING))
    except ValueError:
        status = ReviewStatus.NONE
    if status == ReviewStatus.NONE:
        abort(400, description=f"status must be one of {', '.join((ReviewStatus.PENDING, *REVIEW_DECISIONS))}")
    page = db.paginate(
        db.select(Message).where(Message.review_status == status).order_by(Message.id.desc()),
        page=request.args.get("page", 1, type=int), per_page=30, error_out=False,
    )
    violations = db.session.execute(
        db.select(User, db.func.count(Message.id))
        .join(Message, Message.sender_id == User.id)
        .where(Message.review_status == ReviewStatus.VIOLATION)
        .group_by(User.id)
        .order_by(db.func.count(Message.id).desc())
    ).all()
    return render_template("admin/review.html", page=page, status=status, violations=violations)


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
    message.review_note = request.form.get("note", "")[:500]
    record_audit(current_user, "review.decide", "message", message.id, before=before, decision=decision,
                 sender=message.sender.username, note=message.review_note)
    db.session.commit()
    flash(f"Message #{message.id} marked {decision}.", "info")
    return redirect(url_for("review.index", status=request.args.get("status", ReviewStatus.PENDING)), 303)
