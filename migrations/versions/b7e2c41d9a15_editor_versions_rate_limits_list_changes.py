"""Editors' version counters, shared rate-limit counts, referral list changes

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
    op.create_table('referral_list_change',
    sa.Column('referral_list_id', sa.String(length=36), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('changed_by', sa.String(length=255), nullable=True),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('detail', sa.String(length=255), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['referral_list_id'], ['referral_list.id'], name=op.f('fk_referral_list_change_referral_list_id_referral_list'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral_list_change'))
    )
    with op.batch_alter_table('referral_list_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_list_change_referral_list_id'), ['referral_list_id'], unique=False)


def downgrade():
    with op.batch_alter_table('referral_list_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_list_change_referral_list_id'))
    op.drop_table('referral_list_change')
    op.drop_table('rate_limit_count')
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('version')
