"""Services read for indexing with a handful of bulk queries (SQLAlchemy Core), not the
ORM: each record has the attributes a search document is built from, the same names as on
the Service model, and the same ServiceFacts, so `documents.service_document` takes either, and intake matching
ranks its candidates on them (matching/candidates.py) before it loads the few it shows."""

from collections import defaultdict
from types import SimpleNamespace

from sqlalchemy import select
from sqlalchemy.orm import aliased

from .. import models as m
from ..models.service_facts import LISTED, ServiceFacts
from ..models.transit import route_key, route_tag
from ..schedules.rules import ROW_FIELDS

# What is loaded of a schedule row: what the engine reads, and whether it is walk-in hours
# (a first step without a call, models/first_contact.py), which the engine never reads.
SCHEDULE_COLUMNS = (*ROW_FIELDS, "attending_type")


class ServiceRecord(ServiceFacts, SimpleNamespace):
    """A service's indexable facts, shaped like the Service model; what is asked of it
    (listed, closed, its hours, capacity, term codes) comes from ServiceFacts, as the
    model's does. A record is a snapshot, which matching keeps between requests
    (matching/candidates.py), so it keeps what ServiceFacts works out for it."""

    SNAPSHOT = True


def _grouped(session, statement):
    grouped = defaultdict(list)
    for row in session.execute(statement):
        grouped[row[0]].append(SimpleNamespace(**row._mapping))
    return grouped


def _locations(places, languages):
    """Return one place per location of a service's rows (one a row per address), with
    its `id`, `address` chosen as the model's Location.address chooses it, and the
    `languages` spoken there ({location id: rows})."""
    chosen = {}
    for place in places:
        kept = chosen.get(place.location_id)
        if kept is None or (kept.address_type not in (None, "physical")
                            and place.address_type in (None, "physical")):
            chosen[place.location_id] = place
    return [SimpleNamespace(**vars(place), id=place.location_id, address=SimpleNamespace(
        address_1=place.address_1, postal_code=place.postal_code, city=place.city)
        if place.address_1 is not None else None,
        languages=languages.get(place.location_id, [])) for place in chosen.values()]


