"""The marketplace's API: a marketplace backend mirrors its world here with a service token.

Conversations and their parties are addressed by the marketplace's own ids (an upsert creates
or updates them), contract states come from the marketplace's contract system with the time
they changed, messages are posted on a party's behalf through the same enforcement as the
demo's (`send_message`: same verdicts, same Idempotency-Key semantics), and stored verdicts and
review decisions can be read back. Every route authenticates by `Authorization: Bearer`, never
by cookie (so no CSRF token), and each token has its own rate limit.

The widget: the marketplace's backend mints a short-lived widget token (`POST /widget-tokens`,
scope `widget`) for one participant of one conversation and hands it to its page; the page calls
the `/widget/...` routes with it (check, send, read the conversation, the rules). Those routes,
and only those, answer CORS requests, and only from the minting token's allowed origins: a
preflight (OPTIONS) is answered for an origin some widget-minting token allows, and every other
request is refused unless its Origin is one of its own token's. docs/embedding.md has the flow.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from flask import Blueprint, current_app, g, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy.exc import IntegrityError
from werkzeug.wrappers import Response

from admin import schemas
from admin.api import ETAG_HEADER, REPLAYED_HEADER, conversation_summary, judged, rules_reply, sent_response
from admin.auth import limiter
from admin.contracts import change_state
from admin.db import db
from admin.enforcement import EnforcementError, message_view, send_message
from admin.enums import ContractState, MessageStatus, Role, TokenScope
from admin.errors import APIError
from admin.models import Conversation, Message, StateChange, User, utcnow
from admin.openapi import Answer, operation, reply
from admin.schemas import EXTERNAL_ID_PATTERN, MAX_IDEMPOTENCY_KEY
from admin.tokens import (
    WidgetGrant,
    audit_token_use,
    mint_widget_token,
    origin_embeds_a_widget,
    rate_limit_key,
    widget_required,
)
from admin.versions import published

bp = Blueprint("marketplace", __name__, url_prefix="/api/marketplace")
limiter.limit(lambda: current_app.config["SERVICE_TOKEN_RATE_LIMIT"], key_func=rate_limit_key)(bp)

_EXTERNAL_ID = re.compile(EXTERNAL_ID_PATTERN)
TOKEN_ERRORS = (401, 403, 429)
MIRRORED_USERNAME_PREFIX = "mp:"
"""Mirrored parties are users named "mp:<external id>" with no usable password: they never log in."""
NO_PASSWORD = "!"  # not a werkzeug hash, so no password ever matches it


def _mirrored(external_id: str) -> Conversation:
    """The mirrored conversation with this marketplace id, or 404."""
    if not _EXTERNAL_ID.match(external_id):
        raise APIError(404, "not_found", "no conversation has this id")
    conversation = db.session.execute(
        db.select(Conversation).where(Conversation.external_id == external_id)
    ).scalar_one_or_none()
    if conversation is None:
        raise APIError(404, "not_found", f"no conversation {external_id!r}: create it with PUT first")
    return conversation


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat() + "Z"


def _party(user: User) -> schemas.MarketplaceParticipant:
    return schemas.MarketplaceParticipant(external_id=user.external_id or user.username, display_name=user.display_name)


def message_record(message: Message) -> schemas.MarketplaceMessage:
    """A stored attempt with its verdict and review decision, for the marketplace."""
    return schemas.MarketplaceMessage(
        id=message.id, conversation=message.conversation.external_id or str(message.conversation_id),
        sender=message.sender.external_id or message.sender.username, text=message.text,
        delivered_text=message.delivered_text, status=message.status, action=message.action,
        categories=message.category_list, findings=message.findings, exception_reason=message.exception_reason,
        fingerprint=message.fingerprint, created_at=_iso(message.created_at), review_status=message.review_status,
        reviewed_at=_iso(message.reviewed_at),
    )


def conversation_record(conversation: Conversation, with_messages: bool = False) -> schemas.MarketplaceConversation:
    """A mirrored conversation with its state history (and every stored attempt when asked)."""
    changes = db.session.execute(
        db.select(StateChange).where(StateChange.conversation_id == conversation.id).order_by(StateChange.id)
    ).scalars().all()
    record = schemas.MarketplaceConversation(
        id=conversation.id, external_id=conversation.external_id, job_title=conversation.job_title,
        state=conversation.state, client=_party(conversation.client), freelancer=_party(conversation.freelancer),
        state_history=[schemas.MarketplaceStateChange(
            from_state=c.from_state, to_state=c.to_state, reason=c.reason,
            changed_at=_iso(c.effective_at or c.created_at)) for c in changes],
    )
    if with_messages:
        messages = db.session.execute(
            db.select(Message).where(Message.conversation_id == conversation.id).order_by(Message.id)
        ).scalars().all()
        record.messages = [message_record(m) for m in messages]
    return record


# -- conversations ----------------------------------------------------------------------------


def _upsert_party(party: schemas.MarketplaceParty, role: Role) -> User:
    user = db.session.execute(db.select(User).where(User.external_id == party.id)).scalar_one_or_none()
    if user is None:
        user = User(username=MIRRORED_USERNAME_PREFIX + party.id, display_name=party.display_name or party.id,
                    role=role, password_hash=NO_PASSWORD, external_id=party.id)
        db.session.add(user)
        db.session.flush()
    elif user.role != role:
        raise APIError(409, "party_role_conflict", f"{party.id!r} is already a {user.role}, not a {role}")
    elif party.display_name and party.display_name != user.display_name:
        user.display_name = party.display_name
    return user


def _upsert(external_id: str, body: schemas.ConversationUpsert) -> tuple[Conversation, bool]:
    if body.client.id == body.freelancer.id:
        raise APIError(422, "same_party", "the client and the freelancer must be different people")
    client = _upsert_party(body.client, Role.CLIENT)
    freelancer = _upsert_party(body.freelancer, Role.FREELANCER)
    conversation = db.session.execute(
        db.select(Conversation).where(Conversation.external_id == external_id)
    ).scalar_one_or_none()
    created = conversation is None
    if created:
        conversation = Conversation(external_id=external_id, job_title=body.job_title, client_id=client.id,
                                    freelancer_id=freelancer.id, state=ContractState.INQUIRY)
        db.session.add(conversation)
        db.session.flush()
        db.session.add(StateChange(conversation_id=conversation.id, from_state=None, to_state=ContractState.INQUIRY,
                                   reason="mirrored from the marketplace"))
    elif (conversation.client_id, conversation.freelancer_id) != (client.id, freelancer.id):
        raise APIError(409, "participants_conflict", "this conversation already has other participants")
    else:
        conversation.job_title = body.job_title
        conversation.updated_at = utcnow()
    audit_token_use("token.conversation.upsert", "conversation", conversation.id, external_id=external_id,
                    created=created)
    db.session.commit()
    return conversation, created


@operation(bp, "PUT", "/conversations/<external_id>", operation_id="upsertMarketplaceConversation",
           token_scope=TokenScope.CONVERSATIONS_WRITE, body=schemas.ConversationUpsert,
           summary="Create or update a conversation by the marketplace's ids (idempotent)",
           description=("Parties are created on first sight by their marketplace ids; a conversation keeps its "
                        "parties (409 if a later call names others). A new conversation starts in inquiry."),
           answers={200: Answer(schemas.MarketplaceConversation, "Updated (or already so)"),
                    201: Answer(schemas.MarketplaceConversation, "Created",
                                {"Location": {"schema": {"type": "string"}}})},
           errors=(*TOKEN_ERRORS, 400, 404, 409, 413, 415, 422))
def upsert_conversation(external_id: str, body: schemas.ConversationUpsert) -> ResponseReturnValue:
    """Create or update a mirrored conversation and its parties."""
    if not _EXTERNAL_ID.match(external_id):
        raise APIError(404, "not_found", "a conversation id is 1 to 64 of letters, digits and . _ : @ -")
    try:
        conversation, created = _upsert(external_id, body)
    except IntegrityError:
        # A concurrent upsert of the same ids won the race: the second attempt finds its rows.
        db.session.rollback()
        conversation, created = _upsert(external_id, body)
    response = reply(conversation_record(conversation), 201 if created else 200)
    if created:
        response.headers["Location"] = url_for("marketplace.get_conversation", external_id=external_id)
    return response


@operation(bp, "GET", "/conversations/<external_id>", operation_id="getMarketplaceConversation",
           token_scope=TokenScope.REVIEWS_READ,
           summary="A mirrored conversation: state history and every stored attempt with its verdict and review",
           answers={200: Answer(schemas.MarketplaceConversation, "The conversation")},
           errors=(*TOKEN_ERRORS, 404))
def get_conversation(external_id: str) -> ResponseReturnValue:
    """A mirrored conversation with every message, verdict and review decision."""
    return reply(conversation_record(_mirrored(external_id), with_messages=True))


def _naive_utc(moment: datetime) -> datetime:
    try:
        return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment
    except OverflowError:
        raise APIError(422, "invalid_field", "changed_at: out of range") from None


@operation(bp, "PUT", "/conversations/<external_id>/state", operation_id="setMarketplaceContractState",
           token_scope=TokenScope.CONVERSATIONS_WRITE, body=schemas.StateUpdate,
           summary="Set the contract state from the marketplace's contract system",
           description=("Idempotent and order-safe: the same state again changes nothing (why=unchanged), and an "
                        "update older than the newest recorded one is ignored (why=stale)."),
           answers={200: Answer(schemas.StateResult, "Applied, or why not")},
           errors=(*TOKEN_ERRORS, 400, 404, 413, 415, 422))
def set_state(external_id: str, body: schemas.StateUpdate) -> ResponseReturnValue:
    """Move a mirrored conversation to the marketplace's contract state."""
    conversation = _mirrored(external_id)
    changed_at = _naive_utc(body.changed_at)
    newest = db.session.execute(
        db.select(db.func.max(StateChange.effective_at)).where(StateChange.conversation_id == conversation.id)
    ).scalar_one()
    if newest is not None and changed_at < newest:
        why = "stale"
    elif body.state == conversation.state:
        why = "unchanged"
    else:
        change = change_state(conversation, body.state, body.reason, None)
        change.effective_at = changed_at
        change.token_id = g.service_token.id
        audit_token_use("token.contract.state", "conversation", conversation.id, external_id=external_id,
                        to_state=body.state, changed_at=changed_at)
        db.session.commit()
        why = "changed"
    return reply(schemas.StateResult(applied=why == "changed", why=why, conversation=conversation_record(conversation)))


