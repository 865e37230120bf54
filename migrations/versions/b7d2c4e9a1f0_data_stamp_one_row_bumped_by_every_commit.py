"""Data stamp: one row bumped by every commit that changes directory data; services
indexed by name for the staff list

Revision ID: b7d2c4e9a1f0
Revises: ca1b49e9355f
Create Date: 2026-12-01 21:00:00.000000

"""
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = 'b7d2c4e9a1f0'
down_revision = 'ca1b49e9355f'
branch_labels = None
depends_on = None


def upgrade():
    stamp = op.create_table(
        'data_stamp',
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('version', sa.BigInteger(), nullable=False),
        sa.Column('changed_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_data_stamp')),
    )
    # The staff services list pages through services by name.
    op.create_index(op.f('ix_service_name'), 'service', ['name'], unique=False)
    # The last change the existing data records, so Last-Modified does not jump forward.
    connection = op.get_bind()
    latest = connection.execute(sa.text(
        "SELECT max(t) FROM (SELECT max(last_modified) AS t FROM service "
        "UNION ALL SELECT max(last_action_date) FROM metadata) AS moments")).scalar()
    if isinstance(latest, str):  # SQLite answers text for an aggregate of datetimes
        latest = datetime.fromisoformat(latest)
    op.bulk_insert(stamp, [{'id': 1, 'version': 0,
                            'changed_at': latest or datetime.now(UTC).replace(tzinfo=None)}])


def downgrade():
    op.drop_index(op.f('ix_service_name'), table_name='service')
    op.drop_table('data_stamp')
