"""Services and what describes them: HSDS service, service_area, language, cost_option,
and service_capacity with its unit (from HSDS 3.1: open beds, open group seats)."""

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, object_session, relationship

from ..extensions import db
from .base import HSDSRecord, Versioned, fk, utcnow
from .service_facts import TEMPORARILY_CLOSED, ServiceFacts
from .translation import Translatable, translations_relationship

SERVICE_STATUSES = ("active", "inactive", "defunct", TEMPORARILY_CLOSED)


class Service(ServiceFacts, Translatable, HSDSRecord, Versioned, db.Model):
    """A service an organization delivers (HSDS `service`); what is asked of it (listed,
    closed, its hours, how it reaches a client) comes from ServiceFacts."""

    __tablename__ = "service"
    TRANSLATION_ENTITY = "service"
    __table_args__ = (
        CheckConstraint(
            "status IN ('active', 'inactive', 'defunct', 'temporarily closed')", name="status"
        ),
    )

    organization_id: Mapped[str] = fk("organization.id")
    program_id: Mapped[str | None] = mapped_column(String(36))
    name: Mapped[str] = mapped_column(String(255), index=True)  # staff list order
    alternate_name: Mapped[str | None] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(500))
    email: Mapped[str | None] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(32), default="active")
    interpretation_services: Mapped[str | None] = mapped_column(Text)
    application_process: Mapped[str | None] = mapped_column(Text)
    fees_description: Mapped[str | None] = mapped_column(Text)
    wait_time: Mapped[str | None] = mapped_column(Text)
    fees: Mapped[str | None] = mapped_column(Text)
    accreditations: Mapped[str | None] = mapped_column(Text)
    licenses: Mapped[str | None] = mapped_column(Text)
    eligibility_description: Mapped[str | None] = mapped_column(Text)
    minimum_age: Mapped[float | None] = mapped_column(Float)
    maximum_age: Mapped[float | None] = mapped_column(Float)
    assured_date: Mapped[date | None] = mapped_column(Date)
    assurer_email: Mapped[str | None] = mapped_column(String(255))
    alert: Mapped[str | None] = mapped_column(Text)
    # The first step without a phone call (models/first_contact.py): where HSDS has no place.
    contact_form_url: Mapped[str | None] = mapped_column(String(500))
    first_visit: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[datetime | None] = mapped_column(DateTime, default=utcnow)

    organization = relationship("Organization", back_populates="services")
    phones = relationship("Phone", back_populates="service", cascade="all, delete-orphan",
                          passive_deletes=True, foreign_keys="Phone.service_id")
    schedules = relationship("Schedule", back_populates="service", cascade="all, delete-orphan",
                             passive_deletes=True, foreign_keys="Schedule.service_id")
    service_areas = relationship("ServiceArea", back_populates="service",
                                 cascade="all, delete-orphan", passive_deletes=True)
    service_at_locations = relationship("ServiceAtLocation", back_populates="service",
                                        cascade="all, delete-orphan", passive_deletes=True)
    languages = relationship("Language", back_populates="service", cascade="all, delete-orphan",
                             passive_deletes=True, foreign_keys="Language.service_id")
    cost_options = relationship("CostOption", back_populates="service",
                                cascade="all, delete-orphan", passive_deletes=True)
    contacts = relationship("Contact", back_populates="service", cascade="all, delete-orphan",
                            passive_deletes=True, foreign_keys="Contact.service_id")
    capacities = relationship("ServiceCapacity", back_populates="service",
                              cascade="all, delete-orphan", passive_deletes=True)
    # HSDS links terms to any record through `attribute` rows keyed by link_id.
    attributes = relationship(
        "Attribute",
        primaryjoin="and_(Service.id == foreign(Attribute.link_id), "
        "Attribute.link_entity == 'service')",
        cascade="all, delete-orphan",
    )
    translations = translations_relationship("service")

    @property
    def has_provider_inbox(self):
        """Return whether an active provider account looks after this service's program."""
        from .account import provider_organizations

        return bool(provider_organizations(object_session(self) or db.session,
                                           [self.organization_id]))

    @property
    def locations(self):
        """Return the locations this service is delivered at."""
        return [sal.location for sal in self.service_at_locations if sal.location]

    @property
    def physical_locations(self):
        """Return the locations that have coordinates a person can travel to."""
        return [loc for loc in self.locations
                if loc.location_type == "physical" and loc.latitude is not None]

    def tag(self, term):
        """Attach taxonomy `term` to this service unless it is already attached."""
        from .taxonomy import Attribute

        if term.id not in {a.taxonomy_term_id for a in self.attributes}:
            self.attributes.append(Attribute(
                link_type="service", link_entity="service", taxonomy_term=term,
                taxonomy_term_id=term.id,
            ))

    @property
    def terms(self):
        """Return the taxonomy terms attached to this service."""
        return [a.taxonomy_term for a in self.attributes if a.taxonomy_term]

    def terms_in(self, group_code):
        """Return this service's terms under the top-level group `group_code` (e.g. payment)."""
        return [t for t in self.terms if t.parent is not None and t.parent.code == group_code]

    @property
    def categories(self):
        """Return this service's categories (the `category` group of the project taxonomy)."""
        return self.terms_in("category")

    @property
    def address_states(self):
        """Return the states of the service's addresses, in the order of its places."""
        return list(dict.fromkeys(address.state_province for link in self.service_at_locations
                                  for address in link.location.addresses
                                  if address.state_province))


