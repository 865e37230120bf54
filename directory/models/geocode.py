"""The geocoder's cache: each street address is looked up once."""

from datetime import datetime

from sqlalchemy import DateTime, Float, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import utcnow


class GeocodeResult(db.Model):
    """A geocoded address (or a remembered miss, with no coordinates)."""

    __tablename__ = "geocode_cache"

    query: Mapped[str] = mapped_column(String(500), primary_key=True)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    label: Mapped[str | None] = mapped_column(String(500))
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
