"""session versions, login lockout, draft revisions, exception policy, audit addresses

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 07:30:00
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
# What the default rule set's exception reasons release, and the claims a user has per day.
DEFAULT_EXCEPTIONS = ('{"claims_per_day": 3, "releases": {"legal": ["email", "address"], '
                      '"repo_access": ["email", "link"]}}')


def upgrade():
    with op.batch_alter_table('users') as batch_op:
        batch_op.add_column(sa.Column('session_version', sa.Integer(), server_default='1', nullable=False))
        batch_op.add_column(sa.Column('failed_logins', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('locked_until', sa.DateTime(), nullable=True))
    with op.batch_alter_table('rule_set_versions') as batch_op:
        batch_op.add_column(sa.Column('revision', sa.Integer(), server_default='1', nullable=False))
        batch_op.add_column(sa.Column('exceptions', JSON, nullable=True))
    cast = "::jsonb" if op.get_bind().dialect.name == "postgresql" else ""
    op.execute(f"UPDATE rule_set_versions SET exceptions = '{DEFAULT_EXCEPTIONS}'{cast}")
    with op.batch_alter_table('rule_set_versions') as batch_op:
        batch_op.alter_column('exceptions', existing_type=JSON, nullable=False)
    with op.batch_alter_table('audit_log') as batch_op:
        batch_op.add_column(sa.Column('address', sa.String(length=64), nullable=True))


def downgrade():
    with op.batch_alter_table('audit_log') as batch_op:
        batch_op.drop_column('address')
    with op.batch_alter_table('rule_set_versions') as batch_op:
        batch_op.drop_column('exceptions')
        batch_op.drop_column('revision')
    with op.batch_alter_table('users') as batch_op:
        batch_op.drop_column('locked_until')
        batch_op.drop_column('failed_logins')
        batch_op.drop_column('session_version')
