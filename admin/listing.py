"""Long lists of the admin site: keyset pages for the large tables (messages, reviews, audit log),
and the GET filter forms (WTForms on the query string, so a filtered page is a shareable URL).

A keyset page is `WHERE id < :before ORDER BY id DESC LIMIT n` (older) or
`WHERE id > :after ORDER BY id ASC LIMIT n`, reversed (newer): its cost does not grow with how far
back one pages, unlike OFFSET, and rows written meanwhile neither repeat nor vanish between pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, literal
from sqlalchemy.orm import InstrumentedAttribute
from werkzeug.datastructures import MultiDict
from wtforms import DateField, Form, IntegerField, SelectChoice, SelectField, StringField
from wtforms.validators import Length, NumberRange, Optional, ValidationError

from admin.db import db
from admin.enums import REVIEW_DECISIONS, Action, Category, ReviewStatus
from admin.models import AuditEntry, Message, User

MAX_CURSOR = 2**63 - 1
"""The largest id a cursor may name (a bigger number is an error, not an overflow in the database)."""
MAX_USERNAME_CHARS = 80
ANY = SelectChoice("", "any")
"""The first choice of an optional select filter."""


@dataclass(frozen=True)
class KeysetPage:
    """One page of a newest-first list: its rows, where it sits in the whole, and the cursors around it."""

    items: list[Any]
    total: int
    first: int
    """1-based position of the first row among all matching rows (0 when the page is empty)."""
    older: int | None
    """Cursor for the next older page (`before=`), None on the oldest page."""
    newer: int | None
    """Cursor for the next newer page (`after=`), None on the newest page."""

    @property
    def last(self) -> int:
        """1-based position of the last row on this page."""
        return self.first + len(self.items) - 1 if self.items else 0


def _count(query: Select) -> int:
    return db.session.scalar(db.select(func.count()).select_from(query.order_by(None).subquery())) or 0


def keyset_page(query: Select, key: InstrumentedAttribute, per_page: int, before: int | None = None,
                after: int | None = None) -> KeysetPage:
    """The rows of `query` (filters only, no ORDER BY) newest first by `key`, one page from a cursor.

    `before`: rows older than that id; `after`: rows newer than it; neither: the newest rows.
    """
    if per_page < 1:
        raise ValueError("per_page must be at least 1")
    if after is not None:
        rows = db.session.execute(query.where(key > after).order_by(key.asc()).limit(per_page)).scalars().all()
        items = list(reversed(rows))
    else:
        page = query.where(key < before) if before is not None else query
        items = list(db.session.execute(page.order_by(key.desc()).limit(per_page)).scalars().all())
    total = _count(query)
    if not items:
        return KeysetPage([], total, 0, None, None)
    newest_id, oldest_id = getattr(items[0], key.key), getattr(items[-1], key.key)
    above = _count(query.where(key > newest_id))
    more_older = above + len(items) < total
    return KeysetPage(items, total, above + 1, oldest_id if more_older else None, newest_id if above else None)


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min)


class CursorForm(Form):
    """A keyset page's cursors (`before=` / `after=` an id), read from the query string."""

    before = IntegerField("Older than id", validators=[Optional(), NumberRange(min=1, max=MAX_CURSOR)])
    after = IntegerField("Newer than id", validators=[Optional(), NumberRange(min=1, max=MAX_CURSOR)])

    def __init__(self, args: MultiDict, **kwargs: Any) -> None:
        # Empty values are "no filter": the browser sends every field of a GET form.
        super().__init__(MultiDict([(k, v) for k, v in args.items(multi=True) if v != ""]), **kwargs)

    def validate_after(self, field: IntegerField) -> None:
        """One direction at a time."""
        if field.data is not None and self.before.data is not None:
            raise ValidationError("Give either an older-than or a newer-than cursor, not both.")

    def error_list(self) -> list[str]:
        """Every error as 'Field: message', in field order."""
        return [f"{field.label.text}: {message}" for field in self for message in field.errors]

    def args(self, **changes: Any) -> dict[str, Any]:
        """The filters as query-string arguments (no cursor), with `changes` applied: for page links."""
        values = {name: field.data for name, field in self._fields.items()
                  if name not in ("before", "after") and field.data not in (None, "")}
        values = {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}
        values.update(changes)
        return values

    def page(self, query: Select, key: InstrumentedAttribute, per_page: int) -> KeysetPage:
        """The page of `query` these cursors point at (call after validate())."""
        return keyset_page(query, key, per_page, self.before.data, self.after.data)


