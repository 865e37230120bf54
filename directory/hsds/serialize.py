"""Records as HSDS JSON objects with their nested children, in the specification's shapes,
driven by the table map: one serializer for export, the API and anything else. Rows are
fetched in bulk (chunked `IN` queries) along the same plan the objects are built by, so a
page of services or the whole directory costs a few queries per table, not per record.
Values take HSDS's JSON types (numbers, ISO dates, date-times in UTC with `Z`); empty
values are left out; a field HSDS requires that we hold empty gets its safe stand-in (a
term's description is its name). Each project term mapped to an Open Eligibility term
also carries that term as an extra attribute, so other directories find a term they know.
A field holding a web address is written only when it is a safe link (weblinks.py): other
directories turn these fields into links, so `javascript:` and the like are left out (an
additional url whose address is not one is left out whole). Staff addresses stay inside:
a service's `assurer_email` is left out, and the change history names no staff account
and shows no value of such a field, unless the caller asks for them (`include_staff`, the
operator's full export). A service's and a phone's text in other languages is written in
this directory's `translations` extension (hsds/translations.py), left out when it has none.
A service's online form and first visit, which HSDS has no field for, are written as
attributes whose `value` holds them (hsds/first_contact.py).
"""

import re
import uuid
from datetime import date, datetime

from sqlalchemy import select

from ..extensions import db
from ..weblinks import web_link
from . import first_contact
from .bulk import id_in
from .profiles import API
from .rules import NUMBER_TEXT
from .tables import POLYMORPHIC, TABLES
from .translations import TABLE as TRANSLATION
from .translations import to_json as translations_json

CHUNK = 2000
OE_ATTRIBUTE_NAMESPACE = uuid.UUID("6f1d3b7e-2a4c-4d8e-9b1f-0c2e4a6b8d10")
REQUIRED_STAND_INS = {
    ("organization", "description"): lambda row: row.get("name") or "",
    ("taxonomy", "description"): lambda row: row.get("name") or "",
    ("taxonomy_term", "description"): lambda row: row.get("name") or "",
    ("address", "country"): lambda row: "US",
    ("address", "address_type"): lambda row: "physical",
    ("program", "description"): lambda row: row.get("name") or "",
    **{("metadata", name): lambda row: "" for name in ("field_name", "previous_value",
                                                        "replacement_value", "updated_by")},
}
# Parent objects nested with their own children (the location of a service_at_location).
FULL_PARENTS = {("service_at_location", "location")}
# Fields holding a web address (HSDS: format "uri", or a URL by its description).
LINK_FIELDS = {("organization", "website"), ("organization", "uri"), ("organization", "logo"),
               ("service", "url"), ("location", "url"), ("accessibility", "url"),
               ("required_document", "uri"), ("schedule", "schedule_link"),
               ("service_area", "uri"), ("taxonomy", "uri"), ("taxonomy_term", "term_uri"),
               ("unit", "uri"), ("url", "url")}
# Fields naming a staff member, kept out of public output.
STAFF_FIELDS = {("service", "assurer_email")}
EMAIL = re.compile(r"[^\s@]+@[^\s@]+")
STAFF_ACTOR = "staff"  # the history's `updated_by` for a person's account


def hsds_value(table_name, name, value):
    """Return a column value as HSDS JSON has it (None for empty)."""
    if value is None:
        return None
    if (table_name, name) in NUMBER_TEXT:
        try:
            number = float(value)
        except (TypeError, ValueError):
            return None
        return int(number) if number.is_integer() else number
    if isinstance(value, datetime):
        return value.isoformat() + "Z"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 53:
        return int(value)
    return value


def plan(table_name, full=True, came_from=None, shape=None):
    """Yield (kind, key, table, field, full) for what an object of `table_name` nests
    (in `shape`, a profiles.Shape; by default the API's)."""
    table, shape = TABLES[table_name], shape or API
    if full:
        for key, (child, fk) in table.children.items():
            if shape.keeps(table_name, key, child):
                yield "child", key, child, fk, True
    for key, (parent, fk) in table.parents.items():
        if parent != came_from and shape.keeps(table_name, key, parent):
            yield "parent", key, parent, fk, (table_name, key) in FULL_PARENTS


