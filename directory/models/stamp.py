"""The data stamp: one row whose version goes up in the same transaction as every change to
directory data, so "has anything changed?" (API ETags, Last-Modified) is one primary-key
read instead of counting tables."""

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Integer, event, insert
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import utcnow

STAMP_ID = 1


class DataStamp(db.Model):
    """The single row (id 1): how many commits changed directory data, and when the last did."""

    __tablename__ = "data_stamp"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(BigInteger, default=0)
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


@event.listens_for(DataStamp.__table__, "after_create")
def _first_row(table, connection, **_kwargs):
    # create_all (tests, scratch databases) gets the row the migration inserts.
    connection.execute(insert(table).values(id=STAMP_ID, version=0, changed_at=utcnow()))
