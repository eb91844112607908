"""The database: the SQLAlchemy handle, SQLite tuning, migrations and the `init-db` command."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
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
    """Bind the database and migrations to an app; register `init-db`."""
    db.init_app(app)
    migrate.init_app(app, db)
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            event.listen(db.engine, "connect", _sqlite_pragmas)
    app.cli.add_command(init_db_command)


def upgrade_schema() -> None:
    """Bring the schema to the newest migration (creates the tables on an empty database)."""
    migrate_upgrade(directory=MIGRATIONS)


def init_db() -> bool:
    """Migrate, then publish the default rule set as version 1 if there is none; True if seeded."""
    from admin.versions import seed_default_rules

    upgrade_schema()
    return seed_default_rules()


@click.command("init-db")
@with_appcontext
def init_db_command() -> None:
    """Apply migrations and publish the default rule set as version 1."""
    seeded = init_db()
    uri = current_app.config["SQLALCHEMY_DATABASE_URI"]
    click.echo(f"Database ready at {db.engine.url.render_as_string(hide_password=True) if uri else uri}.")
    click.echo("Default rule set published as version 1." if seeded else "Rule sets already present.")
