"""Where synced records came from: each HSDS feed this directory follows (its address, how
far the last run got, and the lease that lets one run at a time), and for each service
taken from a feed, when it was fetched, the feed's own change time, the version staff had
left it at, and, when staff changed it here since, the feed's copy waiting for an editor."""

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import UUID_LENGTH

URL_LENGTH = 1000


class FeedSource(db.Model):
    """One feed followed by `flask sync-hsds URL`."""

    __tablename__ = "feed_source"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(URL_LENGTH), unique=True)
    high_water: Mapped[datetime | None] = mapped_column(DateTime)  # newest last_modified seen
    last_run_at: Mapped[datetime | None] = mapped_column(DateTime)
    locked_by: Mapped[str | None] = mapped_column(String(64))
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)


class FeedRecord(db.Model):
    """A service taken from a feed (no foreign key: the row outlives a pruned service)."""

    __tablename__ = "feed_record"

    service_id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)
    source_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("feed_source.id", ondelete="CASCADE"), index=True)
    fetched_at: Mapped[datetime] = mapped_column(DateTime)
    source_modified: Mapped[datetime | None] = mapped_column(DateTime)
    synced_version: Mapped[int | None] = mapped_column(Integer)
    conflict: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    incoming: Mapped[str | None] = mapped_column(Text)  # the feed's copy, while in conflict
