"""Reading the tabular form of HSDS: a folder or zip holding `datapackage.json` and one
CSV file per table (the package's own folder only, never its subfolders). Rows come back
per table the way flattened JSON does, with each broken row reported by file and line and
each repeated id reported once per file with a count; a cell an export neutralised
against spreadsheet formulas (`'=...`) gets its text back. Input is bounded (ReadLimits,
from the configuration; a zip is read through boundedzip.py): every file is read through
once, keeping nothing, before any row is kept, so a zip bomb, a bad checksum or too many
rows is refused at little cost in memory; CSV values and lines are bounded too. Writing is
in tabular.py."""

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .. import boundedjson
from ..config import LIMITS, limit
from .boundedzip import Archive
from .convert import Problem
from .jsonfile import ReadError
from .rules import NOT_STORED
from .rules import table_for_path as _table_for_path
from .tables import TABLES

DESCRIPTOR = "datapackage.json"
DESCRIPTOR_MAX_BYTES = 16 * 1024 * 1024  # HSDS 3.0's own descriptor is about 0.2 MB
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
LINE_FIELDS = 8  # a CSV line may be as long as this many of the longest values
CHUNK = 1024 * 1024


@dataclass(frozen=True)
class ReadLimits:
    """What one import may hold: the HSDS_IMPORT_* settings and JSON_MAX_DEPTH."""

    max_bytes: int = LIMITS["HSDS_IMPORT_MAX_BYTES"]
    max_records: int = LIMITS["HSDS_IMPORT_MAX_RECORDS"]
    max_members: int = LIMITS["HSDS_IMPORT_MAX_MEMBERS"]
    max_ratio: int = LIMITS["HSDS_IMPORT_MAX_RATIO"]
    max_field_chars: int = LIMITS["HSDS_IMPORT_MAX_FIELD_CHARS"]
    max_depth: int = LIMITS["JSON_MAX_DEPTH"]

    @classmethod
    def configured(cls):
        """Return the limits of the running app (the defaults outside one)."""
        return cls(*(limit(name) for name in (
            "HSDS_IMPORT_MAX_BYTES", "HSDS_IMPORT_MAX_RECORDS", "HSDS_IMPORT_MAX_MEMBERS",
            "HSDS_IMPORT_MAX_RATIO", "HSDS_IMPORT_MAX_FIELD_CHARS", "JSON_MAX_DEPTH")))


def neutralise(text):
    """Return a CSV cell a spreadsheet will not run as a formula (an apostrophe first)."""
    return "'" + text if text.startswith(FORMULA_START) else text


