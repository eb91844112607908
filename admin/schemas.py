"""The JSON API's request and reply bodies, each stated once as a pydantic model.

The models validate requests (`admin.openapi.operation` parses the body into them), serialise
replies (`reply(Model(...))`) and generate the OpenAPI 3.1 document (`admin.openapi.document`).
A new route's bodies go here; its operation goes beside its view in `admin/api.py`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from pydantic_core import PydanticCustomError

from admin import MAX_ROW_ID
from admin.enums import Action, Category, ContractState, MessageStatus, ReviewStatus

MAX_MESSAGE_CHARS = 5000
"""The longest message accepted, in characters (code points); longer ones get 413."""
MAX_HISTORY_ITEMS = 50
"""The most history messages a check may send."""
MAX_ID = MAX_ROW_ID
"""The largest id any table holds (INTEGER columns: 32-bit signed on PostgreSQL)."""
MAX_EXCEPTION_NOTE_CHARS = 500
"""The longest note a sender may add to an exception claim."""
MAX_IDEMPOTENCY_KEY = 200


def _printable(text: str) -> str:
    if not text.strip():
        raise PydanticCustomError("empty_message", "text must not be empty")
    if "\x00" in text:
        raise PydanticCustomError("invalid_text", "text must not contain NUL characters")
    return text


MessageText = Annotated[str, Field(min_length=1, max_length=MAX_MESSAGE_CHARS), AfterValidator(_printable)]
"""A message: 1 to MAX_MESSAGE_CHARS characters, not only white space, no NUL."""
HistoryText = Annotated[str, Field(max_length=MAX_MESSAGE_CHARS)]
RowId = Annotated[int, Field(ge=1, le=MAX_ID)]


class Body(BaseModel):
    """A request body: a JSON object with exactly the declared fields, types checked strictly."""

    model_config = ConfigDict(extra="forbid", strict=True)


class Reply(BaseModel):
    """A reply body."""

    model_config = ConfigDict(use_enum_values=True)


# -- requests ---------------------------------------------------------------------------------


class CheckRequest(Body):
    """POST /api/check: a text to judge, with a conversation or a state and history."""

    text: MessageText
    history: list[HistoryText] = Field(default_factory=list, max_length=MAX_HISTORY_ITEMS)
    state: ContractState = ContractState.INQUIRY
    conversation_id: RowId | None = None


class SendRequest(Body):
    """POST /api/conversations/{id}/messages: the text, and an exception reason if the sender claims one."""

    text: MessageText
    exception_reason: str | None = Field(default=None, max_length=64)


# -- the marketplace's world (service tokens) --------------------------------------------------

EXTERNAL_ID_PATTERN = r"^[A-Za-z0-9._:@-]{1,64}$"
"""The marketplace's ids for conversations and people: 1 to 64 of letters, digits and . _ : @ -."""
ExternalId = Annotated[str, Field(min_length=1, max_length=64, pattern=EXTERNAL_ID_PATTERN)]
PATH_PARAMETERS: dict[str, dict[str, Any]] = {
    "external_id": {"type": "string", "minLength": 1, "maxLength": 64, "pattern": EXTERNAL_ID_PATTERN},
}
"""Schemas of named path parameters (the OpenAPI document reads them; a path that does not match is 404)."""


def _line(text: str) -> str:
    if not text.strip():
        raise PydanticCustomError("empty_message", "must not be empty")
    if "\x00" in text:
        raise PydanticCustomError("invalid_text", "must not contain NUL characters")
    return text.strip()


DisplayName = Annotated[str, Field(min_length=1, max_length=120), AfterValidator(_line)]
JobTitle = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_line)]
Reason = Annotated[str, Field(min_length=1, max_length=MAX_EXCEPTION_NOTE_CHARS), AfterValidator(_line)]


class MarketplaceParty(Body):
    """A client or freelancer as the marketplace knows them."""

    id: ExternalId
    display_name: DisplayName | None = None


class ConversationUpsert(Body):
    """PUT /api/marketplace/conversations/{external_id}: create or update a mirrored conversation."""

    job_title: JobTitle
    client: MarketplaceParty
    freelancer: MarketplaceParty


