"""The live channel: one Server-Sent Events stream per open conversation page.

A participant's page (or a staff member's) subscribes to
`GET /api/conversations/<id>/events` and gets, as they happen:

- `message`: a new message as this viewer may see it (the other party's delivered or
  redacted text, never a refused attempt of theirs; the viewer's own refused attempts too);
- `state`: the conversation's contract state (sent at once on a fresh subscription, then on
  every change);
- `rules`: the published rule set's version and fingerprint (the same).

Every event's `id:` is the subscriber's cursor, `<last message id>:<state>:<rules version
id>`. A reconnect sends it back as `Last-Event-ID` (the browser does so by itself; a page
may also pass `?last_event_id=`), and the stream starts where the client stopped: no
message lost, none sent twice, and a state or rule set already known is not sent again.

Cost: a stream holds no database connection while it waits. Once per LIVE_POLL_SECONDS it
asks one indexed query (the state, the newest message id, the published version id) and
reads messages only when that moved; commits in this process wake its streams at once, so
the poll only matters for changes made by other processes. A stream ends after
LIVE_STREAM_SECONDS with an `end` event, after which the page reconnects at once (the
browser's own reconnect after `retry:` is for streams that fail), so it holds a thread for a
bounded time and re-checks the session on every reconnect. On a server that runs one
request at a time per process (gunicorn's sync worker, a test client) a stream would starve
every other request: there it sends what is new and ends at once, and the browser polls.

Message ids are a per-conversation cursor because they follow commit order within a
conversation: `send_message` updates the conversation's row before inserting the message,
so two sends to one conversation serialise on that row lock (PostgreSQL) or on the
database lock (SQLite). tests/admin/test_live.py pins that order.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from flask import Blueprint, Flask, current_app, request
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import event
from sqlalchemy.orm import Session, joinedload
from werkzeug.wrappers import Response

from admin.auth import conversation_for
from admin.db import db
from admin.enforcement import message_view
from admin.enums import MessageStatus, RuleSetStatus
from admin.errors import APIError
from admin.models import Conversation, Message, RuleSetVersion, StateChange, User
from admin.openapi import Answer, operation

bp = Blueprint("live", __name__, url_prefix="/api")

MESSAGES_PER_READ = 100
"""At most this many messages are read per poll; a longer backlog is sent in several reads."""


# "12", "12:active", "12:active:3", "12::3": ASCII digits, a state's name (letters and _), digits.
_CURSOR = re.compile(r"(\d{1,12})(?::([a-z_]{0,40})(?::(\d{0,12}))?)?", re.ASCII)


@dataclass(frozen=True)
class Cursor:
    """What a subscriber has: messages up to `message_id`, and the state and rules version it was told."""

    message_id: int = 0
    state: str | None = None
    rules_id: int | None = None

    @classmethod
    def parse(cls, text: str) -> Cursor:
        """`<message id>[:<state>[:<rules version id>]]`; ValueError for anything else."""
        match = _CURSOR.fullmatch(text.strip())
        if match is None:
            raise ValueError(f"an event id is <message id>:<state>:<rules version id>, not {text[:80]!r}")
        message_id, state, rules_id = match.groups()
        return cls(int(message_id), state or None, int(rules_id) if rules_id else None)

    def __str__(self) -> str:
        rules = "" if self.rules_id is None else str(self.rules_id)
        return f"{self.message_id}:{self.state or ''}:{rules}"


@dataclass(frozen=True)
class Viewer:
    """Who the stream is for: what `message_view` needs, without holding a session's objects."""

    id: int
    is_staff: bool


