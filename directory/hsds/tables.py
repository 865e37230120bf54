"""The HSDS tables this directory stores (every table of 3.0, and 3.1's unit,
service_capacity and url), in the order they can be written,
and how HSDS nests them in JSON; and this directory's `translation` table, which HSDS
lacks (a service's and a phone's text in other languages: hsds/translations.py). Import,
export and the API all read this map."""

from dataclasses import dataclass, field
from functools import cached_property

from .. import models as m


@dataclass(frozen=True)
class Table:
    """One HSDS table: its model and how its JSON object nests other tables."""

    name: str
    model: type
    # JSON key -> (child table, field on the child that points back at this record)
    children: dict = field(default_factory=dict)
    # JSON key -> (table of a nested single object, field on *this* record naming it)
    parents: dict = field(default_factory=dict)
    # fields this product adds to HSDS that exports leave out (`version`: the editors'
    # counter, see directory/staff/conflicts.py)
    private: tuple = ()

    @cached_property
    def fields(self):
        """Return the HSDS field names stored for this table, in column order."""
        return [c.key for c in self.model.__table__.columns if c.key not in self.private]


_ATTR = ("attribute", "link_id")
_META = ("metadata", "resource_id")
# Nested as one object by language (`translations`), not as a list (hsds/translations.py).
_TRANSLATIONS = ("translation", "link_id")
# Child tables that point at a record of any table: the field naming the table.
POLYMORPHIC = {"attribute": "link_entity", "metadata": "resource_type",
               "translation": "link_entity"}


def _table(name, model, children=None, parents=None, private=(), attributes=True):
    """Return a Table whose objects also nest their attributes (when HSDS gives them
    some) and their metadata, the change history HSDS attaches to every object."""
    nested = dict(children or {})
    if attributes:
        nested["attributes"] = _ATTR
    nested["metadata"] = _META
    return Table(name, model, nested, parents or {}, private)


TABLES = {
    t.name: t
    for t in [
        _table("taxonomy", m.Taxonomy, attributes=False),
        _table("taxonomy_term", m.TaxonomyTerm, attributes=False,
               parents={"taxonomy_detail": ("taxonomy", "taxonomy_id")},
               private=("open_eligibility_term_id",)),
        _table("organization", m.Organization,
               children={"additional_websites": ("url", "organization_id"),
                         "funding": ("funding", "organization_id"),
                         "contacts": ("contact", "organization_id"),
                         "phones": ("phone", "organization_id"),
                         "locations": ("location", "organization_id"),
                         "programs": ("program", "organization_id"),
                         "organization_identifiers": ("organization_identifier",
                                                      "organization_id"),
                         "services": ("service", "organization_id")},
               private=("version",)),
        _table("program", m.Program),
        _table("organization_identifier", m.OrganizationIdentifier),
        _table("unit", m.Unit),
        _table("location", m.Location,
               children={"languages": ("language", "location_id"),
                         "addresses": ("address", "location_id"),
                         "contacts": ("contact", "location_id"),
                         "accessibility": ("accessibility", "location_id"),
                         "phones": ("phone", "location_id"),
                         "schedules": ("schedule", "location_id")},
               private=("version",)),
        _table("service", m.Service,
               parents={"organization": ("organization", "organization_id"),
                        "program": ("program", "program_id")},
               children={"additional_urls": ("url", "service_id"),
                         "phones": ("phone", "service_id"),
                         "schedules": ("schedule", "service_id"),
                         "service_areas": ("service_area", "service_id"),
                         "service_at_locations": ("service_at_location", "service_id"),
                         "languages": ("language", "service_id"),
                         "funding": ("funding", "service_id"),
                         "cost_options": ("cost_option", "service_id"),
                         "required_documents": ("required_document", "service_id"),
                         "contacts": ("contact", "service_id"),
                         "capacities": ("service_capacity", "service_id"),
                         "translations": _TRANSLATIONS},
               # the first step's columns travel as attributes (hsds/first_contact.py)
               private=("version", "contact_form_url", "first_visit")),
        _table("service_at_location", m.ServiceAtLocation,
               parents={"location": ("location", "location_id"),
                        "service": ("service", "service_id")},
               children={"service_areas": ("service_area", "service_at_location_id"),
                         "contacts": ("contact", "service_at_location_id"),
                         "phones": ("phone", "service_at_location_id"),
                         "schedules": ("schedule", "service_at_location_id")}),
        _table("address", m.Address),
        _table("accessibility", m.Accessibility),
        _table("contact", m.Contact, children={"phones": ("phone", "contact_id")}),
        _table("phone", m.Phone, children={"languages": ("language", "phone_id"),
                                           "translations": _TRANSLATIONS}),
        _table("schedule", m.Schedule),
        _table("service_area", m.ServiceArea),
        _table("language", m.Language),
        _table("funding", m.Funding),
        _table("cost_option", m.CostOption),
        _table("required_document", m.RequiredDocument),
        _table("url", m.Url),
        _table("service_capacity", m.ServiceCapacity, parents={"unit": ("unit", "unit_id")}),
        _table("meta_table_description", m.MetaTableDescription),
        _table("translation", m.Translation, attributes=False),
        Table("attribute", m.Attribute,
              children={"metadata": _META},
              parents={"taxonomy_term": ("taxonomy_term", "taxonomy_term_id")}),
        Table("metadata", m.ChangeRecord),
    ]
}

# Tables whose rows point at a row of the same table, written parents first.
SELF_REFERENCES = {"taxonomy_term": "parent_id", "organization": "parent_organization_id"}
# Fields naming a record without a database constraint: a record the file and the
# directory lack is kept as written (and the report says so).
SOFT_REFERENCES = {("service", "program_id"): "program",
                   ("organization", "parent_organization_id"): "organization",
                   ("taxonomy_term", "parent_id"): "taxonomy_term"}
