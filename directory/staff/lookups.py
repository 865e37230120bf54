"""What the staff workspace reads from the directory: what needs attention (listings
not verified for STALE_AFTER_DAYS, beds or seats not updated for AVAILABILITY_STALE_DAYS,
suggestions waiting), and finding services, organizations and
locations by name. Oldest first, so the most out-of-date listing is always on top."""

from datetime import timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from .. import coverage, search
from ..extensions import db
from ..models import Location, Organization, Service, ServiceCapacity, Suggestion
from ..models.service_facts import LISTED, needs_fresh_availability_clause

PAGE = 50
CANDIDATES_MAX = 2000


def _like(text):
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def stale_services(today, days, limit=PAGE):
    """Return (services, total) listed and not verified since `days` before `today`.
    The count and the oldest candidates come from the search index's facts; the rows
    are then read for those candidates only (all of them if ties make them too many)."""
    cutoff = today - timedelta(days=days)
    condition = (Service.status.in_(LISTED),
                 or_(Service.assured_date.is_(None), Service.assured_date < cutoff))
    total, candidates = search.verified_before(cutoff, limit)
    if len(candidates) <= CANDIDATES_MAX:
        condition += (Service.id.in_(candidates),)
    services = db.session.scalars(
        select(Service).where(*condition).options(selectinload(Service.organization))
        .order_by(Service.assured_date.asc().nulls_first(), Service.name).limit(limit)).all()
    return services, total


def stale_availability(now, days, limit=PAGE):
    """Return [(service, last update or None)] for the listed services that count beds or
    seats (`ServiceFacts.needs_fresh_availability`) and whose availability was not updated
    in `days`, never updated first (by name), then oldest first. Which services count beds
    or seats, by name, is read once per index version (a change to a service's categories,
    capacity or status changes the index); the last updates are read on each request."""
    cutoff = now - timedelta(days=days)
    latest = dict(db.session.execute(
        select(ServiceCapacity.service_id, func.max(ServiceCapacity.updated))
        .group_by(ServiceCapacity.service_id)).all())
    counting = search.remember("counting beds or seats, by name", _counting_by_name)
    never = [sid for sid in counting if latest.get(sid) is None][:limit]
    old = sorted((latest[sid], position) for position, sid in enumerate(counting)
                 if latest.get(sid) is not None and latest[sid] < cutoff)
    chosen = never + [counting[position] for _, position in old[:limit - len(never)]]
    services = {s.id: s for s in db.session.scalars(
        select(Service).where(Service.id.in_(chosen))
        .options(selectinload(Service.organization)))}
    return [(services[sid], latest.get(sid)) for sid in chosen if sid in services]


def _counting_by_name():
    """Return the ids of the listed services that count beds or seats, by name."""
    return db.session.scalars(
        select(Service.id).where(Service.status.in_(LISTED),
                                 needs_fresh_availability_clause(Service.id))
        .order_by(Service.name, Service.id)).all()


def open_suggestions(service_id=None):
    """Return the suggestions waiting for an editor, oldest first."""
    query = (select(Suggestion).where(Suggestion.status == "open")
             .options(selectinload(Suggestion.service).selectinload(Service.organization))
             .order_by(Suggestion.created))
    if service_id:
        query = query.where(Suggestion.service_id == service_id)
    return db.session.scalars(query).all()


def suggestion(suggestion_id):
    return db.session.get(Suggestion, suggestion_id)


def find_services(text="", status=None, page=1, per_page=PAGE):
    """Return (one page of the services whose name or organization's name contains
    `text`, by name; how many there are in all)."""
    query = select(Service.id)
    if text:
        query = query.join(Organization, Organization.id == Service.organization_id).where(
            or_(Service.name.ilike(_like(text), escape="\\"),
                Organization.name.ilike(_like(text), escape="\\")))
    if status == "listed":
        query = query.where(Service.status.in_(LISTED))
    elif status:
        query = query.where(Service.status == status)
    def count():
        return db.session.scalar(select(func.count()).select_from(query.subquery()))
    # Without words, the list opens on every service (or a status's): a count that only a
    # change to the data moves, and that scans the whole table (1.5 s at a million on
    # PostgreSQL), so it is made once per data stamp.
    total = count() if text else coverage.per_stamp(f"services of status {status}", count)
    ids = db.session.scalars(query.order_by(Service.name, Service.id)
                             .offset((max(page, 1) - 1) * per_page).limit(per_page)).all()
    found = {s.id: s for s in db.session.scalars(
        select(Service).where(Service.id.in_(ids)).options(selectinload(Service.organization)))}
    return [found[i] for i in ids if i in found], total


def find_organizations(text="", limit=PAGE):
    """Return (organizations, total) whose name contains `text`."""
    query = select(Organization)
    if text:
        query = query.where(Organization.name.ilike(_like(text), escape="\\"))
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    found = db.session.scalars(query.options(selectinload(Organization.services))
                               .order_by(Organization.name).limit(limit)).all()
    return found, total


def all_organizations():
    """Return [(id, name)] of every organization, by name (for choosing one)."""
    return db.session.execute(select(Organization.id, Organization.name)
                              .order_by(Organization.name)).all()


def organization(organization_id):
    return db.session.get(Organization, organization_id)


def location(location_id):
    return db.session.scalar(select(Location).where(Location.id == location_id).options(
        selectinload(Location.addresses), selectinload(Location.phones),
        selectinload(Location.service_at_locations)))
