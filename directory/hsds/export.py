"""Writing the directory out as HSDS 3.0: JSON (a list of organization objects with their
services, locations, phones and contacts nested, followed by the taxonomy terms, so the
hierarchy survives) or a tabular data package (every table, one CSV each). A filtered
export (a category, services modified after a date) holds those services and what they
need. Output is deterministic: exporting the same data twice gives the same bytes."""

from dataclasses import dataclass, field

from sqlalchemy import select

from .. import models as m
from ..extensions import db
from .datapackage import write_package
from .jsonfile import write_json
from .rules import field_order
from .serialize import RowStore, Serializer, open_eligibility_attributes
from .tables import TABLES

FORMATS = ("json", "csv")


@dataclass
class ExportResult:
    """How many records of each table an export wrote."""

    counts: dict = field(default_factory=dict)


def selected_services(category=None, modified_after=None):
    """Return the ids of the services a filtered export holds (None: the whole directory)."""
    if category is None and modified_after is None:
        return None
    query = select(m.Service.id)
    if category:
        term_ids = select(m.TaxonomyTerm.id).where(m.TaxonomyTerm.code == category)
        query = query.where(m.Service.id.in_(
            select(m.Attribute.link_id).where(m.Attribute.link_entity == "service",
                                              m.Attribute.taxonomy_term_id.in_(term_ids))))
    if modified_after is not None:
        query = query.where(m.Service.last_modified > modified_after)
    return set(db.session.scalars(query))


def _ordered_ids(model, ids=None):
    query = select(model.id).order_by(getattr(model, "name", model.id), model.id)
    found = list(db.session.scalars(query))
    return found if ids is None else [i for i in found if i in ids]


def _walk(service_ids):
    """Return a RowStore holding the organizations (with the services) to export."""
    restrict = None
    if service_ids is not None:
        locations = set(db.session.scalars(select(m.ServiceAtLocation.location_id).where(
            m.ServiceAtLocation.service_id.in_(service_ids)))) if service_ids else set()
        restrict = {"service": service_ids, "location": locations}
        org_ids = set(db.session.scalars(select(m.Service.organization_id).where(
            m.Service.id.in_(service_ids)))) if service_ids else set()
    store = RowStore(restrict)
    organizations = store.load("organization", _ordered_ids(
        m.Organization, None if service_ids is None else org_ids))
    store.prefetch("organization", organizations)
    terms = store.load("taxonomy_term", _ordered_ids(m.TaxonomyTerm))
    store.prefetch("taxonomy_term", terms, full=False)
    return store, organizations, terms


def _all_rows(store):
    """Fill the store with every row of every table (the unfiltered tabular export)."""
    for name, table in TABLES.items():
        for row in db.session.execute(select(table.model.__table__)):
            store.rows[name].setdefault(row.id, dict(row._mapping))


def export_json(path, service_ids=None):
    """Write the JSON form; return an ExportResult."""
    store, organizations, terms = _walk(service_ids)
    serializer = Serializer(store)
    items = [serializer.object("organization", row) for row in organizations]
    items += [serializer.object("taxonomy_term", row, full=False) for row in terms]
    write_json(path, items)
    return ExportResult({"organization": len(organizations), "taxonomy_term": len(terms),
                         "service": sum(len(o.get("services", ())) for o in items)})


def export_csv(path, service_ids=None):
    """Write the tabular form; return an ExportResult."""
    store, _, _ = _walk(service_ids)
    if service_ids is None:
        _all_rows(store)
    else:
        for taxonomy in db.session.execute(select(m.Taxonomy.__table__)):
            store.rows["taxonomy"].setdefault(taxonomy.id, dict(taxonomy._mapping))
    attributes = store.rows["attribute"]
    for extra in open_eligibility_attributes(list(attributes.values()),
                                             store.rows["taxonomy_term"]):
        attributes.setdefault(extra["id"], extra)
    serializer = Serializer(store)
    tables, counts = {}, {}
    for name in TABLES:
        order = field_order(name)
        rows = sorted(store.rows[name].values(), key=lambda r: r["id"])
        cells = []
        for row in rows:
            obj = serializer.fields(name, row)
            cells.append(["" if obj.get(f) is None else str(obj[f]) for f in order])
        tables[name], counts[name] = cells, len(cells)
    write_package(path, tables)
    return ExportResult(counts)


def export(path, fmt="json", category=None, modified_after=None):
    """Export the directory (or the filtered services) to `path` in `fmt`."""
    service_ids = selected_services(category, modified_after)
    writer = export_json if fmt == "json" else export_csv
    return writer(path, service_ids)
