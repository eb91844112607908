"""Serves the browser bundle (web/dist): Pyodide, the engine wheel and the composer widget.

`make web` (web/build.py) writes every file under a content- or version-addressed directory
(`app/<sha>/`, `wheels/<sha>/`, `pyodide/<version>/`), so those go out with a year-long
immutable cache; `manifest.json`, which names the current directories, is always revalidated.
Templates link the widget through `web_asset(name)`, which resolves to the current `app/<sha>/`.
"""

from __future__ import annotations

import json
import mimetypes
import re
from pathlib import Path

from flask import Blueprint, abort, current_app, request, send_from_directory, url_for

bp = Blueprint("web", __name__, url_prefix="/static/web")

mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("text/javascript", ".js")

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
_ADDRESSED = re.compile(
    r"^(app/[0-9a-f]{16}|wheels/[0-9a-f]{16}|snapshot/[0-9a-f]{16}|pyodide/\d+\.\d+\.\d+[^/]*)/[^/]+$"
)
_TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript", ".whl": "application/zip",
          ".zip": "application/zip", ".json": "application/json", ".css": "text/css"}

_manifest_cache: dict[str, tuple[int, dict]] = {}


def dist_dir() -> Path:
    """Where `make web` puts the bundle (WEB_DIST in the config overrides it)."""
    configured = current_app.config.get("WEB_DIST")
    if configured:
        return Path(configured)
    return Path(current_app.root_path).parent / "web" / "dist"


def manifest() -> dict:
    """The bundle's manifest.json, re-read only when the file changes; {} when not built."""
    path = dist_dir() / "manifest.json"
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        return {}
    cached = _manifest_cache.get(str(path))
    if cached and cached[0] == mtime:
        return cached[1]
    try:
        doc = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    _manifest_cache[str(path)] = (mtime, doc)
    return doc


def web_asset(name: str) -> str:
    """URL of a widget file (composer.css, composer-page.mjs, ...) in the current build."""
    app_dir = manifest().get("app")
    if not app_dir:
        current_app.logger.warning("web bundle missing: run `make web` (wanted %s)", name)
        return url_for("web.asset", filename=f"missing/{name}")
    return url_for("web.asset", filename=f"{app_dir}/{name}")


@bp.app_context_processor
def _template_helpers() -> dict:
    return {"web_asset": web_asset}


@bp.get("/<path:filename>")
def asset(filename: str):
    """One bundle file; addressed files are immutable for a year, anything else revalidates."""
    root = dist_dir()
    if not root.is_dir():
        abort(404)
    mimetype = _TYPES.get(Path(filename).suffix)
    # web/build.py writes a .gz beside large text and wasm files: 9.6 MB of wasm go out as 3.6 MB.
    gzipped = bool(mimetype) and "gzip" in request.accept_encodings and (root / f"{filename}.gz").is_file()
    response = send_from_directory(root, f"{filename}.gz" if gzipped else filename, conditional=True)
    response.vary.add("Accept-Encoding")
    if gzipped:
        response.headers["Content-Encoding"] = "gzip"
    if mimetype:
        # Pyodide hangs on a .wasm sent with any other type; never rely on the system's table.
        response.mimetype = mimetype
    if _ADDRESSED.match(filename):
        response.headers["Cache-Control"] = IMMUTABLE
    else:
        response.headers["Cache-Control"] = REVALIDATE
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
