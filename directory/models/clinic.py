"""The clinic that hands out referral lists: its name, address and phone as an admin
set them on the settings page, printed at the top of every handout. One row at most;
until an admin saves it, handouts name the directory instead."""

from datetime import datetime

from sqlalchemy import DateTime, String, select
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import HSDSRecord, utcnow

NAME_LENGTH, ADDRESS_LENGTH, PHONE_LENGTH = 120, 255, 50


class ClinicProfile(HSDSRecord, db.Model):
    """What handouts say about the clinic that made them."""

    __tablename__ = "clinic_profile"

    name: Mapped[str | None] = mapped_column(String(NAME_LENGTH))
    address: Mapped[str | None] = mapped_column(String(ADDRESS_LENGTH))
    phone: Mapped[str | None] = mapped_column(String(PHONE_LENGTH))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_by: Mapped[str | None] = mapped_column(String(255))


def clinic_profile():
    """Return the clinic's profile row, or None before an admin saved one."""
    return db.session.scalar(select(ClinicProfile).limit(1))
