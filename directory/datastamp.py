"""Keeping the data stamp (`models.DataStamp`, one row) in step with the directory: any
transaction that writes directory records, through the ORM or as bulk Core statements
(imports, benchmarks), bumps the stamp's version and time just before it commits, in the
same transaction; so the stamp changes exactly when the data does, on every server and
database, and reading it costs one primary-key lookup.

Referral lists, accounts and suggestions are not directory data: changing them leaves the
stamp (and so every API ETag) alone. A transit feed's import or removal moves it: pages say
how to get to each service, and read the feeds' versions once per stamp (transit.network)."""

from sqlalchemy import select, update

from . import models as m
from .extensions import listen_once
from .models.stamp import STAMP_ID

DUE = "data_stamp_due"

# the history shows on pages; the feeds, on the pages' ways there
DIRECTORY_MODELS = (*m.DIRECTORY_RECORDS, m.ChangeRecord, m.TransitFeed)
DIRECTORY_TABLES = frozenset(model.__table__.name for model in DIRECTORY_MODELS)


def mark_changed(session):
    """Say that this transaction wrote directory data by a path the session cannot see
    (a driver-level COPY, say); the stamp moves when it commits."""
    session.info[DUE] = True


_READ = select(m.DataStamp.version, m.DataStamp.changed_at).where(m.DataStamp.id == STAMP_ID)


def read(session):
    """Return (version, changed_at) of the directory's data, or (0, None) without a row.
    Read on the session's connection, in its transaction, without the ORM's execution
    (every page reads it: a third of the cost of a kept service page went there)."""
    row = session.connection().execute(_READ).first()
    return (row.version, row.changed_at) if row is not None else (0, None)


def _after_flush(session, _context):
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, DIRECTORY_MODELS):
            session.info[DUE] = True
            return


def _on_execute(state):
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        if getattr(table, "name", None) in DIRECTORY_TABLES:
            state.session.info[DUE] = True


def _before_commit(session):
    if session.in_nested_transaction():
        return  # a savepoint: the outer commit stamps
    session.flush()  # what the commit would flush must count too
    if not session.info.pop(DUE, False):
        return
    bumped = session.execute(
        update(m.DataStamp).where(m.DataStamp.id == STAMP_ID)
        .values(version=m.DataStamp.version + 1, changed_at=m.utcnow())
        .execution_options(synchronize_session=False))
    if bumped.rowcount == 0:  # a database made before the stamp existed
        session.add(m.DataStamp(id=STAMP_ID, version=1, changed_at=m.utcnow()))
        session.flush()
    session.info.pop(DUE, None)


def _forget(session, *_args):
    session.info.pop(DUE, None)


def register(session_factory):
    """Listen to the session once for the whole process."""
    listen_once(session_factory, {"after_flush": _after_flush, "do_orm_execute": _on_execute,
                                  "before_commit": _before_commit, "after_commit": _forget,
                                  "after_rollback": _forget})
