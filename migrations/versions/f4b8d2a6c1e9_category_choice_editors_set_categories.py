"""The services whose categories an editor set: imports and syncs leave their
categories alone

Revision ID: f4b8d2a6c1e9
Revises: c3f8a2d61e47
Create Date: 2026-12-06 21:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'f4b8d2a6c1e9'
down_revision = 'c3f8a2d61e47'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'category_choice',
        sa.Column('service_id', sa.String(length=36), nullable=False),
        sa.Column('chosen_by', sa.String(length=255), nullable=True),
        sa.Column('chosen_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['service_id'], ['service.id'],
                                name=op.f('fk_category_choice_service_id_service'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('service_id', name=op.f('pk_category_choice')),
    )


def downgrade():
    op.drop_table('category_choice')
