"""Record text in Spanish and Vietnamese beside the English: one row per field, record and
language

Revision ID: a7c4e2b9d5f1
Revises: f4b8d2a6c1e9
Create Date: 2026-12-07 02:50:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'a7c4e2b9d5f1'
down_revision = 'f4b8d2a6c1e9'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'translation',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('link_entity', sa.String(length=50), nullable=False),
        sa.Column('link_id', sa.String(length=36), nullable=False),
        sa.Column('language', sa.String(length=16), nullable=False),
        sa.Column('field', sa.String(length=64), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_translation')),
        sa.UniqueConstraint('link_entity', 'link_id', 'language', 'field',
                            name="uq_translation_link_entity"),
    )
    op.create_index(op.f('ix_translation_link_id'), 'translation', ['link_id'], unique=False)


def downgrade():
    op.drop_index(op.f('ix_translation_link_id'), table_name='translation')
    op.drop_table('translation')
