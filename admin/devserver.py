"""`make run`: migrate and seed an SQLite database in instance/, print the logins, serve on 127.0.0.1:PORT.

Environment: PORT (default 5000), CONTACTGUARD_ADMIN_PASSWORD and CONTACTGUARD_DEMO_PASSWORD
(otherwise generated and printed once), CONTACTGUARD_INSTANCE (instance folder), DATABASE_URL.
"""

from __future__ import annotations

import os
import secrets

from admin import create_app
from admin.auth import create_user
from admin.db import db
from admin.demo import DEMO_USERS, seed_demo
from admin.models import User
from admin.versions import init_db


def _ensure_admin(app) -> str | None:
    """Create the demo admin (or reset its password from the environment); the password if new."""
    wanted = os.environ.get("CONTACTGUARD_ADMIN_PASSWORD")
    admin = db.session.execute(db.select(User).where(User.username == "admin")).scalar_one_or_none()
    if admin is None:
        password = wanted or secrets.token_urlsafe(12)
        create_user("admin", password, "admin", "Ada Admin")
        db.session.commit()
        return password
    if wanted and not admin.check_password(wanted):
        admin.set_password(wanted, app.config["PASSWORD_HASH_METHOD"])
        db.session.commit()
    return wanted


def _reset_demo_passwords(app, password: str) -> None:
    for username, _name, _role in DEMO_USERS:
        user = db.session.execute(db.select(User).where(User.username == username)).scalar_one_or_none()
        if user is not None and not user.check_password(password):
            user.set_password(password, app.config["PASSWORD_HASH_METHOD"])
    db.session.commit()


def main() -> None:
    """Prepare the database and serve the app for local use."""
    port = int(os.environ.get("PORT", "5000"))
    # Plain HTTP on localhost: a Secure cookie would never come back.
    app = create_app({"SESSION_COOKIE_SECURE": False})
    with app.app_context():
        init_db()
        admin_password = _ensure_admin(app)
        demo_password = os.environ.get("CONTACTGUARD_DEMO_PASSWORD")
        created = seed_demo(demo_password)
        if demo_password:
            _reset_demo_passwords(app, demo_password)
        url = f"http://127.0.0.1:{port}/"
        print(f"contactguard is running at {url}", flush=True)
        print(f"  database: {db.engine.url.render_as_string(hide_password=True)}", flush=True)
        if admin_password:
            print(f"  admin login: admin / {admin_password}", flush=True)
        else:
            print("  admin login: admin (password printed on first run; set CONTACTGUARD_ADMIN_PASSWORD to reset)",
                  flush=True)
        for username, _name, role in DEMO_USERS:
            if username in created:
                print(f"  {role} login: {username} / {created[username]}", flush=True)
            elif demo_password:
                print(f"  {role} login: {username} / {demo_password}", flush=True)
        if not created and not demo_password:
            print("  demo logins: reviewer, alice, carol (clients), bob, dave (freelancers); passwords were printed "
                  "on first run (set CONTACTGUARD_DEMO_PASSWORD to reset)", flush=True)
    # Threaded: each open conversation page holds a live stream (admin/live.py) for up to
    # LIVE_STREAM_SECONDS, so requests must run side by side or one stream would hold them all.
    # Production: gunicorn's gthread worker (see the README), never the sync worker.
    app.run(host="127.0.0.1", port=port, debug=False, use_reloader=False, threaded=True)


if __name__ == "__main__":
    main()
