"""Flatten nested HSDS JSON (organizations with services, or services with their
organization) into rows per table, the same shape a CSV data package has."""

from . import translations
from .tables import POLYMORPHIC, TABLES

ROOTS = ("service", "organization", "location", "service_at_location", "taxonomy",
         "taxonomy_term")
# Keys only one kind of root object has, checked in this order.
ROOT_KEYS = (
    ("service", ("status", "service_at_locations", "program_id", "required_documents",
                 "eligibility_description", "capacities", "additional_urls")),
    ("service_at_location", ("service", "location", "location_id", "service_id")),
    ("location", ("location_type", "latitude", "longitude", "addresses", "accessibility",
                  "transportation", "external_identifier")),
    ("taxonomy_term", ("parent_id", "taxonomy_id", "taxonomy_detail", "term_uri", "code",
                       "taxonomy", "language")),
    ("organization", ("services", "website", "tax_status", "tax_id", "year_incorporated",
                      "legal_status", "logo", "parent_organization_id", "funding", "programs",
                      "organization_identifiers", "locations", "additional_websites")),
    ("taxonomy", ("version",)),
)


def root_table(obj):
    """Return which HSDS root object `obj` is: service, service_at_location, location,
    taxonomy_term, organization or taxonomy (an object with only an id, a name and a
    description is taken for an organization)."""
    for name, keys in ROOT_KEYS:
        if any(key in obj for key in keys):
            return name
    return "organization"


def root_for_name(file_name):
    """Return the table a file name promises ("taxonomies.json", "location_list.json"),
    or None."""
    from .rules import table_for_path

    stem = file_name.lower().rsplit(".", 1)[0]
    found = [name for name in ROOTS if stem.startswith(name)]
    return table_for_path(stem) or (max(found, key=len) if found else None)


def flatten(document, root=None, ignored=None):
    """Return ({table: {id: row}}, [(table, row) without an id]) for a JSON document.

    The document is one HSDS object or a list of them. A record met twice (a shared
    location repeated under each service) keeps the fields of both occurrences. Keys this
    directory does not store are counted in `ignored` ("service.funding": n) when given.
    """
    rows = {name: {} for name in TABLES}
    missing_ids = []
    if isinstance(document, dict) and isinstance(document.get("contents"), list) \
            and "id" not in document:
        document = document["contents"]  # an HSDS API page
    items = document if isinstance(document, list) else [document]
    for item in items:
        if isinstance(item, dict):
            _walk(root or root_table(item), item, rows, missing_ids, ignored=ignored)
        else:
            missing_ids.append((root or "service", {"value": item}))
    return rows, missing_ids


def _walk(table_name, obj, rows, missing_ids, link=None, ignored=None):
    table = TABLES[table_name]
    if ignored is not None:
        known = set(table.fields) | set(table.children) | set(table.parents)
        for key, value in obj.items():
            if key not in known and value not in (None, [], {}, ""):
                ignored[f"{table_name}.{key}"] += 1
    row = {key: value for key, value in obj.items() if key in table.fields}
    if link:
        given = {k for k in link if row.get(k) not in (None, "")}
        row.update({k: v for k, v in link.items() if k not in given})
        entity = POLYMORPHIC.get(table_name)
        if entity and (row.get(entity) not in TABLES or given <= {entity}):
            # Nesting says which record it tags: when the object does not name its record
            # (the specification's service example nests metadata saying "location" and
            # no resource_id), the record it is nested in is also the table it names.
            row[entity] = link[entity]
    for key, (parent_name, field) in table.parents.items():
        nested = obj.get(key)
        if isinstance(nested, dict):
            if nested.get("id") and not row.get(field):
                row[field] = nested["id"]
            _walk(parent_name, nested, rows, missing_ids, ignored=ignored)
    if table_name == translations.TABLE:
        row["id"] = translations.derived_id(row, row.get("id"))
    record_id = row.get("id")
    if not record_id:
        missing_ids.append((table_name, row))
    else:
        merged = rows[table_name].setdefault(str(record_id), {})
        merged.update({k: v for k, v in row.items() if v is not None or k not in merged})
    for key, (child_name, field) in table.children.items():
        children = obj.get(key)
        if child_name == translations.TABLE and children is not None:
            children = translations.as_children(children)
        if not isinstance(children, list):
            continue
        child_link = {field: record_id}
        if child_name in POLYMORPHIC:
            child_link[POLYMORPHIC[child_name]] = table_name
        for child in children:
            if isinstance(child, dict):
                _walk(child_name, child, rows, missing_ids, child_link, ignored)
