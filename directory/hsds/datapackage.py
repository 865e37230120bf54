"""The tabular form of HSDS: a folder or zip holding `datapackage.json` and one CSV file per
table. Reading returns rows per table the way flattened JSON does, with each broken row
reported by file and line; writing produces the same form with a descriptor whose field
types, required fields and enumerations follow HSDS."""

import csv
import io
import json
import zipfile
from collections import Counter
from pathlib import Path, PurePosixPath

from .convert import Problem
from .jsonfile import ReadError
from .rules import CSV_PATHS, ENUMS, NOT_STORED, REQUIRED, TABULAR_REQUIRED, field_order
from .rules import table_for_path as _table_for_path
from .tables import TABLES

DESCRIPTOR = "datapackage.json"


class _Source:
    """A folder or a zip file, read by relative path."""

    def __init__(self, path):
        self.path = Path(path)
        self.zip = zipfile.ZipFile(self.path) if self.path.is_file() else None
        self.base = ""
        if self.zip is not None:
            names = [n for n in self.zip.namelist() if PurePosixPath(n).name == DESCRIPTOR]
            if names:
                self.base = str(PurePosixPath(min(names, key=len)).parent).strip(".")

    def names(self):
        if self.zip is not None:
            prefix = f"{self.base}/" if self.base else ""
            return [n[len(prefix):] for n in self.zip.namelist()
                    if n.startswith(prefix) and not n.endswith("/")]
        return [str(p.relative_to(self.path)) for p in self.path.rglob("*") if p.is_file()]

    def open(self, name):
        if self.zip is not None:
            member = f"{self.base}/{name}" if self.base else name
            return io.TextIOWrapper(self.zip.open(member), encoding="utf-8-sig", newline="")
        return (self.path / name).open(encoding="utf-8-sig", newline="")


def _resources(source):
    """Return [(table name or None, file name)] from the descriptor, or from file names."""
    names = source.names()
    listed = []
    if DESCRIPTOR in names:
        try:
            with source.open(DESCRIPTOR) as handle:
                descriptor = json.load(handle)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ReadError(f"{DESCRIPTOR}: not valid JSON ({exc})") from None
        for resource in descriptor.get("resources") or []:
            path = resource.get("path") if isinstance(resource, dict) else None
            if isinstance(path, str) and path in names:
                name = resource.get("name")
                table = name if name in TABLES else _table_for_path(PurePosixPath(path).stem)
                listed.append((table, path, name))
    seen = {path for _, path, _ in listed}
    for path in sorted(names):
        if path.lower().endswith(".csv") and path not in seen:
            stem = PurePosixPath(path).stem
            listed.append((_table_for_path(stem), path, stem))
    if not listed:
        raise ReadError(f"{source.path.name}: no {DESCRIPTOR} and no CSV files found")
    return listed


def _read_csv(source, path, table_name, rows, problems, ignored):
    table = TABLES[table_name]
    lines = {}
    try:
        with source.open(path) as handle:
            reader = csv.reader(handle, strict=True)
            header = next(reader, None)
            if header is None:
                return
            header = [h.strip() for h in header]
            if "id" not in header:
                problems.append(Problem(table_name, None, "id",
                                        f"{path} has no id column; none of its rows can be read"))
                return
            stored = set(table.fields)
            known = [(i, h) for i, h in enumerate(header) if h in stored]
            unknown = [(i, h) for i, h in enumerate(header) if h not in stored]
            id_index = header.index("id")
            for values in reader:
                if not values or values == [""]:
                    continue
                line = reader.line_num
                record_id = values[id_index].strip() if id_index < len(values) else ""
                if len(values) != len(header):
                    problems.append(Problem(
                        table_name, record_id or None, None,
                        f"{path} line {line}: has {len(values)} values but the header has "
                        f"{len(header)}; the row is broken (a missing quote or comma?)"))
                    continue
                if not record_id:
                    problems.append(Problem(table_name, None, "id",
                                            f"is required ({path} line {line})"))
                    continue
                if record_id in rows[table_name]:
                    problems.append(Problem(
                        table_name, record_id, "id",
                        f"appears again in {path} line {line} (first on line "
                        f"{lines[record_id]}); the first row is kept"))
                    continue
                lines[record_id] = line
                rows[table_name][record_id] = {h: values[i] for i, h in known}
                for i, h in unknown:
                    if values[i].strip():
                        ignored[f"{table_name}.{h}"] += 1
    except csv.Error as exc:
        raise ReadError(f"{path} line {reader.line_num}: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ReadError(f"{path}: byte {exc.start} is not UTF-8 text; save it as UTF-8") from None


def read_package(path):
    """Return (rows {table: {id: row}}, problems, ignored Counter) of a data package."""
    try:
        source = _Source(path)
    except zipfile.BadZipFile:
        raise ReadError(f"{Path(path).name}: not a zip file or a folder") from None
    rows = {name: {} for name in TABLES}
    problems, ignored = [], Counter()
    for table_name, file_path, label in _resources(source):
        if table_name is None:
            if file_path != DESCRIPTOR:
                with source.open(file_path) as handle:
                    count = sum(1 for _ in csv.reader(handle)) - 1
                if count > 0:
                    kind = label if label in NOT_STORED else file_path
                    ignored[f"{kind} (not stored)"] += count
            continue
        _read_csv(source, file_path, table_name, rows, problems, ignored)
    return rows, problems, ignored


FIELD_TYPES = {"DateTime": "datetime", "Date": "date", "Integer": "integer", "Float": "number"}


def field_descriptor(table_name, name):
    """Return the Table Schema field descriptor of one HSDS field."""
    from .rules import NUMBER_TEXT

    column = TABLES[table_name].model.__table__.columns[name]
    kind = FIELD_TYPES.get(type(column.type).__name__, "string")
    if (table_name, name) in NUMBER_TEXT:
        kind = "number"
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


def descriptor():
    """Return the datapackage.json of an export of this directory."""
    from .rules import references

    resources = []
    for name in TABLES:
        fields = field_order(name)
        keys = [{"fields": f, "reference": {"resource": "" if target == name else target,
                                            "fields": "id"}}
                for f, (target, _) in references(name).items()]
        resources.append({
            "name": name, "path": CSV_PATHS[name], "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": {"fields": [field_descriptor(name, f) for f in fields],
                       "primaryKey": "id", "foreignKeys": keys},
        })
    return {"profile": "tabular-data-package", "name": "hsds-directory-export",
            "title": "HSDS 3.0 export of the referral directory", "resources": resources}


def write_package(path, table_rows):
    """Write a data package to a folder (or a .zip) from {table: iterable of cell lists}."""
    path = Path(path)
    as_zip = path.suffix.lower() == ".zip"
    files = {}
    for name in TABLES:
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(field_order(name))
        writer.writerows(table_rows.get(name, ()))
        files[CSV_PATHS[name]] = buffer.getvalue()
    files[DESCRIPTOR] = json.dumps(descriptor(), indent=2) + "\n"
    if as_zip:
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
