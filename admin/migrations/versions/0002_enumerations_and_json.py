"""statuses, states, actions and roles as enumerations with CHECK constraints; JSON columns

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 07:00:00

The values are frozen here as they were when this migration was written; a later change to
an enumeration needs its own migration.
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

STATES = ("inquiry", "offer", "active", "ended")
CHECKS = {
    "users": [("ck_users_role", "role", ("admin", "reviewer", "client", "freelancer"))],
    "rule_set_versions": [("ck_rule_set_versions_status", "status", ("draft", "published", "archived"))],
    "conversations": [("ck_conversations_state", "state", STATES)],
    "state_changes": [("ck_state_changes_from_state", "from_state", STATES),
                      ("ck_state_changes_to_state", "to_state", STATES)],
    "messages": [("ck_messages_status", "status", ("delivered", "redacted", "blocked")),
                 ("ck_messages_action", "action", ("allow", "warn", "redact", "block")),
                 ("ck_messages_state", "state", STATES),
                 ("ck_messages_review_status", "review_status", ("none", "pending", "acceptable", "violation"))],
}
JSON_COLUMNS = [("rule_set_versions", "document_json", "document"), ("messages", "findings_json", "findings"),
                ("audit_log", "detail_json", "detail")]


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _text_to_json(table: str, old: str, new: str) -> None:
    # Add, copy, drop: a type change in SQLite's batch mode would CAST the text to JSON's
    # NUMERIC affinity and lose it.
    with op.batch_alter_table(table) as batch_op:
        batch_op.add_column(sa.Column(new, JSON, nullable=True))
    cast = "::jsonb" if op.get_bind().dialect.name == "postgresql" else ""
    op.execute(f"UPDATE {table} SET {new} = {old}{cast}")
    with op.batch_alter_table(table) as batch_op:
        batch_op.drop_column(old)
        batch_op.alter_column(new, existing_type=JSON, nullable=False)


def _json_to_text(table: str, new: str, old: str) -> None:
    with op.batch_alter_table(table) as batch_op:
        batch_op.add_column(sa.Column(old, sa.Text(), nullable=True))
    cast = "::text" if op.get_bind().dialect.name == "postgresql" else ""
    op.execute(f"UPDATE {table} SET {old} = {new}{cast}")
    with op.batch_alter_table(table) as batch_op:
        batch_op.drop_column(new)
        batch_op.alter_column(old, existing_type=sa.Text(), nullable=False)


def upgrade():
    for table, old, new in JSON_COLUMNS:
        _text_to_json(table, old, new)
    for table, checks in CHECKS.items():
        with op.batch_alter_table(table) as batch_op:
            for name, column, values in checks:
                batch_op.create_check_constraint(name, _in(column, values))


def downgrade():
    for table, checks in CHECKS.items():
        with op.batch_alter_table(table) as batch_op:
            for name, _column, _values in checks:
                batch_op.drop_constraint(name, type_="check")
    for table, old, new in JSON_COLUMNS:
        _json_to_text(table, new, old)
