"""Importing an HSDS file into the directory: read it (JSON, or a data package folder or
zip), check every record, then write everything valid in one transaction with the search
index sync turned off and the history saying the import did it; the index is rebuilt once
at the end. With `strict`, nothing is written when anything is invalid."""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..extensions import db
from . import bulk, normalize, validate
from .convert import Problem
from .datapackage import read_package
from .flatten import flatten
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

    @property
    def skipped(self):
        """Return {table: number of records set aside}."""
        return Counter(p.table for p in self.problems)

    @property
    def changed(self):
        return sum(self.created.values()) + sum(self.updated.values())

    def summary_lines(self):
        """Return one line per table: created, updated, unchanged and skipped."""
        skipped, lines = self.skipped, []
        for name in TABLES:
            counts = (self.created[name], self.updated[name], self.unchanged[name],
                      skipped[name])
            if any(counts):
                lines.append(f"{name:20} created {counts[0]:7}  updated {counts[1]:7}  "
                             f"unchanged {counts[2]:7}  skipped {counts[3]:5}")
        return lines


def read(path):
    """Return (rows, problems, ignored) for a JSON file or a data package (folder or zip)."""
    path = Path(path)
    if path.is_dir() or path.suffix.lower() == ".zip":
        return read_package(path)
    if path.suffix.lower() == ".csv":
        return read_package(path.parent)
    ignored = Counter()
    document = read_json(path)
    if not isinstance(document, (list, dict)):
        raise ReadError(f"{path.name}: expected an HSDS object or a list of them")
    rows, missing = flatten(document, ignored=ignored)
    problems = [Problem(table, None, "id", "is required" + (
        f" (record named {row.get('name')!r})" if isinstance(row, dict) and row.get("name")
        else "")) for table, row in missing]
    return rows, problems, ignored


def import_path(path, strict=False, progress=None, rebuild_index=True):
    """Import the HSDS file or package at `path`; return an ImportReport.

    `progress(phase, advance, total)` is told how the checking and writing go.
    """
    path = Path(path)
    report = ImportReport(source=path.name)
    rows, problems, report.ignored = read(path)
    report.records = sum(len(r) for r in rows.values())

    def step(phase):
        return (lambda n: progress(phase, n, report.records)) if progress else None

    checked = validate.check(rows, step("checking"), [(p.table, p.record_id) for p in problems])
    normalize.apply(checked)
    report.problems = problems + checked.problems
    report.warnings = checked.warnings
    report.coordinates_filled = checked.coordinates_filled
    if strict and report.problems:
        return report
    session = db.session
    session.info["search_sync_disabled"] = True
    session.info["actor"] = f"import: {path.name}"
    try:
        written = bulk.write(checked.valid, step("writing"))
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.info.pop("search_sync_disabled", None)
        session.info.pop("actor", None)
    report.created, report.updated = written.created, written.updated
    report.unchanged, report.written = written.unchanged, True
    if rebuild_index and report.changed:
        from .. import search

        search.rebuild()
    return report
