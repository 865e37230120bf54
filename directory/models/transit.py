"""Public transit from GTFS feeds: each feed an agency publishes (`import-gtfs`), its stops,
its routes (short name and kind: bus, rail...), which routes serve which stop and how often
on a typical weekday, and the links from the directory's locations to the stops within a
short walk (TRANSIT_WALK_MILES), with the walk in miles. A re-import of a feed replaces all
of its rows; deleting a location deletes its links."""

from datetime import datetime

from sqlalchemy import (
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import UUID_LENGTH, utcnow

FEED_KEY = 64  # a feed's key: its agencies' names, as a slug
GTFS_ID = 255  # GTFS ids are any text; 255 is more than agencies use
ROUTE_TAG = "route:"  # a search document's tag for each route stopping near the service


def route_key(feed_id, route_id):
    """Return the key naming a route across feeds: "metro-transit:47"."""
    return f"{feed_id}:{route_id}"


def route_tag(key):
    """Return the search tag of a route key: the services near the route carry it."""
    return ROUTE_TAG + key


class TransitFeed(db.Model):
    """One agency's GTFS feed as last imported, and the box its stops span (a place in the
    box, or within a walk of it, is covered by the feed)."""

    __tablename__ = "transit_feed"

    id: Mapped[str] = mapped_column(String(FEED_KEY), primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    source: Mapped[str] = mapped_column(String(255))  # the file it came from
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    min_lat: Mapped[float] = mapped_column(Float)
    max_lat: Mapped[float] = mapped_column(Float)
    min_lng: Mapped[float] = mapped_column(Float)
    max_lng: Mapped[float] = mapped_column(Float)


class TransitStop(db.Model):
    """A place where riders board: `station` is its parent station, or itself, so the
    platforms of one station are one place to change routes."""

    __tablename__ = "transit_stop"

    feed_id: Mapped[str] = mapped_column(
        String(FEED_KEY), ForeignKey("transit_feed.id", ondelete="CASCADE"), primary_key=True)
    stop_id: Mapped[str] = mapped_column(String(GTFS_ID), primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    station: Mapped[str] = mapped_column(String(GTFS_ID))


class TransitRoute(db.Model):
    """A route as riders name it ("47") and its kind (GTFS route_type: 3 is a bus)."""

    __tablename__ = "transit_route"

    feed_id: Mapped[str] = mapped_column(
        String(FEED_KEY), ForeignKey("transit_feed.id", ondelete="CASCADE"), primary_key=True)
    route_id: Mapped[str] = mapped_column(String(GTFS_ID), primary_key=True)
    short_name: Mapped[str] = mapped_column(String(255))
    long_name: Mapped[str | None] = mapped_column(String(255))
    route_type: Mapped[int] = mapped_column(Integer)


class TransitStopRoute(db.Model):
    """A route serving a stop: its departures there on a typical weekday, and the usual
    minutes between them (None with fewer than two)."""

    __tablename__ = "transit_stop_route"
    __table_args__ = (
        ForeignKeyConstraint(("feed_id", "stop_id"),
                             ("transit_stop.feed_id", "transit_stop.stop_id"),
                             ondelete="CASCADE"),
        ForeignKeyConstraint(("feed_id", "route_id"),
                             ("transit_route.feed_id", "transit_route.route_id"),
                             ondelete="CASCADE"),
    )

    feed_id: Mapped[str] = mapped_column(String(FEED_KEY), primary_key=True)
    stop_id: Mapped[str] = mapped_column(String(GTFS_ID), primary_key=True)
    route_id: Mapped[str] = mapped_column(String(GTFS_ID), primary_key=True)
    weekday_trips: Mapped[int] = mapped_column(Integer, default=0)
    headway_minutes: Mapped[int | None] = mapped_column(Integer)


class TransitLink(db.Model):
    """A stop within a walk of a location, with the walk in miles (great circle). Kept for
    the stops that are the nearest of at least one route: the others add no route."""

    __tablename__ = "transit_link"
    __table_args__ = (
        ForeignKeyConstraint(("feed_id", "stop_id"),
                             ("transit_stop.feed_id", "transit_stop.stop_id"),
                             ondelete="CASCADE"),
        Index("ix_transit_link_stop", "feed_id", "stop_id"),
    )

    location_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("location.id", ondelete="CASCADE"), primary_key=True)
    feed_id: Mapped[str] = mapped_column(String(FEED_KEY), primary_key=True)
    stop_id: Mapped[str] = mapped_column(String(GTFS_ID), primary_key=True)
    miles: Mapped[float] = mapped_column(Float)
