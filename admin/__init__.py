"""contactguard's Flask app: admin site, JSON API, demo messaging pages, server enforcement."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from flask import Flask, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from flask_wtf.csrf import CSRFProtect
from werkzeug.exceptions import BadRequest
from werkzeug.routing import IntegerConverter
from werkzeug.wrappers import Response

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; "
    "img-src 'self' data:; style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)

csrf = CSRFProtect()
MAX_ROW_ID = 2**31 - 1
"""The largest id a table holds: ids are INTEGER columns, 32-bit signed on PostgreSQL."""


class RowIdConverter(IntegerConverter):
    """`<int:...>` in every route: an id above MAX_ROW_ID cannot exist, so it is a 404, not a database error."""

    def __init__(self, map, fixed_digits: int = 0, min: int | None = None, max: int | None = MAX_ROW_ID,  # noqa: A002
                 signed: bool = False) -> None:
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def _database_url(url: str) -> str:
    # Heroku-style and bare PostgreSQL URLs get the psycopg 3 driver we ship.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _secret_key(instance: Path) -> str:
    """A random key kept in instance/secret_key, so every worker and restart shares it."""
    path = instance / "secret_key"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        key = secrets.token_hex(32)
        handle.write(key)
    return key


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app: defaults, instance config, CONTACTGUARD_* environment, then test_config."""
    instance = (test_config or {}).get("INSTANCE_PATH") or os.environ.get("CONTACTGUARD_INSTANCE")
    app = Flask(
        __name__,
        instance_path=str(Path(instance).resolve()) if instance else None,
        instance_relative_config=True,
        static_url_path="/assets",
    )
    app.url_map.converters["int"] = RowIdConverter
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.from_mapping(
        SQLALCHEMY_DATABASE_URI="sqlite:///" + str(Path(app.instance_path) / "contactguard.sqlite"),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=True,
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_SECURE=True,
        WTF_CSRF_TIME_LIMIT=None,
        MAX_CONTENT_LENGTH=1024 * 1024,
        PASSWORD_HASH_METHOD="scrypt",
        # Login and service-token throttling (Flask-Limiter; failed logins count). database:// keeps
        # the counters in this app's own database, shared by every process (admin/limits_storage.py);
        # memory:// is per process, right only when one process serves (two would double the attempts).
        RATELIMIT_STORAGE_URI="database://",
        RATELIMIT_HEADERS_ENABLED=True,
        LOGIN_LIMIT_PER_ADDRESS="20 per minute",
        LOGIN_LIMIT_PER_ACCOUNT="5 per minute",
        LOGIN_LOCKOUT_AFTER=10,
        LOGIN_LOCKOUT_MINUTES=15,
        # Requests per service token (same storage as the login limits).
        SERVICE_TOKEN_RATE_LIMIT="600 per minute",
        # Webhook deliveries: retries wait this long, doubling (capped at an hour), up to this many attempts.
        WEBHOOK_RETRY_BASE_SECONDS=30,
        WEBHOOK_MAX_ATTEMPTS=40,
        WEBHOOK_TIMEOUT_SECONDS=10,
        # Rescans run on an in-process LocalCluster unless this names a scheduler (tcp://host:8786).
        DASK_SCHEDULER=None,
        # The impact preview scans at most this many stored messages per request, for at most
        # this many seconds, then offers to continue (it never holds a worker for long).
        IMPACT_PREVIEW_LIMIT=500,
        IMPACT_PREVIEW_SECONDS=2.0,
        # A publish whose admin patterns changed first runs the new rules over probe texts in a
        # separate process; past this many seconds the publish is refused.
        PUBLISH_PATTERN_BUDGET_SECONDS=5.0,
        # The live channel (admin/live.py): a stream lasts this long, then the page reconnects at
        # once (after LIVE_RETRY_MS when a stream fails); it asks the database what changed once
        # per poll (commits in this process wake it at once) and writes a keep-alive comment when
        # it has been quiet this long.
        LIVE_STREAM_SECONDS=45.0,
        LIVE_POLL_SECONDS=1.0,
        LIVE_RETRY_MS=1000,
        LIVE_HEARTBEAT_SECONDS=15.0,
    )
    app.config.from_pyfile("config.py", silent=True)
    if os.environ.get("DATABASE_URL"):
        app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
    app.config.from_prefixed_env("CONTACTGUARD")
    if test_config:
        app.config.from_mapping(test_config)
    app.config["SQLALCHEMY_DATABASE_URI"] = _database_url(app.config["SQLALCHEMY_DATABASE_URI"])
    app.config["REMEMBER_COOKIE_SECURE"] = app.config["SESSION_COOKIE_SECURE"]
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _secret_key(Path(app.instance_path))

    from admin import auth, db, errors, i18n, versions, webassets

    db.init_app(app)
    csrf.init_app(app)
    auth.init_app(app)
    i18n.init_app(app)
    versions.init_app(app)
    errors.init_app(app)

    from admin import (
        api,
        contracts,
        dashboard,
        demo,
        jobs,
        live,
        marketplace,
        rescan,
        review,
        rulesets,
        tokens,
        users,
        webhooks,
    )

    app.register_blueprint(webassets.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(live.bp)
    app.register_blueprint(dashboard.bp)
    app.register_blueprint(rulesets.bp)
    app.register_blueprint(contracts.bp)
    app.register_blueprint(review.bp)
    app.register_blueprint(demo.bp)
    app.register_blueprint(users.bp)
    app.register_blueprint(tokens.bp)
    app.register_blueprint(webhooks.bp)
    webhooks.init_app(app)
    rescan.init_app(app)
    jobs.init_app(app)
    # Service-token routes authenticate by the Authorization header, never by cookie: nothing to forge.
    csrf.exempt(marketplace.bp)
    app.register_blueprint(marketplace.bp)
    app.cli.add_command(demo.seed_demo_command)
    # Templates compare with the enumerations, never with status strings of their own.
    from admin.enums import ENUMS

    app.jinja_env.globals.update({enum.__name__: enum for enum in ENUMS})

    @app.before_request
    def refuse_nul_in_forms() -> None:
        """No stored text may hold NUL (PostgreSQL refuses it): a form or query carrying one is a 400."""
        values = [*request.args.values(), *(request.form.values() if request.mimetype != "application/json" else [])]
        if any("\x00" in value for value in values):
            raise BadRequest("a form field or query parameter contains a NUL character")

    @app.after_request
    def security_headers(response: Response) -> Response:
        """Security headers on every reply, CSP first."""
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    @app.get("/favicon.ico")
    def favicon() -> ResponseReturnValue:
        """Browsers ask for /favicon.ico whatever the page links: answer with the SVG icon, not a 404."""
        return app.send_static_file("favicon.svg")

    @app.get("/")
    def index() -> ResponseReturnValue:
        """Staff land on the dashboard, marketplace users on their conversations."""
        if not current_user.is_authenticated:
            return redirect(url_for("auth.login"))
        if current_user.is_staff:
            return redirect(url_for("dashboard.index"))
        return redirect(url_for("demo.index"))

    return app
