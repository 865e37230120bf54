"""Importing an HSDS file into the directory: read it (JSON, or a data package folder or
zip) within the configured bounds (ReadLimits: bytes, records, nesting, a zip's files and
how far they expand), check every record, then write everything valid in one transaction
with the search index sync turned off and the history saying the import did it; the index
is rebuilt once at the end. With `strict`, nothing is written when anything is invalid."""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import bulk, first_contact, normalize, translations, validate
from .convert import Problem
from .datapackage import ReadLimits, read_package
from .flatten import flatten, root_for_name
from .jsonfile import ReadError, read_json
from .tables import TABLES

__all__ = ["ImportReport", "ReadError", "import_path", "read"]


@dataclass
class ImportReport:
    """What an import found and did."""

    source: str
    records: int = 0
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    problems: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    ignored: Counter = field(default_factory=Counter)
    coordinates_filled: int = 0
    written: bool = False
    read_as: str | None = None  # "read as HSDS 1.1 (plural table names)"; 3.0 says nothing

    @property
    def skipped(self):
        """Return {table: number of records set aside}."""
        return Counter(p.table for p in self.problems)

    @property
    def changed(self):
        return sum(self.created.values()) + sum(self.updated.values())

    def summary_lines(self):
        """Return one line per table: created, updated, unchanged and skipped."""
        skipped, lines = self.skipped, [self.read_as] if self.read_as else []
        for name in TABLES:
            counts = (self.created[name], self.updated[name], self.unchanged[name],
                      skipped[name])
            if any(counts):
                lines.append(f"{name:20} created {counts[0]:7}  updated {counts[1]:7}  "
                             f"unchanged {counts[2]:7}  skipped {counts[3]:5}")
        return lines


def _check_size(name, size, limits):
    limit = limits.max_bytes
    if size > limit:
        raise ReadError(f"{name}: holds {size:,} bytes uncompressed; at most {limit:,} are "
                        "imported at once (HSDS_IMPORT_MAX_BYTES)")


def _json_files(path):
    """Return the JSON files of a folder holding no data package (its own files only)."""
    files = sorted(p for p in path.iterdir() if p.is_file())
    if any(p.suffix.lower() == ".csv" or p.name == "datapackage.json" for p in files):
        return None
    found = [p for p in files if p.suffix.lower() in (".json", ".ndjson", ".jsonl")]
    return found or None


def _read_json_files(files, limits):
    rows, problems, ignored = None, [], Counter()
    for file in files:
        document = read_json(file, limits.max_depth, limits.max_bytes)
        if not isinstance(document, (list, dict)):
            raise ReadError(f"{file.name}: expected an HSDS object or a list of them")
        found, missing = flatten(document, root_for_name(file.name), ignored=ignored)
        if rows is None:
            rows = found
        else:
            for table, records in found.items():
                for record_id, row in records.items():
                    merged = rows[table].setdefault(record_id, {})
                    merged.update({k: v for k, v in row.items()
                                   if v is not None or k not in merged})
        problems += [Problem(table, None, "id", "is required" + (
            f" (record named {row.get('name')!r})" if isinstance(row, dict) and row.get("name")
            else "")) for table, row in missing]
    return rows, problems, ignored, None


def read(path, limits=None):
    """Return (rows, problems, ignored, how it was read: a legacy.Reading or None) for a
    JSON file (one object, a list, an API page or NDJSON), a folder of such files, or a
    data package (folder or zip), held within `limits` (the configured ReadLimits by
    default). A path to one CSV file reads the package of its folder (not its subfolders)."""
    path, limits = Path(path), limits or ReadLimits.configured()
    if path.suffix.lower() == ".csv" and path.is_file():
        path = path.parent
    if path.is_dir():
        files = _json_files(path)
        _check_size(path.name, sum(p.stat().st_size for p in (files or path.iterdir())
                                   if p.is_file()), limits)
        found = _read_json_files(files, limits) if files else read_package(path, limits)
    elif path.suffix.lower() == ".zip":
        found = read_package(path, limits)
    else:
        _check_size(path.name, path.stat().st_size, limits)
        found = _read_json_files([path], limits)
    count, limit = sum(len(r) for r in found[0].values()), limits.max_records
    if count > limit:
        raise ReadError(f"{path.name}: holds {count:,} records; at most {limit:,} are imported "
                        "at once (HSDS_IMPORT_MAX_RECORDS)")
    return found


def import_path(path, strict=False, progress=None, rebuild_index=True):
    """Import the HSDS file or package at `path`; return an ImportReport.

    `progress(phase, advance, total)` is told how the checking and writing go.
    """
    path = Path(path)
    report = ImportReport(source=path.name)
    rows, problems, report.ignored, reading = read(path)
    translations.rekey(rows)
    report.records = sum(len(r) for r in rows.values())

    def step(phase):
        return (lambda n: progress(phase, n, report.records)) if progress else None

    checked = validate.check(rows, step("checking"), [(p.table, p.record_id) for p in problems])
    first_contact.apply(checked)  # the online form and first visit: columns, not terms
    normalize.apply(checked)
    report.problems = problems + checked.problems
    report.warnings = (reading.warnings if reading else []) + checked.warnings
    report.read_as = str(reading) if reading else None
    report.coordinates_filled = checked.coordinates_filled
    if strict and report.problems:
        return report
    with bulk.writing_as(f"import: {path.name}"):
        written = bulk.write(checked.valid, step("writing"))
    report.created, report.updated = written.created, written.updated
    report.unchanged, report.written = written.unchanged, True
    if rebuild_index and report.changed:
        from .. import search

        search.rebuild()
    return report
