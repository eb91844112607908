"""service tokens, the marketplace's ids for users and conversations, effective times of state changes

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 08:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'service_tokens',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=80), nullable=False),
        sa.Column('prefix', sa.String(length=16), nullable=False),
        sa.Column('secret_hash', sa.String(length=64), nullable=False),
        sa.Column('scopes', sa.String(length=200), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('last_used_at', sa.DateTime(), nullable=True),
        sa.Column('revoked_at', sa.DateTime(), nullable=True),
        sa.Column('revoked_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id']),
        sa.ForeignKeyConstraint(['revoked_by_id'], ['users.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('secret_hash'),
    )
    with op.batch_alter_table('users') as batch_op:
        batch_op.add_column(sa.Column('external_id', sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint('uq_users_external_id', ['external_id'])
    with op.batch_alter_table('conversations') as batch_op:
        batch_op.add_column(sa.Column('external_id', sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint('uq_conversations_external_id', ['external_id'])
    with op.batch_alter_table('state_changes') as batch_op:
        batch_op.add_column(sa.Column('effective_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('token_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_state_changes_token_id', 'service_tokens', ['token_id'], ['id'])


def downgrade():
    with op.batch_alter_table('state_changes') as batch_op:
        batch_op.drop_constraint('fk_state_changes_token_id', type_='foreignkey')
        batch_op.drop_column('token_id')
        batch_op.drop_column('effective_at')
    with op.batch_alter_table('conversations') as batch_op:
        batch_op.drop_constraint('uq_conversations_external_id', type_='unique')
        batch_op.drop_column('external_id')
    with op.batch_alter_table('users') as batch_op:
        batch_op.drop_constraint('uq_users_external_id', type_='unique')
        batch_op.drop_column('external_id')
    op.drop_table('service_tokens')
