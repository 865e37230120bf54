"""Public transit from GTFS feeds: feeds, stops, routes, the routes at each stop with their
weekday trips, and the stops within a walk of each location

Revision ID: c3e8f1a5b7d2
Revises: a7c4e2b9d5f1
Create Date: 2026-12-08 10:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'c3e8f1a5b7d2'
down_revision = 'a7c4e2b9d5f1'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'transit_feed',
        sa.Column('id', sa.String(length=64), nullable=False),
        sa.Column('name', sa.String(length=255), nullable=False),
        sa.Column('source', sa.String(length=255), nullable=False),
        sa.Column('imported_at', sa.DateTime(), nullable=False),
        sa.Column('min_lat', sa.Float(), nullable=False),
        sa.Column('max_lat', sa.Float(), nullable=False),
        sa.Column('min_lng', sa.Float(), nullable=False),
        sa.Column('max_lng', sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_transit_feed')),
    )
    op.create_table(
        'transit_route',
        sa.Column('feed_id', sa.String(length=64), nullable=False),
        sa.Column('route_id', sa.String(length=255), nullable=False),
        sa.Column('short_name', sa.String(length=255), nullable=False),
        sa.Column('long_name', sa.String(length=255), nullable=True),
        sa.Column('route_type', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['feed_id'], ['transit_feed.id'],
                                name=op.f('fk_transit_route_feed_id_transit_feed'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('feed_id', 'route_id', name=op.f('pk_transit_route')),
    )
    op.create_table(
        'transit_stop',
        sa.Column('feed_id', sa.String(length=64), nullable=False),
        sa.Column('stop_id', sa.String(length=255), nullable=False),
        sa.Column('name', sa.String(length=255), nullable=False),
        sa.Column('latitude', sa.Float(), nullable=False),
        sa.Column('longitude', sa.Float(), nullable=False),
        sa.Column('station', sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(['feed_id'], ['transit_feed.id'],
                                name=op.f('fk_transit_stop_feed_id_transit_feed'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('feed_id', 'stop_id', name=op.f('pk_transit_stop')),
    )
    op.create_table(
        'transit_stop_route',
        sa.Column('feed_id', sa.String(length=64), nullable=False),
        sa.Column('stop_id', sa.String(length=255), nullable=False),
        sa.Column('route_id', sa.String(length=255), nullable=False),
        sa.Column('weekday_trips', sa.Integer(), nullable=False),
        sa.Column('headway_minutes', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['feed_id', 'stop_id'],
                                ['transit_stop.feed_id', 'transit_stop.stop_id'],
                                name=op.f('fk_transit_stop_route_feed_id_transit_stop'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['feed_id', 'route_id'],
                                ['transit_route.feed_id', 'transit_route.route_id'],
                                name=op.f('fk_transit_stop_route_feed_id_transit_route'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('feed_id', 'stop_id', 'route_id',
                                name=op.f('pk_transit_stop_route')),
    )
    op.create_table(
        'transit_link',
        sa.Column('location_id', sa.String(length=36), nullable=False),
        sa.Column('feed_id', sa.String(length=64), nullable=False),
        sa.Column('stop_id', sa.String(length=255), nullable=False),
        sa.Column('miles', sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(['feed_id', 'stop_id'],
                                ['transit_stop.feed_id', 'transit_stop.stop_id'],
                                name=op.f('fk_transit_link_feed_id_transit_stop'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['location_id'], ['location.id'],
                                name=op.f('fk_transit_link_location_id_location'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('location_id', 'feed_id', 'stop_id',
                                name=op.f('pk_transit_link')),
    )
    op.create_index('ix_transit_link_stop', 'transit_link', ['feed_id', 'stop_id'],
                    unique=False)


def downgrade():
    op.drop_index('ix_transit_link_stop', table_name='transit_link')
    op.drop_table('transit_link')
    op.drop_table('transit_stop_route')
    op.drop_table('transit_stop')
    op.drop_table('transit_route')
    op.drop_table('transit_feed')
