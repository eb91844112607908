"""Logging in and out, roles, and the `create-user` command."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

import click
from flask import Blueprint, Flask, abort, current_app, flash, redirect, render_template, request, url_for
from flask.cli import with_appcontext
from flask.typing import ResponseReturnValue
from flask_login import LoginManager, current_user, login_required, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from admin.db import db
from admin.enums import Role
from admin.errors import APIError, wants_json
from admin.models import User, record_audit

bp = Blueprint("auth", __name__)
login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.session_protection = "basic"


class LoginForm(FlaskForm):
    """Username and password."""

    username = StringField("Username", validators=[DataRequired(), Length(max=80)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=200)])


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """The logged-in user for a session."""
    try:
        return db.session.get(User, int(user_id))
    except ValueError:
        return None


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


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    """The login form."""
    form = LoginForm()
    if form.validate_on_submit():
        user = db.session.execute(db.select(User).where(User.username == form.username.data)).scalar_one_or_none()
        if user is not None and user.check_password(form.password.data):
            login_user(user)
            return redirect(_safe_next(request.args.get("next")) or url_for("index"))
        flash("Wrong username or password.", "error")
        return render_template("login.html", form=form), 401
    return render_template("login.html", form=form)


@bp.post("/logout")
@login_required
def logout() -> ResponseReturnValue:
    """End the session (a POST, so a link on another site cannot log anyone out)."""
    logout_user()
    flash("Logged out.", "info")
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
    """Attach Flask-Login and the CLI command."""
    login_manager.init_app(app)
    app.cli.add_command(create_user_command)


def conversation_for(conversation_id: int, write: bool = False):
    """The conversation if it exists (404) and the current user may read it, or post in it (403).

    Participants read and post; admins and reviewers read every conversation but post in none.
    """
    from admin.models import Conversation

    conversation = db.session.get(Conversation, conversation_id)
    if conversation is None:
        raise APIError(404, "not_found", f"no conversation {conversation_id}") if wants_json() else _abort(404)
    if conversation.is_participant(current_user):
        return conversation
    if current_user.is_staff and not write:
        return conversation
    message = "only the conversation's client and freelancer may " + ("post in it" if write else "read it")
    raise APIError(403, "forbidden", message) if wants_json() else _abort(403, message)


def _abort(status: int, message: str | None = None):
    abort(status, description=message)
