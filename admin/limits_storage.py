"""Rate-limit counters in the app's own database, so every app process shares one count.

Flask-Limiter keeps its counters in a `limits` storage named by RATELIMIT_STORAGE_URI.
`memory://` is per process: behind two gunicorn workers an attacker gets twice the login
attempts. `database://` (the default) keeps fixed-window counters in the `rate_limit_counters`
table of the database the app already uses (SQLite or PostgreSQL), so the limits hold across
every process and machine that shares it, without Redis. One hit is one atomic upsert

    INSERT ... ON CONFLICT (key) DO UPDATE SET hits = hits + n (or n when the window has ended)
    RETURNING hits

in its own short transaction on its own pooled connection (never the request's session, which
may still roll back). Expired rows are deleted now and then by the hits themselves.
"""

from __future__ import annotations

import itertools
import time
from typing import Any

from limits.storage import Storage
from sqlalchemy import case, delete, literal, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from admin.models import RateLimitCounter

SCHEME = "database"
"""RATELIMIT_STORAGE_URI = "database://": the app's own database (SQLALCHEMY_DATABASE_URI)."""
SWEEP_EVERY = 200
"""Every this many hits a process deletes the counters whose window has ended."""

_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


class DatabaseStorage(Storage):
    """A `limits` storage (fixed-window and its moving-window-free strategies) in `rate_limit_counters`."""

    STORAGE_SCHEME = [SCHEME]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, engine: Engine | None = None,
                 **options: Any) -> None:
        # Without an engine the storage uses the current Flask app's (Flask-SQLAlchemy's) engine:
        # the limiter only runs inside requests, where there always is one.
        self._engine = engine
        self._hits = itertools.count(1)
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)

    @property
    def engine(self) -> Engine:
        """The engine the counters live in."""
        if self._engine is not None:
            return self._engine
        from admin.db import db

        return db.engine

    @property
    def base_exceptions(self) -> type[Exception] | tuple[type[Exception], ...]:
        """What a broken database raises (Flask-Limiter's RATELIMIT_SWALLOW_ERRORS looks at these)."""
        return SQLAlchemyError

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        """Add `amount` hits to the key's current window (a new window of `expiry` s if it ended); the count."""
        engine = self.engine
        insert = _INSERTS.get(engine.dialect.name)
        if insert is None:
            raise RuntimeError(f"database:// rate limits need SQLite or PostgreSQL, not {engine.dialect.name}")
        now = time.time()
        table = RateLimitCounter.__table__
        ended = table.c.expires_at <= literal(now)
        statement = insert(table).values(key=key, hits=amount, expires_at=now + expiry)
        statement = statement.on_conflict_do_update(index_elements=[table.c.key], set_={
            "hits": case((ended, literal(amount)), else_=table.c.hits + amount),
            "expires_at": case((ended, literal(now + expiry)), else_=table.c.expires_at),
        }).returning(table.c.hits)
        with engine.begin() as conn:
            hits = conn.execute(statement).scalar_one()
            if next(self._hits) % SWEEP_EVERY == 0:
                conn.execute(delete(table).where(table.c.expires_at <= now))
        return int(hits)

    def get(self, key: str) -> int:
        """Hits in the key's current window (0 when it has none or it ended)."""
        table = RateLimitCounter.__table__
        with self.engine.connect() as conn:
            hits = conn.execute(select(table.c.hits).where(table.c.key == key,
                                                           table.c.expires_at > time.time())).scalar()
        return int(hits or 0)

    def get_expiry(self, key: str) -> float:
        """When the key's window ends (unix seconds; now when it has none)."""
        table = RateLimitCounter.__table__
        with self.engine.connect() as conn:
            expires = conn.execute(select(table.c.expires_at).where(table.c.key == key)).scalar()
        return float(expires) if expires is not None else time.time()

    def check(self) -> bool:
        """True when the database answers."""
        try:
            with self.engine.connect() as conn:
                conn.execute(select(1))
        except SQLAlchemyError:
            return False
        return True

    def reset(self) -> int | None:
        """Forget every counter; how many there were."""
        with self.engine.begin() as conn:
            return conn.execute(delete(RateLimitCounter.__table__)).rowcount

    def clear(self, key: str) -> None:
        """Forget one key's counter."""
        table = RateLimitCounter.__table__
        with self.engine.begin() as conn:
            conn.execute(delete(table).where(table.c.key == key))