@operation(bp, "POST", "/conversations/<external_id>/messages", operation_id="sendMarketplaceMessage",
           token_scope=TokenScope.MESSAGES_WRITE, body=schemas.MarketplaceSend,
           summary="Post a message on a party's behalf: enforced exactly as a party's own send",
           description=("The sender is the client's or the freelancer's marketplace id. 201 delivered (whole or "
                        "redacted), 422 refused with the verdict. A retry with the same Idempotency-Key returns the "
                        "first result and stores nothing twice."),
           parameters=({"name": "Idempotency-Key", "in": "header",
                        "schema": {"type": "string", "maxLength": MAX_IDEMPOTENCY_KEY}},),
           answers={201: Answer(schemas.Sent, "Delivered, whole or redacted", REPLAYED_HEADER),
                    422: Answer(schemas.Refusal, "Refused (error \"blocked\", with the verdict), or invalid input",
                                REPLAYED_HEADER)},
           errors=(*TOKEN_ERRORS, 400, 404, 413, 415))
def send(external_id: str, body: schemas.MarketplaceSend) -> ResponseReturnValue:
    """Enforce the published rules on a message a party sent in the marketplace."""
    conversation = _mirrored(external_id)
    sender = next((u for u in (conversation.client, conversation.freelancer) if u.external_id == body.sender), None)
    if sender is None:
        raise APIError(403, "not_a_participant", f"{body.sender!r} is not a party to this conversation")
    key = request.headers.get("Idempotency-Key")
    try:
        result = send_message(conversation, sender, body.text, body.exception_reason, idempotency_key=key)
    except EnforcementError as exc:
        audit_token_use("token.message.refused", "conversation", conversation.id, sender=body.sender, why=exc.code)
        db.session.commit()
        raise APIError(exc.status, exc.code, exc.message) from exc
    audit_token_use("token.message", "message", result.message.id, conversation=external_id, sender=body.sender,
                    status=result.message.status, replayed=result.replayed)
    db.session.commit()
    return sent_response(result)


