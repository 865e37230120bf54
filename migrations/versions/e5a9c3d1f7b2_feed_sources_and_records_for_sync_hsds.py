"""Feed sources and records for sync-hsds: where each synced service came from and when,
the version staff left it at, and a lease so one run at a time

Revision ID: e5a9c3d1f7b2
Revises: d3f81a6c2b57
Create Date: 2026-12-02 00:10:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'e5a9c3d1f7b2'
down_revision = 'd3f81a6c2b57'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'feed_source',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('url', sa.String(length=1000), nullable=False),
        sa.Column('high_water', sa.DateTime(), nullable=True),
        sa.Column('last_run_at', sa.DateTime(), nullable=True),
        sa.Column('locked_by', sa.String(length=64), nullable=True),
        sa.Column('locked_until', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_feed_source')),
        sa.UniqueConstraint('url', name=op.f('uq_feed_source_url')),
    )
    op.create_table(
        'feed_record',
        sa.Column('service_id', sa.String(length=36), nullable=False),
        sa.Column('source_id', sa.Integer(), nullable=False),
        sa.Column('fetched_at', sa.DateTime(), nullable=False),
        sa.Column('source_modified', sa.DateTime(), nullable=True),
        sa.Column('synced_version', sa.Integer(), nullable=True),
        sa.Column('conflict', sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column('incoming', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['source_id'], ['feed_source.id'],
                                name=op.f('fk_feed_record_source_id_feed_source'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('service_id', name=op.f('pk_feed_record')),
    )
    op.create_index(op.f('ix_feed_record_source_id'), 'feed_record', ['source_id'],
                    unique=False)


def downgrade():
    op.drop_index(op.f('ix_feed_record_source_id'), table_name='feed_record')
    op.drop_table('feed_record')
    op.drop_table('feed_source')
