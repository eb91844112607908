"""Service tokens: a marketplace backend's credentials for the `/api/marketplace` routes.

Admins create tokens (the secret is shown once and stored as a sha256 hash: the secret is 256
random bits, so a slow password hash would add cost without adding safety) and revoke them.
A request authenticates with `Authorization: Bearer <secret>`; it carries no cookie, so no CSRF
token either. Each token is rate-limited on its own (Flask-Limiter, the login limiter's store).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Iterable
from datetime import timedelta
from functools import wraps
from typing import Any

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectMultipleField, StringField, widgets
from wtforms.validators import DataRequired, Length

from admin.auth import role_required
from admin.db import db
from admin.enums import Role, TokenScope
from admin.errors import APIError
from admin.models import ServiceToken, User, record_audit, utcnow

bp = Blueprint("tokens", __name__, url_prefix="/admin/tokens")

SECRET_PREFIX = "cg_"
LAST_USED_PRECISION = timedelta(seconds=60)
"""last_used_at is written at most this often per token, so a busy token does not write on every request."""


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def create_token(name: str, scopes: Iterable[str], actor: User | None) -> tuple[ServiceToken, str]:
    """A new token and its secret (the only time the secret exists outside the caller); ValueError on bad input."""
    name = name.strip()
    if not name or len(name) > 80:
        raise ValueError("the name must be 1 to 80 characters")
    chosen = list(dict.fromkeys(scopes))
    unknown = [s for s in chosen if s not in list(TokenScope)]
    if unknown or not chosen:
        raise ValueError(f"choose one or more scopes of {', '.join(TokenScope)}")
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    token = ServiceToken(name=name, prefix=secret[:10], secret_hash=_hash(secret), scopes=",".join(chosen),
                         created_by_id=actor.id if actor else None)
    db.session.add(token)
    db.session.flush()
    record_audit(actor, "token.create", "service_token", token.id, name=name, scopes=chosen)
    return token, secret


def revoke_token(token: ServiceToken, actor: User | None) -> None:
    """Revoke a token at once (its next request is a 401)."""
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        token.revoked_by_id = actor.id if actor else None
        record_audit(actor, "token.revoke", "service_token", token.id, name=token.name)


# -- authentication ---------------------------------------------------------------------------


def _bearer_secret() -> str | None:
    scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
    return secret.strip() or None if scheme.lower() == "bearer" else None


def rate_limit_key() -> str:
    """The rate-limit bucket: one per presented token (its hash), else the client's address."""
    secret = _bearer_secret()
    return "service-token:" + _hash(secret)[:32] if secret else "service-token-anonymous:" + str(request.remote_addr)


def authenticate(scope: TokenScope) -> ServiceToken:
    """The request's active token if it grants `scope`: APIError 401 (no or bad token) or 403 (scope)."""
    secret = _bearer_secret()
    if secret is None:
        raise APIError(401, "unauthorized", "send a service token: Authorization: Bearer <token>")
    token = db.session.execute(
        db.select(ServiceToken).where(ServiceToken.secret_hash == _hash(secret))
    ).scalar_one_or_none()
    if token is None or not token.active:
        raise APIError(401, "invalid_token", "the service token is unknown or revoked")
    if scope not in token.scope_list:
        raise APIError(403, "insufficient_scope", f"this needs a token with the scope {scope}")
    now = utcnow()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        token.last_used_at = now
        db.session.commit()
    g.service_token = token
    return token


def token_required(scope: TokenScope) -> Callable[[Callable], Callable]:
    """`operation(..., authenticate=token_required(scope))`: a route for service tokens with `scope`."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> ResponseReturnValue:
            authenticate(scope)
            return view(*args, **kwargs)

        wrapped.token_scope = scope  # type: ignore[attr-defined]  # read by the OpenAPI document
        return wrapped

    return decorator


def audit_token_use(action: str, target_type: str, target_id: int | None, **detail: Any) -> None:
    """An audit entry for a write by the request's token (added to the session; the caller commits)."""
    token: ServiceToken = g.service_token
    record_audit(None, action, target_type, target_id, token_id=token.id, token=token.name, **detail)


# -- admin pages ------------------------------------------------------------------------------


class TokenForm(FlaskForm):
    """A new token: a name and its scopes."""

    name = StringField("Name", validators=[DataRequired(), Length(max=80)])
    scopes = SelectMultipleField("Scopes", choices=[SelectChoice(s.value) for s in TokenScope],
                                 widget=widgets.ListWidget(prefix_label=False),
                                 option_widget=widgets.CheckboxInput())


def _page(form: TokenForm, secret: str | None = None, created: ServiceToken | None = None) -> str:
    tokens = db.session.execute(db.select(ServiceToken).order_by(ServiceToken.id.desc())).scalars().all()
    return render_template("admin/tokens.html", tokens=tokens, form=form, secret=secret, created=created)


@bp.get("/")
@role_required(Role.ADMIN)
def index() -> ResponseReturnValue:
    """Every token (name, scopes, last use, revoked or not) and the form for a new one."""
    return _page(TokenForm())


@bp.post("/")
@role_required(Role.ADMIN)
def create() -> ResponseReturnValue:
    """Create a token and show its secret once (in this reply only: never stored, never in a cookie)."""
    form = TokenForm()
    if not form.validate_on_submit():
        return _page(form), 422
    try:
        token, secret = create_token(form.name.data, form.scopes.data or [], current_user)
    except ValueError as exc:
        form.scopes.errors = [str(exc)]
        return _page(form), 422
    db.session.commit()
    response = current_app.make_response((_page(TokenForm(formdata=None), secret, token), 201))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/<int:token_id>/revoke")
@role_required(Role.ADMIN)
def revoke(token_id: int) -> ResponseReturnValue:
    """Revoke a token."""
    token = db.get_or_404(ServiceToken, token_id)
    revoke_token(token, current_user)
    db.session.commit()
    flash(f"Token {token.name!r} is revoked.", "info")
    return redirect(url_for("tokens.index"), 303)
