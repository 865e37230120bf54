"""Writing the directory out in the official shapes of HSDS 3.0 (the default) or 3.1.
JSON is a folder of lists of the specification's objects, one file per root object:
services.json (each service with its nested records and its organization's fields),
organizations.json, locations.json, taxonomies.json, taxonomy_terms.json and
meta_table_descriptions.json. CSV is a data package (a folder or a .zip) whose file and
column names follow HSDS's datapackage.json. A filtered export (a category, services
modified on or after a date) holds those services and what they need. Staff addresses
(who verified a service, who changed what) are left out unless `include_staff` asks for
them. Output is deterministic: exporting the same data twice gives the same bytes."""

from dataclasses import dataclass, field

from sqlalchemy import select

from .. import models as m
from ..extensions import db
from .first_contact import value_attributes, value_term_ids
from .jsonfile import json_text
from .profiles import DEFAULT_PROFILE, export_shape
from .rules import CSV_PATHS
from .serialize import RowStore, Serializer, open_eligibility_attributes
from .tables import TABLES
from .tabular import cells, write_files, write_package

FORMATS = ("json", "csv")
JSON_ROOTS = ("service", "organization", "location", "taxonomy", "taxonomy_term",
              "meta_table_description")


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
        query = query.where(m.Service.last_modified >= modified_after)
    return set(db.session.scalars(query))


def _ordered_ids(model, ids=None):
    query = select(model.id).order_by(getattr(model, "name", model.id), model.id)
    found = list(db.session.scalars(query))
    return found if ids is None else [i for i in found if i in ids]


def _selection(service_ids):
    """Return {root table: ids or None (all)} and the children restriction."""
    if service_ids is None:
        return {}, None
    ids = service_ids or set()
    locations = set(db.session.scalars(select(m.ServiceAtLocation.location_id).where(
        m.ServiceAtLocation.service_id.in_(ids)))) if ids else set()
    organizations = set(db.session.scalars(select(m.Service.organization_id).where(
        m.Service.id.in_(ids)))) if ids else set()
    chosen = {"service": ids, "location": locations, "organization": organizations}
    return chosen, {"service": ids, "location": locations}


def _walk(shape, service_ids):
    """Return a RowStore that fetched the root objects to export, and {root: rows}."""
    chosen, restrict = _selection(service_ids)
    store = RowStore(restrict, shape)
    roots = {}
    for name in JSON_ROOTS:
        rows = store.load(name, _ordered_ids(TABLES[name].model, chosen.get(name)))
        store.prefetch(name, rows)
        roots[name] = rows
    return store, roots


def export_json(path, service_ids=None, profile=DEFAULT_PROFILE, include_staff=False):
    """Write the JSON form (a folder, one file per root object); return an ExportResult."""
    shape = export_shape(profile)
    store, roots = _walk(shape, service_ids)
    serializer = Serializer(store, include_staff)
    files, counts = {}, {}
    for name, rows in roots.items():
        files[CSV_PATHS[name][:-4] + ".json"] = json_text(
            serializer.object(name, row) for row in rows)
        counts[name] = len(rows)
    write_files(path, files)
    return ExportResult(counts)


def _all_rows(store, shape):
    """Fill the store with every row of every table of the shape (an unfiltered export);
    the change history only of the tables exported."""
    for name in shape.tables():
        query = select(TABLES[name].model.__table__)
        if name == "metadata":
            query = query.where(m.ChangeRecord.resource_type.in_(shape.tables()))
        for row in db.session.execute(query):
            store.rows[name].setdefault(row.id, dict(row._mapping))


def export_csv(path, service_ids=None, profile=DEFAULT_PROFILE, include_staff=False):
    """Write the tabular form; return an ExportResult."""
    shape = export_shape(profile)
    store, _ = _walk(shape, service_ids)
    if service_ids is None:
        _all_rows(store, shape)
    attributes = store.rows["attribute"]
    for extra in open_eligibility_attributes(list(attributes.values()),
                                             store.rows["taxonomy_term"]):
        attributes.setdefault(extra["id"], extra)
    value_terms = value_term_ids()
    for service in list(store.rows["service"].values()):
        for extra in value_attributes(service, value_terms):
            attributes.setdefault(extra["id"], extra)
    serializer = Serializer(store, include_staff)
    tables, counts = {}, {}
    for name in shape.tables():
        rows = sorted((row for row in store.rows[name].values() if serializer.shown(name, row)),
                      key=lambda r: r["id"])
        tables[name] = cells(shape, name, (serializer.fields(name, row) for row in rows))
        counts[name] = len(rows)
    write_package(path, shape, tables)
    return ExportResult(counts)


def export(path, fmt="json", category=None, modified_after=None, profile=DEFAULT_PROFILE,
           include_staff=False):
    """Export the directory (or the filtered services) to `path` in `fmt` and `profile`;
    staff addresses only with `include_staff`."""
    service_ids = selected_services(category, modified_after)
    writer = export_json if fmt == "json" else export_csv
    return writer(path, service_ids, profile, include_staff)