class RowStore:
    """Rows fetched by id, and children fetched by the field naming their parent."""

    def __init__(self, restrict=None, shape=None):
        self.shape = shape or API
        self.rows = {name: {} for name in TABLES}
        self.children = {}  # (table, field, entity) -> {parent id: [rows]}
        self.restrict = restrict or {}  # table -> ids allowed as children
        self.value_terms = None  # {code: term id} of first_contact's value terms

    def _select(self, table_name, column_name, values, entity=None):
        model = TABLES[table_name].model
        column = getattr(model, column_name)
        values = sorted(v for v in values if v is not None)
        found = []
        for start in range(0, len(values), CHUNK):
            query = select(model.__table__).where(id_in(column, values[start:start + CHUNK]))
            if entity is not None:
                query = query.where(getattr(model, POLYMORPHIC[table_name]) == entity)
            found.extend(dict(r._mapping) for r in db.session.execute(query))
        return found

    def load(self, table_name, ids):
        """Fetch the rows of `ids` not fetched yet; return the rows of all `ids`."""
        cache = self.rows[table_name]
        for row in self._select(table_name, "id", set(ids) - set(cache)):
            cache[row["id"]] = row
        return [cache[i] for i in ids if i in cache]

    def load_children(self, table_name, fk, parent_ids, entity):
        key = (table_name, fk, entity)
        index = self.children.setdefault(key, {})
        wanted = {i for i in parent_ids if i not in index}
        for parent_id in wanted:
            index[parent_id] = []
        allowed = self.restrict.get(table_name)
        for row in self._select(table_name, fk, wanted, entity):
            if allowed is None or row["id"] in allowed:
                row = self.rows[table_name].setdefault(row["id"], row)
                index[row[fk]].append(row)
        found = []
        for parent_id in parent_ids:
            found.extend(index.get(parent_id, ()))
        return found

    def prefetch(self, table_name, rows, full=True, came_from=None):
        """Fetch everything the objects of `rows` nest, table by table."""
        if not rows:
            return
        ids = [r["id"] for r in rows]
        for kind, _key, other, fk, other_full in plan(table_name, full, came_from, self.shape):
            if kind == "child":
                entity = table_name if other in POLYMORPHIC else None
                found = self.load_children(other, fk, ids, entity)
                self.prefetch(other, found, True, table_name)
            else:
                found = self.load(other, {r[fk] for r in rows if r.get(fk)})
                self.prefetch(other, found, other_full, table_name)
        if table_name == "service" and self.value_terms is None:
            self.value_terms = first_contact.value_term_ids()
            self.prefetch("taxonomy_term", self.load("taxonomy_term",
                                                     list(self.value_terms.values())), False)
        if table_name == "taxonomy_term":
            mapped = {r.get("open_eligibility_term_id") for r in rows} - {None}
            self.prefetch("taxonomy_term", self.load("taxonomy_term", mapped), False)


def _sort_key(table_name):
    if table_name in ("service", "organization", "taxonomy_term"):
        return lambda r: ((r.get("name") or "").lower(), r["id"])
    return lambda r: r["id"]


