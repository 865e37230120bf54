"""What HSDS records about who pays for and runs a service, and what it asks of people:
funding, program, organization_identifier, required_document, and (from HSDS 3.1) the
extra web addresses of an organization or service (`url`)."""

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import HSDSRecord, fk


class Funding(HSDSRecord, db.Model):
    """A source of funding of an organization or service (HSDS `funding`)."""

    __tablename__ = "funding"

    organization_id: Mapped[str | None] = fk("organization.id")
    service_id: Mapped[str | None] = fk("service.id")
    source: Mapped[str | None] = mapped_column(Text)


class Program(HSDSRecord, db.Model):
    """A group of services an organization runs together (HSDS `program`)."""

    __tablename__ = "program"

    organization_id: Mapped[str | None] = fk("organization.id")
    name: Mapped[str] = mapped_column(String(255))
    alternate_name: Mapped[str | None] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(Text)


class OrganizationIdentifier(HSDSRecord, db.Model):
    """An identifier of an organization in another scheme, such as a charity number
    (HSDS `organization_identifier`)."""

    __tablename__ = "organization_identifier"

    organization_id: Mapped[str | None] = fk("organization.id")
    identifier_scheme: Mapped[str | None] = mapped_column(String(255))
    identifier_type: Mapped[str] = mapped_column(String(255))
    identifier: Mapped[str] = mapped_column(String(255))


class RequiredDocument(HSDSRecord, db.Model):
    """A document a person must bring to use a service (HSDS `required_document`)."""

    __tablename__ = "required_document"

    service_id: Mapped[str | None] = fk("service.id")
    document: Mapped[str | None] = mapped_column(Text)
    uri: Mapped[str | None] = mapped_column(String(500))


class Url(HSDSRecord, db.Model):
    """A further web address of an organization or service (HSDS 3.1 `url`)."""

    __tablename__ = "url"

    label: Mapped[str | None] = mapped_column(String(255))
    url: Mapped[str] = mapped_column(String(500))
    organization_id: Mapped[str | None] = fk("organization.id")
    service_id: Mapped[str | None] = fk("service.id")


class MetaTableDescription(HSDSRecord, db.Model):
    """What a publisher says about one of its tables (HSDS `meta_table_description`)."""

    __tablename__ = "meta_table_description"

    name: Mapped[str | None] = mapped_column(String(255))
    language: Mapped[str | None] = mapped_column(String(64))
    character_set: Mapped[str | None] = mapped_column(String(64))
