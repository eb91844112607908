"""Serves the browser bundle (web/dist): Pyodide, the engine wheel and the composer widget."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from flask import Blueprint, abort, current_app, send_from_directory

bp = Blueprint("web", __name__, url_prefix="/static/web")

mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("text/javascript", ".js")


def dist_dir() -> Path:
    """Where `make web` puts the bundle (WEB_DIST in the config overrides it)."""
    configured = current_app.config.get("WEB_DIST")
    if configured:
        return Path(configured)
    return Path(current_app.root_path).parent / "web" / "dist"


@bp.get("/<path:filename>")
def asset(filename: str):
    """One bundle file; the manifest is never cached, content-hashed files for a year."""
    root = dist_dir()
    if not root.is_dir():
        abort(404)
    response = send_from_directory(root, filename)
    if filename.endswith(".wasm"):
        response.mimetype = "application/wasm"
    if filename == "manifest.json":
        response.headers["Cache-Control"] = "no-cache"
    else:
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
