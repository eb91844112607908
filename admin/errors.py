"""One error handler: JSON `{"error", "message"}` under /api, an error page elsewhere."""

from __future__ import annotations

import re

from flask import Flask, current_app, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from werkzeug.datastructures import Headers
from werkzeug.exceptions import HTTPException, InternalServerError

from admin.db import db


class APIError(HTTPException):
    """An HTTP error with a machine-readable code, e.g. APIError(422, "unknown_field", "...")."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(description=message)
        self.code = status
        self.error_code = code


def wants_json() -> bool:
    """True for the JSON API's paths."""
    return request.path.startswith("/api/")


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def _error_code(exc: HTTPException) -> str:
    code = getattr(exc, "error_code", None)
    if code:
        return code
    if exc.__class__.__name__ == "CSRFError":
        return "csrf_failed"
    return _slug(exc.name or "error")


def handle_http_exception(exc: HTTPException) -> ResponseReturnValue:
    """Every HTTPException, as JSON for the API and as a page for people."""
    if exc.code is None:  # a RequestRedirect or similar: let Flask answer it as is
        return exc
    if exc.code >= 500:
        db.session.rollback()
    message = exc.description or exc.name
    if wants_json():
        response = jsonify(error=_error_code(exc), message=message)
        response.status_code = exc.code
        if exc.code == 405:
            allowed = Headers(exc.get_headers()).get("Allow")
            if allowed:
                response.headers["Allow"] = allowed
        return response
    return render_template("error.html", code=exc.code, name=exc.name, message=message), exc.code


def handle_unexpected(exc: Exception) -> ResponseReturnValue:
    """An unexpected exception: roll back, answer 500 without internals."""
    db.session.rollback()
    if isinstance(exc, HTTPException):
        return handle_http_exception(exc)
    current_app.logger.exception("unhandled error on %s %s", request.method, request.path)
    return handle_http_exception(InternalServerError("Something went wrong on the server."))


def init_app(app: Flask) -> None:
    """Register the handlers."""
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(Exception, handle_unexpected)
