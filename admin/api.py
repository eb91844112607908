"""The JSON API: rules for the browser, checks, and server enforcement of every message sent.

Each route is one `operation(...)`: path, request model, reply models and error statuses; the
models live in `admin/schemas.py` and the OpenAPI document is generated from both.
"""

from __future__ import annotations

import time
from typing import Any

from flask import Blueprint, current_app, g, jsonify, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import event
from sqlalchemy.orm import Session
from werkzeug.wrappers import Response

from admin import openapi, schemas
from admin.auth import conversation_for, conversation_head_for
from admin.db import db
from admin.enforcement import EnforcementError, enforce_caps, message_view, recent_history, send_message, send_reply
from admin.enums import MessageStatus
from admin.errors import APIError
from admin.models import Conversation, Message, RuleSetVersion, User
from admin.openapi import Answer, operation, reply
from admin.schemas import MAX_HISTORY_ITEMS, MAX_IDEMPOTENCY_KEY
from admin.versions import CompiledVersion, published
from engine import __version__

bp = Blueprint("api", __name__, url_prefix="/api")

__all__ = ["MAX_HISTORY_ITEMS", "bp"]

ETAG_HEADER = {"ETag": {"description": "the quoted fingerprint", "schema": {"type": "string"}}}
REPLAYED_HEADER = {
    "Idempotent-Replayed": {
        "description": "\"true\" when this reply repeats the first result for the same Idempotency-Key",
        "schema": {"type": "string", "enum": ["true"]},
    }
}


@bp.after_app_request
def add_fingerprint(response: Response) -> Response:
    """Every API reply names the published rule set it was judged with."""
    if request.path.startswith("/api/") and "X-Rules-Fingerprint" not in response.headers:
        try:
            judged = g.get("published_rules")  # /api/check: the rules that judged, not a fresh lookup
            response.headers["X-Rules-Fingerprint"] = (judged or published()).fingerprint
        except Exception:  # noqa: BLE001 - a broken database must not hide the original reply
            db.session.rollback()
    return response


def _enforcement_error(exc: EnforcementError) -> APIError:
    return APIError(exc.status, exc.code, exc.message)


@operation(bp, "GET", "/health", operation_id="health", public=True,
           summary="Liveness, engine version and the published rule set's fingerprint",
           answers={200: Answer(schemas.Health, "The server is up")})
def health() -> ResponseReturnValue:
    """Liveness plus the versions a client needs to compare."""
    rules = published()
    return reply(schemas.Health(status="ok", engine_version=__version__, rules_version=rules.number,
                                fingerprint=rules.fingerprint))


@operation(bp, "GET", "/openapi.json", operation_id="openapi", public=True, summary="This document",
           answers={200: Answer(schemas.OpenAPIDocument, "The OpenAPI document")})
def openapi_document() -> ResponseReturnValue:
    """The OpenAPI 3.1 document of this API."""
    return jsonify(openapi.document())


@operation(bp, "GET", "/rules/current", operation_id="currentRules",
           summary="The published rule set; ETag is its fingerprint, 304 when If-None-Match matches",
           parameters=({"name": "If-None-Match", "in": "header", "schema": {"type": "string"}},),
           answers={200: Answer(schemas.CurrentRules, "The published rule set", ETAG_HEADER),
                    304: Answer(None, "Not modified", ETAG_HEADER)},
           errors=(401,))
def current_rules() -> ResponseReturnValue:
    """The published rule set for the browser worker; revalidate with If-None-Match."""
    return rules_reply()


def rules_reply() -> Response:
    """The published rule set with its fingerprint as ETag (304 when If-None-Match matches)."""
    rules = published()
    response = reply(schemas.CurrentRules(version=rules.number, fingerprint=rules.fingerprint,
                                          engine_version=__version__, document=rules.rules.to_dict()))
    response.set_etag(rules.fingerprint)
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Rules-Fingerprint"] = rules.fingerprint
    return response.make_conditional(request)


# /api/check is advice for the composer: it stores nothing, and every message is judged again,
# with every check, when it is posted. So it asks the database which rules are published at most
# once a second per process (a publish in this process is seen at once) and takes the history
# from the body when the composer sends it. It still loads the user, so a revoked session is
# refused here as everywhere.
# Freshness across processes: a publish or rollback committed by another app process reaches this
# process's /api/check within CHECK_RULES_MAX_AGE; every other route (sending, /api/rules/current,
# the marketplace routes, the live channel) looks the published id up per request and sees it at
# once. tests/admin/test_multiprocess.py measures both on two real gunicorn processes.
CHECK_RULES_MAX_AGE = 1.0
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


@operation(bp, "POST", "/check", operation_id="check", body=schemas.CheckRequest,
           summary="The verdict on a text under the published rules; nothing is stored",
           description=("With conversation_id (a conversation the caller may read), the conversation's contract "
                        "state and recent messages are used and `state`/`history` are ignored."),
           answers={200: Answer(schemas.Verdict, "The verdict")}, errors=(400, 401, 403, 404, 413, 415, 422))
