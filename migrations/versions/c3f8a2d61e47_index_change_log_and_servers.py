"""The search index's change log (one row per service a commit touched, written in that
commit) and the servers following it

Revision ID: c3f8a2d61e47
Revises: 09c9fc7c70f7
Create Date: 2026-12-01 23:45:00.000000

"""
import sqlalchemy as sa
from alembic import op

revision = 'c3f8a2d61e47'
down_revision = '09c9fc7c70f7'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'index_change',
        sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'),
                  autoincrement=True, nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('service_id', sa.String(length=36), nullable=True),
        sa.Column('changed_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('seq', name=op.f('pk_index_change')),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f('ix_index_change_changed_at'), 'index_change', ['changed_at'],
                    unique=False)
    op.create_table(
        'index_server',
        sa.Column('name', sa.String(length=255), nullable=False),
        sa.Column('applied', sa.BigInteger(), nullable=False),
        sa.Column('seen_at', sa.DateTime(), nullable=False),
        sa.Column('generation', sa.String(length=80), nullable=True),
        sa.Column('drift', sa.Integer(), nullable=False),
        sa.Column('checked_at', sa.DateTime(), nullable=True),
        sa.Column('check_wanted', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('name', name=op.f('pk_index_server')),
    )


def downgrade():
    op.drop_table('index_server')
    op.drop_index(op.f('ix_index_change_changed_at'), table_name='index_change')
    op.drop_table('index_change')