class ServiceArea(HSDSRecord, db.Model):
    """The area a service covers (HSDS `service_area`).

    `extent_type` "text" with `extent` "state:CA", "county:CA:Orange" or
    "postal_code:92630 92610" is the machine-readable form this directory matches on;
    `name` is the label people read ("California").
    """

    __tablename__ = "service_area"

    service_id: Mapped[str | None] = fk("service.id")
    service_at_location_id: Mapped[str | None] = fk("service_at_location.id")
    name: Mapped[str | None] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(Text)
    extent: Mapped[str | None] = mapped_column(Text)
    extent_type: Mapped[str | None] = mapped_column(String(16))
    uri: Mapped[str | None] = mapped_column(String(500))

    service = relationship("Service", back_populates="service_areas")


class Language(HSDSRecord, db.Model):
    """A language spoken at a service, location or on a phone line (HSDS `language`)."""

    __tablename__ = "language"

    service_id: Mapped[str | None] = fk("service.id")
    location_id: Mapped[str | None] = fk("location.id")
    phone_id: Mapped[str | None] = fk("phone.id")
    name: Mapped[str | None] = mapped_column(String(100))
    code: Mapped[str | None] = mapped_column(String(16), index=True)
    note: Mapped[str | None] = mapped_column(Text)

    service = relationship("Service", back_populates="languages", foreign_keys=[service_id])
    location = relationship("Location", back_populates="languages", foreign_keys=[location_id])
    phone = relationship("Phone", back_populates="languages", foreign_keys=[phone_id])


class CostOption(HSDSRecord, db.Model):
    """A structured cost of a service (HSDS `cost_option`)."""

    __tablename__ = "cost_option"

    service_id: Mapped[str] = fk("service.id")
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    option: Mapped[str | None] = mapped_column(Text)
    currency: Mapped[str | None] = mapped_column(String(3))
    amount: Mapped[float | None] = mapped_column(Float)
    amount_description: Mapped[str | None] = mapped_column(Text)

    service = relationship("Service", back_populates="cost_options")


class Unit(HSDSRecord, db.Model):
    """A unit a capacity is counted in, such as beds or seats (HSDS 3.1 `unit`)."""

    __tablename__ = "unit"

    name: Mapped[str] = mapped_column(String(100))
    scheme: Mapped[str | None] = mapped_column(String(255))
    identifier: Mapped[str | None] = mapped_column(String(255))
    uri: Mapped[str | None] = mapped_column(String(500))


class ServiceCapacity(HSDSRecord, db.Model):
    """How much of a service is available now: open beds, open seats (HSDS 3.1)."""

    __tablename__ = "service_capacity"

    service_id: Mapped[str] = fk("service.id")
    unit_id: Mapped[str | None] = fk("unit.id", ondelete="SET NULL")
    available: Mapped[int] = mapped_column(Integer, default=0)
    maximum: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(Text)
    updated: Mapped[datetime | None] = mapped_column(DateTime, default=utcnow)

    service = relationship("Service", back_populates="capacities")
    unit = relationship("Unit")