class StateUpdate(Body):
    """PUT .../state: the contract state from the marketplace's contract system, when and why it changed."""

    state: ContractState
    changed_at: datetime = Field(description="when the change happened in the marketplace (ISO 8601; UTC if no offset)")
    reason: Reason


class MarketplaceSend(Body):
    """POST .../messages: a message on behalf of one of the conversation's parties."""

    sender: ExternalId
    text: MessageText
    exception_reason: str | None = Field(default=None, max_length=64)


class WidgetTokenRequest(Body):
    """POST /api/marketplace/widget-tokens: a widget token for one participant of one mirrored conversation."""

    conversation: ExternalId
    participant: ExternalId = Field(description="the marketplace's id of the client or freelancer using the page")
    ttl_seconds: int = Field(default=900, ge=60, le=900, description="how long the token lives (at most 15 minutes)")


class WidgetCheck(Body):
    """POST .../widget/conversations/{external_id}/check: a text to judge in the token's conversation."""

    text: MessageText
    history: list[HistoryText] = Field(default_factory=list, max_length=MAX_HISTORY_ITEMS)


class MarketplaceCheck(Body):
    """POST /api/marketplace/check: a text to judge, with a mirrored conversation or a state and history."""

    text: MessageText
    history: list[HistoryText] = Field(default_factory=list, max_length=MAX_HISTORY_ITEMS)
    state: ContractState = ContractState.INQUIRY
    conversation: ExternalId | None = None


# -- replies ----------------------------------------------------------------------------------


class Error(Reply):
    """Every error: a machine-readable code and a sentence for people."""

    error: str
    message: str


class Finding(Reply):
    """One flagged span of the text: category, code-point offsets, the text, the deciding rule."""

    model_config = ConfigDict(extra="allow")

    category: Category
    start: int = Field(ge=0)
    end: int = Field(ge=1)
    match: str
    rule: str
    message: str | None = None


class Verdict(Reply):
    """The engine's verdict (engine.Verdict.to_dict()), plus the rule fingerprint it was reached with."""

    model_config = ConfigDict(extra="allow")

    action: Action
    state: ContractState
    categories: list[Category]
    findings: list[Finding]
    redacted: str | None
    fingerprint: str
    engine_version: str | None = None


class Participant(Reply):
    """A conversation's client or freelancer."""

    id: int
    username: str
    display_name: str


class Message(Reply):
    """A message as the caller may see it; senders and staff see more fields."""

    id: int
    conversation_id: int
    sender_id: int
    sender: str
    text: str | None = Field(description="the delivered text (redacted or whole); null when blocked")
    status: MessageStatus
    created_at: str
    action: Action | None = None
    categories: list[Category] | None = None
    exception_reason: str | None = None
    original_text: str | None = Field(default=None, description="staff only")
    review_status: ReviewStatus | None = Field(default=None, description="staff only")


class Conversation(Reply):
    """Participants and contract state; with messages when one conversation is asked for."""

    id: int
    job_title: str
    state: ContractState
    client: Participant
    freelancer: Participant
    messages: list[Message] | None = None


class ConversationList(Reply):
    """The conversations the caller may read."""

    conversations: list[Conversation]


class Health(Reply):
    """Liveness and the versions a client compares."""

    status: Literal["ok"]
    engine_version: str
    rules_version: int
    fingerprint: str


class CurrentRules(Reply):
    """The published rule set for the browser worker."""

    version: int
    fingerprint: str
    engine_version: str
    document: dict[str, Any]


class Sent(Reply):
    """201: the message was delivered, whole or redacted."""

    message: Message
    delivered: Literal[True]
    verdict: Verdict
    fingerprint: str


class Refusal(Error):
    """422: refused (error "blocked", with the verdict and the stored attempt), or invalid input."""

    attempt_id: int | None = None
    delivered: Literal[False] | None = None
    verdict: Verdict | None = None
    fingerprint: str | None = None


class WidgetToken(Reply):
    """201: a widget token for the browser, and where and until when it works."""

    token: str
    expires_at: str
    conversation: str
    participant: str
    allowed_origins: list[str]


