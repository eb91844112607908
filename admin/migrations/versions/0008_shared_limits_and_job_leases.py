"""rate-limit counters shared by every app process, and a lease (owner, heartbeat) on running jobs

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 17:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'rate_limit_counters',
        sa.Column('key', sa.String(length=255), nullable=False),
        sa.Column('hits', sa.Integer(), nullable=False),
        sa.Column('expires_at', sa.Double(), nullable=False),
        sa.PrimaryKeyConstraint('key'),
    )
    with op.batch_alter_table('rate_limit_counters') as batch_op:
        batch_op.create_index('ix_rate_limit_counters_expires_at', ['expires_at'], unique=False)
    with op.batch_alter_table('jobs') as batch_op:
        batch_op.add_column(sa.Column('owner', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('heartbeat_at', sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table('jobs') as batch_op:
        batch_op.drop_column('heartbeat_at')
        batch_op.drop_column('owner')
    op.drop_table('rate_limit_counters')
