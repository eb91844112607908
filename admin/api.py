"""The JSON API: rules for the browser, checks, and server enforcement of every message sent."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_required
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
from admin.models import Conversation, Message, User
from admin.versions import published
from engine import STATES, __version__

bp = Blueprint("api", __name__, url_prefix="/api")

MAX_HISTORY_ITEMS = 50


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


@bp.post("/check")
@login_required
def check() -> ResponseReturnValue:
    """The verdict on a text, stored nowhere; a conversation supplies its state and history."""
    body = json_body(
        {"text": (str,), "history": (list,), "state": (str,), "conversation_id": (int,)},
        required=("text",),
    )
    try:
        text = validate_text(body["text"])
    except EnforcementError as exc:
        raise _enforcement_error(exc) from exc
    rules = published()
    if "conversation_id" in body:
        conversation = conversation_for(body["conversation_id"])
        state = conversation.state
        history = recent_history(conversation, rules.rules.history_messages)
    else:
        state = body.get("state", "inquiry")
        if state not in STATES:
            raise APIError(422, "unknown_state", f"state must be one of {', '.join(STATES)}")
        history = body.get("history", [])
        if len(history) > MAX_HISTORY_ITEMS:
            raise APIError(422, "invalid_field", f"history may have at most {MAX_HISTORY_ITEMS} messages")
        for item in history:
            if not isinstance(item, str):
                raise APIError(422, "invalid_field", "history must be a list of strings, oldest first")
            if len(item) > MAX_MESSAGE_CHARS:
                raise APIError(413, "message_too_long", f"history items must be at most {MAX_MESSAGE_CHARS} characters")
    verdict = rules.detector.scan(text, history=history, state=state)
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
