"""What HSDS asks of each table, written down once for import, export and the API: the
field order of its CSV files and JSON objects, the fields it requires (in JSON and in the
tabular form), its enumerations, fields it types differently from our columns, the file
names of a data package, and which fields refer to records of other tables."""

from functools import cache

from .convert import ENUMS  # noqa: F401 (the enumerations live with the conversion)
from .tables import TABLES

# The order HSDS lists each table's fields in (3.0, plus service.last_modified, unit and
# service_capacity from 3.1). CSV columns and JSON keys follow it.
FIELD_ORDER = {
    "taxonomy": ["id", "name", "description", "uri", "version"],
    "taxonomy_term": ["id", "code", "name", "description", "parent_id", "taxonomy", "language",
                      "taxonomy_id", "term_uri"],
    "organization": ["id", "name", "alternate_name", "description", "email", "website",
                     "tax_status", "tax_id", "year_incorporated", "legal_status", "logo", "uri",
                     "parent_organization_id"],
    "unit": ["id", "name", "scheme", "identifier", "uri"],
    "location": ["id", "location_type", "url", "organization_id", "name", "alternate_name",
                 "description", "transportation", "latitude", "longitude", "external_identifier",
                 "external_identifier_type"],
    "service": ["id", "organization_id", "program_id", "name", "alternate_name", "description",
                "url", "email", "status", "interpretation_services", "application_process",
                "fees_description", "wait_time", "fees", "accreditations",
                "eligibility_description", "minimum_age", "maximum_age", "assured_date",
                "assurer_email", "licenses", "alert", "last_modified"],
    "service_at_location": ["id", "service_id", "location_id", "description"],
    "address": ["id", "location_id", "attention", "address_1", "address_2", "city", "region",
                "state_province", "postal_code", "country", "address_type"],
    "accessibility": ["id", "location_id", "description", "details", "url"],
    "contact": ["id", "organization_id", "service_id", "service_at_location_id", "location_id",
                "name", "title", "department", "email"],
    "phone": ["id", "location_id", "service_id", "organization_id", "contact_id",
              "service_at_location_id", "number", "extension", "type", "description"],
    "schedule": ["id", "service_id", "location_id", "service_at_location_id", "valid_from",
                 "valid_to", "dtstart", "timezone", "until", "count", "wkst", "freq", "interval",
                 "byday", "byweekno", "bymonthday", "byyearday", "description", "opens_at",
                 "closes_at", "schedule_link", "attending_type", "notes"],
    "service_area": ["id", "service_id", "service_at_location_id", "name", "description",
                     "extent", "extent_type", "uri"],
    "language": ["id", "service_id", "location_id", "phone_id", "name", "code", "note"],
    "cost_option": ["id", "service_id", "valid_from", "valid_to", "option", "currency", "amount",
                    "amount_description"],
    "service_capacity": ["id", "service_id", "unit_id", "available", "maximum", "description",
                         "updated"],
    "attribute": ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value",
                  "label"],
    "program": ["id", "organization_id", "name", "alternate_name", "description"],
    "organization_identifier": ["id", "organization_id", "identifier_scheme", "identifier_type",
                                "identifier"],
    "funding": ["id", "organization_id", "service_id", "source"],
    "required_document": ["id", "service_id", "document", "uri"],
    "url": ["id", "label", "url", "organization_id", "service_id"],
    "metadata": ["id", "resource_id", "resource_type", "last_action_date", "last_action_type",
                 "field_name", "previous_value", "replacement_value", "updated_by"],
    "meta_table_description": ["id", "name", "language", "character_set"],
    # not HSDS: this directory's extension (hsds/translations.py)
    "translation": ["id", "link_entity", "link_id", "language", "field", "text"],
}

# Fields HSDS requires in every form (besides id).
REQUIRED = {
    "taxonomy": ("name", "description"),
    "taxonomy_term": ("name", "description"),
    "organization": ("name", "description"),
    "unit": ("name",),
    "location": ("location_type",),
    "service": ("name", "status"),
    "address": ("address_1", "city", "state_province", "postal_code", "country",
                "address_type"),
    "phone": ("number",),
    "service_capacity": ("available", "updated"),
    "program": ("name",),
    "organization_identifier": ("identifier_type", "identifier"),
    "url": ("url",),
    "metadata": ("last_action_date", "last_action_type"),
    "translation": ("language", "field", "text"),
}
# Fields HSDS requires in the tabular form; in JSON nesting supplies them.
TABULAR_REQUIRED = {
    "service": ("organization_id",),
    "service_at_location": ("service_id", "location_id"),
    "cost_option": ("service_id",),
    "service_capacity": ("service_id", "unit_id"),
    "attribute": ("link_id", "taxonomy_term_id", "link_entity"),
    "metadata": ("resource_id", "resource_type"),
    "translation": ("link_entity", "link_id"),
}


# Fields HSDS types as numbers that this directory keeps as text.
NUMBER_TEXT = {("phone", "extension")}

# Data package file names (the `path` of each table in HSDS's datapackage.json); readers
# accept other spellings too (singular names, `service_at_locations.csv`).
CSV_PATHS = {
    "taxonomy": "taxonomies.csv", "taxonomy_term": "taxonomy_terms.csv",
    "organization": "organizations.csv", "program": "programs.csv",
    "organization_identifier": "organization_identifiers.csv", "unit": "units.csv",
    "location": "locations.csv", "service": "services.csv",
    "service_at_location": "service_at_location.csv", "address": "addresses.csv",
    "accessibility": "accessibility.csv", "contact": "contacts.csv", "phone": "phones.csv",
    "schedule": "schedules.csv", "service_area": "service_areas.csv",
    "language": "languages.csv", "funding": "funding.csv", "cost_option": "cost_options.csv",
    "required_document": "required_documents.csv", "url": "url.csv",
    "service_capacity": "service_capacity.csv",
    "meta_table_description": "meta_table_descriptions.csv", "attribute": "attributes.csv",
    "metadata": "metadata.csv", "translation": "translations.csv",
}
# Other spellings of file names met in published packages.
CSV_ALIASES = {"service_at_locations": "service_at_location", "services_at_location":
               "service_at_location", "taxonomy": "taxonomy", "urls": "url"}

# HSDS tables this directory does not keep: their data is counted and left out.
NOT_STORED = ()


def table_for_path(stem):
    """Return the table a CSV file stem names ("services", "service", ...), or None."""
    stem = stem.lower().strip()
    if stem in CSV_ALIASES:
        return CSV_ALIASES[stem]
    for name, path in CSV_PATHS.items():
        if stem in (name, path[:-4]):
            return name
    return None


@cache
def references(table_name):
    """Return {field: (target table, required)} for the fields of a table naming a record."""
    found = {}
    columns = TABLES[table_name].model.__table__.columns
    for column in columns:
        for key in column.foreign_keys:
            target = key.column.table.name
            if target in TABLES and column.key in TABLES[table_name].fields:
                found[column.key] = (target, not column.nullable)
    return found


def field_order(table_name):
    """Return the exported fields of a table in HSDS order."""
    return [f for f in FIELD_ORDER[table_name] if f in TABLES[table_name].fields]
