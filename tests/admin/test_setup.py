"""Migrations, init-db, seed-demo, configuration, and the dev server that `make run` starts."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from admin import _database_url, create_app
from admin.db import db
from admin.demo import seed_demo
from admin.models import Conversation, RuleSetVersion, User
from admin.versions import init_db
from engine import STATES, RuleSet

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def empty_app(database_url, tmp_path):
    """An app on an empty database (no tables)."""
    app = create_app({"TESTING": True, "SECRET_KEY": "k", "SQLALCHEMY_DATABASE_URI": database_url,
                      "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000", "INSTANCE_PATH": str(tmp_path / "inst")})
    with app.app_context():
        db.drop_all()
        with db.engine.begin() as conn:
            conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    yield app
    with app.app_context():
        db.session.remove()
        db.drop_all()
        with db.engine.begin() as conn:
            conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        db.engine.dispose()


def test_migrations_build_exactly_the_models_schema(empty_app):
    with empty_app.app_context():
        assert init_db() is True
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
        assert diff == []
        version = db.session.execute(db.select(RuleSetVersion)).scalar_one()
        assert (version.number, version.status) == (1, "published")
        assert version.fingerprint == RuleSet.default().fingerprint
        assert init_db() is False  # idempotent


def test_init_db_and_seed_demo_commands(empty_app):
    runner = empty_app.test_cli_runner()
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0, result.output
    assert "version 1" in result.output
    result = runner.invoke(args=["seed-demo", "--password", "demo-password-1"])
    assert result.exit_code == 0, result.output
    assert "alice: demo-password-1" in result.output
    with empty_app.app_context():
        states = set(db.session.execute(db.select(Conversation.state)).scalars())
        assert states == set(STATES)
        roles = set(db.session.execute(db.select(User.role)).scalars())
        assert {"reviewer", "client", "freelancer"} <= roles
        assert seed_demo("other-password") == {}  # idempotent
    assert "already exist" in runner.invoke(args=["seed-demo"]).output


def test_sqlite_runs_in_wal_mode(app, backend):
    if backend != "sqlite":
        pytest.skip("SQLite only")
    with app.app_context(), db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.mark.parametrize(("url", "expected"), [
    ("postgres://u:p@h/db", "postgresql+psycopg://u:p@h/db"),
    ("postgresql://u:p@h/db", "postgresql+psycopg://u:p@h/db"),
    ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
    ("sqlite:///x.db", "sqlite:///x.db"),
])
def test_database_url_gets_the_psycopg_driver(url, expected):
    assert _database_url(url) == expected


def test_database_url_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'env.sqlite'}")
    app = create_app({"SECRET_KEY": "k", "INSTANCE_PATH": str(tmp_path / "i")})
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("env.sqlite")
    with app.app_context():
        db.engine.dispose()


def test_secret_key_is_generated_once_per_instance(tmp_path):
    first = create_app({"INSTANCE_PATH": str(tmp_path), "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    second = create_app({"INSTANCE_PATH": str(tmp_path), "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
    assert len(first.config["SECRET_KEY"]) >= 32
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    for app in (first, second):
        with app.app_context():
            db.engine.dispose()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_devserver_starts_seeds_and_prints_logins(tmp_path, backend):
    if backend != "sqlite":
        pytest.skip("make run uses SQLite")
    port = _free_port()
    env = {**os.environ, "PORT": str(port), "CONTACTGUARD_INSTANCE": str(tmp_path / "instance"),
           "CONTACTGUARD_ADMIN_PASSWORD": "admin-pass-123", "CONTACTGUARD_DEMO_PASSWORD": "demo-pass-123"}
    env.pop("DATABASE_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "admin.devserver"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                health = requests.get(f"http://127.0.0.1:{port}/api/health", timeout=1)
                break
            except requests.ConnectionError:
                assert proc.poll() is None, proc.stdout.read()
                assert time.monotonic() < deadline, "devserver did not start"
                time.sleep(0.1)
        assert health.json()["rules_version"] == 1
        session = requests.Session()
        login = session.get(f"http://127.0.0.1:{port}/login")
        token = login.text.split('name="csrf-token" content="')[1].split('"')[0]
        page = session.post(f"http://127.0.0.1:{port}/login",
                            data={"username": "alice", "password": "demo-pass-123", "csrf_token": token})
        assert page.url.endswith("/demo/") and "Logo for a bakery" in page.text
    finally:
        proc.terminate()
        output = proc.communicate(timeout=10)[0]
    assert f"http://127.0.0.1:{port}/" in output
    assert "admin / admin-pass-123" in output and "alice / demo-pass-123" in output
    assert (tmp_path / "instance" / "contactguard.sqlite").exists()
