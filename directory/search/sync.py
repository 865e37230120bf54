"""The index follows the database: services touched by a flush are collected in
`after_flush`, written to the index in `after_commit`, and forgotten in `after_rollback`
(the pattern pypi's warehouse uses). A write that cannot get the index lock is queued and
logged; it never turns a save into an error."""

import logging

from flask import current_app, has_app_context
from sqlalchemy import event, select

from .. import models as m

log = logging.getLogger(__name__)
KEY = "search_changed_services"
DISABLE = "search_sync_disabled"
_registered = False

SERVICE_CHILDREN = (m.Phone, m.Schedule, m.ServiceArea, m.Language, m.CostOption, m.Contact,
                    m.ServiceCapacity, m.ServiceAtLocation)


def _services_at_locations(session, location_ids):
    if not location_ids:
        return set()
    return set(session.execute(select(m.ServiceAtLocation.service_id).where(
        m.ServiceAtLocation.location_id.in_(location_ids))).scalars())


def _touched(session, objects):
    ids, locations, organizations, terms = set(), set(), set(), set()
    for obj in objects:
        if isinstance(obj, m.Service):
            ids.add(obj.id)
        elif isinstance(obj, SERVICE_CHILDREN):
            if getattr(obj, "service_id", None):
                ids.add(obj.service_id)
            if getattr(obj, "location_id", None):
                locations.add(obj.location_id)
        elif isinstance(obj, m.Attribute):
            if obj.link_entity == "service":
                ids.add(obj.link_id)
        elif isinstance(obj, m.Location):
            locations.add(obj.id)
        elif isinstance(obj, (m.Address, m.Accessibility)):
            if obj.location_id:
                locations.add(obj.location_id)
        elif isinstance(obj, m.Organization):
            organizations.add(obj.id)
        elif isinstance(obj, m.TaxonomyTerm):
            terms.add(obj.id)
    # Phones and schedules of a location show on its services too.
    ids |= _services_at_locations(session, locations)
    if organizations:
        ids |= set(session.execute(select(m.Service.id).where(
            m.Service.organization_id.in_(organizations))).scalars())
    if terms:
        ids |= set(session.execute(select(m.Attribute.link_id).where(
            m.Attribute.taxonomy_term_id.in_(terms),
            m.Attribute.link_entity == "service")).scalars())
    ids.discard(None)
    return ids


def after_flush(session, _context):
    if session.info.get(DISABLE):
        return
    objects = list(session.new) + list(session.dirty) + list(session.deleted)
    if objects:
        session.info.setdefault(KEY, set()).update(_touched(session, objects))


def after_commit(session):
    changed = session.info.pop(KEY, None)
    if not changed or not has_app_context() or "search" not in current_app.extensions:
        return
    from . import write_changes

    write_changes(sorted(changed))


def after_rollback(session):
    session.info.pop(KEY, None)


def register(session_factory):
    """Listen to the session events once for the whole process."""
    global _registered
    if _registered:
        return
    event.listen(session_factory, "after_flush", after_flush)
    event.listen(session_factory, "after_commit", after_commit)
    event.listen(session_factory, "after_rollback", after_rollback)
    _registered = True