class MarketplaceParticipant(Reply):
    """A mirrored party: the marketplace's id and the name shown to reviewers."""

    external_id: str
    display_name: str


class MarketplaceStateChange(Reply):
    """One contract state change of a mirrored conversation."""

    from_state: ContractState | None
    to_state: ContractState
    reason: str
    changed_at: str = Field(description="when it happened (the marketplace's time when it sent one)")


class MarketplaceMessage(Reply):
    """A stored send attempt with its verdict and the reviewers' decision."""

    id: int
    conversation: str
    sender: str
    text: str = Field(description="the text as sent")
    delivered_text: str | None = Field(description="what the other party saw; null when blocked")
    status: MessageStatus
    action: Action
    categories: list[Category]
    findings: list[Finding]
    exception_reason: str | None
    fingerprint: str
    created_at: str
    review_status: ReviewStatus
    reviewed_at: str | None


class MarketplaceConversation(Reply):
    """A mirrored conversation: the marketplace's ids, the contract state and its history."""

    id: int
    external_id: str
    job_title: str
    state: ContractState
    client: MarketplaceParticipant
    freelancer: MarketplaceParticipant
    state_history: list[MarketplaceStateChange]
    messages: list[MarketplaceMessage] | None = None


class StateResult(Reply):
    """The conversation after a state update, and whether the update changed it."""

    applied: bool
    why: Literal["changed", "unchanged", "stale"] = Field(
        description="unchanged: already in that state; stale: a later change is already recorded")
    conversation: MarketplaceConversation


class OpenAPIDocument(Reply):
    """This document."""

    model_config = ConfigDict(extra="allow")


# -- validation problems as API errors --------------------------------------------------------

_FIRST = {"json_invalid": 0, "model_type": 1, "extra_forbidden": 2, "missing": 3}


def problem(exc: ValidationError, model: type[BaseModel] | None = None) -> tuple[int, str, str]:
    """The first problem of a ValidationError as (status, error code, message), never echoing the input."""
    problems = exc.errors(include_input=False, include_url=False)
    first = min(problems, key=lambda p: _FIRST.get(p["type"], 9))
    kind, where = first["type"], ".".join(str(part) for part in first["loc"]) or "text"
    if kind == "json_invalid":
        return 400, "malformed_json", f"the body is not valid JSON: {first['ctx']['error']}"
    if kind == "model_type" or (model is not None and not first["loc"]):
        return 422, "invalid_body", "the body must be a JSON object"
    if kind == "extra_forbidden":
        allowed = ", ".join(model.model_fields) if model else ""
        return 422, "unknown_field", f"unknown field {where!r}; allowed: {allowed}"
    if kind == "missing":
        return 422, "missing_field", f"{where} is required"
    if kind == "string_too_long":
        return 413, "message_too_long", f"{where} must be at most {first['ctx']['max_length']} characters"
    if kind in ("string_too_short", "empty_message"):
        return 422, "empty_message", f"{where} must not be empty"
    if kind == "enum":
        return 422, f"unknown_{first['loc'][0]}", f"{where} must be one of {first['ctx']['expected']}"
    return 422, "invalid_field", f"{where}: {first['msg']}"


_MESSAGE_TEXT = TypeAdapter(MessageText)


def message_text(value: Any) -> str:
    """A message text checked like the API's `text` field (ValidationError otherwise)."""
    return _MESSAGE_TEXT.validate_python(value, strict=True)


class UnstorableText(ValueError):
    """Text no database column can hold: a lone surrogate or a NUL character."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def storable(value: Any, path: str = "$") -> Any:
    """`value` (parsed JSON) if every string in it can be stored as UTF-8 text; UnstorableText otherwise."""
    if isinstance(value, str):
        if "\x00" in value:
            raise UnstorableText(path, "NUL characters are not allowed")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise UnstorableText(path, "a lone surrogate (\\ud800 to \\udfff) is not text") from None
    elif isinstance(value, dict):
        for key, item in value.items():
            storable(key, path)
            storable(item, key if path == "$" else f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            storable(item, f"{path}[{i}]")
    return value
