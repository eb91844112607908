"""Users for admins: lockouts after failed logins (lift them) and sessions (end them everywhere)."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from admin.auth import role_required
from admin.db import db
from admin.enums import Role
from admin.models import User, record_audit, utcnow

bp = Blueprint("users", __name__, url_prefix="/admin/users")


@bp.get("/")
@role_required(Role.ADMIN)
def index() -> ResponseReturnValue:
    """Every user with role, failed logins and lockout."""
    users = db.session.execute(db.select(User).order_by(User.username)).scalars().all()
    return render_template("admin/users.html", users=users, now=utcnow())


@bp.post("/<int:user_id>/unlock")
@role_required(Role.ADMIN)
def unlock(user_id: int) -> ResponseReturnValue:
    """Lift a lockout after failed logins."""
    user = db.get_or_404(User, user_id)
    record_audit(current_user, "user.unlock", "user", user.id, username=user.username,
                 failed_logins=user.failed_logins, locked_until=user.locked_until)
    user.locked_until = None
    user.failed_logins = 0
    db.session.commit()
    flash(f"{user.username} can log in again.", "info")
    return redirect(url_for("users.index"), 303)


@bp.post("/<int:user_id>/end-sessions")
@role_required(Role.ADMIN)
def end_sessions(user_id: int) -> ResponseReturnValue:
    """Revoke every session of a user on the server (a stolen cookie stops working at once)."""
    user = db.get_or_404(User, user_id)
    user.end_sessions()
    record_audit(current_user, "user.end_sessions", "user", user.id, username=user.username)
    db.session.commit()
    flash(f"Every session of {user.username} has ended.", "info")
    return redirect(url_for("users.index") if user.id != current_user.id else url_for("auth.login"), 303)
