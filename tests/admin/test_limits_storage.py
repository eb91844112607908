"""database:// rate limits: fixed windows in the app's own table, atomic across threads and
engines (two engines on one database stand for two app processes), on SQLite and PostgreSQL."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from limits import parse
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter
from sqlalchemy import create_engine, event

from admin.auth import limiter
from admin.db import _sqlite_pragmas, db
from admin.limits_storage import DatabaseStorage
from admin.models import RateLimitCounter


@pytest.fixture
def engines(app):
    """Two engines of their own on the test database: what two app processes hold."""
    made = []
    for _ in range(2):
        engine = create_engine(app.config["SQLALCHEMY_DATABASE_URI"])
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        made.append(engine)
    yield made
    for engine in made:
        engine.dispose()


def test_the_default_storage_is_the_database_and_the_uri_builds_it(app):
    assert app.config["RATELIMIT_STORAGE_URI"] == "database://"
    with app.app_context():
        assert isinstance(limiter.storage, DatabaseStorage)
    assert isinstance(storage_from_string("database://"), DatabaseStorage)


def test_a_window_counts_hits_and_starts_again_when_it_ends(app, engines):
    storage = DatabaseStorage(engine=engines[0])
    assert storage.get("k") == 0 and storage.check()
    assert [storage.incr("k", 1) for _ in range(3)] == [1, 2, 3]
    assert storage.incr("k", 1, amount=2) == 5 and storage.get("k") == 5
    assert time.time() < storage.get_expiry("k") <= time.time() + 1
    time.sleep(1.1)
    assert storage.get("k") == 0  # the window ended
    assert storage.incr("k", 60) == 1  # a new window, a new expiry
    assert storage.get_expiry("k") > time.time() + 50
    storage.clear("k")
    assert storage.get("k") == 0
    storage.incr("a", 60)
    storage.incr("b", 60)
    assert storage.reset() == 2 and storage.get("a") == 0


def test_two_processes_share_one_count_and_no_hit_is_lost(app, engines):
    first, second = DatabaseStorage(engine=engines[0]), DatabaseStorage(engine=engines[1])

    def hit(i: int) -> int:
        return (first if i % 2 else second).incr("login-account:alice", 60)

    with ThreadPoolExecutor(8) as pool:
        counts = list(pool.map(hit, range(40)))
    assert sorted(counts) == list(range(1, 41))  # every increment saw a distinct count
    assert first.get("login-account:alice") == second.get("login-account:alice") == 40


def test_a_limit_on_two_processes_allows_its_total_not_twice(app, engines):
    limit = parse("5 per minute")
    limiters = [FixedWindowRateLimiter(DatabaseStorage(engine=engine)) for engine in engines]
    allowed = [limiters[i % 2].hit(limit, "login", "10.0.0.1") for i in range(10)]
    assert allowed == [True] * 5 + [False] * 5
    assert not limiters[0].test(limit, "login", "10.0.0.1") and not limiters[1].test(limit, "login", "10.0.0.1")


def test_expired_counters_are_swept(app, engines, monkeypatch):
    monkeypatch.setattr("admin.limits_storage.SWEEP_EVERY", 3)
    storage = DatabaseStorage(engine=engines[0])
    storage.incr("old", 1)
    time.sleep(1.1)
    storage.incr("new", 60)
    storage.incr("new", 60)  # the third hit sweeps
    with app.app_context():
        keys = db.session.execute(db.select(RateLimitCounter.key)).scalars().all()
    assert keys == ["new"]


def test_failed_logins_land_in_the_shared_table(app, auth):
    for _ in range(2):
        assert auth.login("alice", "wrong-password").status_code == 401
    with app.app_context():
        rows = dict(db.session.execute(db.select(RateLimitCounter.key, RateLimitCounter.hits)).all())
    assert sorted(rows.values()) == [2, 2]  # per account and per address
    assert any("login-account:alice/" in key for key in rows), rows
