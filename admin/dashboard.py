"""The dashboard (messages per day by action, findings by category, exceptions, the review backlog and
the senders flagged most, as server-made inline SVG with a table for each chart) and the audit log."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from xml.sax.saxutils import escape

from flask import Blueprint, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from markupsafe import Markup

from admin.auth import role_required
from admin.db import db
from admin.enums import Action, Category, ReviewStatus, Role
from admin.listing import AuditFilterForm
from admin.models import AuditEntry, Message, User, utcnow

bp = Blueprint("dashboard", __name__, url_prefix="/admin")

CHART_DAYS = 14
AUDIT_PAGE_SIZE = 50
TOP_SENDERS = 10
"""How many of the senders with the most flagged messages the dashboard lists."""
AXIS_TICKS = 5
"""About how many steps the y-axis is cut into (the steps are round numbers: 1, 2 or 5 times a power of 10)."""
MIN_AXIS_TOP = 4
"""The smallest axis top, so that a quiet fortnight still shows a scale of several ticks."""
FLAGGED = Message.categories != ""


def nice_ticks(highest: int, target: int = AXIS_TICKS) -> list[int]:
    """Round y-axis ticks from 0 to at least `highest`: a step of 1, 2 or 5 times a power of ten,
    at most `target` steps ("37" gives 0, 10, 20, 30, 40)."""
    if highest < 0:
        raise ValueError(f"a count cannot be negative: {highest}")
    top = max(highest, MIN_AXIS_TOP)
    power = 1
    while True:
        for multiple in (1, 2, 5):
            step = multiple * power
            if math.ceil(top / step) <= target:
                return list(range(0, step * math.ceil(top / step) + 1, step))
        power *= 10


def format_age(age: timedelta) -> str:
    """An age as a person reads it: '2 d 3 h', '5 h 12 min', '7 min'."""
    minutes = max(0, int(age.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min"


def window(days: int = CHART_DAYS) -> list[date]:
    """The last `days` days (UTC), oldest first, today included."""
    today = utcnow().date()
    return [today - timedelta(days=i) for i in range(days - 1, -1, -1)]


def _day(value: object) -> date:
    # SQLite's date() answers 'YYYY-MM-DD' text, PostgreSQL a date.
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def messages_by_day_and_action(days: list[date]) -> dict[date, Counter]:
    """Per day, how many messages (every send attempt, flagged or not) ended in each action."""
    since = datetime.combine(days[0], time.min)
    day = db.func.date(Message.created_at)
    rows = db.session.execute(
        db.select(day, Message.action, db.func.count()).where(Message.created_at >= since).group_by(day, Message.action)
    ).all()
    counts: dict[date, Counter] = {d: Counter() for d in days}
    for when, action, n in rows:
        if _day(when) in counts:
            counts[_day(when)][Action(action)] += n
    return counts


_FINDING_CATEGORIES = {
    # One row per finding: the message's id and the finding's category, counted by the database itself
    # (loading every flagged message's JSON into Python took 0.3 s for 20,000 messages).
    "sqlite": "SELECT json_extract(f.value, '$.category') AS category, count(*), count(DISTINCT m.id) "
              "FROM messages AS m, json_each(m.findings) AS f "
              "WHERE m.created_at >= :since AND m.categories != '' GROUP BY 1",
    "postgresql": "SELECT f.value ->> 'category' AS category, count(*), count(DISTINCT m.id) "
                  "FROM messages AS m, jsonb_array_elements(m.findings) AS f(value) "
                  "WHERE m.created_at >= :since AND m.categories != '' GROUP BY 1",
}


def findings_by_category(since: datetime) -> tuple[Counter, Counter]:
    """Since a time: how many findings (highlighted spans) of each category, and how many messages carry it."""
    findings: Counter = Counter()
    messages: Counter = Counter()
    query = _FINDING_CATEGORIES.get(db.engine.dialect.name)
    if query is not None:
        for category, n_findings, n_messages in db.session.execute(db.text(query), {"since": since}):
            findings[category] += n_findings
            messages[category] += n_messages
        return findings, messages
    rows = db.session.execute(  # any other database: the same count in Python
        db.select(Message.findings).where(Message.created_at >= since, FLAGGED).execution_options(yield_per=1000)
    ).scalars()
    for doc in rows:
        cats = [f.get("category") for f in doc or []]
        findings.update(cats)
        messages.update(set(cats))
    return findings, messages


@dataclass(frozen=True)
class Backlog:
    """The review queue's size and how long its oldest message has waited."""

    pending: int
    oldest: datetime | None

    @property
    def oldest_age(self) -> str | None:
        """How long the oldest pending message has waited, in words."""
        return format_age(utcnow() - self.oldest) if self.oldest else None


def review_backlog() -> Backlog:
    """Pending review: count and oldest."""
    pending, oldest = db.session.execute(
        db.select(db.func.count(), db.func.min(Message.created_at)).where(Message.review_status == ReviewStatus.PENDING)
    ).one()
    return Backlog(pending, oldest)


