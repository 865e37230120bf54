"""Editors' version counters (no silent overwrites) and the shared rate-limit counts

Revision ID: b7e2c41d9a15
Revises: 4eb1bfcc765a
Create Date: 2026-12-01 21:10:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'b7e2c41d9a15'
down_revision = '4eb1bfcc765a'
branch_labels = None
depends_on = None

VERSIONED = ('organization', 'service', 'location')


def upgrade():
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1',
                                          nullable=False))
    op.create_table('rate_limit_count',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('expires_at', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_rate_limit_count'))
    )


def downgrade():
    op.drop_table('rate_limit_count')
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('version')
