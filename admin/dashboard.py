"""The dashboard (flagged messages by category, action and day, as server-made SVG) and the audit log."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from xml.sax.saxutils import escape

from flask import Blueprint, Response, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from admin.auth import role_required
from admin.db import db
from admin.enums import Action, Category, ReviewStatus, Role
from admin.listing import AuditFilterForm
from admin.models import AuditEntry, Message, utcnow

bp = Blueprint("dashboard", __name__, url_prefix="/admin")

CATEGORY_COLOURS = {
    Category.PHONE: "#d9480f", Category.EMAIL: "#1971c2", Category.ADDRESS: "#2f9e44", Category.LINK: "#9c36b5",
    Category.SOCIAL: "#e67700",
}
CHART_DAYS = 14
AUDIT_PAGE_SIZE = 50


def _flagged_since(days: int) -> list[Message]:
    since = utcnow() - timedelta(days=days)
    return list(
        db.session.execute(
            db.select(Message).where(Message.created_at >= since, Message.categories != "").order_by(Message.id)
        ).scalars()
    )


def flagged_by_day(days: int = CHART_DAYS) -> tuple[list[date], dict[date, Counter]]:
    """Per day of the last `days`, how many flagged messages carried each category."""
    today = utcnow().date()
    day_list = [today - timedelta(days=i) for i in range(days - 1, -1, -1)]
    counts: dict[date, Counter] = {d: Counter() for d in day_list}
    for message in _flagged_since(days):
        day = message.created_at.date()
        if day in counts:
            counts[day].update(message.category_list)
    return day_list, counts


def chart_svg(days: list[date], counts: dict[date, Counter]) -> str:
    """A stacked bar chart, one bar per day, one colour per category (no scripts, no styles)."""
    width, height, left, bottom, top = 720, 260, 40, 40, 20
    plot_h = height - bottom - top
    highest = max([sum(c.values()) for c in counts.values()] + [1])
    bar_w = (width - left - 10) / max(len(days), 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + 30}" '
        f'viewBox="0 0 {width} {height + 30}" role="img" aria-label="Flagged messages per day by category">',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 5}" y2="{top + plot_h}" stroke="#888"/>',
        f'<text x="{left - 6}" y="{top + 4}" font-size="11" text-anchor="end" '
        f'font-family="sans-serif">{highest}</text>',
        f'<text x="{left - 6}" y="{top + plot_h}" font-size="11" text-anchor="end" font-family="sans-serif">0</text>',
    ]
    for i, day in enumerate(days):
        x = left + i * bar_w + 2
        y = top + plot_h
        for category in Category:
            n = counts[day][category]
            if not n:
                continue
            h = plot_h * n / highest
            y -= h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 4:.1f}" height="{h:.1f}" '
                f'fill="{CATEGORY_COLOURS[category]}"><title>{escape(str(day))} {category}: {n}</title></rect>'
            )
        parts.append(
            f'<text x="{x + (bar_w - 4) / 2:.1f}" y="{top + plot_h + 14}" font-size="10" text-anchor="middle" '
            f'font-family="sans-serif">{day.strftime("%m-%d")}</text>'
        )
    for i, category in enumerate(Category):
        x = left + i * 110
        parts.append(f'<rect x="{x}" y="{height + 8}" width="12" height="12" fill="{CATEGORY_COLOURS[category]}"/>')
        parts.append(
            f'<text x="{x + 16}" y="{height + 18}" font-size="12" font-family="sans-serif">{category}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


@bp.get("/")
@role_required(Role.ADMIN, Role.REVIEWER)
def index() -> ResponseReturnValue:
    """Flagged messages by category, action and day, and the latest ones."""
    days, counts = flagged_by_day()
    by_category: Counter = Counter()
    for c in counts.values():
        by_category.update(c)
    by_action = Counter(
        dict(
            db.session.execute(
                db.select(Message.action, db.func.count())
                .where(Message.created_at >= utcnow() - timedelta(days=CHART_DAYS), Message.categories != "")
                .group_by(Message.action)
            ).all()
        )
    )
    latest = db.session.execute(
        db.select(Message).where(Message.categories != "").order_by(Message.id.desc()).limit(20)
    ).scalars().all()
    pending = db.session.execute(
        db.select(db.func.count()).select_from(Message).where(Message.review_status == ReviewStatus.PENDING)
    ).scalar()
    return render_template(
        "admin/dashboard.html", by_category=by_category, by_action=by_action, latest=latest,
        categories=list(Category), actions=list(Action), pending=pending, days=CHART_DAYS,
    )


@bp.get("/chart.svg")
@role_required(Role.ADMIN, Role.REVIEWER)
def chart() -> ResponseReturnValue:
    """The dashboard chart as an SVG image."""
    days, counts = flagged_by_day()
    return Response(chart_svg(days, counts), mimetype="image/svg+xml", headers={"Cache-Control": "no-store"})


@bp.get("/audit")
@role_required(Role.ADMIN, Role.REVIEWER)
def audit() -> ResponseReturnValue:
    """Every rule, state, review and login event: who, when, what (newest first, filtered, keyset-paged)."""
    filters = AuditFilterForm(request.args)
    actions = db.session.execute(db.select(AuditEntry.action).distinct().order_by(AuditEntry.action)).scalars().all()
    if not filters.validate():
        return render_template("admin/audit.html", entries=None, filters=filters, actions=actions), 400
    entries = filters.page(filters.query(), AuditEntry.id, AUDIT_PAGE_SIZE)
    return render_template("admin/audit.html", entries=entries, filters=filters, actions=actions,
                           target_url=audit_target_links(entries.items))


def audit_target_links(entries: list[AuditEntry]) -> Callable[[AuditEntry], str | None]:
    """A function giving the page of an entry's target (None when it has none, or it is gone)."""
    message_ids = {e.target_id for e in entries if e.target_type == "message" and e.target_id}
    conversation_of = dict(db.session.execute(
        db.select(Message.id, Message.conversation_id).where(Message.id.in_(message_ids))
    ).all()) if message_ids else {}
    admin = current_user.role == Role.ADMIN

    def target_url(entry: AuditEntry) -> str | None:
        if not entry.target_id:
            return None
        if entry.target_type == "conversation":
            return url_for("contracts.detail", conversation_id=entry.target_id)
        if entry.target_type == "message" and entry.target_id in conversation_of:
            # The page that starts at that message, whatever its age.
            return url_for("contracts.detail", conversation_id=conversation_of[entry.target_id],
                           before=entry.target_id + 1, _anchor=f"message-{entry.target_id}")
        if entry.target_type == "rule_set_version":
            return url_for("rulesets.show", version_id=entry.target_id)
        if entry.target_type == "job":
            return url_for("jobs.show", job_id=entry.target_id)
        if entry.target_type == "user" and admin:
            return url_for("users.index", _anchor=f"user-{entry.target_id}")
        return None

    return target_url