class ChangeSignal:
    """Wakes this process's streams when this process commits a message, a state or a publish."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self.generation = 0

    def notify(self) -> None:
        """Something a stream shows was committed."""
        with self._condition:
            self.generation += 1
            self._condition.notify_all()

    def wait(self, seen: int, timeout: float) -> None:
        """Return when a commit happened after generation `seen`, or after `timeout` seconds."""
        with self._condition:
            self._condition.wait_for(lambda: self.generation != seen, timeout=max(timeout, 0.0))


CHANGES = ChangeSignal()
_LIVE_MODELS = (Message, Conversation, StateChange, RuleSetVersion)


@event.listens_for(Session, "after_flush")
def _note_live_writes(session: Session, _context: Any) -> None:
    if any(isinstance(obj, _LIVE_MODELS) for obj in (*session.new, *session.dirty)):
        session.info["live_changed"] = True


@event.listens_for(Session, "after_commit")
def _wake_streams(session: Session) -> None:
    if session.info.pop("live_changed", False):
        CHANGES.notify()


@event.listens_for(Session, "after_rollback")
def _forget_writes(session: Session) -> None:
    session.info.pop("live_changed", None)


def _event(kind: str, cursor: Cursor, data: dict[str, Any]) -> str:
    # JSON has no raw newlines, so one `data:` line carries the whole payload.
    return f"event: {kind}\nid: {cursor}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n"


def message_event_data(message: Message, viewer: User | Viewer) -> dict[str, Any]:
    """A message as the viewer sees it (the API's message view), with the sender's display name."""
    data = message_view(message, viewer).model_dump(mode="json", exclude_unset=True)
    data["sender_name"] = message.sender.display_name
    if message.status == MessageStatus.BLOCKED and message.sender_id == viewer.id:
        data["attempted_text"] = message.text  # the sender's own refused attempt, as the page shows it
    return data


@dataclass(frozen=True)
class Changes:
    """One poll's result: events to send, the cursor after them, whether to go on, whether more is waiting."""

    events: list[str]
    cursor: Cursor
    exists: bool = True
    more: bool = False


def changes(conversation_id: int, viewer: Viewer, cursor: Cursor) -> Changes:
    """The events since `cursor` (one query when nothing changed; what changed is read only then)."""
    newest_message = (db.select(db.func.max(Message.id)).where(Message.conversation_id == Conversation.id)
                      .scalar_subquery())
    published_id = (db.select(RuleSetVersion.id).where(RuleSetVersion.status == RuleSetStatus.PUBLISHED)
                    .scalar_subquery())
    row = db.session.execute(
        db.select(Conversation.state, newest_message, published_id).where(Conversation.id == conversation_id)
    ).one_or_none()
    if row is None:
        return Changes([], cursor, exists=False)
    state, newest, rules_id = str(row[0]), row[1] or 0, row[2]
    events: list[str] = []
    more = False
    if state != cursor.state:
        cursor = replace(cursor, state=state)
        events.append(_event("state", cursor, {"conversation_id": conversation_id, "state": state}))
    if rules_id is not None and rules_id != cursor.rules_id:
        version = db.session.execute(  # the two columns, not the document
            db.select(RuleSetVersion.number, RuleSetVersion.fingerprint).where(RuleSetVersion.id == rules_id)
        ).one_or_none()
        if version is not None:
            cursor = replace(cursor, rules_id=rules_id)
            events.append(_event("rules", cursor, {"version": version.number, "fingerprint": version.fingerprint}))
    if newest > cursor.message_id:
        query = (db.select(Message).options(joinedload(Message.sender))
                 .where(Message.conversation_id == conversation_id, Message.id > cursor.message_id))
        if not viewer.is_staff:
            # Parties see delivered messages, plus their own refused attempts (as on the page).
            query = query.where((Message.status != MessageStatus.BLOCKED) | (Message.sender_id == viewer.id))
        messages = db.session.execute(query.order_by(Message.id).limit(MESSAGES_PER_READ)).scalars().all()
        for message in messages:
            cursor = replace(cursor, message_id=message.id)
            events.append(_event("message", cursor, message_event_data(message, viewer)))
        more = len(messages) == MESSAGES_PER_READ
        if not more:
            # Everything up to `newest` was read; what was skipped is not for this viewer.
            cursor = replace(cursor, message_id=max(cursor.message_id, newest))
    return Changes(events, cursor, more=more)


END_EVENT = "event: end\ndata: {}\n\n"
"""The last event of a stream that ran its time: reconnect now (a stream that fails ends without it)."""


def holds_streams(environ: dict[str, Any]) -> bool:
    """True when the server runs requests side by side, so a waiting stream starves no one."""
    return bool(environ.get("wsgi.multithread"))


def stream(app: Flask, conversation_id: int, viewer: Viewer, cursor: Cursor, seconds: float) -> Iterator[str]:
    """The event stream: `retry`, then events as they happen until `seconds` have passed.

    With `seconds` <= 0 it sends what is new once and ends. No database connection is held
    between polls: each poll runs in its own app context, whose teardown returns it.
    """
    config = app.config
    poll, heartbeat = float(config["LIVE_POLL_SECONDS"]), float(config["LIVE_HEARTBEAT_SECONDS"])
    yield f"retry: {int(config['LIVE_RETRY_MS'])}\n\n"
    started = last_write = time.monotonic()
    while True:
        seen = CHANGES.generation
        with app.app_context():
            found = changes(conversation_id, viewer, cursor)
        cursor = found.cursor
        if found.events:
            yield "".join(found.events)
            last_write = time.monotonic()
        now = time.monotonic()
        if not found.exists or seconds <= 0:
            return
        if now - started >= seconds:
            # A planned end: the page reconnects at once from its cursor (`retry` is for failures),
            # so a change made during the reconnect is not held back by the browser's retry delay.
            yield END_EVENT
            return
        if found.more:
            continue  # a long backlog: read on without waiting
        if now - last_write >= heartbeat:
            yield ": keep-alive\n\n"  # a comment: proxies see traffic, a closed socket shows up
            last_write = now
        CHANGES.wait(seen, min(poll, started + seconds - now))


def _start_cursor() -> Cursor | None:
    """The cursor a (re)connecting client sends: the Last-Event-ID header, else ?last_event_id=, else None."""
    text = request.headers.get("Last-Event-ID") or request.args.get("last_event_id")
    if text is None or not text.strip():
        return None
    try:
        return Cursor.parse(text)
    except ValueError as exc:
        raise APIError(400, "bad_last_event_id", str(exc)) from None


EVENT_STREAM = {
    "Cache-Control": {"description": "no-cache", "schema": {"type": "string"}},
}


@operation(bp, "GET", "/conversations/<int:conversation_id>/events", operation_id="conversationEvents",
           summary="Live events of a conversation (Server-Sent Events): new messages, contract state, rules",
           description=(
               "A text/event-stream for participants and staff. Events `message` (a new message as the caller may "
               "see it), `state` ({conversation_id, state}) and `rules` ({version, fingerprint}); every event's id "
               "is a cursor. Send it back as Last-Event-ID (or ?last_event_id=) to resume without loss or "
               "repeats; without one, the stream starts now with the current state and rules. The stream ends "
               "after a bounded time (the client reconnects after `retry`)."),
           parameters=({"name": "Last-Event-ID", "in": "header", "schema": {"type": "string", "maxLength": 200}},
                       {"name": "last_event_id", "in": "query", "schema": {"type": "string", "maxLength": 200}}),
           answers={200: Answer(None, "text/event-stream of `message`, `state` and `rules` events", EVENT_STREAM)},
           errors=(400, 401, 403, 404))
def events(conversation_id: int) -> ResponseReturnValue:
    """Subscribe to a conversation's live events (participants and staff only)."""
    conversation = conversation_for(conversation_id)
    cursor = _start_cursor()
    if cursor is None:  # a fresh subscription starts now: the page shows what came before
        newest = db.session.execute(
            db.select(db.func.max(Message.id)).where(Message.conversation_id == conversation.id)
        ).scalar()
        cursor = Cursor(message_id=newest or 0)
    app = current_app._get_current_object()
    seconds = float(app.config["LIVE_STREAM_SECONDS"]) if holds_streams(request.environ) else 0.0
    viewer = Viewer(current_user.id, current_user.is_staff)
    response = Response(stream(app, conversation.id, viewer, cursor, seconds), mimetype="text/event-stream")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Accel-Buffering"] = "no"  # nginx: pass events on at once
    return response