def unquote(text):
    """Return the text of a cell `neutralise` wrote."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_START) else text


class _Source:
    """A folder or a zip file, read by relative path within the limits."""

    def __init__(self, path, limits):
        self.path, self.zip, self.base = Path(path), None, ""
        if self.path.is_file():
            self.zip = Archive(self.path, limits.max_members, limits.max_bytes,
                               limits.max_ratio)
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
        """Return the uncompressed size of the package's files, in bytes (as a zip
        declares it: enough to refuse it early, never to accept it)."""
        if self.zip is not None:
            prefix = f"{self.base}/" if self.base else ""
            return sum(i.file_size for i in self.zip.infolist()
                       if i.filename.startswith(prefix) and "/" not in i.filename[len(prefix):])
        return sum((self.path / n).stat().st_size for n in self.names())

    def binary(self, name):
        """Return one file of the package as a binary stream (bounded, for a zip)."""
        if self.zip is None:
            return (self.path / name).open("rb")
        return self.zip.open(f"{self.base}/{name}" if self.base else name)

    def open(self, name):
        return io.TextIOWrapper(self.binary(name), encoding="utf-8-sig", newline="")

    def close(self):
        if self.zip is not None:
            self.zip.close()


def _resources(source, limits):
    """Return [(table name or None, file name, label)] from the descriptor, or from file
    names; each file once."""
    names = source.names()
    listed = []
    if DESCRIPTOR in names:
        descriptor = _descriptor(source, limits)
        resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
        for resource in resources if isinstance(resources, list) else []:
            path = resource.get("path") if isinstance(resource, dict) else None
            if isinstance(path, str) and path in names:
                name = resource.get("name")
                name = name if isinstance(name, str) else None
                table = name if name in TABLES else _table_for_path(PurePosixPath(path).stem)
                listed.append((table, path, name))
    seen, unique = set(), []
    for entry in listed:  # a path listed again would be read again: once is enough
        if entry[1] not in seen:
            seen.add(entry[1])
            unique.append(entry)
    for path in sorted(names):
        if path.lower().endswith(".csv") and path not in seen:
            stem = PurePosixPath(path).stem
            unique.append((_table_for_path(stem), path, stem))
    if not unique:
        raise ReadError(f"{source.path.name}: no {DESCRIPTOR} and no CSV files found")
    return unique


def _descriptor(source, limits):
    """Return the parsed datapackage.json, or raise ReadError."""
    try:
        with source.binary(DESCRIPTOR) as handle:
            text = boundedjson.read_limited(handle, DESCRIPTOR_MAX_BYTES).decode("utf-8-sig")
        return boundedjson.loads(text, max_depth=limits.max_depth)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ReadError(f"{DESCRIPTOR}: not valid JSON ({exc})") from None
    except boundedjson.LimitExceeded as exc:
        raise ReadError(f"{DESCRIPTOR}: {exc}") from None


def _lines(handle, path, longest):
    """Yield the lines of a text file, refusing one longer than `longest` characters
    before it is held whole (a zip bomb is often one endless line)."""
    number = 0
    while line := handle.readline(longest + 1):
        number += 1
        if len(line) > longest and not line.endswith(("\n", "\r")):
            raise ReadError(f"{path} line {number}: longer than {longest:,} characters; "
                            "is it a CSV file?")
        yield line


def _reader(handle, path, limits, strict=True):
    """Return a csv reader of `handle` whose lines are bounded."""
    return csv.reader(_lines(handle, path, limits.max_field_chars * LINE_FIELDS),
                      strict=strict)


def _csv_error(path, line, exc, limits):
    if "field larger than field limit" in str(exc):
        return ReadError(f"{path} line {line}: a value is longer than "
                         f"{limits.max_field_chars:,} characters "
                         "(HSDS_IMPORT_MAX_FIELD_CHARS)")
    return ReadError(f"{path} line {line}: {exc}")


def _not_utf8(path, exc):
    return ReadError(f"{path}: byte {exc.start} is not UTF-8 text; save it as UTF-8")


def _count_rows(source, path, limits):
    """Return how many rows a CSV file holds, its header included, keeping none."""
    with source.open(path) as handle:
        reader = _reader(handle, path, limits, strict=False)
        try:
            return sum(1 for _ in reader)
        except csv.Error as exc:
            raise _csv_error(path, reader.line_num, exc, limits) from None
        except UnicodeDecodeError as exc:
            raise _not_utf8(path, exc) from None


def _survey(source, listed, limits):
    """Read every file through once, keeping nothing, and refuse the package if it holds
    more rows than one import takes: a zip's bounds and checksums are met on the way,
    before any row is kept. Line breaks bound the rows from above; only past the limit
    are rows counted exactly (a quoted value may hold line breaks)."""
    breaks = 0
    for table_name, path, _ in listed:
        if path != DESCRIPTOR:
            with source.binary(path) as handle:
                while chunk := handle.read(CHUNK):
                    if table_name is not None:
                        breaks += chunk.count(b"\n") + chunk.count(b"\r")
    if breaks <= limits.max_records:
        return
    rows = sum(_count_rows(source, path, limits) - 1 for table_name, path, _ in listed
               if table_name is not None and path != DESCRIPTOR)
    if rows > limits.max_records:
        raise ReadError(f"{source.path.name}: holds {rows:,} rows; at most "
                        f"{limits.max_records:,} records are imported at once "
                        "(HSDS_IMPORT_MAX_RECORDS)")


def _read_csv(source, path, table_name, rows, problems, ignored, limits, columns=None):
    """Read one CSV file into rows[table_name] (`columns`: HSDS 1.x/2.0's, any case)."""
    lines, repeated = {}, Counter()
    try:
        with source.open(path) as handle:
            reader = _reader(handle, path, limits)
            header = next(reader, None)
            if header is None:
                return
            header = [h.strip() if columns is None else h.strip().lower() for h in header]
            if "id" not in header:
                problems.append(Problem(table_name, None, "id",
                                        f"{path} has no id column; none of its rows can be read"))
                return
            stored = set(TABLES[table_name].fields) if columns is None else columns
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
        raise _csv_error(path, reader.line_num, exc, limits) from None
    except UnicodeDecodeError as exc:
        raise _not_utf8(path, exc) from None
    finally:
        if repeated:
            first = min(repeated, key=lines.get)
            problems.append(Problem(table_name, None, "id", (
                f"{len(repeated)} id(s) appear more than once in {path} "
                f"({sum(repeated.values())} repeated row(s), the first {first} from line "
                f"{lines[first]}); the first row of each is kept")))


def read_package(path, limits=None):
    """Return (rows {table: {id: row}}, problems, ignored Counter, how it was read: a
    legacy.Reading for HSDS 1.x and 2.0, else None) of a data package held within `limits`
    (a ReadLimits; by default the configured ones), or raise ReadError."""
    from . import legacy  # here, not above: legacy reads with this module's helpers

    limits = limits or ReadLimits.configured()
    source = _Source(path, limits)
    previous = csv.field_size_limit(limits.max_field_chars)  # the csv module's, shared
    try:
        declared = source.size()
        if declared > limits.max_bytes:
            raise ReadError(f"{source.path.name}: holds {declared:,} bytes uncompressed; at "
                            f"most {limits.max_bytes:,} are imported at once "
                            "(HSDS_IMPORT_MAX_BYTES)")
        found = legacy.read(source, limits)
        if found is not None:
            return found
        listed = _resources(source, limits)
        _survey(source, listed, limits)
        rows = {name: {} for name in TABLES}
        problems, ignored = [], Counter()
        for table_name, file_path, label in listed:
            if table_name is not None:
                _read_csv(source, file_path, table_name, rows, problems, ignored, limits)
            elif file_path != DESCRIPTOR:
                count = _count_rows(source, file_path, limits) - 1
                if count > 0:
                    kind = label if label in NOT_STORED else file_path
                    ignored[f"{kind} (not stored)"] += count
        return rows, problems, ignored, None
    finally:
        csv.field_size_limit(previous)
        source.close()
