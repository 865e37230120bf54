"""The HSDS 3.0 tables this directory stores, in the order they can be written,
and how HSDS nests them in JSON. Import, export and the API all read this map."""

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
    # counter, see directory/staff/stale.py)
    private: tuple = ()

    @cached_property
    def fields(self):
        """Return the HSDS field names stored for this table, in column order."""
        return [c.key for c in self.model.__table__.columns if c.key not in self.private]


_ATTR = ("attribute", "link_id")

TABLES = {
    t.name: t
    for t in [
        Table("taxonomy", m.Taxonomy),
        Table("taxonomy_term", m.TaxonomyTerm,
              parents={"taxonomy_detail": ("taxonomy", "taxonomy_id")},
              private=("open_eligibility_term_id",)),
        Table("organization", m.Organization,
              children={"services": ("service", "organization_id"),
                        "locations": ("location", "organization_id"),
                        "phones": ("phone", "organization_id"),
                        "contacts": ("contact", "organization_id"),
                        "attributes": _ATTR},
              private=("version",)),
        Table("unit", m.Unit),
        Table("location", m.Location,
              children={"addresses": ("address", "location_id"),
                        "accessibility": ("accessibility", "location_id"),
                        "phones": ("phone", "location_id"),
                        "languages": ("language", "location_id"),
                        "schedules": ("schedule", "location_id"),
                        "contacts": ("contact", "location_id"),
                        "attributes": _ATTR},
              private=("version",)),
        Table("service", m.Service,
              parents={"organization": ("organization", "organization_id")},
              children={"phones": ("phone", "service_id"),
                        "schedules": ("schedule", "service_id"),
                        "service_areas": ("service_area", "service_id"),
                        "service_at_locations": ("service_at_location", "service_id"),
                        "languages": ("language", "service_id"),
                        "cost_options": ("cost_option", "service_id"),
                        "contacts": ("contact", "service_id"),
                        "capacities": ("service_capacity", "service_id"),
                        "attributes": _ATTR},
              private=("version",)),
        Table("service_at_location", m.ServiceAtLocation,
              parents={"location": ("location", "location_id"),
                       "service": ("service", "service_id")},
              children={"phones": ("phone", "service_at_location_id"),
                        "schedules": ("schedule", "service_at_location_id"),
                        "contacts": ("contact", "service_at_location_id"),
                        "service_areas": ("service_area", "service_at_location_id"),
                        "attributes": _ATTR}),
        Table("address", m.Address),
        Table("accessibility", m.Accessibility),
        Table("contact", m.Contact, children={"phones": ("phone", "contact_id")}),
        Table("phone", m.Phone, children={"languages": ("language", "phone_id")}),
        Table("schedule", m.Schedule),
        Table("service_area", m.ServiceArea),
        Table("language", m.Language),
        Table("cost_option", m.CostOption),
        Table("service_capacity", m.ServiceCapacity, parents={"unit": ("unit", "unit_id")}),
        Table("attribute", m.Attribute,
              parents={"taxonomy_term": ("taxonomy_term", "taxonomy_term_id")}),
    ]
}

# Tables whose rows point at a row of the same table, written parents first.
SELF_REFERENCES = {"taxonomy_term": "parent_id", "organization": "parent_organization_id"}