@operation(bp, "GET", "/messages/<int:message_id>", operation_id="getMarketplaceMessage",
           token_scope=TokenScope.REVIEWS_READ,
           summary="One stored attempt in a mirrored conversation: its verdict and the reviewers' decision",
           answers={200: Answer(schemas.MarketplaceMessage, "The message")}, errors=(*TOKEN_ERRORS, 404))
def get_message(message_id: int) -> ResponseReturnValue:
    """A mirrored conversation's message with verdict and review decision."""
    message = db.session.get(Message, message_id)
    if message is None or message.conversation.external_id is None:
        raise APIError(404, "not_found", f"no message {message_id} in a mirrored conversation")
    return reply(message_record(message))


@operation(bp, "POST", "/check", operation_id="marketplaceCheck", token_scope=TokenScope.CHECK,
           body=schemas.MarketplaceCheck, summary="The verdict on a text under the published rules; nothing is stored",
           description="With `conversation` (a mirrored conversation's id) its state and recent messages are used.",
           answers={200: Answer(schemas.Verdict, "The verdict")}, errors=(*TOKEN_ERRORS, 400, 404, 413, 415, 422))
def check(body: schemas.MarketplaceCheck) -> ResponseReturnValue:
    """The verdict on a text, stored nowhere."""
    conversation = _mirrored(body.conversation) if body.conversation is not None else None
    return reply(judged(published(), body.text, body.history, body.state, conversation))


