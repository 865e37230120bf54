"""Writing the tabular form of HSDS: a folder (or .zip) holding `datapackage.json` and one
CSV file per table of the chosen profile, with the file and column names of HSDS's own
datapackage.json and a descriptor giving each field's type, required fields and
enumerations. Text cells a spreadsheet would run as a formula are neutralised."""

import csv
import io
import json
import zipfile
from pathlib import Path

from .datapackage import DESCRIPTOR, neutralise
from .rules import CSV_PATHS, ENUMS, NUMBER_TEXT, REQUIRED, TABULAR_REQUIRED, references
from .tables import TABLES

FIELD_TYPES = {"DateTime": "datetime", "Date": "date", "Integer": "number", "Float": "number"}
TIME_FIELDS = {("schedule", "opens_at"), ("schedule", "closes_at")}


def field_type(table_name, name):
    """Return the Table Schema type of one HSDS field (string, number, date, ...)."""
    if (table_name, name) in NUMBER_TEXT:
        return "number"
    if (table_name, name) in TIME_FIELDS:
        return "time"
    column = TABLES[table_name].model.__table__.columns[name]
    return FIELD_TYPES.get(type(column.type).__name__, "string")


def field_descriptor(table_name, name):
    """Return the Table Schema field descriptor of one HSDS field."""
    kind = field_type(table_name, name)
    found = {"name": name, "type": kind}
    if kind == "date":
        found["format"] = "%Y-%m-%d"
    required = name == "id" or name in REQUIRED.get(table_name, ()) \
        or name in TABULAR_REQUIRED.get(table_name, ())
    constraints = {"required": True} if required else {}
    if name == "id":
        constraints["unique"] = True
    if (table_name, name) in ENUMS:
        constraints["enum"] = list(ENUMS[(table_name, name)])
    if constraints:
        found["constraints"] = constraints
    return found


def descriptor(shape):
    """Return the datapackage.json of an export in `shape` (a profiles.Shape)."""
    resources = []
    for name in shape.tables():
        fields = shape.fields(name)
        keys = [{"fields": f, "reference": {"resource": "" if target == name else target,
                                            "fields": "id"}}
                for f, (target, _) in references(name).items()
                if f in fields and shape.has_table(target)]
        resources.append({
            "name": name, "path": CSV_PATHS[name], "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": {"fields": [field_descriptor(name, f) for f in fields],
                       "primaryKey": "id", "foreignKeys": keys},
        })
    return {"profile": "tabular-data-package", "name": "hsds-directory-export",
            "title": f"HSDS {shape.profile} export of the referral directory",
            "version": shape.profile, "resources": resources}


def cells(shape, table_name, objects):
    """Return the CSV rows of a table from its objects' fields, text neutralised."""
    fields = shape.fields(table_name)
    text = {f for f in fields if field_type(table_name, f) == "string"}
    found = []
    for obj in objects:
        row = []
        for name in fields:
            value = obj.get(name)
            value = "" if value is None else str(value)
            row.append(neutralise(value) if name in text else value)
        found.append(row)
    return found


def write_package(path, shape, table_rows):
    """Write a data package to a folder (or a .zip) from {table: list of cell lists}."""
    path = Path(path)
    files = {}
    for name in shape.tables():
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(shape.fields(name))
        writer.writerows(table_rows.get(name, ()))
        files[CSV_PATHS[name]] = buffer.getvalue()
    files[DESCRIPTOR] = json.dumps(descriptor(shape), indent=2) + "\n"
    write_files(path, files)


def write_files(path, files):
    """Write {name: text} into the folder `path`, or into a zip when it ends in .zip
    (with fixed dates, so the same export gives the same bytes)."""
    path = Path(path)
    if path.suffix.lower() == ".zip":
        path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in sorted(files):
                info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, files[name])
    else:
        path.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (path / name).write_text(text, encoding="utf-8", newline="")