def check(body: schemas.CheckRequest) -> ResponseReturnValue:
    """The verdict on a text, stored nowhere; a conversation supplies its state (and its history
    when the composer sends none)."""
    conversation = conversation_head_for(body.conversation_id) if body.conversation_id is not None else None
    # The verdict's dict as JSON, without the round trip through schemas.Verdict that `judged` makes:
    # the same bytes (tests/admin/test_check_lean.py compares them), about 0.03 ms less per check.
    return jsonify(verdict_body(_recent_published(), body.text, body.history, body.state, conversation))


def verdict_body(rules: CompiledVersion, text: str, history: list[str], state: str,
                 conversation: Conversation | Any | None) -> dict[str, Any]:
    """A check's verdict as the JSON-ready body of schemas.Verdict: a conversation supplies its state,
    and its history when none is given (`conversation` needs only `id` and `state`: a Conversation
    or a `conversation_head_for` row)."""
    if conversation is not None:
        state = conversation.state
        if not history:
            history = recent_history(conversation, rules.rules.history_messages)
    verdict = enforce_caps(rules.detector.scan(text, history=history, state=state))
    return {**verdict.to_dict(), "fingerprint": rules.fingerprint, "engine_version": __version__}


def judged(rules: CompiledVersion, text: str, history: list[str], state: str,
           conversation: Conversation | Any | None) -> schemas.Verdict:
    """A check's verdict as schemas.Verdict (see `verdict_body`)."""
    return schemas.Verdict.model_validate(verdict_body(rules, text, history, state, conversation))


def _participant(user: User) -> schemas.Participant:
    return schemas.Participant(id=user.id, username=user.username, display_name=user.display_name)


def conversation_summary(conversation: Conversation) -> schemas.Conversation:
    """A conversation without its messages."""
    return schemas.Conversation(id=conversation.id, job_title=conversation.job_title, state=conversation.state,
                                client=_participant(conversation.client),
                                freelancer=_participant(conversation.freelancer))


@operation(bp, "GET", "/conversations", operation_id="listConversations",
           summary="Conversations the caller may read (without messages)",
           answers={200: Answer(schemas.ConversationList, "The list")}, errors=(401,))
def list_conversations() -> ResponseReturnValue:
    """The caller's conversations (all of them for staff)."""
    query = db.select(Conversation).order_by(Conversation.id)
    if not current_user.is_staff:
        query = query.where(
            (Conversation.client_id == current_user.id) | (Conversation.freelancer_id == current_user.id)
        )
    rows = db.session.execute(query).scalars().all()
    return reply(schemas.ConversationList(conversations=[conversation_summary(c) for c in rows]))


@operation(bp, "GET", "/conversations/<int:conversation_id>", operation_id="getConversation",
           summary="Participants, contract state and the messages visible to the caller",
           answers={200: Answer(schemas.Conversation, "The conversation")}, errors=(401, 403, 404))
def get_conversation(conversation_id: int) -> ResponseReturnValue:
    """Participants, contract state and the messages the caller may see."""
    conversation = conversation_for(conversation_id)
    query = db.select(Message).where(Message.conversation_id == conversation.id).order_by(Message.id)
    if not current_user.is_staff:
        # Parties see delivered messages, plus their own refused attempts.
        query = query.where((Message.status != MessageStatus.BLOCKED) | (Message.sender_id == current_user.id))
    messages = db.session.execute(query).scalars().all()
    body = conversation_summary(conversation)
    body.messages = [message_view(m, current_user) for m in messages]
    return reply(body)


@operation(bp, "POST", "/conversations/<int:conversation_id>/messages", operation_id="sendMessage",
           body=schemas.SendRequest,
           summary="Server enforcement: check, then store and deliver, redact, or refuse",
           description=("Participants only. A claimed exception_reason (one of the rule set's exception reasons) "
                        "delivers the text as written and queues it for review. Blocked attempts are stored for "
                        "review, never delivered. A retry with the same Idempotency-Key returns the first result "
                        "and stores nothing twice."),
           parameters=({"name": "Idempotency-Key", "in": "header",
                        "schema": {"type": "string", "maxLength": MAX_IDEMPOTENCY_KEY}},),
           answers={201: Answer(schemas.Sent, "Delivered, whole or redacted",
                                {"Location": {"schema": {"type": "string"}}} | REPLAYED_HEADER),
                    422: Answer(schemas.Refusal, "Refused (error \"blocked\", with the verdict), or invalid input",
                                REPLAYED_HEADER)},
           errors=(400, 401, 403, 404, 413, 415))
def post_message(conversation_id: int, body: schemas.SendRequest) -> ResponseReturnValue:
    """Enforce the published rules on a message: 201 delivered (maybe redacted), 422 refused."""
    conversation = conversation_for(conversation_id, write=True)
    key = request.headers.get("Idempotency-Key")
    try:
        result = send_message(conversation, current_user, body.text, body.exception_reason, idempotency_key=key)
    except EnforcementError as exc:
        raise _enforcement_error(exc) from exc
    response = sent_response(result)
    if result.http_status == 201:
        response.headers["Location"] = url_for(
            "api.get_conversation", conversation_id=conversation.id, _anchor=f"message-{result.message.id}"
        )
    return response


def sent_response(result) -> Response:
    """The HTTP reply to a send, first attempt or retry, for every route that sends: the body of
    `send_reply`, its status, and the replay header on a retry with the same Idempotency-Key."""
    response = reply(send_reply(result), result.http_status)
    if result.replayed:
        response.headers["Idempotent-Replayed"] = "true"
    return response