@operation(bp, "GET", "/rules/current", operation_id="marketplaceRules", token_scope=TokenScope.RULES_READ,
           summary="The published rule set; ETag is its fingerprint, 304 when If-None-Match matches",
           parameters=({"name": "If-None-Match", "in": "header", "schema": {"type": "string"}},),
           answers={200: Answer(schemas.CurrentRules, "The published rule set", ETAG_HEADER),
                    304: Answer(None, "Not modified", ETAG_HEADER)},
           errors=TOKEN_ERRORS)
def rules() -> ResponseReturnValue:
    """The published rule set, as for the browser worker."""
    return rules_reply()


# -- the embeddable widget --------------------------------------------------------------------

WIDGET_PATH = bp.url_prefix + "/widget/"
WIDGET_SECURITY = ({"widgetToken": []},)
WIDGET_ERRORS = (401, 403, 429)
CORS_ALLOW_HEADERS = "Authorization, Content-Type, Idempotency-Key, If-None-Match"
CORS_EXPOSE_HEADERS = "ETag, Idempotent-Replayed, X-Rules-Fingerprint"
CORS_MAX_AGE = 600


@bp.before_request
def widget_preflight() -> Response | None:
    """Answer a CORS preflight for the widget routes, for an origin a widget-minting token allows."""
    if request.method != "OPTIONS" or not request.path.startswith(WIDGET_PATH):
        return None
    origin = request.headers.get("Origin", "")
    if not origin or not origin_embeds_a_widget(origin):
        raise APIError(403, "origin_not_allowed", f"no widget may be embedded from {origin or 'here'}")
    response = current_app.make_response(("", 204))
    response.headers.update({
        "Access-Control-Allow-Origin": origin, "Access-Control-Allow-Methods": "GET, POST",
        "Access-Control-Allow-Headers": CORS_ALLOW_HEADERS, "Access-Control-Max-Age": str(CORS_MAX_AGE)})
    response.vary.add("Origin")
    return response


@bp.after_request
def widget_cors(response: Response) -> Response:
    """CORS headers on a widget route's reply (errors too, so the page can read them), for an allowed origin."""
    origin = request.headers.get("Origin")
    if origin is None or request.method == "OPTIONS" or not request.path.startswith(WIDGET_PATH):
        return response
    grant: WidgetGrant | None = g.get("widget_grant")
    allowed = origin.lower() in grant.service_token.origin_list if grant else origin_embeds_a_widget(origin)
    response.vary.add("Origin")
    if allowed:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Expose-Headers"] = CORS_EXPOSE_HEADERS
    return response


def _granted(external_id: str) -> WidgetGrant:
    grant: WidgetGrant = g.widget_grant
    if external_id != grant.conversation.external_id:
        raise APIError(403, "wrong_conversation", "this widget token is for another conversation")
    return grant


@operation(bp, "POST", "/widget-tokens", operation_id="mintWidgetToken", token_scope=TokenScope.WIDGET,
           body=schemas.WidgetTokenRequest,
           summary="A widget token for one participant of one conversation, valid at most 15 minutes",
           description=("Called by the marketplace's backend when it renders a page with the composer; the page "
                        "passes the token to the /widget routes. The service token needs allowed origins (set "
                        "at /admin/tokens/): only pages on them may use the widget token from a browser."),
           answers={201: Answer(schemas.WidgetToken, "Minted")}, errors=(*TOKEN_ERRORS, 400, 404, 415, 422))
