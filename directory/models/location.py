"""Where services happen and when: HSDS location, address, accessibility,
service_at_location and schedule."""

from datetime import date

from sqlalchemy import CheckConstraint, Date, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import HSDSRecord, Versioned, fk

LOCATION_TYPES = ("physical", "postal", "virtual")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class Location(HSDSRecord, Versioned, db.Model):
    """A place a service is delivered from, or a virtual one (HSDS `location`)."""

    __tablename__ = "location"
    __table_args__ = (
        CheckConstraint("location_type IN ('physical', 'postal', 'virtual')",
                        name="location_type"),
    )

    location_type: Mapped[str] = mapped_column(String(16), default="physical")
    url: Mapped[str | None] = mapped_column(String(500))
    organization_id: Mapped[str | None] = fk("organization.id")
    name: Mapped[str | None] = mapped_column(String(255))
    alternate_name: Mapped[str | None] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(Text)
    transportation: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    external_identifier: Mapped[str | None] = mapped_column(String(255))
    external_identifier_type: Mapped[str | None] = mapped_column(String(255))

    organization = relationship("Organization", back_populates="locations")
    addresses = relationship("Address", back_populates="location", cascade="all, delete-orphan",
                             passive_deletes=True)
    accessibility = relationship("Accessibility", back_populates="location",
                                 cascade="all, delete-orphan", passive_deletes=True)
    phones = relationship("Phone", back_populates="location", cascade="all, delete-orphan",
                          passive_deletes=True, foreign_keys="Phone.location_id")
    languages = relationship("Language", back_populates="location", cascade="all, delete-orphan",
                             passive_deletes=True, foreign_keys="Language.location_id")
    schedules = relationship("Schedule", back_populates="location", cascade="all, delete-orphan",
                             passive_deletes=True, foreign_keys="Schedule.location_id")
    service_at_locations = relationship("ServiceAtLocation", back_populates="location",
                                        cascade="all, delete-orphan", passive_deletes=True)

    @property
    def address(self):
        """Return the physical address, else the first one, else None."""
        for addr in self.addresses:
            if addr.address_type in (None, "physical"):
                return addr
        return self.addresses[0] if self.addresses else None

    @property
    def has_coordinates(self):
        """Return whether the location can be placed on a map."""
        return self.latitude is not None and self.longitude is not None


class Address(HSDSRecord, db.Model):
    """A postal or physical address of a location (HSDS `address`)."""

    __tablename__ = "address"

    location_id: Mapped[str | None] = fk("location.id")
    attention: Mapped[str | None] = mapped_column(String(255))
    address_1: Mapped[str] = mapped_column(String(255))
    address_2: Mapped[str | None] = mapped_column(String(255))
    city: Mapped[str] = mapped_column(String(100))
    region: Mapped[str | None] = mapped_column(String(100))
    state_province: Mapped[str] = mapped_column(String(100))
    postal_code: Mapped[str] = mapped_column(String(16), index=True)
    country: Mapped[str] = mapped_column(String(2), default="US")
    address_type: Mapped[str | None] = mapped_column(String(16), default="physical")

    location = relationship("Location", back_populates="addresses")

    def one_line(self):
        """Return the address on one line, as it is printed on a referral."""
        street = ", ".join(p for p in (self.address_1, self.address_2) if p)
        return f"{street}, {self.city}, {self.state_province} {self.postal_code}"


class Accessibility(HSDSRecord, db.Model):
    """An accessibility feature of a location (HSDS `accessibility`)."""

    __tablename__ = "accessibility"

    location_id: Mapped[str | None] = fk("location.id")
    description: Mapped[str | None] = mapped_column(Text)
    details: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(500))

    location = relationship("Location", back_populates="accessibility")


class ServiceAtLocation(HSDSRecord, db.Model):
    """The link between a service and a location it is delivered at (HSDS)."""

    __tablename__ = "service_at_location"

    service_id: Mapped[str] = fk("service.id")
    location_id: Mapped[str] = fk("location.id")
    description: Mapped[str | None] = mapped_column(Text)

    service = relationship("Service", back_populates="service_at_locations")
    location = relationship("Location", back_populates="service_at_locations")


class Schedule(HSDSRecord, db.Model):
    """Opening hours as an RFC 5545 style recurrence (HSDS `schedule`).

    `opens_at` / `closes_at` are "HH:MM" local times; `timezone` is HSDS's UTC
    offset in hours, and when it is empty the directory's own zone applies.
    """

    __tablename__ = "schedule"

    service_id: Mapped[str | None] = fk("service.id")
    location_id: Mapped[str | None] = fk("location.id")
    service_at_location_id: Mapped[str | None] = fk("service_at_location.id")
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    dtstart: Mapped[date | None] = mapped_column(Date)
    timezone: Mapped[float | None] = mapped_column(Float)
    until: Mapped[date | None] = mapped_column(Date)
    count: Mapped[int | None] = mapped_column(Integer)
    wkst: Mapped[str | None] = mapped_column(String(2))
    freq: Mapped[str | None] = mapped_column(String(16))
    interval: Mapped[int | None] = mapped_column(Integer)
    byday: Mapped[str | None] = mapped_column(String(64))
    byweekno: Mapped[str | None] = mapped_column(String(255))
    bymonthday: Mapped[str | None] = mapped_column(String(255))
    byyearday: Mapped[str | None] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(Text)
    opens_at: Mapped[str | None] = mapped_column(String(16))
    closes_at: Mapped[str | None] = mapped_column(String(16))
    schedule_link: Mapped[str | None] = mapped_column(String(500))
    attending_type: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)

    service = relationship("Service", back_populates="schedules", foreign_keys=[service_id])
    location = relationship("Location", back_populates="schedules", foreign_keys=[location_id])

    @property
    def days(self):
        """Return the weekday codes (MO..SU) this weekly schedule covers, in week order."""
        return schedule_days(self.freq, self.byday)


def schedule_days(freq, byday):
    """Return the weekday codes (MO..SU) a weekly HSDS schedule covers, in week order."""
    if (freq or "WEEKLY").upper() != "WEEKLY" or not byday:
        return []
    wanted = {d.strip().upper()[-2:] for d in byday.split(",") if d.strip()}
    return [d for d in WEEKDAYS if d in wanted]
