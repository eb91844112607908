"""Logging in and out, roles, and the `create-user` command.

Logins are throttled per address and per account (Flask-Limiter; failed attempts count), an
account is locked after repeated failures until the lockout ends or an admin lifts it, an
unknown user costs the same password hash as a known one, and a session carries its user's
session version, so logout, a new password or an admin's "end sessions" revoke it on the server.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import cache, lru_cache, wraps
from typing import Any
from urllib.parse import urlsplit

import click
from flask import Blueprint, Flask, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask.cli import with_appcontext
from flask.typing import ResponseReturnValue
from flask_babel import gettext
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager, UserMixin, current_user, login_required, login_user, logout_user
from flask_wtf import FlaskForm
from sqlalchemy import Dialect, PoolProxiedConnection, Select, bindparam, select
from sqlalchemy.engine import Compiled
from werkzeug.security import check_password_hash, generate_password_hash
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from admin.db import db
from admin.enums import Role
from admin.errors import APIError, wants_json
from admin.models import AuditEntry, Conversation, User, record_audit, utcnow

bp = Blueprint("auth", __name__)
login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.session_protection = "basic"
limiter = Limiter(get_remote_address)
"""Throttles login attempts; storage from RATELIMIT_STORAGE_URI (database://, shared by every process)."""
UNLIMITED_ENDPOINTS = frozenset({"api.check"})
"""Routes no limit applies to (no decorator, no limited blueprint; service tokens check through the
limited /api/marketplace/check): the limiter's per-request work is skipped for them, unless the app
configures default or application-wide limits (RATELIMIT_DEFAULT, RATELIMIT_APPLICATION)."""


@limiter.request_filter
def _no_limit_applies() -> bool:
    if request.endpoint not in UNLIMITED_ENDPOINTS:
        return False
    config = current_app.config
    return not config.get("RATELIMIT_DEFAULT") and not config.get("RATELIMIT_APPLICATION")


class LoginForm(FlaskForm):
    """Username and password."""

    username = StringField("Username", validators=[DataRequired(), Length(max=80)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=200)])


LEAN_ENDPOINTS = frozenset({"api.check"})
"""Routes that only ask who the caller is (id and role): their session user is a `SessionUser` read
with `lean_row`, not an ORM `User` through the session. Still one query per request, so a revoked
session is refused there as everywhere."""


def lean_connection() -> PoolProxiedConnection:
    """The request's pooled driver connection for LEAN_ENDPOINTS' reads, given back (rolled back)
    when the request ends: one pool checkout for the session user and the conversation's head."""
    connection = g.get("lean_connection")
    if connection is None:
        connection = g.lean_connection = db.engine.raw_connection()
    return connection


def _close_lean_connection(_exc: BaseException | None) -> None:
    connection = g.pop("lean_connection", None)
    if connection is not None:
        connection.close()


@lru_cache(maxsize=16)  # a few statements per database dialect in the process
def _driver_statement(statement: Select, dialect: Dialect) -> Compiled:
    return statement.compile(dialect=dialect)


def lean_row(statement: Select, params: dict[str, Any]) -> tuple | None:
    """The first row of a Core select run by the driver itself on `lean_connection()`.

    The select is compiled once per dialect, so the SQL is SQLAlchemy's own for SQLite and
    PostgreSQL alike; what this skips is the Connection and Result machinery around two
    one-row reads (about 0.13 ms of a check's 1.4 ms in the app). Values come back as the
    driver gives them: plain strings for enumeration columns, no ORM objects.
    """
    compiled = _driver_statement(statement, db.engine.dialect)
    values = compiled.construct_params(params)
    cursor = lean_connection().cursor()
    try:
        cursor.execute(compiled.string, tuple(values[name] for name in compiled.positiontup)
                       if compiled.positional else values)
        return cursor.fetchone()
    finally:
        cursor.close()


@dataclass(frozen=True, eq=False)
class SessionUser(UserMixin):
    """The session's user as read-only columns, for LEAN_ENDPOINTS: no ORM object, nothing to write."""

    id: int
    username: str
    display_name: str
    role: str
    session_version: int
    language: str | None

    def get_id(self) -> str:
        """The session's user reference, as `User.get_id`."""
        return f"{self.id}:{self.session_version or 1}"

    @property
    def is_staff(self) -> bool:
        """Admins and reviewers read every conversation."""
        return Role(self.role).is_staff


_users = User.__table__
_SESSION_USER = select(_users.c.id, _users.c.username, _users.c.display_name, _users.c.role,
                       _users.c.session_version, _users.c.language).where(_users.c.id == bindparam("user_id"))


