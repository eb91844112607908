"""The JSON API: rules for the browser, checks, and server enforcement of every message sent."""

from __future__ import annotations

import time
from typing import Any

from flask import Blueprint, current_app, g, jsonify, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_required
from sqlalchemy import bindparam, event, select
from sqlalchemy.orm import Session
from werkzeug.exceptions import BadRequest
from werkzeug.wrappers import Response

from admin import openapi
from admin.auth import conversation_for
from admin.db import db
from admin.enforcement import (
    MAX_MESSAGE_CHARS,
    EnforcementError,
    message_view,
    recent_history,
    send_message,
    send_reply,
    validate_text,
)
from admin.errors import APIError
from admin.models import Conversation, Message, RuleSetVersion, User
from admin.versions import CompiledVersion, published
from engine import STATES, __version__

bp = Blueprint("api", __name__, url_prefix="/api")

MAX_HISTORY_ITEMS = 50
CHECK_RULES_MAX_AGE = 1.0
"""Seconds /api/check may judge with the published rules it last looked up (per process)."""


@bp.after_app_request
def add_fingerprint(response: Response) -> Response:
    """Every API reply names the published rule set it was judged with."""
    if request.path.startswith("/api/") and "X-Rules-Fingerprint" not in response.headers:
        try:
            response.headers["X-Rules-Fingerprint"] = published().fingerprint
        except Exception:  # noqa: BLE001 - a broken database must not hide the original reply
            db.session.rollback()
    return response


def json_body(allowed: dict[str, tuple[type, ...]], required: tuple[str, ...]) -> dict[str, Any]:
    """The request's JSON object, checked: 415 not JSON, 400 malformed, 422 wrong shape."""
    if not request.is_json:
        raise APIError(415, "unsupported_media_type", "send the body as application/json")
    try:
        body = request.get_json()
    except BadRequest as exc:
        raise APIError(400, "malformed_json", "the body is not valid JSON") from exc
    if not isinstance(body, dict):
        raise APIError(422, "invalid_body", "the body must be a JSON object")
    for key in body:
        if key not in allowed:
            raise APIError(422, "unknown_field", f"unknown field {key!r}; allowed: {', '.join(allowed)}")
    for key in required:
        if key not in body:
            raise APIError(422, "missing_field", f"{key} is required")
    for key, value in body.items():
        types = allowed[key]
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            names = " or ".join("null" if t is type(None) else t.__name__ for t in types)
            raise APIError(422, "invalid_field", f"{key} must be {names}")
    return body


def _enforcement_error(exc: EnforcementError) -> APIError:
    return APIError(exc.status, exc.code, exc.message)


@bp.get("/health")
def health() -> ResponseReturnValue:
    """Liveness plus the versions a client needs to compare."""
    rules = published()
    return jsonify(status="ok", engine_version=__version__, rules_version=rules.number, fingerprint=rules.fingerprint)


@bp.get("/openapi.json")
def openapi_document() -> ResponseReturnValue:
    """The OpenAPI 3.1 document of this API."""
    return jsonify(openapi.document())


@bp.get("/rules/current")
@login_required
def current_rules() -> ResponseReturnValue:
    """The published rule set for the browser worker; revalidate with If-None-Match."""
    rules = published()
    if request.if_none_match.contains(rules.fingerprint):
        response = jsonify()
        response.status_code = 304
        response.set_data(b"")
    else:
        response = jsonify(
            version=rules.number,
            fingerprint=rules.fingerprint,
            engine_version=__version__,
            document=rules.rules.to_dict(),
        )
    response.set_etag(rules.fingerprint)
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Rules-Fingerprint"] = rules.fingerprint
    return response


# /api/check is advice for the composer: it stores nothing and reveals nothing the published
# rules do not, and every message is judged again, with every check, when it is posted. So it
# skips what POST /messages must do per request: it reads the user id from the signed session
# instead of loading the user (it loads them only for a conversation they are no party to), asks
# the database which rules are published at most once a second per process (a publish in this
# process is seen at once), and takes history from the body when the composer sends it.
_rules_changed = [0]  # bumped when this process writes a rule set version


@event.listens_for(Session, "after_flush")
def _note_rule_writes(db_session: Session, _context: Any) -> None:
    if any(isinstance(obj, RuleSetVersion) for obj in (*db_session.new, *db_session.dirty)):
        _rules_changed[0] += 1


def _recent_published() -> CompiledVersion:
    """The published rules, looked up at most once per CHECK_RULES_MAX_AGE (and after a local write)."""
    cached = current_app.extensions.get("contactguard_check_rules")
    now = time.monotonic()
    if cached is None or now - cached[0] >= CHECK_RULES_MAX_AGE or cached[1] != _rules_changed[0]:
        cached = (now, _rules_changed[0], published())
        current_app.extensions["contactguard_check_rules"] = cached
    g.published_rules = cached[2]  # the reply's X-Rules-Fingerprint names the rules that judged
    return cached[2]