def mint_widget(body: schemas.WidgetTokenRequest) -> ResponseReturnValue:
    """Mint a widget token for a participant of a mirrored conversation."""
    conversation = _mirrored(body.conversation)
    participant = next((u for u in (conversation.client, conversation.freelancer)
                        if u.external_id == body.participant), None)
    if participant is None:
        raise APIError(403, "not_a_participant", f"{body.participant!r} is not a party to this conversation")
    token = g.service_token
    if not token.origin_list:
        raise APIError(422, "no_allowed_origins", "this service token lists no origins allowed to embed the "
                                                  "widget: add the page's origin at /admin/tokens/")
    secret, expires_at = mint_widget_token(token, conversation, participant, body.ttl_seconds)
    response = reply(schemas.WidgetToken(
        token=secret, expires_at=datetime.fromtimestamp(expires_at, UTC).isoformat().replace("+00:00", "Z"),
        conversation=conversation.external_id, participant=body.participant, allowed_origins=token.origin_list), 201)
    response.headers["Cache-Control"] = "no-store"
    return response


@operation(bp, "GET", "/widget/conversations/<external_id>", operation_id="widgetConversation",
           authenticate=widget_required, security=WIDGET_SECURITY,
           summary="The widget token's conversation: parties, contract state, the messages its participant sees",
           answers={200: Answer(schemas.Conversation, "The conversation")}, errors=(*WIDGET_ERRORS, 404))
def widget_conversation(external_id: str) -> ResponseReturnValue:
    """The conversation as the token's participant sees it."""
    grant = _granted(external_id)
    participant = grant.participant
    messages = db.session.execute(
        db.select(Message).where(Message.conversation_id == grant.conversation.id,
                                 (Message.status != MessageStatus.BLOCKED) | (Message.sender_id == participant.id))
        .order_by(Message.id)).scalars().all()
    body = conversation_summary(grant.conversation)
    body.messages = [message_view(m, participant) for m in messages]
    return reply(body)


@operation(bp, "POST", "/widget/conversations/<external_id>/check", operation_id="widgetCheck",
           authenticate=widget_required, security=WIDGET_SECURITY, body=schemas.WidgetCheck,
           summary="The verdict on a draft in the token's conversation (its state and recent messages); nothing stored",
           answers={200: Answer(schemas.Verdict, "The verdict")},
           errors=(*WIDGET_ERRORS, 400, 404, 413, 415, 422))
def widget_check(external_id: str, body: schemas.WidgetCheck) -> ResponseReturnValue:
    """A check for the composer, stored nowhere."""
    grant = _granted(external_id)
    return reply(judged(published(), body.text, body.history, grant.conversation.state, grant.conversation))


@operation(bp, "POST", "/widget/conversations/<external_id>/messages", operation_id="widgetSend",
           authenticate=widget_required, security=WIDGET_SECURITY, body=schemas.SendRequest,
           summary="Send as the token's participant: the same enforcement, replies and Idempotency-Key as ever",
           parameters=({"name": "Idempotency-Key", "in": "header",
                        "schema": {"type": "string", "maxLength": MAX_IDEMPOTENCY_KEY}},),
           answers={201: Answer(schemas.Sent, "Delivered, whole or redacted", REPLAYED_HEADER),
                    422: Answer(schemas.Refusal, "Refused (error \"blocked\", with the verdict), or invalid input",
                                REPLAYED_HEADER)},
           errors=(*WIDGET_ERRORS, 400, 404, 413, 415))
def widget_send(external_id: str, body: schemas.SendRequest) -> ResponseReturnValue:
    """Enforce the published rules on the participant's message."""
    grant = _granted(external_id)
    key = request.headers.get("Idempotency-Key")
    try:
        result = send_message(grant.conversation, grant.participant, body.text, body.exception_reason,
                              idempotency_key=key)
    except EnforcementError as exc:
        raise APIError(exc.status, exc.code, exc.message) from exc
    audit_token_use("token.widget.message", "message", result.message.id, conversation=external_id,
                    sender=grant.participant.external_id, status=result.message.status, replayed=result.replayed)
    db.session.commit()
    return sent_response(result)


@operation(bp, "GET", "/widget/rules/current", operation_id="widgetRules",
           authenticate=widget_required, security=WIDGET_SECURITY,
           summary="The published rule set for the widget's in-browser engine; ETag, 304 on If-None-Match",
           parameters=({"name": "If-None-Match", "in": "header", "schema": {"type": "string"}},),
           answers={200: Answer(schemas.CurrentRules, "The published rule set", ETAG_HEADER),
                    304: Answer(None, "Not modified", ETAG_HEADER)},
           errors=WIDGET_ERRORS)
def widget_rules() -> ResponseReturnValue:
    """The published rule set, as for the browser worker."""
    return rules_reply()
