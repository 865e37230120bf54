"""The editors' word on a service's categories: once an editor sets them (in the staff
service editor), no import, sync or `flask categorize` adds or puts back a category on
that service, whatever its record says. One row per service, kept apart from HSDS's
tables so that exports and feeds neither carry it nor overwrite it."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..models.base import UUID_LENGTH, utcnow

CHUNK = 2000


class CategoryChoice(db.Model):
    """A service whose categories an editor chose (who and when, for the history)."""

    __tablename__ = "category_choice"

    service_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("service.id", ondelete="CASCADE"), primary_key=True)
    chosen_by: Mapped[str | None] = mapped_column(String(255))
    chosen_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    # so a new service is written before the row that names it
    service = relationship("Service")


def mark(service, email):
    """Record that `email` set `service`'s categories (in the caller's transaction)."""
    row = db.session.get(CategoryChoice, service.id) if service.id else None
    if row is None:
        db.session.add(CategoryChoice(service=service, chosen_by=email, chosen_at=utcnow()))
    else:
        row.chosen_by, row.chosen_at = email, utcnow()


def chosen(service_ids):
    """Return the ids among `service_ids` whose categories an editor chose."""
    ids, found = sorted(set(service_ids)), set()
    for start in range(0, len(ids), CHUNK):
        found.update(db.session.scalars(select(CategoryChoice.service_id).where(
            CategoryChoice.service_id.in_(ids[start:start + CHUNK]))))
    return found
