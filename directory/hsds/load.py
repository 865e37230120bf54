"""Write flattened HSDS rows into the database as upserts by id: a record that is
already there and the same is left alone, so loading a file twice changes nothing."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select

from ..extensions import db
from . import first_contact
from .convert import convert_row
from .tables import SELF_REFERENCES, TABLES

CHUNK = 500


@dataclass
class LoadResult:
    """What a load did, per table, and what it could not take."""

    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    problems: list = field(default_factory=list)

    @property
    def changed(self):
        return sum(self.created.values()) + sum(self.updated.values())


def _parents_first(rows, parent_field):
    """Return rows ordered so that a row's parent (same table) comes before it."""
    ordered, placed = [], set()
    pending = dict(rows)
    while pending:
        progressed = False
        for record_id, row in list(pending.items()):
            parent = row.get(parent_field)
            if not parent or parent in placed or parent not in pending:
                ordered.append((record_id, row))
                placed.add(record_id)
                del pending[record_id]
                progressed = True
        if not progressed:  # a cycle: write the rest as they come
            ordered.extend(pending.items())
            break
    return ordered


def _existing(model, ids):
    found = {}
    ids = list(ids)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        for obj in db.session.scalars(select(model).where(model.id.in_(chunk))):
            found[obj.id] = obj
    return found


def upsert_rows(rows, result=None):
    """Upsert `rows` ({table: {id: row}}) in dependency order; return a LoadResult.

    Rows with problems are skipped and listed; the caller commits or rolls back.
    """
    result = result or LoadResult()
    first_step, left_out = first_contact.take_values(rows)  # columns, not terms
    result.problems.extend(left_out)
    for name, table in TABLES.items():
        table_rows = rows.get(name) or {}
        if not table_rows:
            continue
        existing = _existing(table.model, table_rows)
        ordered = (_parents_first(table_rows, SELF_REFERENCES[name])
                   if name in SELF_REFERENCES else table_rows.items())
        for record_id, raw in ordered:
            values, problems = convert_row(table, {**raw, "id": record_id})
            if name == "service":
                values.update(first_step.get(record_id, {}))
            if problems:
                result.problems.extend(problems)
                continue
            obj = existing.get(record_id)
            if obj is None:
                db.session.add(table.model(**values))
                result.created[name] += 1
                continue
            changed = False
            for key, value in values.items():
                if getattr(obj, key) != value:
                    setattr(obj, key, value)
                    changed = True
            (result.updated if changed else result.unchanged)[name] += 1
        db.session.flush()
    return result


def summary_lines(result):
    """Return a per-table summary of a load, one line per table that had rows."""
    per_table = defaultdict(dict)
    for label, counts in (("created", result.created), ("updated", result.updated),
                          ("unchanged", result.unchanged)):
        for name, count in counts.items():
            per_table[name][label] = count
    skipped = Counter(p.table for p in result.problems)
    lines = []
    for name in TABLES:
        counts = per_table.get(name, {})
        if counts or skipped.get(name):
            lines.append(
                f"{name:20} created {counts.get('created', 0):6}  updated "
                f"{counts.get('updated', 0):6}  unchanged {counts.get('unchanged', 0):6}  "
                f"skipped {skipped.get(name, 0):4}"
            )
    return lines
