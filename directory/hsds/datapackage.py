"""Reading the tabular form of HSDS: a folder or zip holding `datapackage.json` and one
CSV file per table (the package's own folder only, never its subfolders). Rows come back
per table the way flattened JSON does, with each broken row reported by file and line and
each repeated id reported once per file with a count; a cell an export neutralised
against spreadsheet formulas (`'=...`) gets its text back. Writing is in tabular.py."""

import csv
import io
import json
import zipfile
from collections import Counter
from pathlib import Path, PurePosixPath

from .convert import Problem
from .jsonfile import ReadError
from .rules import NOT_STORED
from .rules import table_for_path as _table_for_path
from .tables import TABLES

DESCRIPTOR = "datapackage.json"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text):
    """Return a CSV cell a spreadsheet will not run as a formula (an apostrophe first)."""
    return "'" + text if text.startswith(FORMULA_START) else text


def unquote(text):
    """Return the text of a cell `neutralise` wrote."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_START) else text


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
        """Return the files of the package's own folder (never of its subfolders)."""
        if self.zip is not None:
            prefix = f"{self.base}/" if self.base else ""
            return [n[len(prefix):] for n in self.zip.namelist()
                    if n.startswith(prefix) and "/" not in n[len(prefix):]]
        return sorted(p.name for p in self.path.iterdir() if p.is_file())

    def size(self):
        """Return the uncompressed size of the package's files, in bytes."""
        if self.zip is not None:
            prefix = f"{self.base}/" if self.base else ""
            return sum(i.file_size for i in self.zip.infolist()
                       if i.filename.startswith(prefix) and "/" not in i.filename[len(prefix):])
        return sum((self.path / n).stat().st_size for n in self.names())

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
    lines, repeated = {}, Counter()
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
                if record_id in lines:
                    repeated[record_id] += 1
                    continue
                lines[record_id] = line
                rows[table_name][record_id] = {h: unquote(values[i]) for i, h in known}
                for i, h in unknown:
                    if values[i].strip():
                        ignored[f"{table_name}.{h}"] += 1
    except csv.Error as exc:
        raise ReadError(f"{path} line {reader.line_num}: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ReadError(f"{path}: byte {exc.start} is not UTF-8 text; save it as UTF-8") from None
    finally:
        if repeated:
            first = min(repeated, key=lines.get)
            problems.append(Problem(table_name, None, "id", (
                f"{len(repeated)} id(s) appear more than once in {path} "
                f"({sum(repeated.values())} repeated row(s), the first {first} from line "
                f"{lines[first]}); the first row of each is kept")))


def read_package(path, check_size=None):
    """Return (rows {table: {id: row}}, problems, ignored Counter) of a data package;
    `check_size(name, bytes)` may refuse it before anything is decompressed."""
    try:
        source = _Source(path)
    except zipfile.BadZipFile:
        raise ReadError(f"{Path(path).name}: not a zip file or a folder") from None
    if check_size is not None:
        check_size(Path(path).name, source.size())
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
