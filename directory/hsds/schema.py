"""JSON Schemas (draft 2020-12) of the HSDS objects this directory writes, built from the
table map and the rules: each field's JSON type, the fields HSDS requires, enumerations,
and the nesting the serializer produces. The OpenAPI document uses them for responses.
They describe what we write, so nothing is checked against them: tests check exports
against the official HSDS schemas (tests/hsds_official.py)."""

from sqlalchemy import Date, DateTime, Float, Integer

from .rules import ENUMS, NUMBER_TEXT, REQUIRED, field_order
from .serialize import plan
from .tables import TABLES
from .translations import TABLE as TRANSLATION
from .translations import json_schema as translations_schema


def field_schema(table_name, name):
    """Return the JSON Schema of one HSDS field."""
    column = TABLES[table_name].model.__table__.columns[name]
    kind = column.type
    if (table_name, name) in NUMBER_TEXT or isinstance(kind, (Integer, Float)):
        return {"type": "number"}
    if isinstance(kind, DateTime):
        return {"type": "string", "format": "date-time"}
    if isinstance(kind, Date):
        return {"type": "string", "format": "date"}
    if (table_name, name) in ENUMS:
        return {"type": "string", "enum": list(ENUMS[(table_name, name)])}
    return {"type": "string"}


class SchemaBuilder:
    """Collects one named schema per shape of object (a table nested from another)."""

    def __init__(self, prefix="#/components/schemas/", strict=False):
        self.prefix = prefix
        self.strict = strict  # no properties beyond HSDS's and the nesting
        self.schemas = {}

    @staticmethod
    def name(table_name, full=True, came_from=None):
        label = "hsds_" + table_name
        if not full:
            label += "_fields"
        if came_from:
            label += "_in_" + came_from
        return label

    def ref(self, table_name, full=True, came_from=None):
        """Return a $ref to the schema of this shape, building it on first use."""
        name = self.name(table_name, full, came_from)
        if name not in self.schemas:
            self.schemas[name] = {}  # placeholder: shapes may nest each other
            self.schemas[name] = self._build(table_name, full, came_from)
        return {"$ref": self.prefix + name}

    def _build(self, table_name, full, came_from):
        properties = {name: field_schema(table_name, name) for name in field_order(table_name)}
        for kind, key, other, _fk, other_full in plan(table_name, full, came_from):
            if other == TRANSLATION:
                properties[key] = translations_schema()
                continue
            nested = self.ref(other, other_full, table_name)
            properties[key] = {"type": "array", "items": nested} if kind == "child" else nested
        schema = {"type": "object", "title": f"HSDS {table_name}", "properties": properties,
                  "required": ["id", *REQUIRED.get(table_name, ())]}
        if self.strict:
            schema["additionalProperties"] = False
        return schema
