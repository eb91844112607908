"""Fixtures for the admin app: app, client, runner, auth; every test runs on SQLite and,
when DATABASE_URL_TEST is set (CI starts PostgreSQL), on PostgreSQL too."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from admin_testdata import PASSWORD, TEST_EXTRA_RULES
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text

from admin import create_app
from admin.auth import create_user
from admin.db import db
from admin.models import Conversation, StateChange
from admin.versions import create_version, publish
from engine.rules import default_document

BACKENDS = ["sqlite"] + (["postgres"] if os.environ.get("DATABASE_URL_TEST") else [])


def rules_document() -> dict:
    """The default rule set plus the pinned test rules."""
    doc = default_document()
    doc["extra_rules"] = [*doc["extra_rules"], *TEST_EXTRA_RULES]
    return doc


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str | None]:
    """A fresh PostgreSQL schema for this session (dropped at the end), or None."""
    base = os.environ.get("DATABASE_URL_TEST")
    if not base:
        yield None
        return
    if base.startswith("postgresql://"):
        base = "postgresql+psycopg://" + base[len("postgresql://"):]
    schema = f"cg_test_{uuid.uuid4().hex[:8]}"
    engine = create_engine(base)
    with engine.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options=-csearch_path%3D{schema}"
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    """Which database this test runs on."""
    return request.param


@pytest.fixture
def database_url(backend: str, postgres_url: str | None, tmp_path) -> str:
    """The database URL for one test."""
    if backend == "postgres":
        assert postgres_url
        return postgres_url
    return f"sqlite:///{tmp_path / 'test.sqlite'}"


@dataclass
class Demo:
    """Ids of the seeded users and conversations."""

    users: dict[str, int]
    conversations: dict[str, int]


def seed(app: Flask) -> Demo:
    """Rules (published version 1), one user per role and more, one conversation per state."""
    with app.app_context():
        version = create_version(rules_document(), None, "test rules")
        publish(version, None, None)
        users = {}
        for username, role in [("admin", "admin"), ("reviewer", "reviewer"), ("alice", "client"),
                               ("carol", "client"), ("bob", "freelancer"), ("dave", "freelancer")]:
            users[username] = create_user(username, PASSWORD, role, username.title()).id
        conversations = {}
        for state, client, freelancer in [("inquiry", "alice", "bob"), ("offer", "alice", "dave"),
                                          ("active", "carol", "bob"), ("ended", "carol", "dave")]:
            conv = Conversation(job_title=f"Job in {state}", client_id=users[client],
                                freelancer_id=users[freelancer], state=state)
            db.session.add(conv)
            db.session.flush()
            db.session.add(StateChange(conversation_id=conv.id, from_state=None, to_state=state, reason="test"))
            conversations[state] = conv.id
        db.session.commit()
        return Demo(users, conversations)


@pytest.fixture
def app(database_url: str, tmp_path) -> Iterator[Flask]:
    """A fresh app with its schema, the test rules and demo users."""
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SESSION_COOKIE_SECURE": False,
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        "INSTANCE_PATH": str(tmp_path / "instance"),
    })
    with app.app_context():
        db.drop_all()
        db.create_all()
    app.demo = seed(app)
    yield app
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


@pytest.fixture
def demo(app: Flask) -> Demo:
    """Seeded ids."""
    return app.demo


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client (cookies kept between requests)."""
    return app.test_client()


@pytest.fixture
def runner(app: Flask):
    """A CLI runner."""
    return app.test_cli_runner()


_META = re.compile(r'<meta name="csrf-token" content="([^"]+)"')


class AuthActions:
    """Log in and out through the real forms, and call the JSON API with the CSRF header."""

    def __init__(self, client: FlaskClient) -> None:
        self.client = client

    def csrf_token(self) -> str:
        """The CSRF token of this client's session, read from a page's <meta>."""
        page = self.client.get("/login")
        return _META.search(page.get_data(as_text=True)).group(1)

    def login(self, username: str = "admin", password: str = PASSWORD):
        """POST the login form."""
        return self.client.post("/login", data={"username": username, "password": password,
                                                "csrf_token": self.csrf_token()})

    def logout(self):
        """POST the logout form."""
        return self.client.post("/logout", data={"csrf_token": self.csrf_token()})

    def post_form(self, path: str, data: dict | None = None, **kwargs):
        """A form POST with the CSRF token."""
        return self.client.post(path, data={"csrf_token": self.csrf_token(), **(data or {})}, **kwargs)

    def post_json(self, path: str, body, headers: dict | None = None):
        """A JSON POST with the X-CSRFToken header."""
        return self.client.post(path, json=body, headers={"X-CSRFToken": self.csrf_token(), **(headers or {})})


@pytest.fixture
def auth(client: FlaskClient) -> AuthActions:
    """Login helper bound to `client`."""
    return AuthActions(client)


@pytest.fixture
def make_token(app: Flask):
    """Create a service token (every scope unless told) and return its secret."""
    from admin.enums import TokenScope
    from admin.tokens import create_token

    def make(scopes=tuple(TokenScope), name: str = "marketplace") -> str:
        with app.app_context():
            _, secret = create_token(name, [str(s) for s in scopes], None)
            db.session.commit()
        return secret

    return make


@pytest.fixture(scope="module")
def dask_client():
    """A real two-process LocalCluster for a module (the rescan and job tests)."""
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()
