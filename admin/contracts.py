"""Contracts: conversations with filters, their messages, contract state changes and history."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy.orm import aliased
from werkzeug.datastructures import MultiDict

from admin.auth import role_required
from admin.db import db
from admin.enums import ContractState, Role
from admin.listing import CursorForm
from admin.models import Conversation, Message, StateChange, User, record_audit, utcnow

bp = Blueprint("contracts", __name__, url_prefix="/admin/contracts")

MAX_REASON_CHARS = 500
MESSAGES_PAGE_SIZE = 50
CONTRACTS_PAGE_SIZE = 50


@bp.get("/")
@role_required(Role.ADMIN, Role.REVIEWER)
def index() -> ResponseReturnValue:
    """Conversations, filtered by contract state and by a participant's name."""
    state = request.args.get("state", "")
    who = request.args.get("q", "").strip()
    query = db.select(Conversation).order_by(Conversation.updated_at.desc())
    if state:
        if state not in list(ContractState):
            abort(400, description=f"state must be one of {', '.join(ContractState)}")
        query = query.where(Conversation.state == state)
    if who:
        client, freelancer = aliased(User), aliased(User)
        pattern = f"%{who}%"
        query = (
            query.join(client, Conversation.client_id == client.id)
            .join(freelancer, Conversation.freelancer_id == freelancer.id)
            .where(
                client.username.ilike(pattern) | freelancer.username.ilike(pattern)
                | Conversation.job_title.ilike(pattern)
            )
        )
    page = db.paginate(query, page=request.args.get("page", 1, type=int), per_page=CONTRACTS_PAGE_SIZE, error_out=False)
    return render_template("admin/contracts.html", page=page, states=list(ContractState), state=state, q=who)


@bp.get("/<int:conversation_id>")
@role_required(Role.ADMIN, Role.REVIEWER)
def detail(conversation_id: int) -> ResponseReturnValue:
    """One conversation: its messages (blocked attempts too; newest first, keyset-paged) and the state history."""
    conversation = db.get_or_404(Conversation, conversation_id)
    cursor = CursorForm(request.args if request.method == "GET" else MultiDict())
    if not cursor.validate():
        abort(400, description=" ".join(cursor.error_list()))
    messages = cursor.page(db.select(Message).where(Message.conversation_id == conversation.id), Message.id,
                           MESSAGES_PAGE_SIZE)
    history = db.session.execute(
        db.select(StateChange).where(StateChange.conversation_id == conversation.id).order_by(StateChange.id)
    ).scalars().all()
    return render_template("admin/contract.html", conversation=conversation, messages=messages,
                           history=history, states=list(ContractState))


def change_state(conversation: Conversation, new_state: str, reason: str, actor: User | None) -> StateChange:
    """Move a conversation to another contract state, with a reason, in its history and the audit log."""
    if new_state not in list(ContractState):
        raise ValueError(f"state must be one of {', '.join(ContractState)}")
    if not reason.strip():
        raise ValueError("give a reason for the change")
    if len(reason.strip()) > MAX_REASON_CHARS:
        raise ValueError(f"the reason must be at most {MAX_REASON_CHARS} characters")
    if new_state == conversation.state:
        raise ValueError(f"the conversation is already {new_state}")
    change = StateChange(
        conversation_id=conversation.id, from_state=conversation.state, to_state=new_state,
        reason=reason.strip(), changed_by_id=actor.id if actor else None,
    )
    record_audit(actor, "contract.state", "conversation", conversation.id, from_state=conversation.state,
                 to_state=new_state, reason=change.reason)
    conversation.state = new_state
    conversation.updated_at = utcnow()
    db.session.add(change)
    return change


@bp.post("/<int:conversation_id>/state")
@role_required(Role.ADMIN)
def set_state(conversation_id: int) -> ResponseReturnValue:
    """Change the contract state (admins only)."""
    conversation = db.get_or_404(Conversation, conversation_id)
    try:
        change_state(conversation, request.form.get("state", ""), request.form.get("reason", ""), current_user)
    except ValueError as exc:
        flash(str(exc), "error")
        return detail(conversation.id), 422
    db.session.commit()
    flash(f"Contract state is now {conversation.state}.", "info")
    return redirect(url_for("contracts.detail", conversation_id=conversation.id), 303)
