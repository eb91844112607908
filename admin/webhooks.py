"""Signed webhooks: events go into an outbox in the transaction that caused them; a worker sends them.

Events: `message.blocked` and `message.flagged` (a stored message whose verdict is not "allow"),
`exception.claimed` (a message delivered under a claimed exception reason; it is flagged too),
`review.decided` (a reviewer marked a message acceptable or a violation), `contract.state_changed`
and `rules.published`. Whatever stores the change (the demo pages, the admin site, a service
token, a command), the event row is written by a flush listener in the same transaction, so a
crash between storing and sending loses nothing. `flask --app admin
deliver-webhooks` POSTs due rows as JSON with

    X-Contactguard-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>

and retries failures with exponential backoff (WEBHOOK_RETRY_BASE_SECONDS doubling, capped at
an hour, up to WEBHOOK_MAX_ATTEMPTS: about a day and a half with the defaults). Receivers should
check the signature, refuse an old timestamp, and process each `id` once: a delivery can repeat.

Several workers may run against one database (a deploy that overlaps, one per machine): each
delivery is claimed with a conditional UPDATE before it is sent, so one worker sends it; a worker
that dies mid-send leaves it to be sent again when its claim ends (a few minutes at most).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
import urllib.error
import urllib.request
import uuid
from datetime import datetime, timedelta
from typing import Any

import click
from flask import Blueprint, Flask, current_app, flash, redirect, render_template, url_for
from flask.cli import with_appcontext
from flask.typing import ResponseReturnValue
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import event, insert, inspect, select, update
from sqlalchemy.orm import Session
from wtforms import SelectChoice, SelectMultipleField, URLField, widgets
from wtforms.validators import URL, DataRequired, Length

from admin.auth import role_required
from admin.db import db
from admin.enums import REVIEW_DECISIONS, Action, DeliveryStatus, MessageStatus, Role, RuleSetStatus, WebhookEvent
from admin.models import (
    Conversation,
    Message,
    RuleSetVersion,
    StateChange,
    User,
    WebhookDelivery,
    WebhookEndpoint,
    record_audit,
    utcnow,
)

bp = Blueprint("webhooks", __name__, url_prefix="/admin/webhooks")

SIGNATURE_HEADER = "X-Contactguard-Signature"
MAX_BACKOFF = timedelta(hours=1)


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The signature header's value for a body sent at `timestamp` (unix seconds)."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify(secret: str, header: str, body: bytes, now: float, tolerance: float = 300) -> bool:
    """The receiver's check: a v1 signature of this body by `secret`, made within `tolerance` seconds."""
    parts = dict(item.split("=", 1) for item in header.split(",") if "=" in item)
    try:
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return abs(now - timestamp) <= tolerance and hmac.compare_digest(expected, parts.get("v1", ""))


# -- events into the outbox ---------------------------------------------------------------------


def _message_event(message: Message) -> WebhookEvent | None:
    if message.status == MessageStatus.BLOCKED:
        return WebhookEvent.MESSAGE_BLOCKED
    if message.action != Action.ALLOW or message.exception_reason is not None:
        return WebhookEvent.MESSAGE_FLAGGED
    return None


def _party(connection, user_id: int) -> str:
    row = connection.execute(select(User.external_id, User.username).where(User.id == user_id)).one()
    return row.external_id or row.username


def _changed_to(obj: Any, attribute: str) -> Any:
    """The value `attribute` was set to in this flush, or None when it did not change."""
    history = inspect(obj).attrs[attribute].history
    return history.added[0] if history.added else None


def _iso(moment: datetime | None) -> str:
    return (moment or utcnow()).isoformat() + "Z"


def _message_data(connection, message: Message) -> dict[str, Any]:
    external = connection.execute(
        select(Conversation.external_id).where(Conversation.id == message.conversation_id)).scalar_one()
    return {"message_id": message.id, "conversation_id": message.conversation_id, "conversation": external,
            "sender": _party(connection, message.sender_id), "status": message.status, "action": message.action,
            "categories": [c for c in (message.categories or "").split(",") if c]}


