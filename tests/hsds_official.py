"""The official HSDS schemas (../shared/hsds/3.0 and 3.1 beside the project, unmodified
copies of openreferral/specification), loaded for tests: a validator per object schema
with the schemas referencing each other by file name, and each version's datapackage.json.
Tests that need them skip, saying why, when the folder is absent."""

import json
from functools import cache
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

OFFICIAL = Path(__file__).resolve().parents[1].parent / "shared" / "hsds"
VERSIONS = ("3.0", "3.1")


def folder(version):
    """Return the folder of one version's official files, or skip the test."""
    found = OFFICIAL / version
    if not (found / "schema" / "service.json").is_file():
        pytest.skip(f"the official HSDS {version} schemas are not at {found}")
    return found


@cache
def _schemas(version):
    schemas = {}
    for path in sorted((folder(version) / "schema").glob("*.json")):
        if path.name != "openapi.json":
            schemas[path.name] = json.loads(path.read_text(encoding="utf-8"))
    return schemas


@cache
def _registry(version):
    return Registry().with_resources(
        (name, Resource.from_contents(schema, default_specification=DRAFT202012))
        for name, schema in _schemas(version).items())


def schema(version, table_name):
    """Return the official JSON schema of one object."""
    return _schemas(version)[f"{table_name}.json"]


def _nested(version, table_name):
    """Return the keys of a table's schema that hold objects or lists, not values."""
    properties = schema(version, table_name)["properties"]
    return {k for k, v in properties.items() if "$ref" in v or v.get("type") == "array"}


def errors(version, table_name, objects, tabular=False):
    """Return the messages of every way `objects` break the official schema of a table.
    `tabular`: the objects are CSV rows, which cannot hold the nested objects a schema
    requires (a service_capacity's unit), only the fields naming them."""
    validator = Draft202012Validator(schema(version, table_name), registry=_registry(version))
    nested = _nested(version, table_name) if tabular else set()
    return [f"{table_name} {obj.get('id')}: {error.json_path}: {error.message}"
            for obj in objects for error in validator.iter_errors(obj)
            if not (error.validator == "required"
                    and error.message.split("'")[1] in nested)]


def value_type(version, table_name, name):
    """Return the JSON type the official schema gives a field ("string", "number")."""
    return schema(version, table_name)["properties"].get(name, {}).get("type")


def unknown_keys(version, table_name, obj, path=""):
    """Return the keys of `obj` (and of what it nests) that its official schema lacks."""
    properties = schema(version, table_name)["properties"]
    found = []
    for key, value in obj.items():
        where = f"{path}{table_name}.{key}"
        if key not in properties:
            found.append(where)
            continue
        spec = properties[key]
        ref = spec.get("$ref") or (spec.get("items") or {}).get("$ref")
        if ref:
            nested = value if isinstance(value, list) else [value]
            for item in nested:
                found += unknown_keys(version, ref[:-5], item, where + " > ")
    return found


@cache
def datapackage(version):
    """Return one version's official datapackage.json."""
    return json.loads((folder(version) / "datapackage.json").read_text(encoding="utf-8"))
