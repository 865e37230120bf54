"""Writing checked HSDS records fast, inside the caller's transaction: the ids already in
the directory are fetched in chunks, new records go in with Core `insert()` executemany
batches, or COPY on PostgreSQL (parents before children, table by table), and records that changed are updated
through the ORM so the audit history sees each changed field. Unchanged records are left
alone, so importing the same file twice changes nothing, even after an update."""

from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import String, any_, bindparam, insert, select
from sqlalchemy.dialects.postgresql import ARRAY

from .. import datastamp
from ..extensions import db
from .load import _parents_first
from .tables import SELF_REFERENCES, TABLES

CHUNK = 2000
BATCH = 2000
# The change history is never rewritten: a record already held stays as it is.
APPEND_ONLY = {"metadata"}


@dataclass
class Written:
    """How many records of each table were created, updated or left unchanged."""

    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)


def id_in(column, ids):
    """Return `column IN ids`, as `= ANY(array)` on PostgreSQL (one parameter, not many)."""
    if db.session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam("ids", list(ids), type_=ARRAY(String)))
    return column.in_(list(ids))


def _existing(table, ids):
    found = {}
    if db.session.execute(select(table.c.id).limit(1)).first() is None:
        return found  # an empty table: the common first import
    ids = sorted(ids)
    for start in range(0, len(ids), CHUNK):
        query = select(table).where(id_in(table.c.id, ids[start:start + CHUNK]))
        for row in db.session.execute(query):
            found[row.id] = row._mapping
    return found


def _copy(table, rows):
    """Insert rows with PostgreSQL's COPY, filling column defaults the way an INSERT would."""
    defaults = {c.key: c.default for c in table.columns if c.default is not None}
    names = [c.key for c in table.columns]
    quoted = ", ".join(f'"{name}"' for name in names)
    raw = db.session.connection().connection.driver_connection
    datastamp.mark_changed(db.session)  # COPY goes past the session's events
    with raw.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
        for row in rows:
            values = []
            for name in names:
                if name in row:
                    values.append(row[name])
                elif name in defaults:
                    default = defaults[name]
                    values.append(default.arg(None) if default.is_callable else default.arg)
                else:
                    values.append(None)
            copy.write_row(values)


def _insert(table, rows):
    """Insert rows in batches of rows that name the same columns, keeping their order."""
    if rows and db.session.get_bind().dialect.name == "postgresql":
        return _copy(table, rows)
    batch, keys = [], None
    for row in rows:
        row_keys = tuple(row)
        if batch and (row_keys != keys or len(batch) >= BATCH):
            db.session.execute(insert(table), batch)
            batch = []
        batch.append(row)
        keys = row_keys
    if batch:
        db.session.execute(insert(table), batch)


def _update(model, changes):
    ids = sorted(changes)
    for start in range(0, len(ids), CHUNK):
        for obj in db.session.scalars(select(model).where(id_in(model.id,
                                                                ids[start:start + CHUNK]))):
            for key, value in changes[obj.id].items():
                setattr(obj, key, value)
    db.session.flush()


@contextmanager
def writing_as(actor):
    """Hold the session for a bulk write: the history names `actor`, the search index is
    not synced row by row (the caller rebuilds it once); commit at the end, or roll back
    everything on any failure."""
    session = db.session
    session.info["search_sync_disabled"], session.info["actor"] = True, actor
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.info.pop("search_sync_disabled", None)
        session.info.pop("actor", None)


def write(valid, progress=None):
    """Write {table: {id: values}} into the current transaction; return a Written."""
    written = Written()
    for name, table in TABLES.items():
        records = valid.get(name) or {}
        if not records:
            continue
        core = table.model.__table__
        existing = _existing(core, records)
        new, changes = [], {}
        for record_id, values in records.items():
            old = existing.get(record_id)
            if old is None:
                new.append((record_id, values))
                continue
            diff = {k: v for k, v in values.items() if k != "id" and old[k] != v}
            if diff and name not in APPEND_ONLY:
                changes[record_id] = diff
            else:
                written.unchanged[name] += 1
        if name in SELF_REFERENCES:
            new = _parents_first(dict(new), SELF_REFERENCES[name])
        _insert(core, [values for _, values in new])
        written.created[name] += len(new)
        if changes:
            _update(table.model, changes)
            written.updated[name] += len(changes)
        if progress:
            progress(len(records))
    if sum(written.updated.values()):
        _keep_source_dates(valid.get("service") or {})
    return written


def _keep_source_dates(services):
    """Give back the source's `last_modified` to services the history stamped because a
    child changed: the directory mirrors the source, and importing again changes nothing."""
    given = {i: v["last_modified"] for i, v in services.items() if v.get("last_modified")}
    model = TABLES["service"].model
    ids = sorted(given)
    for start in range(0, len(ids), CHUNK):
        for obj in db.session.scalars(select(model).where(id_in(model.id,
                                                                ids[start:start + CHUNK]))):
            if obj.last_modified != given[obj.id]:
                obj.last_modified = given[obj.id]
    db.session.flush()