def _events(session: Session) -> list[tuple[WebhookEvent, dict[str, Any]]]:
    connection = session.connection()
    found = []
    for obj in session.new:
        if isinstance(obj, Message) and (kind := _message_event(obj)) is not None:
            found.append((kind, {**_message_data(connection, obj), "exception_reason": obj.exception_reason,
                                 "fingerprint": obj.fingerprint}))
            if obj.exception_reason is not None:
                found.append((WebhookEvent.EXCEPTION_CLAIMED, {
                    **_message_data(connection, obj), "exception_reason": obj.exception_reason,
                    "delivered_text": obj.delivered_text, "fingerprint": obj.fingerprint}))
        elif isinstance(obj, StateChange) and obj.from_state is not None:
            external = connection.execute(
                select(Conversation.external_id).where(Conversation.id == obj.conversation_id)).scalar_one()
            found.append((WebhookEvent.CONTRACT_STATE_CHANGED, {
                "conversation_id": obj.conversation_id, "conversation": external, "from_state": obj.from_state,
                "to_state": obj.to_state, "reason": obj.reason, "changed_at": _iso(obj.effective_at or obj.created_at),
            }))
    for obj in session.dirty:
        if isinstance(obj, Message) and _changed_to(obj, "review_status") in REVIEW_DECISIONS:
            found.append((WebhookEvent.REVIEW_DECIDED, {
                **_message_data(connection, obj), "decision": obj.review_status,
                "exception_reason": obj.exception_reason, "reviewed_at": _iso(obj.reviewed_at)}))
        elif isinstance(obj, RuleSetVersion) and _changed_to(obj, "status") == RuleSetStatus.PUBLISHED:
            found.append((WebhookEvent.RULES_PUBLISHED, {
                "version": obj.number, "fingerprint": obj.fingerprint, "note": obj.note,
                "published_at": _iso(obj.published_at)}))
    return found


def _may_cause_events(session: Session) -> bool:
    return (any(isinstance(obj, Message | StateChange) for obj in session.new)
            or any(isinstance(obj, Message | RuleSetVersion) for obj in session.dirty))


@event.listens_for(Session, "after_flush")
def _outbox(session: Session, _context: Any) -> None:
    """Write an outbox row per subscribed endpoint, in the flush (and so the transaction) of the cause."""
    if not _may_cause_events(session):
        return
    endpoints = session.connection().execute(
        select(WebhookEndpoint.id, WebhookEndpoint.events).where(WebhookEndpoint.active.is_(True))).all()
    if not endpoints:
        return
    events = _events(session)
    if not events:
        return
    connection = session.connection()
    now = utcnow()
    rows = []
    for kind, data in events:
        event_id = "evt_" + uuid.uuid4().hex
        body = {"id": event_id, "type": str(kind), "created_at": now.isoformat() + "Z",
                "data": json.loads(json.dumps(data, default=str))}
        rows += [{"endpoint_id": e.id, "event_id": event_id, "event_type": str(kind), "payload": body,
                  "status": DeliveryStatus.PENDING, "attempts": 0, "next_attempt_at": now, "created_at": now}
                 for e in endpoints if str(kind) in e.events.split(",")]
    if rows:
        connection.execute(insert(WebhookDelivery), rows)


# -- the delivery worker --------------------------------------------------------------------------


def _post(url: str, body: bytes, headers: dict[str, str], timeout: float) -> int:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - admin-configured URL
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def backoff(attempts: int) -> timedelta:
    """How long to wait after the `attempts`-th failure: the base doubling, capped at an hour."""
    base = current_app.config["WEBHOOK_RETRY_BASE_SECONDS"]
    return min(timedelta(seconds=base * 2 ** (attempts - 1)), MAX_BACKOFF)


