"""Logging in and out, password hashing, CSRF on the login form, safe redirects."""

from __future__ import annotations

import pytest
from admin_testdata import PASSWORD

from admin.db import db
from admin.models import User


def test_login_and_logout(auth):
    response = auth.login("alice")
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert auth.client.get("/demo/").status_code == 200
    assert auth.logout().status_code == 302
    assert auth.client.get("/demo/").status_code == 302


@pytest.mark.parametrize(("username", "password"), [("alice", "wrong-password"), ("nobody", PASSWORD), ("", "")])
def test_bad_login(auth, username, password):
    response = auth.login(username, password)
    assert response.status_code in (200, 401)
    assert auth.client.get("/demo/").status_code == 302


def test_login_form_needs_the_csrf_token(client):
    response = client.post("/login", data={"username": "alice", "password": PASSWORD})
    assert response.status_code == 400  # CSRFProtect refuses before the view runs
    assert client.get("/demo/").status_code == 302


def test_logout_needs_post_and_csrf(auth):
    auth.login("alice")
    assert auth.client.get("/logout").status_code == 405
    assert auth.client.post("/logout").status_code == 400
    assert auth.client.get("/demo/").status_code == 200


def test_passwords_are_hashed(app):
    with app.app_context():
        user = db.session.execute(db.select(User).where(User.username == "alice")).scalar_one()
        assert PASSWORD not in user.password_hash
        assert user.password_hash.startswith("pbkdf2:sha256")
        assert user.check_password(PASSWORD) and not user.check_password(PASSWORD + "x")


@pytest.mark.parametrize(("target", "expected"), [
    ("/admin/contracts/", "/admin/contracts/"),
    ("https://evil.example/", "/"),
    ("//evil.example/", "/"),
])
def test_login_redirects_only_to_local_paths(auth, target, expected):
    token = auth.csrf_token()
    response = auth.client.post(f"/login?next={target}", data={"username": "admin", "password": PASSWORD,
                                                               "csrf_token": token})
    assert response.headers["Location"] == expected


def test_create_user_command(app, runner):
    result = runner.invoke(args=["create-user", "erin", "--role", "reviewer", "--password", "a-long-password"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        erin = db.session.execute(db.select(User).where(User.username == "erin")).scalar_one()
        assert erin.role == "reviewer" and erin.check_password("a-long-password")
    again = runner.invoke(args=["create-user", "erin", "--role", "reviewer", "--password", "a-long-password"])
    assert again.exit_code != 0 and "already exists" in again.output
    short = runner.invoke(args=["create-user", "frank", "--role", "client", "--password", "short"])
    assert short.exit_code != 0 and "at least 8" in short.output
