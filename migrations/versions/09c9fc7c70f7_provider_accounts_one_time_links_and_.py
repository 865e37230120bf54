"""Provider accounts scoped to one organization, their one-time links (invitations,
"still accurate" confirmations) and referrals sent to programs

Revision ID: 09c9fc7c70f7
Revises: e5a9c3d1f7b2
Create Date: 2026-12-01 23:44:56.284569

"""
import sqlalchemy as sa
from alembic import op

revision = '09c9fc7c70f7'
down_revision = 'e5a9c3d1f7b2'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('provider_token',
    sa.Column('purpose', sa.String(length=16), nullable=False),
    sa.Column('email', sa.String(length=255), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=True),
    sa.Column('organization_id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('created_by', sa.String(length=255), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.CheckConstraint("purpose IN ('invite', 'confirm')", name=op.f('ck_provider_token_purpose')),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_provider_token_organization_id_organization'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_provider_token_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_provider_token'))
    )
    with op.batch_alter_table('provider_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_provider_token_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_provider_token_user_id'), ['user_id'], unique=False)

    op.create_table('program_referral',
    sa.Column('item_id', sa.String(length=36), nullable=False),
    sa.Column('service_id', sa.String(length=36), nullable=False),
    sa.Column('organization_id', sa.String(length=36), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=False),
    sa.Column('sent_by', sa.String(length=255), nullable=True),
    sa.Column('coordinator_contact', sa.String(length=255), nullable=True),
    sa.Column('first_name', sa.String(length=80), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('contact_time', sa.String(length=120), nullable=True),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=True),
    sa.Column('reason_text', sa.Text(), nullable=True),
    sa.Column('status_changed_at', sa.DateTime(), nullable=False),
    sa.Column('status_changed_by', sa.String(length=255), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.CheckConstraint("status IN ('requested', 'accepted', 'rejected', 'in-progress', 'on-hold', 'completed', 'cancelled', 'entered-in-error')", name=op.f('ck_program_referral_status')),
    sa.ForeignKeyConstraint(['item_id'], ['referral_item.id'], name=op.f('fk_program_referral_item_id_referral_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_program_referral_organization_id_organization'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['service_id'], ['service.id'], name=op.f('fk_program_referral_service_id_service'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_program_referral'))
    )
    with op.batch_alter_table('program_referral', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_program_referral_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_program_referral_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_program_referral_service_id'), ['service_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_program_referral_status'), ['status'], unique=False)

    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('name', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('organization_id', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_user_account_organization_id'), ['organization_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_user_account_organization_id_organization'), 'organization', ['organization_id'], ['id'], ondelete='SET NULL')



def downgrade():
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_user_account_organization_id_organization'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_user_account_organization_id'))
        batch_op.drop_column('organization_id')
        batch_op.drop_column('name')

    with op.batch_alter_table('program_referral', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_program_referral_status'))
        batch_op.drop_index(batch_op.f('ix_program_referral_service_id'))
        batch_op.drop_index(batch_op.f('ix_program_referral_organization_id'))
        batch_op.drop_index(batch_op.f('ix_program_referral_item_id'))

    op.drop_table('program_referral')
    with op.batch_alter_table('provider_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_provider_token_user_id'))
        batch_op.drop_index(batch_op.f('ix_provider_token_organization_id'))

    op.drop_table('provider_token')