def exception_claims(since: datetime) -> tuple[list[tuple[str, Counter]], int]:
    """Since a time: per exception reason, its claims by review status; and how many claims were refused."""
    rows = db.session.execute(
        db.select(Message.exception_reason, Message.review_status, db.func.count())
        .where(Message.created_at >= since, Message.exception_reason.is_not(None))
        .group_by(Message.exception_reason, Message.review_status)
    ).all()
    by_reason: dict[str, Counter] = {}
    for reason, status, n in rows:
        by_reason.setdefault(reason, Counter())[ReviewStatus(status)] += n
    refused = db.session.execute(
        db.select(db.func.count()).select_from(AuditEntry)
        .where(AuditEntry.action == "exception.refused", AuditEntry.created_at >= since)
    ).scalar_one()
    ordered = sorted(by_reason.items(), key=lambda item: (-item[1].total(), item[0]))
    return ordered, refused


def top_senders(since: datetime, limit: int = TOP_SENDERS) -> list[tuple[User, int, int]]:
    """Since a time: the users with the most flagged messages (two or more), with how many were blocked."""
    flagged = db.func.count(Message.id)
    blocked = db.func.sum(db.case((Message.action == Action.BLOCK, 1), else_=0))
    return [tuple(row) for row in db.session.execute(
        db.select(User, flagged, blocked).join(Message, Message.sender_id == User.id)
        .where(Message.created_at >= since, FLAGGED)
        .group_by(User.id).having(flagged >= 2).order_by(flagged.desc(), User.username).limit(limit)
    ).all()]


@dataclass(frozen=True)
class Series:
    """One coloured part of a chart: its name (legend and tooltips), CSS class and one value per column."""

    name: str
    css_class: str
    values: list[int]


def _text(x: float, y: float, words: str, anchor: str = "middle", css: str = "") -> str:
    cls = f' class="{css}"' if css else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{cls}>{escape(words)}</text>'


def column_chart(chart_id: str, title: str, labels: list[str], series: list[Series],
                 width: int = 720, height: int = 240) -> Markup:
    """Stacked columns, one per label, with a y-axis of round ticks and a legend; colours come from
    the CSS classes (admin.css), the numbers from each part's tooltip and the page's table."""
    left, right, top, bottom, legend = 44, 8, 10, 24, 26
    plot_h = height - top - bottom
    totals = [sum(s.values[i] for s in series) for i in range(len(labels))]
    ticks = nice_ticks(max(totals, default=0))
    scale = plot_h / ticks[-1]
    base = top + plot_h
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height + legend}" '
             f'class="chart-svg chart-columns" role="img" aria-labelledby="{chart_id}-title" id="{chart_id}">',
             f'<title id="{chart_id}-title">{escape(title)}</title>']
    for tick in ticks:
        y = base - tick * scale
        parts.append(f'<line class="grid" x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}"/>')
        parts.append(_text(left - 6, y + 4, str(tick), "end", "tick"))
    column_w = (width - left - right) / max(len(labels), 1)
    for i, label in enumerate(labels):
        x, y = left + i * column_w + 3, base
        for s in series:
            n = s.values[i]
            if n:
                h = n * scale
                y -= h
                parts.append(f'<rect class="{s.css_class}" x="{x:.1f}" y="{y:.1f}" width="{column_w - 6:.1f}" '
                             f'height="{h:.1f}"><title>{escape(label)} {escape(s.name)}: {n}</title></rect>')
        parts.append(_text(x + (column_w - 6) / 2, base + 15, label, css="label"))
    parts.append(f'<line class="axis" x1="{left}" y1="{base}" x2="{width - right}" y2="{base}"/>')
    for i, s in enumerate(series):
        x = left + i * 110
        parts.append(f'<rect class="{s.css_class}" x="{x}" y="{height + 8}" width="12" height="12"/>')
        parts.append(_text(x + 17, height + 18, s.name, "start", "label"))
    parts.append("</svg>")
    return Markup("".join(parts))


