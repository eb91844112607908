"""Demo messaging pages for clients and freelancers, and the `seed-demo` command."""

from __future__ import annotations

import os
import secrets

import click
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.cli import with_appcontext
from flask.typing import ResponseReturnValue
from flask_babel import gettext
from flask_login import current_user

from admin.auth import conversation_for, create_user, role_required
from admin.db import db
from admin.enforcement import MAX_MESSAGE_CHARS, EnforcementError, send_message
from admin.enums import Action, ContractState, MessageStatus, Role
from admin.i18n import current_language, finding_message
from admin.listing import CursorForm, keyset_page
from admin.models import Conversation, Message, StateChange, User, record_audit
from admin.versions import published

bp = Blueprint("demo", __name__, url_prefix="/demo")

CONVERSATION_PAGE_SIZE = 50
"""Messages on one page of a conversation: the latest, with links to older ones."""

DEMO_USERS: tuple[tuple[str, str, str], ...] = (
    ("reviewer", "Rita Reviewer", Role.REVIEWER),
    ("alice", "Alice", Role.CLIENT),
    ("carol", "Carol", Role.CLIENT),
    ("bob", "Bob", Role.FREELANCER),
    ("dave", "Dave", Role.FREELANCER),
)
# Each line goes through the real enforcement, so the demo starts with something to review:
# a blocked phone number, a redacted address, a blocked disguised email, and in the active
# contract the same kind of message delivered.
DEMO_CONVERSATIONS: tuple[tuple[str, str, str, str, tuple[tuple[str, str], ...]], ...] = (
    ("alice", "bob", "Logo for a bakery", ContractState.INQUIRY,
     (("alice", "Hi Bob, I liked your portfolio. Could you do a logo for my bakery?"),
      ("bob", "Happy to! What colours and style do you have in mind?"),
      ("bob", "Easier on WhatsApp: +44 7911 123456, message me there"),
      ("alice", "Samples can go to 221B Baker Street, London NW1 6XE"))),
    ("alice", "dave", "Landing page in React", ContractState.OFFER,
     (("alice", "I sent you an offer for the landing page."),
      ("dave", "Thanks, I'll look at the scope today."),
      ("dave", "or write to dave.dev88 at gmail dot com"))),
    ("carol", "bob", "Brand guidelines", ContractState.ACTIVE,
     (("carol", "Contract started, welcome aboard!"),
      ("carol", "For urgent things my number is +1 415 555 2671"))),
    ("carol", "dave", "Data cleanup script", ContractState.ENDED,
     (("dave", "Delivered the final script, thanks for the smooth project."),)),
)


def _conversations_of(user: User) -> list[Conversation]:
    return list(
        db.session.execute(
            db.select(Conversation)
            .where((Conversation.client_id == user.id) | (Conversation.freelancer_id == user.id))
            .order_by(Conversation.updated_at.desc())
        ).scalars()
    )


@bp.get("/")
@role_required(Role.CLIENT, Role.FREELANCER)
def index() -> ResponseReturnValue:
    """The caller's conversations."""
    return render_template("demo/index.html", conversations=_conversations_of(current_user))


def _render_conversation(conversation: Conversation, text: str = "", result=None, error: str | None = None,
                         status: int = 200, cursor: CursorForm | None = None):
    """The page: the latest messages (or an older/newer page of them, from `cursor`) and the composer."""
    visible = (
        db.select(Message)
        .where(Message.conversation_id == conversation.id)
        .where((Message.status != MessageStatus.BLOCKED) | (Message.sender_id == current_user.id))
    )
    page = cursor.page(visible, Message.id, CONVERSATION_PAGE_SIZE) if cursor else \
        keyset_page(visible, Message.id, CONVERSATION_PAGE_SIZE)
    # The live channel continues after the newest message there is, whichever page is shown.
    last_id = db.session.scalar(visible.with_only_columns(db.func.max(Message.id))) or 0
    rules = published()
    return render_template(
        "demo/conversation.html",
        conversation=conversation,
        messages=list(reversed(page.items)),
        page=page,
        last_message_id=last_id,
        text=text,
        result=result,
        error=error,
        reasons=[{"id": r["id"], "text": rules.rules.reason_label(r["id"], current_language())}
                 for r in rules.rules.exception_reasons],
        exceptions=rules.exceptions,
        max_chars=MAX_MESSAGE_CHARS,
    ), status


