"""The first step without a phone call: a service's online form and what happens at its
first visit, and the public's "Ask them to contact me" requests

Revision ID: d9b4e6f2a8c3
Revises: c3e8f1a5b7d2
Create Date: 2026-12-07 06:00:00

"""
import json
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = 'd9b4e6f2a8c3'
down_revision = 'c3e8f1a5b7d2'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('service') as batch:
        batch.add_column(sa.Column('contact_form_url', sa.String(length=500), nullable=True))
        batch.add_column(sa.Column('first_visit', sa.Text(), nullable=True))
    op.create_table(
        'contact_request',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('service_id', sa.String(length=36), nullable=False),
        sa.Column('channel', sa.String(length=8), nullable=False),
        sa.Column('address', sa.String(length=255), nullable=False),
        sa.Column('best_time', sa.String(length=16), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('language', sa.String(length=16), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.CheckConstraint("channel IN ('text', 'email')",
                           name=op.f('ck_contact_request_channel')),
        sa.ForeignKeyConstraint(['service_id'], ['service.id'],
                                name=op.f('fk_contact_request_service_id_service'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_request')),
    )
    with op.batch_alter_table('contact_request') as batch:
        batch.create_index(batch.f('ix_contact_request_service_id'), ['service_id'])
        batch.create_index(batch.f('ix_contact_request_created_at'), ['created_at'])
    _add_first_contact_terms()


def _add_first_contact_terms():
    """Give a directory seeded before this version the `first-contact` terms its editors
    tick (seeds/taxonomy.json; `flask seed` and `categorize` load the rest as ever)."""
    document = json.loads((Path(__file__).resolve().parents[2] / "seeds" / "taxonomy.json")
                          .read_text(encoding="utf-8"))
    project = document["taxonomy"]
    conn = op.get_bind()
    if conn.execute(sa.text("SELECT 1 FROM taxonomy WHERE id = :id"),
                    {"id": project["id"]}).first() is None:
        return  # not seeded yet: the seed brings every term
    group = next(t for t in document["terms"] if t["code"] == "first-contact")
    have = set(conn.execute(sa.text("SELECT id FROM taxonomy_term")).scalars())
    term = sa.table('taxonomy_term', *(sa.column(name) for name in (
        'id', 'code', 'name', 'description', 'parent_id', 'taxonomy', 'taxonomy_id',
        'language')))
    rows = [{"id": t["id"], "code": t["code"], "name": t["name"],
             "description": t.get("description"), "parent_id": t.get("parent_id"),
             "taxonomy": project["name"], "taxonomy_id": project["id"], "language": "en"}
            for t in document["terms"]
            if t["id"] not in have and (t is group or t.get("parent_id") == group["id"])]
    if rows:
        op.bulk_insert(term, rows)


def downgrade():
    op.drop_table('contact_request')
    with op.batch_alter_table('service') as batch:
        batch.drop_column('first_visit')
        batch.drop_column('contact_form_url')