@login_manager.user_loader
def load_user(session_ref: str) -> User | SessionUser | None:
    """The logged-in user for a session, unless the session was revoked (its version is stale)."""
    user_id, _, version = session_ref.partition(":")
    try:
        user_id = int(user_id)
    except ValueError:
        return None
    user: User | SessionUser | None
    if request.endpoint in LEAN_ENDPOINTS:
        row = lean_row(_SESSION_USER, {"user_id": user_id})
        user = SessionUser(*row) if row is not None else None
    else:
        user = db.session.get(User, user_id)
    if user is None or version != str(user.session_version):
        return None
    return user


@login_manager.unauthorized_handler
def unauthorized() -> ResponseReturnValue:
    """401 JSON for the API, a redirect to the login page elsewhere."""
    if wants_json():
        raise APIError(401, "unauthorized", "log in first: the API authenticates by the session cookie")
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))


def role_required(*roles: Role) -> Callable:
    """A view for logged-in users with one of `roles`; others get 403."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        @login_required
        def wrapped(*args: Any, **kwargs: Any) -> ResponseReturnValue:
            if current_user.role not in roles:
                if wants_json():
                    raise APIError(403, "forbidden", f"this needs the role {' or '.join(roles)}")
                abort(403, description=f"This page needs the role {' or '.join(roles)}.")
            return view(*args, **kwargs)

        return wrapped

    return decorator


def _safe_next(target: str | None) -> str | None:
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


@cache
def _unknown_user_hash(method: str) -> str:
    # A real hash of the configured cost: checking a password against it takes as long as
    # checking a known user's, so response times do not tell which usernames exist.
    return generate_password_hash("no user has this password", method=method)


def password_matches(user: User | None, password: str) -> bool:
    """True for the user's password; for an unknown user the same hashing work, then False."""
    method = current_app.config["PASSWORD_HASH_METHOD"]
    stored = user.password_hash if user is not None else _unknown_user_hash(method)
    return check_password_hash(stored, password) and user is not None


def _attempted_account() -> str:
    return "login-account:" + (request.form.get("username") or "").strip().lower()[:80]


def _failed(response) -> bool:
    return response.status_code == 401


THROTTLE_AUDIT_WINDOW = timedelta(minutes=1)
"""At most one 'login.throttled' audit entry per address in this window: a flood of refused attempts is one line."""


def _throttled(limit) -> None:
    """Record a login attempt the throttle refused (answered 429 before the form is read) in the audit log."""
    address = request.remote_addr
    recent = db.session.execute(
        db.select(AuditEntry.id).where(AuditEntry.action == "login.throttled", AuditEntry.address == address,
                                       AuditEntry.created_at >= utcnow() - THROTTLE_AUDIT_WINDOW).limit(1)
    ).first()
    if recent is None:
        username = (request.form.get("username") or "").strip()[:80]
        user_id = db.session.execute(db.select(User.id).where(User.username == username)).scalar_one_or_none()
        record_audit(None, "login.throttled", "user", user_id, username=username, limit=str(limit.limit))
        db.session.commit()


def N_(text: str) -> str:  # noqa: N802 - marks a text for the catalogue; gettext translates it when shown
    return text


FAILED_LOGIN = N_("Wrong username or password. After repeated failures an account is locked for a while; an "
                  "administrator can lift the lock.")


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_LIMIT_PER_ADDRESS"], methods=["POST"], deduct_when=_failed,
               on_breach=_throttled)
@limiter.limit(lambda: current_app.config["LOGIN_LIMIT_PER_ACCOUNT"], methods=["POST"], deduct_when=_failed,
               on_breach=_throttled,
               key_func=_attempted_account)
def login() -> ResponseReturnValue:
    """The login form."""
    form = LoginForm()
    if form.validate_on_submit():
        username = form.username.data
        user = db.session.execute(db.select(User).where(User.username == username)).scalar_one_or_none()
        matches = password_matches(user, form.password.data)
        now = utcnow()
        if user is not None and matches and not user.is_locked(now):
            user.failed_logins = 0
            record_audit(user, "login.success", "user", user.id)
            db.session.commit()
            login_user(user)
            return redirect(_safe_next(request.args.get("next")) or url_for("index"))
        if user is not None and user.is_locked(now):
            record_audit(None, "login.locked", "user", user.id, username=username)
        elif user is not None:
            user.failed_logins += 1
            record_audit(None, "login.failed", "user", user.id, username=username, failures=user.failed_logins)
            if user.failed_logins >= current_app.config["LOGIN_LOCKOUT_AFTER"]:
                user.locked_until = now + timedelta(minutes=current_app.config["LOGIN_LOCKOUT_MINUTES"])
                record_audit(None, "login.lockout", "user", user.id, username=username, until=user.locked_until)
        else:
            record_audit(None, "login.failed", "user", None, username=username[:80])
        db.session.commit()
        flash(gettext(FAILED_LOGIN), "error")
        return render_template("login.html", form=form), 401
    return render_template("login.html", form=form)


