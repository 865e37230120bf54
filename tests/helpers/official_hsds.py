"""The official HSDS schemas and API definition, read in place from ../shared/hsds (never
copied into the project): each version's object schemas in a `referencing` registry, a
validator for the answers the specification's `openapi.json` describes, each version's
`datapackage.json`, and that
`openapi.json` with its links to the specification's published schemas resolved from
the local copies, so no test needs the network.

The `openapi.json` of both versions points at the 3.0 branch's `schema/compiled/*.json`:
`X.json` there is the object schema `X.json` with its references inlined (here: resolved
through the registry), and `X_list.json` is that object by its own fields, with the
one-to-one objects it holds (a service's organization and program) by theirs."""

import copy
import json
import os
from functools import cache
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = Path(os.environ.get("HSDS_SCHEMAS_DIR")
            or Path(__file__).resolve().parents[3] / "shared" / "hsds")
PUBLISHED = "https://raw.githubusercontent.com/openreferral/specification/"
LIST_SUFFIX = "_list"
VERSIONS = ("3.0", "3.1")


def missing(version):
    """Return why one version's official schemas cannot be read, or None when they can."""
    found = ROOT / version / "schema"
    if not (found / "service.json").is_file():
        return f"the official HSDS {version} schemas are not at {found}"
    return None


def schema_dir(version):
    """Return the folder of one version's official schemas, or skip the test saying why."""
    if missing(version):
        pytest.skip(missing(version))
    return ROOT / version / "schema"


@cache
def object_schema(version, name):
    """Return the official schema of one HSDS object (`name` as its file, "service")."""
    return json.loads((schema_dir(version) / f"{name}.json").read_text(encoding="utf-8"))


@cache
def registry(version):
    """Return a Registry of the version's object schemas, keyed by their file names."""
    resources = []
    for path in sorted(schema_dir(version).glob("*.json")):
        if path.name != "openapi.json":
            contents = object_schema(version, path.stem)
            resources.append((path.name, Resource(contents, specification=DRAFT202012)))
    return Registry().with_resources(resources)


def errors(version, name, instance):
    """Return the messages of everything in `instance` the official `name` schema refuses."""
    validator = Draft202012Validator(object_schema(version, name), registry=registry(version),
                                     format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [f"{name} {e.json_path}: {e.message}" for e in validator.iter_errors(instance)]


def _nested(version, name):
    """Return the keys of an object's schema that hold objects or lists, not values."""
    properties = object_schema(version, name)["properties"]
    return {k for k, v in properties.items() if "$ref" in v or v.get("type") == "array"}


def objects_errors(version, name, objects, tabular=False):
    """Return what the official `name` schema refuses in each of `objects`. `tabular`: the
    objects are CSV rows, which cannot hold the nested objects a schema requires (a
    service_capacity's unit), only the fields naming them."""
    nested = _nested(version, name) if tabular else set()
    validator = Draft202012Validator(object_schema(version, name), registry=registry(version))
    return [f"{name} {obj.get('id')}: {error.json_path}: {error.message}"
            for obj in objects for error in validator.iter_errors(obj)
            if not (error.validator == "required" and error.message.split("'")[1] in nested)]


def value_type(version, name, field):
    """Return the JSON type the official schema gives a field ("string", "number")."""
    return object_schema(version, name)["properties"].get(field, {}).get("type")


# The one extension our objects carry, documented in README.md: a service's and a
# phone's text in other languages (the official schemas allow extra properties).
EXTENSIONS = {("service", "translations"), ("phone", "translations")}


def unknown_keys(version, name, obj, path=""):
    """Return the keys of `obj` (and of what it nests) that its official schema lacks,
    besides our documented EXTENSIONS."""
    properties = object_schema(version, name)["properties"]
    found = []
    for key, value in obj.items():
        where = f"{path}{name}.{key}"
        if (name, key) in EXTENSIONS:
            continue
        if key not in properties:
            found.append(where)
            continue
        spec = properties[key]
        ref = spec.get("$ref") or (spec.get("items") or {}).get("$ref")
        if ref:
            for item in value if isinstance(value, list) else [value]:
                found += unknown_keys(version, ref[:-5], item, where + " > ")
    return found


@cache
def datapackage(version):
    """Return one version's official datapackage.json."""
    folder = schema_dir(version).parent
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


def list_schema(version, name):
    """Return the schema of an object by its own fields (the published `X_list.json`)."""
    schema = copy.deepcopy(object_schema(version, name))
    properties = {}
    for key, field in schema["properties"].items():
        if field.get("type") == "array":
            continue
        if "$ref" in field:
            properties[key] = list_schema(version, field["$ref"].removesuffix(".json"))
        else:
            properties[key] = field
    schema["properties"] = properties
    return schema


def _local(version, url):
    """Return the local schema a published schema URL stands for, inlined."""
    name = url.rsplit("/", 1)[1].removesuffix(".json")
    if name.endswith(LIST_SUFFIX):
        return inline(version, list_schema(version, name.removesuffix(LIST_SUFFIX)))
    return inline(version, object_schema(version, name))


def inline(version, node, seen=()):
    """Return `node` with every `$ref` to an object schema replaced by that schema."""
    if isinstance(node, list):
        return [inline(version, item, seen) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref", "")
    if ref.startswith(PUBLISHED):
        return _local(ref.split("/schema/", 1)[0].rsplit("/", 1)[1], ref)
    if ref.endswith(".json") and "/" not in ref:
        name = ref.removesuffix(".json")
        if name in seen:  # a cycle: leave the object open rather than recurse forever
            return {"type": "object"}
        rest = {k: v for k, v in node.items() if k != "$ref"}
        return {**inline(version, object_schema(version, name), (*seen, name)), **rest}
    return {key: inline(version, value, seen) for key, value in node.items()}


@cache
def _openapi(version):
    document = json.loads((schema_dir(version) / "openapi.json").read_text(encoding="utf-8"))
    return inline(version, document)


def openapi(version, server="/api"):
    """Return the version's official openapi.json, published schemas resolved locally, with
    `server` as its base path (the file names none)."""
    document = copy.deepcopy(_openapi(version))
    document["servers"] = [{"url": server}]
    return document


def response_errors(version, path, body, method="get"):
    """Return what the official openapi.json's 200 answer for `path` refuses in `body`."""
    document = _openapi(version)
    schema = document["paths"][path][method]["responses"]["200"]["content"][
        "application/json"]["schema"]
    validator = Draft202012Validator({**schema, "components": document["components"]},
                                     format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [f"{path} {e.json_path}: {e.message}" for e in validator.iter_errors(body)]
