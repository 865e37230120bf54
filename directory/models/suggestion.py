"""Corrections the public suggests for a service listing, and what editors did with them.

A suggestion is open until an editor applies it (after correcting the listing) or
dismisses it with a reason. The optional contact is what the person chose to give so an
editor may ask them about it; nothing else about them (no address, no browser) is kept.
"""

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import HSDSRecord, fk, utcnow

SUGGESTION_STATUSES = ("open", "applied", "dismissed")


class Suggestion(HSDSRecord, db.Model):
    """A correction suggested for a service by someone reading its public page."""

    __tablename__ = "suggestion"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'applied', 'dismissed')", name="status"),
    )

    service_id: Mapped[str] = fk("service.id")
    body: Mapped[str] = mapped_column(Text)
    contact: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_by: Mapped[str | None] = mapped_column(String(255))
    dismiss_reason: Mapped[str | None] = mapped_column(Text)

    service = relationship("Service")

    @property
    def is_open(self):
        return self.status == "open"

    def resolve(self, status, by, reason=None):
        """Close the suggestion as "applied" or "dismissed" by the staff member `by`."""
        if status not in SUGGESTION_STATUSES[1:]:
            raise ValueError(f"unknown resolution {status!r}")
        self.status = status
        self.resolved_by = by
        self.resolved_at = utcnow()
        self.dismiss_reason = reason if status == "dismissed" else None
