"""Operations of the JSON API: one `operation(...)` per route states its path, bodies and replies.

The decorator registers the route on its blueprint, parses and validates the request body
into its model before the view runs, and records what the OpenAPI 3.1 document needs.
`document()` is generated from those records and the models in `admin/schemas.py`: there is
no hand-written schema. Why pydantic with a small decorator rather than apiflask or spectree:
the API's error contract (`{"error", "message"}` with codes such as `unknown_field`,
`message_too_long` and status 413/415/422 chosen per error) is kept exactly, Flask stays
Flask (no app subclass, no second error handler), and pydantic 2 emits JSON Schema 2020-12,
which is OpenAPI 3.1's own dialect.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any, TypeVar

from flask import Blueprint, jsonify, request
from flask.typing import ResponseReturnValue
from flask_login import login_required
from pydantic import BaseModel, ValidationError
from pydantic.json_schema import models_json_schema
from werkzeug.wrappers import Response

from admin import schemas
from admin.errors import APIError
from engine import __version__

ERROR_TEXTS = {
    400: "Malformed JSON (also: nested too deeply, or a lone surrogate), a missing CSRF token or a bad header",
    401: "Not logged in",
    403: "Logged in, but not allowed",
    404: "No such conversation",
    409: "Conflict",
    413: f"Message longer than {schemas.MAX_MESSAGE_CHARS} characters, or a body over 1 MiB",
    415: "The body is not application/json",
    422: "Valid JSON with a wrong type, an unknown field, an empty text, an unknown state or a value out of range",
    429: "Too many requests",
}
FINGERPRINT_HEADER = {
    "X-Rules-Fingerprint": {
        "description": "sha256 fingerprint of the published rule set on the server",
        "schema": {"type": "string"},
    }
}
CSRF_PARAMETER = {
    "name": "X-CSRFToken",
    "in": "header",
    "required": True,
    "description": "The token from the page's <meta name=\"csrf-token\">; the session cookie authenticates.",
    "schema": {"type": "string"},
}


@dataclass(frozen=True)
class Answer:
    """One documented reply: its model (None for no body), description and headers."""

    model: type[BaseModel] | None
    description: str
    headers: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class Operation:
    """One route of the API as the document describes it."""

    method: str
    rule: str
    operation_id: str
    summary: str
    description: str | None
    body: type[BaseModel] | None
    answers: dict[int, Answer]
    errors: tuple[int, ...]
    public: bool
    parameters: tuple[dict[str, Any], ...]
    token_scope: str | None = None
    security: tuple[dict[str, list[str]], ...] | None = None

    @property
    def path(self) -> str:
        """The OpenAPI path: `/api/conversations/{conversation_id}`."""
        return re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", self.rule)


OPERATIONS: list[Operation] = []
RequestModel = TypeVar("RequestModel", bound=BaseModel)


def operation(
    bp: Blueprint, method: str, rule: str, *, operation_id: str, summary: str, answers: dict[int, Answer],
    body: type[BaseModel] | None = None, errors: tuple[int, ...] = (), public: bool = False,
    description: str | None = None, parameters: tuple[dict[str, Any], ...] = (),
    authenticate: Callable[[Callable], Callable] = login_required, token_scope: str | None = None,
    security: tuple[dict[str, list[str]], ...] | None = None,
) -> Callable:
    """Register an API route: `authenticate` first (unless `public`), then `body` parsed into its model (`body=`).

    `authenticate` wraps the view; the default is the session login. `token_scope` makes it a
    service-token route instead: `Authorization: Bearer` with that scope, no cookie, no CSRF.
    `security` names the document's requirement for another `authenticate` (e.g. a widget token).
    """
    if token_scope is not None:
        from admin.tokens import token_required

        authenticate = token_required(token_scope)

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> ResponseReturnValue:
            if body is not None:
                kwargs["body"] = parse_body(body)
            return view(*args, **kwargs)

        if not public:
            wrapped = authenticate(wrapped)

        OPERATIONS.append(Operation(method.lower(), bp.url_prefix + rule, operation_id, summary, description, body,
                                    answers, errors, public, parameters, token_scope, security))
        bp.add_url_rule(rule, view_func=wrapped, methods=[method.upper()])
        return wrapped

    return decorator


def reply(model: BaseModel, status: int = 200) -> Response:
    """A JSON reply from a model (fields never set are left out: staff-only fields stay out for others)."""
    response = jsonify(model.model_dump(mode="json", exclude_unset=True))
    response.status_code = status
    return response


# -- request bodies ---------------------------------------------------------------------------

def parse_body(model: type[RequestModel]) -> RequestModel:
    """The request's JSON body as `model`, or APIError: 415 not JSON, 400 malformed, 413/422 wrong shape."""
    if not request.is_json:
        raise APIError(415, "unsupported_media_type", "send the body as application/json")
    try:
        return model.model_validate_json(request.get_data(cache=True))
    except ValidationError as exc:
        raise APIError(*schemas.problem(exc, model)) from None


