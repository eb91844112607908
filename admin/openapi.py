"""The OpenAPI 3.1 description of the JSON API (tests check it against the routes and replies)."""

from __future__ import annotations

from typing import Any

from admin.enforcement import MAX_MESSAGE_CHARS
from engine import ACTIONS, CATEGORIES, STATES, __version__

ERROR = {"$ref": "#/components/schemas/Error"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict[str, Any]:
    text = {
        400: "Malformed JSON, a missing CSRF token or a bad header",
        401: "Not logged in",
        403: "Logged in, but not allowed",
        404: "No such conversation",
        413: f"Message longer than {MAX_MESSAGE_CHARS} characters, or a body over 1 MiB",
        415: "The body is not application/json",
        422: "Valid JSON with a wrong type, an unknown field, an empty text or an unknown state",
    }
    return {str(code): _json(ERROR, text[code]) for code in codes}


FINGERPRINT_HEADER = {
    "X-Rules-Fingerprint": {
        "description": "sha256 fingerprint of the published rule set on the server",
        "schema": {"type": "string"},
    }
}

REPLAYED_HEADER = {
    "Idempotent-Replayed": {
        "description": "\"true\" when this reply repeats the first result for the same Idempotency-Key",
        "schema": {"type": "string", "enum": ["true"]},
    }
}

_CSRF = {
    "name": "X-CSRFToken",
    "in": "header",
    "required": True,
    "description": "The token from the page's <meta name=\"csrf-token\">; the session cookie authenticates.",
    "schema": {"type": "string"},
}

_CONVERSATION_ID = {"name": "conversation_id", "in": "path", "required": True, "schema": {"type": "integer"}}


def document() -> dict[str, Any]:
    """The OpenAPI 3.1 document."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "contactguard API",
            "version": __version__,
            "description": (
                "Checks chat messages for contact information before a contract, and enforces the "
                "published rule set on every message sent. Authentication is the session cookie set by "
                "/login; every POST also needs the X-CSRFToken header. Every reply carries "
                "X-Rules-Fingerprint. Errors are {\"error\": code, \"message\": text}. "
                f"A message may have at most {MAX_MESSAGE_CHARS} characters."
            ),
        },
        "components": {
            "securitySchemes": {"session": {"type": "apiKey", "in": "cookie", "name": "session"}},
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error", "message"],
                    "properties": {"error": {"type": "string"}, "message": {"type": "string"}},
                },
                "Finding": {
                    "type": "object",
                    "required": ["category", "start", "end", "match", "rule"],
                    "properties": {
                        "category": {"enum": list(CATEGORIES)},
                        "start": {"type": "integer", "minimum": 0},
                        "end": {"type": "integer", "minimum": 1},
                        "match": {"type": "string"},
                        "rule": {"type": "string"},
                        "message": {"type": "string"},
                    },
                },
                "Verdict": {
                    "type": "object",
                    "required": ["action", "state", "categories", "findings", "redacted", "fingerprint"],
                    "properties": {
                        "action": {"enum": list(ACTIONS)},
                        "state": {"enum": list(STATES)},
                        "categories": {"type": "array", "items": {"enum": list(CATEGORIES)}},
                        "findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}},
                        "redacted": {"type": ["string", "null"]},
                        "fingerprint": {"type": "string"},
                        "engine_version": {"type": "string"},
                    },
                },
                "Message": {
                    "type": "object",
                    "required": ["id", "conversation_id", "sender_id", "sender", "text", "status", "created_at"],
                    "properties": {
                        "id": {"type": "integer"},
                        "conversation_id": {"type": "integer"},
                        "sender_id": {"type": "integer"},
                        "sender": {"type": "string"},
                        "text": {"type": ["string", "null"], "description": "the delivered text (redacted or whole)"},
                        "status": {"enum": ["delivered", "redacted", "blocked"]},
                        "created_at": {"type": "string"},
                        "action": {"enum": list(ACTIONS)},
                        "categories": {"type": "array", "items": {"enum": list(CATEGORIES)}},
                        "exception_reason": {"type": ["string", "null"]},
                        "original_text": {"type": "string", "description": "staff only"},
                        "review_status": {"type": "string", "description": "staff only"},
                    },
                },
                "Conversation": {
                    "type": "object",
                    "required": ["id", "job_title", "state", "client", "freelancer"],
                    "properties": {
                        "id": {"type": "integer"},
                        "job_title": {"type": "string"},
                        "state": {"enum": list(STATES)},
                        "client": {"$ref": "#/components/schemas/Participant"},
                        "freelancer": {"$ref": "#/components/schemas/Participant"},
                        "messages": {"type": "array", "items": {"$ref": "#/components/schemas/Message"}},
                    },
                },
                "Participant": {
                    "type": "object",
                    "required": ["id", "username", "display_name"],
                    "properties": {
                        "id": {"type": "integer"},
                        "username": {"type": "string"},
                        "display_name": {"type": "string"},
                    },
                },
            },
        },
        "security": [{"session": []}],
        "paths": {
            "/api/health": {
                "get": {
                    "operationId": "health",
                    "summary": "Liveness, engine version and the published rule set's fingerprint",
                    "security": [],
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "required": ["status", "engine_version", "rules_version", "fingerprint"],
                                "properties": {
                                    "status": {"const": "ok"},
                                    "engine_version": {"type": "string"},
                                    "rules_version": {"type": "integer"},
                                    "fingerprint": {"type": "string"},
                                },
                            },
                            "The server is up",
                        )
                        | {"headers": FINGERPRINT_HEADER},
                    },
                }
            },
            "/api/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "summary": "This document",
                    "security": [],
                    "responses": {"200": _json({"type": "object"}, "The OpenAPI document")},
                }
            },
            "/api/rules/current": {
                "get": {
                    "operationId": "currentRules",
                    "summary": "The published rule set; ETag is its fingerprint, 304 when If-None-Match matches",
                    "parameters": [{"name": "If-None-Match", "in": "header", "schema": {"type": "string"}}],
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "required": ["version", "fingerprint", "engine_version", "document"],
                                "properties": {
                                    "version": {"type": "integer"},
                                    "fingerprint": {"type": "string"},
                                    "engine_version": {"type": "string"},
                                    "document": {"type": "object"},
                                },
                            },
                            "The published rule set",
                        )
                        | {"headers": {"ETag": {"schema": {"type": "string"}}} | FINGERPRINT_HEADER},
                        "304": {"description": "Not modified", "headers": FINGERPRINT_HEADER},
                        **_errors(401),
                    },
                }
            },
            "/api/check": {
                "post": {
                    "operationId": "check",
                    "summary": "The verdict on a text under the published rules; nothing is stored",
                    "description": (
                        "With conversation_id (a conversation the caller may read), the conversation's contract "
                        "state and recent messages are used and `state`/`history` are ignored."
                    ),
                    "parameters": [_CSRF],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["text"],
                                    "additionalProperties": False,
                                    "properties": {
                                        "text": {"type": "string", "minLength": 1, "maxLength": MAX_MESSAGE_CHARS},
                                        "history": {
                                            "type": "array",
                                            "maxItems": 50,
                                            "items": {"type": "string", "maxLength": MAX_MESSAGE_CHARS},
                                        },
                                        "state": {"enum": list(STATES)},
                                        "conversation_id": {"type": "integer"},
                                    },
                                }
                            }
                        },
                    },
                    "responses": {
                        "200": _json({"$ref": "#/components/schemas/Verdict"}, "The verdict")
                        | {"headers": FINGERPRINT_HEADER},
                        **_errors(400, 401, 403, 404, 413, 415, 422),
                    },
                }
            },
            "/api/conversations": {
                "get": {
                    "operationId": "listConversations",
                    "summary": "Conversations the caller may read (without messages)",
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "required": ["conversations"],
                                "properties": {
                                    "conversations": {
                                        "type": "array",
                                        "items": {"$ref": "#/components/schemas/Conversation"},
                                    }
                                },
                            },
                            "The list",
                        ),
                        **_errors(401),
                    },
                }
            },
            "/api/conversations/{conversation_id}": {
                "get": {
                    "operationId": "getConversation",
                    "summary": "Participants, contract state and the messages visible to the caller",
                    "parameters": [_CONVERSATION_ID],
                    "responses": {
                        "200": _json({"$ref": "#/components/schemas/Conversation"}, "The conversation"),
                        **_errors(401, 403, 404),
                    },
                }
            },
            "/api/conversations/{conversation_id}/messages": {
                "post": {
                    "operationId": "sendMessage",
                    "summary": "Server enforcement: check, then store and deliver, redact, or refuse",
                    "description": (
                        "Participants only. A claimed exception_reason (one of the rule set's exception reasons) "
                        "delivers the text as written and queues it for review. Blocked attempts are stored for "
                        "review, never delivered. A retry with the same Idempotency-Key returns the first result "
                        "and stores nothing twice."
                    ),
                    "parameters": [
                        _CONVERSATION_ID,
                        _CSRF,
                        {"name": "Idempotency-Key", "in": "header", "schema": {"type": "string", "maxLength": 200}},
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["text"],
                                    "additionalProperties": False,
                                    "properties": {
                                        "text": {"type": "string", "minLength": 1, "maxLength": MAX_MESSAGE_CHARS},
                                        "exception_reason": {"type": ["string", "null"]},
                                    },
                                }
                            }
                        },
                    },
                    "responses": {
                        "201": _json(
                            {
                                "type": "object",
                                "required": ["message", "delivered", "verdict", "fingerprint"],
                                "properties": {
                                    "message": {"$ref": "#/components/schemas/Message"},
                                    "delivered": {"const": True},
                                    "verdict": {"$ref": "#/components/schemas/Verdict"},
                                    "fingerprint": {"type": "string"},
                                },
                            },
                            "Delivered, whole or redacted",
                        )
                        | {
                            "headers": {"Location": {"schema": {"type": "string"}}} | REPLAYED_HEADER
                            | FINGERPRINT_HEADER,
                        },
                        "422": _json(
                            {
                                "type": "object",
                                "required": ["error", "message"],
                                "properties": {
                                    "error": {"type": "string"},
                                    "message": {"type": "string"},
                                    "attempt_id": {"type": "integer"},
                                    "delivered": {"const": False},
                                    "verdict": {"$ref": "#/components/schemas/Verdict"},
                                    "fingerprint": {"type": "string"},
                                },
                            },
                            "Refused (error \"blocked\", with the verdict), or invalid input",
                        )
                        | {"headers": REPLAYED_HEADER | FINGERPRINT_HEADER},
                        **_errors(400, 401, 403, 404, 413, 415),
                    },
                }
            },
        },
    }