@bp.route("/conversations/<int:conversation_id>", methods=["GET", "POST"])
@role_required(Role.CLIENT, Role.FREELANCER)
def conversation(conversation_id: int) -> ResponseReturnValue:
    """Read a conversation and send a message; the server judges every message (no JS needed)."""
    conv = conversation_for(conversation_id, write=request.method == "POST")
    if request.method == "GET":
        cursor = CursorForm(request.args)
        if not cursor.validate():
            abort(400, description=" ".join(cursor.error_list()))
        return _render_conversation(conv, cursor=cursor)
    text = request.form.get("text", "")
    reason = request.form.get("exception_reason") or None
    try:
        result = send_message(conv, current_user, text, reason)
    except EnforcementError as exc:
        return _render_conversation(conv, text=text, error=exc.message, status=exc.status)
    message = result.message
    if message.status == MessageStatus.BLOCKED:
        return _render_conversation(conv, text=text, result=message, status=422)
    explained = " ".join(dict.fromkeys(finding_message(f) for f in message.findings))
    if message.status == MessageStatus.REDACTED:
        flash(gettext("Sent with parts hidden: %(explanation)s", explanation=explained), Action.WARN)
    elif message.action == Action.WARN and not message.exception_reason:
        flash(gettext("Sent. Note: %(explanation)s", explanation=explained), Action.WARN)
    elif message.exception_reason:
        flash(gettext("Sent with an exception; an administrator will review it."), "info")
    return redirect(url_for("demo.conversation", conversation_id=conv.id, _anchor=f"message-{message.id}"))


def demo_password() -> str:
    """CONTACTGUARD_DEMO_PASSWORD, or a fresh random one."""
    return os.environ.get("CONTACTGUARD_DEMO_PASSWORD") or secrets.token_urlsafe(9)


def seed_demo(password: str | None = None) -> dict[str, str]:
    """Create the demo users and one conversation per contract state; returns {username: password}.

    Users that exist already are left alone (their password is not returned).
    """
    created: dict[str, str] = {}
    users: dict[str, User] = {}
    for username, name, role in DEMO_USERS:
        user = db.session.execute(db.select(User).where(User.username == username)).scalar_one_or_none()
        if user is None:
            pw = password or demo_password()
            user = create_user(username, pw, role, name)
            created[username] = pw
        users[username] = user
    has_conversations = db.session.execute(db.select(Conversation.id).limit(1)).first()
    if not has_conversations:
        for client, freelancer, title, state, lines in DEMO_CONVERSATIONS:
            conv = Conversation(job_title=title, client_id=users[client].id, freelancer_id=users[freelancer].id,
                                state=state)
            db.session.add(conv)
            db.session.flush()
            db.session.add(StateChange(conversation_id=conv.id, from_state=None, to_state=state,
                                       reason="demo data"))
            db.session.commit()
            for sender, text in lines:
                send_message(conv, users[sender], text)  # judged, stored, delivered or refused for real
        record_audit(None, "demo.seed", "conversation", None, count=len(DEMO_CONVERSATIONS))
    db.session.commit()
    return created


@click.command("seed-demo")
@with_appcontext
@click.option("--password", default=None, help="One password for every new demo user (default: random each).")
def seed_demo_command(password: str | None) -> None:
    """Create demo clients, freelancers, a reviewer and conversations in every contract state."""
    created = seed_demo(password)
    for username, pw in created.items():
        click.echo(f"{username}: {pw}")
    if not created:
        click.echo("Demo users already exist.")