# -- the document -----------------------------------------------------------------------------


def _inline_enums(node: Any, enums: dict[str, dict]) -> Any:
    # Enumerations are short: inline them, so a property reads {"enum": [...]} where it is used.
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        name = ref.rsplit("/", 1)[-1]
        if name in enums:
            rest = {k: v for k, v in node.items() if k != "$ref"}
            return {**enums[name], **rest}
        return {k: _inline_enums(v, enums) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline_enums(v, enums) for v in node]
    return node


def _schemas() -> tuple[dict[str, dict], dict[type[BaseModel], dict]]:
    models: list[type[BaseModel]] = [schemas.Error]
    for op in OPERATIONS:
        models += [a.model for a in op.answers.values() if a.model is not None]
        if op.body is not None:
            models.append(op.body)
    unique = list(dict.fromkeys(models))
    refs, top = models_json_schema([(m, "serialization") for m in unique],
                                   ref_template="#/components/schemas/{model}")
    defs = top.get("$defs", {})
    enums = {name: schema for name, schema in defs.items() if "enum" in schema}
    components = {name: _inline_enums(schema, enums) for name, schema in defs.items() if name not in enums}
    by_model = {m: refs[(m, "serialization")] for m in unique}
    return components, by_model


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _path_parameters(op: Operation) -> list[dict[str, Any]]:
    params = []
    for converter, name in re.findall(r"<(?:([^:<>]+):)?([^<>]+)>", op.rule):
        schema = {"type": "integer", "minimum": 0, "maximum": schemas.MAX_ID} if converter == "int" else (
            schemas.PATH_PARAMETERS.get(name, {"type": "string"}))
        params.append({"name": name, "in": "path", "required": True, "schema": schema})
    return params


def document() -> dict[str, Any]:
    """The OpenAPI 3.1 document, generated from the registered operations and their models."""
    import admin.api  # noqa: F401 - registers the operations
    import admin.live  # noqa: F401
    import admin.marketplace  # noqa: F401

    components, by_model = _schemas()
    paths: dict[str, dict[str, Any]] = {}
    for op in OPERATIONS:
        responses: dict[str, Any] = {}
        for status, answer in op.answers.items():
            entry = (_json(by_model[answer.model], answer.description) if answer.model
                     else {"description": answer.description})
            entry["headers"] = {**answer.headers, **FINGERPRINT_HEADER}
            responses[str(status)] = entry
        for status in op.errors:
            responses[str(status)] = _json(by_model[schemas.Error], ERROR_TEXTS[status])
        item: dict[str, Any] = {"operationId": op.operation_id, "summary": op.summary}
        if op.description:
            item["description"] = op.description
        if op.public:
            item["security"] = []
        elif op.security is not None:
            item["security"] = list(op.security)
        elif op.token_scope is not None:
            item["security"] = [{"serviceToken": [op.token_scope]}]
            item["description"] = (f"{op.description} " if op.description else "") + (
                f"Service token with the scope `{op.token_scope}`.")
        session_post = op.method == "post" and op.token_scope is None and op.security is None
        parameters = _path_parameters(op) + ([CSRF_PARAMETER] if session_post else []) + list(op.parameters)
        if parameters:
            item["parameters"] = parameters
        if op.body is not None:
            item["requestBody"] = {"required": True, "content": {"application/json": {
                "schema": components[op.body.__name__]}}}
        item["responses"] = responses
        paths.setdefault(op.path, {})[op.method] = item
    for name in [m.__name__ for m in by_model if any(op.body is m for op in OPERATIONS)]:
        components.pop(name, None)  # request bodies are inlined where they are used
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "contactguard API",
            "version": __version__,
            "description": (
                "Checks chat messages for contact information before a contract, and enforces the "
                "published rule set on every message sent. Authentication is the session cookie set by "
                "/login; every POST also needs the X-CSRFToken header. The /api/marketplace routes authenticate "
                "with a service token instead (Authorization: Bearer). Every reply carries "
                "X-Rules-Fingerprint. Errors are {\"error\": code, \"message\": text}. "
                f"A message may have at most {schemas.MAX_MESSAGE_CHARS} characters."
            ),
        },
        "components": {
            "securitySchemes": {
                "session": {"type": "apiKey", "in": "cookie", "name": "session"},
                "serviceToken": {"type": "http", "scheme": "bearer", "description": (
                    "A service token created by an admin at /admin/tokens/ (shown once). The requirement lists "
                    "the scope the token needs. Token requests carry no cookie and need no CSRF header.")},
                "widgetToken": {"type": "http", "scheme": "bearer", "description": (
                    "A widget token (cgw_...) minted by POST /api/marketplace/widget-tokens for one participant of "
                    "one conversation, valid at most 15 minutes; from a browser, only from the minting service "
                    "token's allowed origins (CORS).")},
            },
            "schemas": components,
        },
        "security": [{"session": []}],
        "paths": paths,
    }