_CONVERSATION_ROW = (
    select(Conversation.client_id, Conversation.freelancer_id, Conversation.state)
    .where(Conversation.id == bindparam("id"))
)  # built once: constructing a statement costs about as much as running it on SQLite


def _session_user_id() -> int | None:
    """The logged-in user's id from the signed session cookie (Flask-Login's key), no query."""
    try:
        return int(session["_user_id"])
    except (KeyError, TypeError, ValueError):
        return None


def _check_history(history: Any) -> list[str]:
    if len(history) > MAX_HISTORY_ITEMS:
        raise APIError(422, "invalid_field", f"history may have at most {MAX_HISTORY_ITEMS} messages")
    for item in history:
        if not isinstance(item, str):
            raise APIError(422, "invalid_field", "history must be a list of strings, oldest first")
        if len(item) > MAX_MESSAGE_CHARS:
            raise APIError(413, "message_too_long", f"history items must be at most {MAX_MESSAGE_CHARS} characters")
    return history


@bp.post("/check")
def check() -> ResponseReturnValue:
    """The verdict on a text, stored nowhere; a conversation supplies its state (and history if not given)."""
    user_id = _session_user_id()
    if user_id is None:
        return current_app.login_manager.unauthorized()
    body = json_body(
        {"text": (str,), "history": (list,), "state": (str,), "conversation_id": (int,)},
        required=("text",),
    )
    try:
        text = validate_text(body["text"])
    except EnforcementError as exc:
        raise _enforcement_error(exc) from exc
    history = _check_history(body["history"]) if "history" in body else None
    rules = _recent_published()
    if "conversation_id" in body:
        # One row of three columns, not an ORM object: this is the request's only query.
        row = db.session.execute(_CONVERSATION_ROW, {"id": body["conversation_id"]}).first()
        if row is None or user_id not in (row.client_id, row.freelancer_id):
            conversation = conversation_for(body["conversation_id"])  # 404, staff, or 403: loads the user
            state = conversation.state
        else:
            state = row.state
        if history is None:
            history = recent_history(conversation_for(body["conversation_id"]), rules.rules.history_messages)
    else:
        state = body.get("state", "inquiry")
        if state not in STATES:
            raise APIError(422, "unknown_state", f"state must be one of {', '.join(STATES)}")
    verdict = rules.detector.scan(text, history=history or [], state=state)
    reply = verdict.to_dict()
    reply["fingerprint"] = rules.fingerprint
    reply["engine_version"] = __version__
    return jsonify(reply)


def _participant(user: User) -> dict[str, Any]:
    return {"id": user.id, "username": user.username, "display_name": user.display_name}


def conversation_summary(conversation: Conversation) -> dict[str, Any]:
    """A conversation without its messages."""
    return {
        "id": conversation.id,
        "job_title": conversation.job_title,
        "state": conversation.state,
        "client": _participant(conversation.client),
        "freelancer": _participant(conversation.freelancer),
    }


@bp.get("/conversations")
@login_required
def list_conversations() -> ResponseReturnValue:
    """The caller's conversations (all of them for staff)."""
    query = db.select(Conversation).order_by(Conversation.id)
    if not current_user.is_staff:
        query = query.where(
            (Conversation.client_id == current_user.id) | (Conversation.freelancer_id == current_user.id)
        )
    rows = db.session.execute(query).scalars().all()
    return jsonify(conversations=[conversation_summary(c) for c in rows])


@bp.get("/conversations/<int:conversation_id>")
@login_required
def get_conversation(conversation_id: int) -> ResponseReturnValue:
    """Participants, contract state and the messages the caller may see."""
    conversation = conversation_for(conversation_id)
    query = db.select(Message).where(Message.conversation_id == conversation.id).order_by(Message.id)
    if not current_user.is_staff:
        # Parties see delivered messages, plus their own refused attempts.
        query = query.where((Message.status != "blocked") | (Message.sender_id == current_user.id))
    messages = db.session.execute(query).scalars().all()
    body = conversation_summary(conversation)
    body["messages"] = [message_view(m, current_user) for m in messages]
    return jsonify(body)


@bp.post("/conversations/<int:conversation_id>/messages")
@login_required
def post_message(conversation_id: int) -> ResponseReturnValue:
    """Enforce the published rules on a message: 201 delivered (maybe redacted), 422 refused."""
    conversation = conversation_for(conversation_id, write=True)
    body = json_body({"text": (str,), "exception_reason": (str, type(None))}, required=("text",))
    key = request.headers.get("Idempotency-Key")
    try:
        result = send_message(
            conversation, current_user, body["text"], body.get("exception_reason"), idempotency_key=key
        )
    except EnforcementError as exc:
        raise _enforcement_error(exc) from exc
    response = jsonify(send_reply(result))
    response.status_code = result.http_status
    if result.http_status == 201:
        response.headers["Location"] = url_for(
            "api.get_conversation", conversation_id=conversation.id, _anchor=f"message-{result.message.id}"
        )
    if result.replayed:
        response.headers["Idempotent-Replayed"] = "true"
    return response
