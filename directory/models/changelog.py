"""The search index's change log: one row per service a commit touched, written in that
commit's transaction (so it exists exactly when the change does), read in order by every
server to bring its own index in line; a `rebuild` row tells every server to rebuild from
the database. `IndexServer` holds how far each server got, so the log is trimmed once all
live servers have applied it. `services_touched` is the one rule for which services a
change alters (the audit's `last_modified` stamps and the log both use it)."""

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Integer, String, select
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import UUID_LENGTH, utcnow
from .location import Accessibility, Address, Location, Schedule, ServiceAtLocation
from .organization import Contact, Organization, Phone
from .service import CostOption, Language, Service, ServiceArea, ServiceCapacity
from .taxonomy import Attribute, TaxonomyTerm
from .translation import Translation

SERVICE = "service"
REBUILD = "rebuild"
TRIMMED = "(log trimmed through)"
# SQLite: a plain INTEGER key is the rowid (BIGINT would not autoincrement there).
SEQUENCE = BigInteger().with_variant(Integer, "sqlite")
# Rows that belong to a service or a location (through service_id / location_id).
CHILDREN = (Phone, Schedule, ServiceArea, Language, CostOption, Contact, ServiceCapacity)


class IndexChange(db.Model):
    """One entry of the log: service `service_id` changed (kind "service"), or every
    server must rebuild its index from the database (kind "rebuild")."""

    __tablename__ = "index_change"
    # AUTOINCREMENT: SQLite never hands out a number again, even after a trim.
    __table_args__ = ({"sqlite_autoincrement": True},)

    seq: Mapped[int] = mapped_column(SEQUENCE, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16), default=SERVICE)
    service_id: Mapped[str | None] = mapped_column(String(UUID_LENGTH))
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)


class IndexServer(db.Model):
    """A server's index (one folder on one machine): the last log entry it applied, when
    it last said so, and the drift its last check found (-1: not checked). The row named
    TRIMMED holds the last entry the trim deleted."""

    __tablename__ = "index_server"

    name: Mapped[str] = mapped_column(String(255), primary_key=True)
    applied: Mapped[int] = mapped_column(BigInteger, default=0)
    seen_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    generation: Mapped[str | None] = mapped_column(String(80))
    drift: Mapped[int] = mapped_column(Integer, default=-1)
    checked_at: Mapped[datetime | None] = mapped_column(DateTime)
    check_wanted: Mapped[datetime | None] = mapped_column(DateTime)  # by check-index


def _services_of_locations(session, location_ids):
    if not location_ids:
        return set()
    return set(session.execute(select(ServiceAtLocation.service_id).where(
        ServiceAtLocation.location_id.in_(location_ids))).scalars())


def services_touched(session, objects):
    """Return the ids of the services whose listing a change to `objects` alters: the
    services themselves, their children (phones, hours, areas, languages, costs, contacts,
    capacities, places), service attributes and translations (a phone's where the phone
    shows), the services at a changed location (its address, accessibility, phones and
    hours show on them), of a changed organization, and tagged with a changed taxonomy
    term."""
    services, locations, organizations, terms, phones = set(), set(), set(), set(), set()
    for obj in objects:
        if isinstance(obj, Service):
            services.add(obj.id)
        elif isinstance(obj, Attribute):
            if obj.link_entity == "service":
                services.add(obj.link_id)
        elif isinstance(obj, Translation):
            if obj.link_entity == "service":
                services.add(obj.link_id)
            elif obj.link_entity == "phone":
                phones.add(obj.link_id)
        elif isinstance(obj, Location):
            locations.add(obj.id)
        elif isinstance(obj, (Address, Accessibility)):
            locations.add(obj.location_id)
        elif isinstance(obj, ServiceAtLocation):
            services.add(obj.service_id)  # the other services at the place are unchanged
        elif isinstance(obj, Organization):
            organizations.add(obj.id)
        elif isinstance(obj, TaxonomyTerm):
            terms.add(obj.id)
        elif isinstance(obj, CHILDREN):
            services.add(getattr(obj, "service_id", None))
            locations.add(getattr(obj, "location_id", None))
    if phones:  # a phone's translated label shows where the phone does
        for service_id, location_id in session.execute(select(
                Phone.service_id, Phone.location_id).where(Phone.id.in_(phones))):
            services.add(service_id)
            locations.add(location_id)
    locations.discard(None)
    organizations.discard(None)
    terms.discard(None)
    services |= _services_of_locations(session, locations)
    if organizations:
        services |= set(session.execute(select(Service.id).where(
            Service.organization_id.in_(organizations))).scalars())
    if terms:
        services |= set(session.execute(select(Attribute.link_id).where(
            Attribute.taxonomy_term_id.in_(terms),
            Attribute.link_entity == "service")).scalars())
    services.discard(None)
    return services
