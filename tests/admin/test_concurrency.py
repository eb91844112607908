"""Races: two publishes from the same base, and the same Idempotency-Key sent twice at once."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from admin_testdata import CLEAN_TEXT

from admin.db import db
from admin.enforcement import send_message
from admin.models import Conversation, Message, RuleSetVersion, User
from admin.versions import PublishConflict, create_version, publish


def _drafts(app, count: int) -> list[int]:
    with app.app_context():
        base = db.session.get(RuleSetVersion, 1).document
        ids = [create_version(base, None, f"draft {i}").id for i in range(count)]
        db.session.commit()
        return ids


def test_concurrent_publishes_from_the_same_base_let_exactly_one_win(app):
    drafts = _drafts(app, 2)
    barrier = threading.Barrier(len(drafts))

    def attempt(version_id: int) -> str:
        with app.app_context():
            version = db.session.get(RuleSetVersion, version_id)
            barrier.wait()
            try:
                publish(version, None, 1)
                db.session.commit()
                return "published"
            except PublishConflict:
                db.session.rollback()
                return "conflict"
            finally:
                db.session.remove()

    with ThreadPoolExecutor(len(drafts)) as pool:
        outcomes = sorted(pool.map(attempt, drafts))
    assert outcomes == ["conflict", "published"]
    with app.app_context():
        statuses = dict(db.session.execute(db.select(RuleSetVersion.id, RuleSetVersion.status)).all())
    assert statuses[1] == "archived"
    assert sorted(statuses[d] for d in drafts) == ["draft", "published"]


def test_concurrent_retries_with_one_key_store_one_message(app, demo):
    attempts = 4
    barrier = threading.Barrier(attempts)

    def attempt(_: int) -> tuple[int, bool]:
        with app.app_context():
            user = db.session.get(User, demo.users["alice"])
            conversation = db.session.get(Conversation, demo.conversations["inquiry"])
            barrier.wait()
            try:
                result = send_message(conversation, user, CLEAN_TEXT, idempotency_key="race-1")
                return result.message.id, result.replayed
            finally:
                db.session.remove()

    with ThreadPoolExecutor(attempts) as pool:
        results = list(pool.map(attempt, range(attempts)))
    assert len({message_id for message_id, _ in results}) == 1
    assert sum(1 for _, replayed in results if not replayed) == 1
    with app.app_context():
        assert db.session.execute(db.select(db.func.count()).select_from(Message)).scalar() == 1


def test_a_publish_reaches_other_processes_caches_without_restart(app, database_url, tmp_path):
    from admin import create_app
    from admin.versions import published

    other = create_app({"TESTING": True, "SECRET_KEY": "k", "SQLALCHEMY_DATABASE_URI": database_url,
                        "INSTANCE_PATH": str(tmp_path / "other")})
    with other.app_context():
        assert published().number == 1
    [draft] = _drafts(app, 1)
    with app.app_context():
        version = db.session.get(RuleSetVersion, draft)
        doc = version.document
        doc["actions"]["inquiry"]["link"] = "block"
        from admin.versions import save_draft

        save_draft(version, doc, None)
        publish(version, None, 1)
        db.session.commit()
        fingerprint = version.fingerprint
    with other.app_context():
        assert (published().number, published().fingerprint) == (2, fingerprint)
        db.session.remove()
        db.engine.dispose()
