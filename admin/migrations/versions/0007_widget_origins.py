"""the origins allowed to embed the widget with a service token's widget tokens

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 14:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('service_tokens') as batch_op:
        batch_op.add_column(sa.Column('allowed_origins', sa.String(length=1000), server_default='', nullable=False))


def downgrade():
    with op.batch_alter_table('service_tokens') as batch_op:
        batch_op.drop_column('allowed_origins')
