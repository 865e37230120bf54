"""The versions of HSDS an export follows (`--profile 3.0|3.1`, 3.0 by default, the
published one): which tables, fields and nested keys each version has. 3.0 leaves out
what 3.1 added (unit, service_capacity, url; attribute.label, service_area's
service_at_location_id; a service's capacities and additional_urls, an organization's
additional_websites, a service_at_location's service_areas). A Shape says what one
kind of output holds; the API's default shape nests everything but the change history."""

from dataclasses import dataclass

from .rules import field_order
from .tables import TABLES

PROFILES = ("3.0", "3.1")
DEFAULT_PROFILE = "3.0"
ADDED_IN_3_1 = {
    "tables": {"unit", "service_capacity", "url"},
    "fields": {("attribute", "label"), ("service_area", "service_at_location_id")},
    "keys": {("organization", "additional_websites"), ("service", "additional_urls"),
             ("service", "capacities"), ("service_at_location", "service_areas")},
}
# Keys other directories use that no HSDS object has: read on import, never written
# (HSDS's organization object does not nest its services).
IMPORT_ONLY_KEYS = {("organization", "services")}


@dataclass(frozen=True)
class Shape:
    """What an output holds: an HSDS version (None: everything this directory stores)
    and whether objects nest their change history (`metadata`)."""

    profile: str | None = None
    history: bool = False

    def has_table(self, table_name):
        return self.profile != "3.0" or table_name not in ADDED_IN_3_1["tables"]

    def tables(self):
        """Return the tables of this shape, in writing order."""
        return [name for name in TABLES if self.has_table(name)]

    def fields(self, table_name):
        """Return the fields of a table in this shape, in HSDS order."""
        order = field_order(table_name)
        if self.profile == "3.0":
            return [f for f in order if (table_name, f) not in ADDED_IN_3_1["fields"]]
        return order

    def keeps(self, table_name, key, other):
        """Return whether objects of `table_name` nest `key` (a record of `other`)."""
        if key == "metadata" and not self.history:
            return False
        if self.profile is None:
            return True
        return ((table_name, key) not in IMPORT_ONLY_KEYS and self.has_table(other)
                and not (self.profile == "3.0" and (table_name, key) in ADDED_IN_3_1["keys"]))


API = Shape()


def export_shape(profile=DEFAULT_PROFILE):
    """Return the Shape of an export in `profile`, history included."""
    if profile not in PROFILES:
        raise ValueError(f"unknown HSDS profile {profile!r}; choose {' or '.join(PROFILES)}")
    return Shape(profile, history=True)