class ListFilterForm(CursorForm):
    """The date range every filtered list shares, and its cursors."""

    since = DateField("From (date)", validators=[Optional()], format="%Y-%m-%d")
    until = DateField("To (date, inclusive)", validators=[Optional()], format="%Y-%m-%d")

    def validate_until(self, field: DateField) -> None:
        """The range must not end before it starts."""
        if field.data and self.since.data and field.data < self.since.data:
            raise ValidationError("The end date is before the start date.")

    def _date_range(self, query: Select, column: InstrumentedAttribute) -> Select:
        if self.since.data:
            query = query.where(column >= _day_start(self.since.data))
        if self.until.data:
            query = query.where(column < _day_start(self.until.data + timedelta(days=1)))
        return query


def _user_id(username: str) -> int | None:
    return db.session.scalar(db.select(User.id).where(User.username == username))


class ReviewFilterForm(ListFilterForm):
    """The review queue's filters: review status, category, action, sender, date range."""

    status = SelectField("Status", choices=[SelectChoice(s.value) for s in (ReviewStatus.PENDING, *REVIEW_DECISIONS)],
                         default=ReviewStatus.PENDING.value)
    category = SelectField("Category", choices=[ANY, *[SelectChoice(c.value) for c in Category]], default="")
    action = SelectField("Action", choices=[ANY, *[SelectChoice(a.value) for a in Action]], default="")
    user = StringField("Sender (username)", validators=[Optional(), Length(max=MAX_USERNAME_CHARS)],
                       filters=[lambda v: v.strip() if isinstance(v, str) else v])

    def validate_user(self, field: StringField) -> None:
        """A sender filter names a user who exists (a typo should say so, not show an empty queue)."""
        if field.data and _user_id(field.data) is None:
            raise ValidationError(f"There is no user named '{field.data}'.")

    def query(self) -> Select:
        """Messages matching the filters (no order)."""
        query = db.select(Message).where(Message.review_status == self.status.data)
        if self.category.data:
            # categories is a comma-joined list: match whole items only ('link' is not in 'linkedin').
            query = query.where((literal(",") + Message.categories + literal(",")).like(f"%,{self.category.data},%"))
        if self.action.data:
            query = query.where(Message.action == self.action.data)
        if self.user.data:
            query = query.where(Message.sender_id == _user_id(self.user.data))
        return self._date_range(query, Message.created_at)


class AuditFilterForm(ListFilterForm):
    """The audit log's filters: actor, action (exact, or a family such as 'login.'), date range."""

    actor = StringField("Actor (username, or 'system')", validators=[Optional(), Length(max=MAX_USERNAME_CHARS)],
                        filters=[lambda v: v.strip() if isinstance(v, str) else v])
    action = StringField("Action (e.g. login.failed, or login. for all)",
                         validators=[Optional(), Length(max=60)],
                         filters=[lambda v: v.strip() if isinstance(v, str) else v])

    def validate_actor(self, field: StringField) -> None:
        """An actor filter names a user who exists, or 'system'."""
        if field.data and field.data != "system" and _user_id(field.data) is None:
            raise ValidationError(f"There is no user named '{field.data}'.")

    def query(self) -> Select:
        """Audit entries matching the filters (no order)."""
        query = db.select(AuditEntry)
        if self.actor.data == "system":
            query = query.where(AuditEntry.actor_id.is_(None))
        elif self.actor.data:
            query = query.where(AuditEntry.actor_id == _user_id(self.actor.data))
        if self.action.data:
            if self.action.data.endswith("."):
                prefix = self.action.data.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                query = query.where(AuditEntry.action.like(f"{prefix}%", escape="\\"))
            else:
                query = query.where(AuditEntry.action == self.action.data)
        return self._date_range(query, AuditEntry.created_at)