def bar_chart(chart_id: str, title: str, bars: list[tuple[str, str, int]], width: int = 520) -> Markup:
    """Horizontal bars (name, CSS class, value) over an x-axis of round ticks."""
    left, right, row, top, bottom = 90, 40, 28, 6, 22
    height = top + row * len(bars) + bottom
    ticks = nice_ticks(max((v for _, _, v in bars), default=0))
    scale = (width - left - right) / ticks[-1]
    base = top + row * len(bars)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="chart-svg chart-bars" '
             f'role="img" aria-labelledby="{chart_id}-title" id="{chart_id}">',
             f'<title id="{chart_id}-title">{escape(title)}</title>']
    for tick in ticks:
        x = left + tick * scale
        parts.append(f'<line class="grid" x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{base}"/>')
        parts.append(_text(x, base + 15, str(tick), css="tick"))
    for i, (name, css_class, value) in enumerate(bars):
        y = top + i * row
        parts.append(_text(left - 8, y + row / 2 + 4, name, "end", "label"))
        if value:
            parts.append(f'<rect class="{css_class}" x="{left}" y="{y + 5}" width="{value * scale:.1f}" '
                         f'height="{row - 10}"><title>{escape(name)}: {value}</title></rect>')
        parts.append(_text(left + value * scale + 6, y + row / 2 + 4, str(value), "start", "value"))
    parts.append(f'<line class="axis" x1="{left}" y1="{top}" x2="{left}" y2="{base}"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


@bp.get("/")
@role_required(Role.ADMIN, Role.REVIEWER)
def index() -> ResponseReturnValue:
    """Messages per day by action, findings by category, exceptions, the review backlog, repeat senders."""
    days = window()
    since = datetime.combine(days[0], time.min)
    per_day = messages_by_day_and_action(days)
    labels = [d.strftime("%m-%d") for d in days]
    actions = list(Action)
    action_chart = column_chart(
        "chart-actions", f"Messages per day by action, last {CHART_DAYS} days (UTC)", labels,
        [Series(a, f"act-{a}", [per_day[d][a] for d in days]) for a in actions])
    findings, flagged_with = findings_by_category(since)
    categories = list(Category)
    category_chart = bar_chart(
        "chart-categories", f"Findings by category, last {CHART_DAYS} days",
        [(c, f"cat-{c}", findings[c]) for c in categories])
    claims, refused = exception_claims(since)
    latest = db.session.execute(
        db.select(Message).where(FLAGGED).order_by(Message.id.desc()).limit(20)
    ).scalars().all()
    return render_template(
        "admin/dashboard.html", days=days, per_day=per_day, actions=actions, action_chart=action_chart,
        categories=categories, findings=findings, flagged_with=flagged_with, category_chart=category_chart,
        claims=claims, refused=refused, backlog=review_backlog(), senders=top_senders(since), latest=latest,
        chart_days=CHART_DAYS,
    )


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
                           target_url=audit_target_links(entries.items), detail_items=detail_items,
                           detail_url=audit_detail_link)


def detail_items(value: object) -> list[tuple[str, object]] | None:
    """An audit detail (or a value inside it) as key/value pairs to show as a list; None for a plain value.

    A dict gives its items sorted by key, a list its items numbered from 1."""
    if isinstance(value, dict):
        return sorted((str(k), v) for k, v in value.items())
    if isinstance(value, list):
        return [(str(i), v) for i, v in enumerate(value, 1)]
    return None


def audit_detail_link(key: str, value: object) -> str | None:
    """The page a detail value names, when it names one by id: a conversation, a service token (admins)."""
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        return None  # a marketplace's own conversation id is text: no page of ours
    if key == "conversation":
        return url_for("contracts.detail", conversation_id=value)
    if key == "token_id" and current_user.role == Role.ADMIN:
        return url_for("tokens.index", _anchor=f"token-{value}")
    return None


def audit_target_links(entries: Iterable[AuditEntry]) -> Callable[[AuditEntry], str | None]:
    """A function giving the page of an entry's target (None when it has none, it is gone, or the
    viewer may not open that page)."""
    entries = list(entries)
    message_ids = {e.target_id for e in entries if e.target_type == "message" and e.target_id}
    conversation_of = dict(db.session.execute(
        db.select(Message.id, Message.conversation_id).where(Message.id.in_(message_ids))
    ).all()) if message_ids else {}
    user_ids = {e.target_id for e in entries if e.target_type == "user" and e.target_id}
    username_of = dict(db.session.execute(
        db.select(User.id, User.username).where(User.id.in_(user_ids))
    ).all()) if user_ids else {}
    admin = current_user.role == Role.ADMIN

    def target_url(entry: AuditEntry) -> str | None:
        kind, target = entry.target_type, entry.target_id
        if not target:
            return None
        if kind == "conversation":
            return url_for("contracts.detail", conversation_id=target)
        if kind == "message" and target in conversation_of:
            # The page that starts at that message, whatever its age.
            return url_for("contracts.detail", conversation_id=conversation_of[target],
                           before=target + 1, _anchor=f"message-{target}")
        if kind == "rule_set_version":
            return url_for("rulesets.show", version_id=target)
        if kind == "job":
            return url_for("jobs.show", job_id=target)
        if kind == "user" and target in username_of:
            # Reviewers cannot open the users page: the user's messages in the review queue instead.
            return url_for("users.index", _anchor=f"user-{target}") if admin else url_for(
                "review.index", status=ReviewStatus.PENDING, user=username_of[target])
        if kind == "service_token" and admin:
            return url_for("tokens.index", _anchor=f"token-{target}")
        if kind == "webhook_endpoint" and admin:
            return url_for("webhooks.index", _anchor=f"endpoint-{target}")
        if kind == "webhook_delivery" and admin:
            return url_for("webhooks.index", _anchor=f"delivery-{target}")
        return None

    return target_url