def _claim(delivery_id: int, now: datetime) -> bool:
    """Take one due delivery for this worker: move its next attempt past the longest send, in its
    own committed UPDATE. Only one of several workers (processes, machines) gets rowcount 1; if
    this one dies before recording the outcome, the delivery is due again when the claim ends."""
    claim = timedelta(seconds=3 * float(current_app.config["WEBHOOK_TIMEOUT_SECONDS"]) + 60)
    taken = db.session.execute(
        update(WebhookDelivery)
        .where(WebhookDelivery.id == delivery_id, WebhookDelivery.status == DeliveryStatus.PENDING,
               WebhookDelivery.next_attempt_at <= now)
        .values(next_attempt_at=now + claim).execution_options(synchronize_session=False))
    db.session.commit()
    return taken.rowcount == 1


def deliver_due(now: datetime | None = None, limit: int = 100) -> dict[str, int]:
    """Send every delivery due at `now` (at most `limit`); returns counts of delivered, retrying, failed.

    Safe with several workers on one database (SQLite or PostgreSQL): each delivery is claimed
    before it is sent, and its outcome is committed on its own.
    """
    now = now or utcnow()
    due = db.session.execute(
        db.select(WebhookDelivery.id)
        .where(WebhookDelivery.status == DeliveryStatus.PENDING, WebhookDelivery.next_attempt_at <= now)
        .order_by(WebhookDelivery.id).limit(limit)).scalars().all()
    db.session.commit()
    counts = {DeliveryStatus.DELIVERED.value: 0, "retrying": 0, DeliveryStatus.FAILED.value: 0}
    for delivery_id in due:
        if not _claim(delivery_id, now):
            continue  # another worker has it
        delivery = db.session.get(WebhookDelivery, delivery_id)
        endpoint = delivery.endpoint
        body = json.dumps(delivery.payload, separators=(",", ":"), sort_keys=True).encode()
        headers = {"Content-Type": "application/json", "User-Agent": "contactguard-webhooks",
                   "X-Contactguard-Event": delivery.event_type, "X-Contactguard-Delivery": delivery.event_id,
                   SIGNATURE_HEADER: sign(endpoint.secret, int(time.time()), body)}
        db.session.commit()  # no transaction (on SQLite, no lock) is held while the receiver answers
        try:
            status = _post(endpoint.url, body, headers, current_app.config["WEBHOOK_TIMEOUT_SECONDS"])
            error = None if 200 <= status < 300 else f"HTTP {status}"
        except (OSError, ValueError) as exc:
            status, error = None, f"{type(exc).__name__}: {exc}"[:500]
        delivery.attempts += 1
        delivery.last_status_code, delivery.last_error = status, error
        if error is None:
            delivery.status, delivery.delivered_at = DeliveryStatus.DELIVERED, utcnow()
            counts[DeliveryStatus.DELIVERED] += 1
        elif delivery.attempts >= current_app.config["WEBHOOK_MAX_ATTEMPTS"]:
            delivery.status = DeliveryStatus.FAILED
            counts[DeliveryStatus.FAILED] += 1
        else:
            delivery.next_attempt_at = now + backoff(delivery.attempts)
            counts["retrying"] += 1
        db.session.commit()
    return counts


@click.command("deliver-webhooks")
@with_appcontext
@click.option("--once", is_flag=True, help="Send what is due now, then exit (for cron or a test).")
@click.option("--interval", default=5.0, show_default=True, help="Seconds between rounds when running on.")
def deliver_webhooks_command(once: bool, interval: float) -> None:
    """Send due webhook deliveries, retrying failures with backoff; runs until stopped unless --once."""
    while True:
        counts = deliver_due()
        if any(counts.values()):
            click.echo(" ".join(f"{k}={v}" for k, v in counts.items()))
        if once:
            return
        time.sleep(interval)


# -- admin pages ------------------------------------------------------------------------------


