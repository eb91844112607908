"""background jobs (rescans and impact previews) and the messages whose verdict they change

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 14:00:00
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
ACTIONS = ('allow', 'warn', 'redact', 'block')


def upgrade():
    op.create_table(
        'jobs',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.Enum('rescan', 'impact_preview', name='ck_jobs_kind', native_enum=False,
                                  create_constraint=True, length=20), nullable=False),
        sa.Column('status', sa.Enum('queued', 'running', 'done', 'failed', 'cancelled', name='ck_jobs_status',
                                    native_enum=False, create_constraint=True, length=20), nullable=False),
        sa.Column('version_id', sa.Integer(), nullable=False),
        sa.Column('since', sa.DateTime(), nullable=False),
        sa.Column('partition_size', sa.Integer(), nullable=False),
        sa.Column('partitions_total', sa.Integer(), nullable=False),
        sa.Column('partitions_done', sa.Integer(), nullable=False),
        sa.Column('scanned', sa.Integer(), nullable=False),
        sa.Column('changed', sa.Integer(), nullable=False),
        sa.Column('cancel_requested', sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column('report', JSON, nullable=False),
        sa.Column('error', sa.String(length=500), nullable=True),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('started_at', sa.DateTime(), nullable=True),
        sa.Column('finished_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id']),
        sa.ForeignKeyConstraint(['version_id'], ['rule_set_versions.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('jobs') as batch_op:
        batch_op.create_index('ix_jobs_status', ['status'], unique=False)
    op.create_table(
        'job_changes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('job_id', sa.Integer(), nullable=False),
        sa.Column('message_id', sa.Integer(), nullable=False),
        sa.Column('conversation_id', sa.Integer(), nullable=False),
        sa.Column('before', sa.Enum(*ACTIONS, name='ck_job_changes_before', native_enum=False,
                                    create_constraint=True, length=20), nullable=False),
        sa.Column('after', sa.Enum(*ACTIONS, name='ck_job_changes_after', native_enum=False,
                                   create_constraint=True, length=20), nullable=False),
        sa.Column('before_categories', sa.String(length=100), nullable=False),
        sa.Column('after_categories', sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id']),
        sa.ForeignKeyConstraint(['job_id'], ['jobs.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['message_id'], ['messages.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('job_changes') as batch_op:
        batch_op.create_index('ix_job_changes_job_id', ['job_id'], unique=False)


def downgrade():
    op.drop_table('job_changes')
    op.drop_table('jobs')
