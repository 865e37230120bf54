"""The reads behind the API's listings that the search engine does not answer: pages of
organizations, taxonomies, taxonomy terms and service_at_location rows, and the stamp of
the directory's data that ETag and Last-Modified are made from."""

from sqlalchemy import func, or_, select

from .. import catalogue, coverage
from .. import models as m
from ..extensions import db
from ..geo.gazetteer import extent_keys


def data_stamp():
    """Return (version, changed at) of the directory's data: it changes with every commit
    that changes the data (one row, bumped in that commit's transaction); read once per
    request (coverage.data_stamp)."""
    return coverage.data_stamp()


def data_changed_at():
    """Return when the directory's data last changed, as far as it records (or None)."""
    return data_stamp()[1]


def _like(column, text):
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return func.lower(column).like(f"%{escaped}%", escape="\\")


def _page(query, order, paging):
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    ids = list(db.session.scalars(query.order_by(*order).offset(paging.offset)
                                  .limit(paging.per_page)))
    return ids, total


def _all(query, order):
    return list(db.session.scalars(query.order_by(*order)))


def _term_filter(model_id, term_ids=None, taxonomy_id=None, entity="service"):
    """Return a clause: records tagged with any of `term_ids` / any term of `taxonomy_id`."""
    terms = select(m.TaxonomyTerm.id)
    if term_ids:
        terms = terms.where(m.TaxonomyTerm.id.in_(term_ids))
    if taxonomy_id:
        terms = terms.where(m.TaxonomyTerm.taxonomy_id == taxonomy_id)
    return model_id.in_(select(m.Attribute.link_id).where(
        m.Attribute.link_entity == entity, m.Attribute.taxonomy_term_id.in_(terms)))


def organization_ids(text="", term_ids=None, taxonomy_id=None, paging=None):
    """Return (ids, total) of the organizations matching, by name; all when no paging."""
    query = select(m.Organization.id)
    if text:
        query = query.where(or_(_like(m.Organization.name, text),
                                _like(m.Organization.alternate_name, text)))
    if term_ids or taxonomy_id:
        tagged = select(m.Service.organization_id).where(
            _term_filter(m.Service.id, term_ids, taxonomy_id))
        query = query.where(or_(m.Organization.id.in_(tagged), _term_filter(
            m.Organization.id, term_ids, taxonomy_id, "organization")))
    order = (m.Organization.name, m.Organization.id)
    return _page(query, order, paging) if paging else (_all(query, order), None)


def taxonomy_ids(text="", paging=None):
    """Return (ids, total) of the taxonomies matching, by name."""
    query = select(m.Taxonomy.id)
    if text:
        query = query.where(_like(m.Taxonomy.name, text))
    order = (m.Taxonomy.name, m.Taxonomy.id)
    return _page(query, order, paging) if paging else (_all(query, order), None)


def taxonomy_term_ids(text="", taxonomy_id=None, parent_id=None, top_only=False, paging=None):
    """Return (ids, total) of the taxonomy terms matching, by name."""
    query = select(m.TaxonomyTerm.id)
    if text:
        query = query.where(or_(_like(m.TaxonomyTerm.name, text),
                                _like(m.TaxonomyTerm.code, text)))
    if taxonomy_id:
        query = query.where(m.TaxonomyTerm.taxonomy_id == taxonomy_id)
    if parent_id:
        query = query.where(m.TaxonomyTerm.parent_id == parent_id)
    if top_only:
        query = query.where(m.TaxonomyTerm.parent_id.is_(None))
    order = (m.TaxonomyTerm.name, m.TaxonomyTerm.id)
    return _page(query, order, paging) if paging else (_all(query, order), None)


def terms_of_taxonomy(taxonomy_id):
    """Return the ids of the terms of a taxonomy."""
    return list(db.session.scalars(select(m.TaxonomyTerm.id).where(
        m.TaxonomyTerm.taxonomy_id == taxonomy_id)))


def listed_service_at_locations():
    """Return [(sal id, service id, latitude, longitude)] of every listed service's
    locations, by service name (api/sal_table.py keeps them per index version)."""
    columns = (m.ServiceAtLocation.id, m.ServiceAtLocation.service_id, m.Location.latitude,
               m.Location.longitude)
    query = (select(*columns)
             .join(m.Service, m.Service.id == m.ServiceAtLocation.service_id)
             .join(m.Location, m.Location.id == m.ServiceAtLocation.location_id)
             .where(m.Service.status.in_(catalogue.LISTED)))
    return db.session.execute(query.order_by(m.Service.name, m.Service.id,
                                             m.ServiceAtLocation.id)).all()


def service_area_keys(service_ids, sal_ids):
    """Return {service or service_at_location id: area keys} of the service areas whose
    text extent names places ("state:CA", "postal_code:92630 92610"); ids without such an
    area are left out (their coverage cannot be checked)."""
    found = {}
    area = m.ServiceArea
    for column, ids in ((area.service_id, sorted(set(service_ids))),
                        (area.service_at_location_id, sorted(set(sal_ids)))):
        for start in range(0, len(ids), 2000):
            rows = db.session.execute(select(column, area.extent).where(
                column.in_(ids[start:start + 2000]), area.extent_type == "text"))
            for owner, extent in rows:
                keys = extent_keys(extent)
                if keys:
                    found.setdefault(owner, set()).update(keys)
    return found
