"""Every table of HSDS 3.0 (funding, program, organization_identifier, required_document,
meta_table_description) and 3.1's url; a parent organization or parent term is kept as
written even when the directory does not hold it

Revision ID: d3f81a6c2b57
Revises: b7d2c4e9a1f0
Create Date: 2026-12-01 23:55:00.000000

"""
import sqlalchemy as sa
from alembic import op

revision = 'd3f81a6c2b57'
down_revision = 'b7d2c4e9a1f0'
branch_labels = None
depends_on = None

UUID = sa.String(length=36)


def _fk(table, column, target):
    return sa.ForeignKeyConstraint([column], [f'{target}.id'],
                                   name=op.f(f'fk_{table}_{column}_{target}'), ondelete='CASCADE')


def _table(name, columns, parents=()):
    """Create an HSDS table: id, its columns, and an indexed foreign key per parent."""
    op.create_table(
        name, sa.Column('id', UUID, nullable=False),
        *[sa.Column(column, UUID, nullable=True) for column, _ in parents], *columns,
        *[_fk(name, column, target) for column, target in parents],
        sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{name}')),
    )
    with op.batch_alter_table(name, schema=None) as batch_op:
        for column, _ in parents:
            batch_op.create_index(batch_op.f(f'ix_{name}_{column}'), [column], unique=False)


def upgrade():
    _table('funding', [sa.Column('source', sa.Text(), nullable=True)],
           [('organization_id', 'organization'), ('service_id', 'service')])
    _table('program', [sa.Column('name', sa.String(255), nullable=False),
                       sa.Column('alternate_name', sa.String(255), nullable=True),
                       sa.Column('description', sa.Text(), nullable=True)],
           [('organization_id', 'organization')])
    _table('organization_identifier',
           [sa.Column('identifier_scheme', sa.String(255), nullable=True),
            sa.Column('identifier_type', sa.String(255), nullable=False),
            sa.Column('identifier', sa.String(255), nullable=False)],
           [('organization_id', 'organization')])
    _table('required_document', [sa.Column('document', sa.Text(), nullable=True),
                                 sa.Column('uri', sa.String(500), nullable=True)],
           [('service_id', 'service')])
    _table('url', [sa.Column('label', sa.String(255), nullable=True),
                   sa.Column('url', sa.String(500), nullable=False)],
           [('organization_id', 'organization'), ('service_id', 'service')])
    _table('meta_table_description', [sa.Column('name', sa.String(255), nullable=True),
                                      sa.Column('language', sa.String(64), nullable=True),
                                      sa.Column('character_set', sa.String(64), nullable=True)])
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.drop_constraint('fk_organization_parent_organization_id_organization',
                                 type_='foreignkey')
    with op.batch_alter_table('taxonomy_term', schema=None) as batch_op:
        batch_op.drop_constraint('fk_taxonomy_term_parent_id_taxonomy_term', type_='foreignkey')


def downgrade():
    with op.batch_alter_table('taxonomy_term', schema=None) as batch_op:
        batch_op.create_foreign_key('fk_taxonomy_term_parent_id_taxonomy_term', 'taxonomy_term',
                                    ['parent_id'], ['id'], ondelete='SET NULL')
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.create_foreign_key('fk_organization_parent_organization_id_organization',
                                    'organization', ['parent_organization_id'], ['id'],
                                    ondelete='SET NULL')
    for name in ('meta_table_description', 'url', 'required_document',
                 'organization_identifier', 'program', 'funding'):
        op.drop_table(name)