class EndpointForm(FlaskForm):
    """A new endpoint: its URL and the events it wants."""

    url = URLField("URL", validators=[DataRequired(), Length(max=500), URL(require_tld=False)])
    events = SelectMultipleField("Events", choices=[SelectChoice(e.value) for e in WebhookEvent],
                                 validators=[DataRequired()], widget=widgets.ListWidget(prefix_label=False),
                                 option_widget=widgets.CheckboxInput())


def add_endpoint(url: str, events: list[str], actor: User | None) -> WebhookEndpoint:
    """Store an endpoint with a new signing secret (ValueError for a bad URL or unknown events)."""
    if not url.startswith(("http://", "https://")) or len(url) > 500:
        raise ValueError("the URL must start with http:// or https:// and be at most 500 characters")
    if not events or any(e not in list(WebhookEvent) for e in events):
        raise ValueError(f"choose events of {', '.join(WebhookEvent)}")
    endpoint = WebhookEndpoint(url=url, events=",".join(dict.fromkeys(events)), secret="whsec_" + secrets.token_hex(24),
                               created_by_id=actor.id if actor else None)
    db.session.add(endpoint)
    db.session.flush()
    record_audit(actor, "webhook.create", "webhook_endpoint", endpoint.id, url=url, events=events)
    return endpoint


def _page(form: EndpointForm, created: WebhookEndpoint | None = None) -> str:
    endpoints = db.session.execute(db.select(WebhookEndpoint).order_by(WebhookEndpoint.id)).scalars().all()
    deliveries = db.session.execute(
        db.select(WebhookDelivery).order_by(WebhookDelivery.id.desc()).limit(50)).scalars().all()
    return render_template("admin/webhooks.html", endpoints=endpoints, deliveries=deliveries, form=form,
                           created=created)


@bp.get("/")
@role_required(Role.ADMIN)
def index() -> ResponseReturnValue:
    """Endpoints, the latest deliveries, and the form for a new endpoint."""
    return _page(EndpointForm())


@bp.post("/")
@role_required(Role.ADMIN)
def create() -> ResponseReturnValue:
    """Add an endpoint; its signing secret is shown in this reply only."""
    form = EndpointForm()
    if not form.validate_on_submit():
        return _page(form), 422
    try:
        endpoint = add_endpoint(form.url.data, form.events.data, current_user)
    except ValueError as exc:
        form.url.errors = [str(exc)]
        return _page(form), 422
    db.session.commit()
    response = current_app.make_response((_page(EndpointForm(formdata=None), endpoint), 201))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/<int:endpoint_id>/disable")
@role_required(Role.ADMIN)
def disable(endpoint_id: int) -> ResponseReturnValue:
    """Stop sending new events to an endpoint."""
    endpoint = db.get_or_404(WebhookEndpoint, endpoint_id)
    endpoint.active = False
    record_audit(current_user, "webhook.disable", "webhook_endpoint", endpoint.id, url=endpoint.url)
    db.session.commit()
    flash(f"{endpoint.url} receives no new events.", "info")
    return redirect(url_for("webhooks.index"), 303)


@bp.post("/deliveries/<int:delivery_id>/resend")
@role_required(Role.ADMIN)
def resend(delivery_id: int) -> ResponseReturnValue:
    """Queue a delivery again (same event id, so a receiver that saw it already skips it)."""
    delivery = db.get_or_404(WebhookDelivery, delivery_id)
    delivery.status, delivery.next_attempt_at = DeliveryStatus.PENDING, utcnow()
    record_audit(current_user, "webhook.resend", "webhook_delivery", delivery.id, event=delivery.event_id)
    db.session.commit()
    flash(f"Delivery {delivery.event_id} is queued again.", "info")
    return redirect(url_for("webhooks.index"), 303)


def init_app(app: Flask) -> None:
    """The delivery worker's command."""
    app.cli.add_command(deliver_webhooks_command)