class Serializer:
    """Builds HSDS objects from a RowStore that has fetched them; with `include_staff`,
    the staff addresses public output leaves out."""

    def __init__(self, store, include_staff=False):
        self.store = store
        self.include_staff = include_staff

    def shown(self, table_name, row):
        """Return whether a row is written at all: an additional url must be a link, and a
        translation's record must be written too (a location's phones go with it in the
        database, their translations are left behind)."""
        if table_name == TRANSLATION:
            return row.get("link_id") in self.store.rows.get(row.get("link_entity"), {})
        return table_name != "url" or web_link(row.get("url")) is not None

    def fields(self, table_name, row):
        """Return the HSDS fields of one row, without what public output leaves out."""
        obj = {}
        for name in self.store.shape.fields(table_name):
            value = hsds_value(table_name, name, row.get(name))
            if value is not None and (table_name, name) in LINK_FIELDS:
                value = web_link(value)
            if (table_name, name) in STAFF_FIELDS and not self.include_staff:
                value = None
            if value is None and (table_name, name) in REQUIRED_STAND_INS:
                value = REQUIRED_STAND_INS[(table_name, name)](row)
            if value is not None:
                obj[name] = value
        if table_name == "metadata" and not self.include_staff:
            self._without_staff(row, obj)
        return obj

    @staticmethod
    def _without_staff(row, obj):
        """Blank a history entry's staff values and name no staff account as its author."""
        if (row.get("resource_type"), row.get("field_name")) in STAFF_FIELDS:
            for name in ("previous_value", "replacement_value"):
                if name in obj:
                    obj[name] = ""  # required by HSDS: its empty stand-in
        if EMAIL.search(obj.get("updated_by") or ""):
            obj["updated_by"] = STAFF_ACTOR

    def object(self, table_name, row, full=True, came_from=None):
        """Return the HSDS object of one row with everything it nests."""
        obj = self.fields(table_name, row)
        for kind, key, other, fk, other_full in plan(table_name, full, came_from,
                                                     self.store.shape):
            if kind == "child":
                entity = table_name if other in POLYMORPHIC else None
                rows = self.store.children.get((other, fk, entity), {}).get(row["id"], [])
                if other == TRANSLATION:
                    if rows:
                        obj[key] = translations_json(rows)
                    continue
                items = [self.object(other, r, True, table_name)
                         for r in sorted(rows, key=_sort_key(other)) if self.shown(other, r)]
                if other == "attribute":
                    items = self._with_open_eligibility(items, table_name, row["id"])
                if other == "attribute" and table_name == "service":
                    items = self._with_values(items, row)
                obj[key] = items
            elif row.get(fk) and row[fk] in self.store.rows[other]:
                obj[key] = self.object(other, self.store.rows[other][row[fk]], other_full,
                                       table_name)
        return obj

    def _with_values(self, items, row):
        extra = [self.object("attribute", value) for value in
                 first_contact.value_attributes(row, self.store.value_terms or {})]
        return sorted(items + extra, key=lambda a: a["id"]) if extra else items

    def _with_open_eligibility(self, items, link_entity, link_id):
        extra = [self.object("attribute", row) for row in
                 open_eligibility_attributes(items, self.store.rows["taxonomy_term"])]
        return sorted(items + extra, key=lambda a: a["id"]) if extra else items


def open_eligibility_attributes(attributes, terms):
    """Return the extra attribute rows that tag records with the Open Eligibility terms
    their project terms map to (skipping records that already carry them)."""
    held = {(a.get("link_id"), a.get("taxonomy_term_id")) for a in attributes}
    extra = []
    for attribute in attributes:
        term = terms.get(attribute.get("taxonomy_term_id")) or {}
        mapped = term.get("open_eligibility_term_id")
        key = (attribute.get("link_id"), mapped)
        if mapped and key not in held and mapped in terms:
            held.add(key)
            extra.append({
                "id": str(uuid.uuid5(OE_ATTRIBUTE_NAMESPACE, f"{key[0]}:{mapped}")),
                "link_id": key[0], "taxonomy_term_id": mapped,
                "link_type": attribute.get("link_type"),
                "link_entity": attribute.get("link_entity"),
            })
    return extra


def objects(table_name, ids, full=True, restrict=None, shape=None):
    """Return the HSDS objects of the records `ids` of a table, in the order of `ids`."""
    store = RowStore(restrict, shape)
    rows = store.load(table_name, list(ids))
    store.prefetch(table_name, rows, full)
    serializer = Serializer(store)
    return [serializer.object(table_name, row, full) for row in rows]


def one(table_name, record_id, full=True):
    """Return the HSDS object of one record, or None when there is no such record."""
    found = objects(table_name, [record_id], full)
    return found[0] if found else None