@bp.post("/logout")
@login_required
def logout() -> ResponseReturnValue:
    """End the session on the server too (a POST, so a link on another site cannot log anyone out).

    The user's session version moves on, so a copy of this session cookie no longer loads.
    """
    user = current_user._get_current_object()
    user.end_sessions()
    record_audit(user, "logout", "user", user.id)
    db.session.commit()
    logout_user()
    flash(gettext("Logged out."), "info")
    return redirect(url_for("auth.login"))


def create_user(
    username: str, password: str, role: str, display_name: str | None = None, actor: User | None = None
) -> User:
    """Store a new user with a hashed password (ValueError for a bad role or a taken name)."""
    if role not in list(Role):
        raise ValueError(f"role must be one of {', '.join(Role)}")
    if not username or len(username) > 80:
        raise ValueError("username must be 1 to 80 characters")
    if len(password) < 8:
        raise ValueError("password must be at least 8 characters")
    taken = db.session.execute(db.select(User.id).where(User.username == username)).first()
    if taken:
        raise ValueError(f"user {username!r} already exists")
    user = User(username=username, display_name=display_name or username, role=role)
    user.set_password(password, current_app.config["PASSWORD_HASH_METHOD"])
    db.session.add(user)
    db.session.flush()
    record_audit(actor, "user.create", "user", user.id, username=username, role=role)
    return user


@click.command("create-user")
@with_appcontext
@click.argument("username")
@click.option("--role", type=click.Choice([role.value for role in Role]), required=True)
@click.option("--name", "display_name", default=None, help="Display name (defaults to the username).")
@click.password_option()
def create_user_command(username: str, role: str, display_name: str | None, password: str) -> None:
    """Create a user with a role: admin, reviewer, client or freelancer."""
    try:
        create_user(username, password, role, display_name)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"Created {role} {username!r}.")


def init_app(app: Flask) -> None:
    """Attach Flask-Login, the login limiter and the CLI command."""
    from admin import limits_storage  # noqa: F401 - registers database:// with the limits library

    login_manager.init_app(app)
    limiter.init_app(app)
    app.teardown_appcontext(_close_lean_connection)
    app.cli.add_command(create_user_command)


def conversation_for(conversation_id: int, write: bool = False):
    """The conversation if it exists (404) and the current user may read it, or post in it (403).

    Participants read and post; admins and reviewers read every conversation but post in none.
    """
    conversation = db.session.get(Conversation, conversation_id)
    _check_access(conversation, conversation_id, write)
    return conversation


ConversationHead = namedtuple("ConversationHead", "id state client_id freelancer_id")
"""What the check needs of a conversation (`conversation_head_for`)."""
_CONVERSATION_HEAD = select(Conversation.__table__.c.id, Conversation.__table__.c.state,
                            Conversation.__table__.c.client_id, Conversation.__table__.c.freelancer_id).where(
    Conversation.__table__.c.id == bindparam("conversation_id"))


def conversation_head_for(conversation_id: int):
    """As `conversation_for(conversation_id)` (read access), but only the row's id, state, client_id
    and freelancer_id, read with `lean_row`: for a route that needs no more (POST /api/check)."""
    row = lean_row(_CONVERSATION_HEAD, {"conversation_id": conversation_id})
    head = ConversationHead(*row) if row is not None else None
    _check_access(head, conversation_id, write=False)
    return head


def _check_access(conversation, conversation_id: int, write: bool) -> None:
    """404 for no conversation; 403 unless the current user is a party (or staff, to read)."""
    if conversation is None:
        raise APIError(404, "not_found", f"no conversation {conversation_id}") if wants_json() else _abort(404)
    if current_user.id in (conversation.client_id, conversation.freelancer_id):
        return
    if current_user.is_staff and not write:
        return
    message = "only the conversation's client and freelancer may " + ("post in it" if write else "read it")
    raise APIError(403, "forbidden", message) if wants_json() else _abort(403, message)


def _abort(status: int, message: str | None = None):
    abort(status, description=message)
