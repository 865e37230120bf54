"""A person's "Ask them to contact me" request to a program, sent from its public page.

It holds what the program needs to reach the person and nothing more: how (a text message
or an email), the number or address, when suits them, an optional note, and the language
they read the page in (the program's answer and the confirmation use it). It is never
logged, and it is deleted when the program answers it, or at the latest
`CONTACT_REQUEST_DAYS` after it was sent (contact_requests.py).
"""

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import HSDSRecord, fk, utcnow

CONTACT_CHANNELS = ("text", "email")
CONTACT_TIMES = ("any", "morning", "afternoon", "evening")
CONTACT_NOTE_LENGTH = 500


class ContactRequest(HSDSRecord, db.Model):
    """One request waiting in the program's provider inbox. A request sent to a program
    without a provider account goes to its email and is never stored; an answered request
    is deleted (contact_requests.answered)."""

    __tablename__ = "contact_request"
    __table_args__ = (
        CheckConstraint("channel IN ('text', 'email')", name="channel"),
    )

    service_id: Mapped[str] = fk("service.id")
    channel: Mapped[str] = mapped_column(String(8))
    address: Mapped[str] = mapped_column(String(255))
    best_time: Mapped[str] = mapped_column(String(16), default="any")
    note: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(16), default="en")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)

    service = relationship("Service")