def load_records(session, ids, listed_only=True):
    """Return the ServiceRecords of the services among `ids` (any order): the listed ones,
    or all of them for a caller that judges `is_listed` itself."""
    service = m.Service.__table__
    found_ids = select(service).where(service.c.id.in_(ids))
    rows = session.execute(found_ids.where(service.c.status.in_(LISTED)) if listed_only
                           else found_ids).all()
    if not rows:
        return []
    found = [r.id for r in rows]
    orgs = {org.id: SimpleNamespace(**org._mapping) for org in session.execute(select(
        m.Organization.id, m.Organization.name, m.Organization.alternate_name,
        m.Organization.description).where(
        m.Organization.id.in_({r.organization_id for r in rows})))}
    inboxes = m.provider_organizations(session, {r.organization_id for r in rows})
    program_ids = {r.program_id for r in rows if r.program_id}  # most directories: none
    programs = {p.id: SimpleNamespace(**p._mapping) for p in session.execute(select(
        m.Program.id, m.Program.name, m.Program.alternate_name).where(
        m.Program.id.in_(program_ids)))} if program_ids else {}
    parent = aliased(m.TaxonomyTerm)
    terms = _grouped(session, select(
        m.Attribute.link_id, m.Attribute.taxonomy_term_id, m.TaxonomyTerm.code,
        m.TaxonomyTerm.name, parent.code.label("group"))
        .join(m.TaxonomyTerm, m.TaxonomyTerm.id == m.Attribute.taxonomy_term_id)
        .outerjoin(parent, parent.id == m.TaxonomyTerm.parent_id)
        .where(m.Attribute.link_entity == "service", m.Attribute.link_id.in_(found)))
    languages = _grouped(session, select(m.Language.service_id, m.Language.name,
                                         m.Language.code)
                         .where(m.Language.service_id.in_(found)))
    places = _grouped(session, select(
        m.ServiceAtLocation.service_id, m.Location.id.label("location_id"),
        m.Location.location_type, m.Location.latitude,
        m.Location.longitude, m.Address.city, m.Address.state_province, m.Location.name,
        m.Location.alternate_name.label("alternate_name"), m.Address.address_1,
        m.Address.postal_code, m.Address.address_type)
        .join(m.Location, m.Location.id == m.ServiceAtLocation.location_id)
        .outerjoin(m.Address, m.Address.location_id == m.Location.id)
        .where(m.ServiceAtLocation.service_id.in_(found)))
    spoken_at = _grouped(session, select(m.Language.location_id, m.Language.name,
                                         m.Language.code)
                         .where(m.Language.location_id.in_(
                             {p.location_id for rows_ in places.values() for p in rows_})))
    areas = _grouped(session, select(m.ServiceArea.service_id, m.ServiceArea.name,
                                     m.ServiceArea.extent, m.ServiceArea.extent_type)
                     .where(m.ServiceArea.service_id.in_(found)))
    capacities = _grouped(session, select(m.ServiceCapacity.service_id,
                                          m.ServiceCapacity.available,
                                          m.ServiceCapacity.updated, m.Unit.name.label("unit"))
                          .outerjoin(m.Unit, m.Unit.id == m.ServiceCapacity.unit_id)
                          .where(m.ServiceCapacity.service_id.in_(found)))
    for capacity in (c for rows_ in capacities.values() for c in rows_):  # as the model's
        capacity.unit = SimpleNamespace(name=capacity.unit) if capacity.unit else None
    schedule = m.Schedule.__table__
    schedules = _grouped(session, select(schedule.c.service_id, *(
        c for c in schedule.c if c.name in SCHEDULE_COLUMNS)).where(
        schedule.c.service_id.in_(found)).order_by(schedule.c.service_id, schedule.c.id))
    phones = _grouped(session, select(m.Phone.service_id, m.Phone.type, m.Phone.number)
                      .where(m.Phone.service_id.in_(found)))
    costs = _grouped(session, select(m.CostOption.service_id, m.CostOption.option)
                     .where(m.CostOption.service_id.in_(found)))
    routes = _grouped(session, select(  # transit routes stopping within a walk (transit/)
        m.ServiceAtLocation.service_id, m.TransitLink.feed_id, m.TransitStopRoute.route_id)
        .join(m.TransitLink, m.TransitLink.location_id == m.ServiceAtLocation.location_id)
        .join(m.TransitStopRoute, (m.TransitStopRoute.feed_id == m.TransitLink.feed_id)
              & (m.TransitStopRoute.stop_id == m.TransitLink.stop_id))
        .where(m.ServiceAtLocation.service_id.in_(found)))
    translations = _grouped(session, select(
        m.Translation.link_id, m.Translation.language, m.Translation.field,
        m.Translation.text).where(m.Translation.link_entity == "service",
                                  m.Translation.link_id.in_(found)))
    records = []
    for row in rows:
        sid = row.id
        seen_points, locations = set(), []
        for place in places.get(sid, ()):
            key = (place.latitude, place.longitude)
            if place.location_type == "physical" and place.latitude is not None \
                    and key not in seen_points:
                seen_points.add(key)
                locations.append(SimpleNamespace(  # one per point: where to go
                    id=place.location_id, latitude=place.latitude, longitude=place.longitude,
                    address=SimpleNamespace(city=place.city) if place.city else None))
        record_terms = terms.get(sid, [])
        organization = orgs.get(row.organization_id) or SimpleNamespace(
            name="", alternate_name=None, description=None)
        records.append(ServiceRecord(
            **row._mapping,
            organization=organization, locations=_locations(places.get(sid, ()), spoken_at),
            has_provider_inbox=row.organization_id in inboxes,
            program=programs.get(row.program_id),
            terms=record_terms, attributes=record_terms,
            languages=languages.get(sid, []), physical_locations=locations,
            service_areas=areas.get(sid, []), capacities=capacities.get(sid, []),
            schedules=schedules.get(sid, []), cost_options=costs.get(sid, []),
            phones=phones.get(sid, []),
            address_states=list(dict.fromkeys(p.state_province for p in places.get(sid, ())
                                              if p.state_province)),
            translations=translations.get(sid, []),
            transit_tags=sorted({route_tag(route_key(r.feed_id, r.route_id))
                                   for r in routes.get(sid, ())}),
        ))
    return records
