"""Organizations and the people and numbers to reach them: HSDS organization, contact, phone."""

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import HSDSRecord, Versioned, fk
from .translation import Translatable, translations_relationship


class Organization(HSDSRecord, Versioned, db.Model):
    """An organization that delivers services (HSDS `organization`)."""

    __tablename__ = "organization"

    name: Mapped[str] = mapped_column(String(255))
    alternate_name: Mapped[str | None] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(String(255))
    website: Mapped[str | None] = mapped_column(String(500))
    tax_status: Mapped[str | None] = mapped_column(String(255))
    tax_id: Mapped[str | None] = mapped_column(String(255))
    year_incorporated: Mapped[int | None] = mapped_column(Integer)
    legal_status: Mapped[str | None] = mapped_column(String(255))
    logo: Mapped[str | None] = mapped_column(String(500))
    uri: Mapped[str | None] = mapped_column(String(500))
    # No constraint: HSDS files name parents held elsewhere, and the id is kept as written.
    parent_organization_id: Mapped[str | None] = mapped_column(String(36), index=True)

    services = relationship(
        "Service", back_populates="organization", order_by="Service.name",
        cascade="all, delete-orphan", passive_deletes=True,
    )
    locations = relationship(
        "Location", back_populates="organization", cascade="all, delete-orphan",
        passive_deletes=True,
    )
    phones = relationship(
        "Phone", back_populates="organization", cascade="all, delete-orphan",
        passive_deletes=True, foreign_keys="Phone.organization_id",
    )
    contacts = relationship(
        "Contact", back_populates="organization", cascade="all, delete-orphan",
        passive_deletes=True, foreign_keys="Contact.organization_id",
    )


class Contact(HSDSRecord, db.Model):
    """A named person to contact about an organization, service or location (HSDS `contact`)."""

    __tablename__ = "contact"

    organization_id: Mapped[str | None] = fk("organization.id")
    service_id: Mapped[str | None] = fk("service.id")
    service_at_location_id: Mapped[str | None] = fk("service_at_location.id")
    location_id: Mapped[str | None] = fk("location.id")
    name: Mapped[str | None] = mapped_column(String(255))
    title: Mapped[str | None] = mapped_column(String(255))
    department: Mapped[str | None] = mapped_column(String(255))
    email: Mapped[str | None] = mapped_column(String(255))

    organization = relationship("Organization", back_populates="contacts",
                                foreign_keys=[organization_id])
    service = relationship("Service", back_populates="contacts", foreign_keys=[service_id])
    phones = relationship("Phone", back_populates="contact", cascade="all, delete-orphan",
                          passive_deletes=True, foreign_keys="Phone.contact_id")


class Phone(Translatable, HSDSRecord, db.Model):
    """A telephone number for an organization, service, location or contact (HSDS `phone`)."""

    __tablename__ = "phone"
    TRANSLATION_ENTITY = "phone"

    TYPES = ("text", "voice", "fax", "cell", "video", "pager", "textphone")

    location_id: Mapped[str | None] = fk("location.id")
    service_id: Mapped[str | None] = fk("service.id")
    organization_id: Mapped[str | None] = fk("organization.id")
    contact_id: Mapped[str | None] = fk("contact.id")
    service_at_location_id: Mapped[str | None] = fk("service_at_location.id")
    number: Mapped[str] = mapped_column(String(64))
    extension: Mapped[str | None] = mapped_column(String(32))
    type: Mapped[str | None] = mapped_column(String(16))
    description: Mapped[str | None] = mapped_column(Text)

    organization = relationship("Organization", back_populates="phones",
                                foreign_keys=[organization_id])
    service = relationship("Service", back_populates="phones", foreign_keys=[service_id])
    location = relationship("Location", back_populates="phones", foreign_keys=[location_id])
    contact = relationship("Contact", back_populates="phones", foreign_keys=[contact_id])
    languages = relationship("Language", back_populates="phone", cascade="all, delete-orphan",
                             passive_deletes=True, foreign_keys="Language.phone_id")
    translations = translations_relationship("phone")

    @property
    def tel_uri(self):
        """Return the number as a `tel:` URI a phone can dial."""
        digits = "".join(ch for ch in self.number if ch.isdigit() or ch == "+")
        if len(digits) == 10 and not digits.startswith("+"):
            digits = "+1" + digits
        suffix = f";ext={self.extension}" if self.extension else ""
        return f"tel:{digits}{suffix}"
