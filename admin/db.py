"""The database: the SQLAlchemy handle, SQLite tuning and migrations (no app code: `init-db`,
which also seeds the default rules, lives with the rule set versions in versions.py)."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from flask_migrate import Migrate
from flask_migrate import upgrade as migrate_upgrade
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import event
from sqlalchemy.orm import DeclarativeBase

MIGRATIONS = str(Path(__file__).parent / "migrations")


class Base(DeclarativeBase):
    """Declarative base of every model."""


db = SQLAlchemy(model_class=Base)
migrate = Migrate(directory=MIGRATIONS, render_as_batch=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets readers run while one writer commits; the busy timeout queues writers of
    # several gunicorn workers instead of failing with "database is locked".
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def init_app(app: Flask) -> None:
    """Bind the database and migrations to an app."""
    db.init_app(app)
    migrate.init_app(app, db)
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            event.listen(db.engine, "connect", _sqlite_pragmas)


def upgrade_schema() -> None:
    """Bring the schema to the newest migration (creates the tables on an empty database)."""
    migrate_upgrade(directory=MIGRATIONS)
