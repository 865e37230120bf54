"""The audit history of directory data, in the shape of HSDS's `metadata` table."""

from datetime import datetime

from sqlalchemy import DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import HSDSRecord, utcnow


class ChangeRecord(HSDSRecord, db.Model):
    """One changed field of one record: who, when, old and new value (HSDS `metadata`)."""

    __tablename__ = "metadata"

    resource_id: Mapped[str] = mapped_column(String(36), index=True)
    resource_type: Mapped[str] = mapped_column(String(50))
    last_action_date: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_action_type: Mapped[str] = mapped_column(String(16))
    field_name: Mapped[str | None] = mapped_column(String(100))
    previous_value: Mapped[str | None] = mapped_column(Text)
    replacement_value: Mapped[str | None] = mapped_column(Text)
    updated_by: Mapped[str | None] = mapped_column(String(255))
