"""Service tokens: a marketplace backend's credentials for the `/api/marketplace` routes.

Admins create tokens (the secret is shown once and stored as a sha256 hash: the secret is 256
random bits, so a slow password hash would add cost without adding safety) and revoke them.
A request authenticates with `Authorization: Bearer <secret>`; it carries no cookie, so no CSRF
token either. Each token is rate-limited on its own (Flask-Limiter, the login limiter's store).
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from functools import wraps
from typing import Any

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from flask_wtf import FlaskForm
from itsdangerous import BadSignature, URLSafeSerializer
from wtforms import SelectChoice, SelectMultipleField, StringField, TextAreaField, widgets
from wtforms.validators import DataRequired, Length

from admin.auth import role_required
from admin.db import db
from admin.enums import Role, TokenScope
from admin.errors import APIError
from admin.models import Conversation, ServiceToken, User, record_audit, utcnow

bp = Blueprint("tokens", __name__, url_prefix="/admin/tokens")

SECRET_PREFIX = "cg_"
LAST_USED_PRECISION = timedelta(seconds=60)
"""last_used_at is written at most this often per token, so a busy token does not write on every request."""


WIDGET_PREFIX = "cgw_"
WIDGET_TOKEN_SECONDS = 900
"""The longest a widget token lives (15 minutes); the marketplace's page asks its backend for a new one."""
_ORIGIN = re.compile(r"^(https?)://([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?$")
MAX_ORIGINS_CHARS = 1000


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def parse_origins(text: str) -> list[str]:
    """Origins written one per line (or space-separated) as scheme://host[:port]; ValueError names a bad one."""
    origins = []
    for origin in text.split():
        normal = origin.lower().rstrip("/")
        if not _ORIGIN.match(normal):
            raise ValueError(f"{origin!r} is not an origin: write scheme://host[:port], e.g. https://www.example.com")
        origins.append(normal)
    joined = " ".join(dict.fromkeys(origins))
    if len(joined) > MAX_ORIGINS_CHARS:
        raise ValueError(f"the allowed origins must fit in {MAX_ORIGINS_CHARS} characters")
    return joined.split()


def create_token(name: str, scopes: Iterable[str], actor: User | None,
                 allowed_origins: Iterable[str] = ()) -> tuple[ServiceToken, str]:
    """A new token and its secret (the only time the secret exists outside the caller); ValueError on bad input."""
    origins = parse_origins(" ".join(allowed_origins))
    name = name.strip()
    if not name or len(name) > 80:
        raise ValueError("the name must be 1 to 80 characters")
    chosen = list(dict.fromkeys(scopes))
    unknown = [s for s in chosen if s not in list(TokenScope)]
    if unknown or not chosen:
        raise ValueError(f"choose one or more scopes of {', '.join(TokenScope)}")
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    token = ServiceToken(name=name, prefix=secret[:10], secret_hash=_hash(secret), scopes=",".join(chosen),
                         allowed_origins=" ".join(origins), created_by_id=actor.id if actor else None)
    db.session.add(token)
    db.session.flush()
    record_audit(actor, "token.create", "service_token", token.id, name=name, scopes=chosen, origins=origins)
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


# -- widget tokens ----------------------------------------------------------------------------


@dataclass(frozen=True)
class WidgetGrant:
    """What a valid widget token allows: one participant, in one conversation, from the minting token's origins."""

    service_token: ServiceToken
    conversation: Conversation
    participant: User
    expires_at: int


def _widget_serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key, salt="contactguard.widget-token")


def mint_widget_token(service_token: ServiceToken, conversation: Conversation, participant: User,
                      seconds: int = WIDGET_TOKEN_SECONDS) -> tuple[str, int]:
    """A signed token for `participant` in `conversation`, valid `seconds` (at most 15 minutes); and its expiry."""
    if not 1 <= seconds <= WIDGET_TOKEN_SECONDS:
        raise ValueError(f"a widget token lives 1 to {WIDGET_TOKEN_SECONDS} seconds")
    expires_at = int(time.time()) + seconds
    payload = {"s": service_token.id, "c": conversation.id, "p": participant.id, "e": expires_at}
    return WIDGET_PREFIX + _widget_serializer().dumps(payload), expires_at


def widget_grant(now: float | None = None) -> WidgetGrant:
    """The request's widget token, checked: APIError 401 (none, forged, expired, revoked) or 403 (origin).

    A request with an Origin header (every browser request across origins) must come from one
    of the minting service token's allowed origins.
    """
    secret = _bearer_secret()
    if secret is None or not secret.startswith(WIDGET_PREFIX):
        raise APIError(401, "unauthorized", "send a widget token: Authorization: Bearer cgw_...")
    try:
        payload = _widget_serializer().loads(secret[len(WIDGET_PREFIX):])
        service_id, conversation_id, participant_id, expires_at = (int(payload[k]) for k in "scpe")
    except (BadSignature, KeyError, TypeError, ValueError):
        raise APIError(401, "invalid_token", "the widget token is not one this server signed") from None
    if (now if now is not None else time.time()) >= expires_at:
        raise APIError(401, "token_expired", "the widget token has expired: ask your backend for a new one")
    service_token = db.session.get(ServiceToken, service_id)
    if service_token is None or not service_token.active or TokenScope.WIDGET not in service_token.scope_list:
        raise APIError(401, "invalid_token", "the service token that minted this widget token is revoked")
    origin = request.headers.get("Origin")
    if origin is not None and origin.lower() not in service_token.origin_list:
        raise APIError(403, "origin_not_allowed", f"this widget token may not be used from {origin}")
    conversation = db.session.get(Conversation, conversation_id)
    participant = db.session.get(User, participant_id)
    if conversation is None or participant is None or not conversation.is_participant(participant):
        raise APIError(401, "invalid_token", "the widget token's conversation or participant no longer exists")
    grant = WidgetGrant(service_token, conversation, participant, expires_at)
    g.widget_grant = grant
    g.service_token = service_token
    return grant


def widget_required(view: Callable) -> Callable:
    """`operation(..., authenticate=widget_required)`: a route for a widget token (checked before the body)."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> ResponseReturnValue:
        widget_grant()
        return view(*args, **kwargs)

    return wrapped


def origin_embeds_a_widget(origin: str) -> bool:
    """True when an active token that may mint widget tokens lists `origin` (a CORS preflight's question)."""
    tokens = db.session.execute(
        db.select(ServiceToken.scopes, ServiceToken.allowed_origins)
        .where(ServiceToken.revoked_at.is_(None), ServiceToken.allowed_origins != "")).all()
    return any(TokenScope.WIDGET in scopes.split(",") and origin.lower() in origins.split()
               for scopes, origins in tokens)


# -- admin pages ------------------------------------------------------------------------------


class TokenForm(FlaskForm):
    """A new token: a name and its scopes."""

    name = StringField("Name", validators=[DataRequired(), Length(max=80)])
    scopes = SelectMultipleField("Scopes", choices=[SelectChoice(s.value) for s in TokenScope],
                                 widget=widgets.ListWidget(prefix_label=False),
                                 option_widget=widgets.CheckboxInput())
    allowed_origins = TextAreaField("Origins allowed to embed the widget (one per line)",
                                    validators=[Length(max=MAX_ORIGINS_CHARS)])


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
        origins = parse_origins(form.allowed_origins.data or "")
    except ValueError as exc:
        form.allowed_origins.errors = [str(exc)]
        return _page(form), 422
    try:
        token, secret = create_token(form.name.data, form.scopes.data or [], current_user, origins)
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
