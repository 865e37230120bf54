"""Readiness for the load balancer, and the one judgement of when the storage is away.
`/healthz` answers 200 only when this server can write to the database (a probe write,
rolled back), read it, and its search index holds the change log to within a few seconds;
503 with the reason otherwise (a database that refuses writes, a server still building its
index or catching up), so the balancer stops sending traffic that could not be saved.
`storage_problem` says which database errors mean the storage is unavailable (read-only,
moved or deleted, a failing or full disk, not answering, locked too long), in words an
operator can act on; the error pages answer those with a calm 503 instead of a 500, and
`forget_connections` has the pool open new connections, so a server takes the database up
again once it is back, with no restart."""

import os
import sqlite3
import time
import weakref

from flask import Blueprint, current_app, jsonify
from sqlalchemy import event, false, insert, update
from sqlalchemy import exc as sa_exc

from . import search
from .extensions import db
from .models import IndexServer, utcnow

bp = Blueprint("health", __name__)

MOVED = ("the database refuses writes: its file was moved or deleted while this server ran; "
         "put the file back")
READ_ONLY = ("the database refuses writes: the database file or its folder is read-only, or "
             "the server opened it read-only; make both writable by the server's user")
FULL = "the database refuses writes: its disk is full; free some space"
DISK = "the database's disk failed to read or write (an I/O error); check the disk"
CANNOT_OPEN = ("the database file cannot be opened; check that it exists and that the "
               "server's user may read and write it and its folder")
DAMAGED = "the database file is damaged or is not a database; restore it from a backup"
LOCKED = ("the database stayed locked by another writer for too long; look for a stuck "
          "process or a long maintenance job")
NO_TABLES = ("the database refuses writes: it lacks the directory's tables, so its file was "
             "moved, deleted or replaced (an empty file may now stand in its place) or never "
             "migrated; put the file back, or run `flask db upgrade`")
STANDBY = ("the database refuses writes: its transactions are read-only (a standby server, "
           "or default_transaction_read_only is on); point the server at the primary or "
           "turn read-only off")
NO_ANSWER = "the database does not answer; check that it is running and reachable"
STARTING = "the database server is shutting down, starting or recovering; check its log"
RESOURCES = "the database server is out of memory or connections; check its log"
FILES = "the database server failed to read or write its files; check its disk and its log"
POOL = "every connection to the database stayed busy for too long"

SQLITE_BUSY, SQLITE_DBMOVED = 5, 1032  # SQLITE_READONLY_DBMOVED = SQLITE_READONLY | 4 << 8
# SQLite's primary result codes (the low byte of the extended code) that mean the storage.
SQLITE_WORDS = {5: LOCKED, 6: LOCKED, 8: READ_ONLY, 10: DISK, 11: DAMAGED, 13: FULL,
                14: CANNOT_OPEN, 15: LOCKED, 26: DAMAGED}
# PostgreSQL's SQLSTATEs, then their classes: read-only (a standby or a setting), locks
# waited out, connections lost, shutdowns, exhausted resources, failing files. Constraint
# violations, syntax errors and serialization failures are not the storage: they stay 500s.
POSTGRES_WORDS = {"25006": STANDBY, "53100": FULL, "55P03": LOCKED, "XX001": DAMAGED,
                  "XX002": DAMAGED, "08": NO_ANSWER, "57P": STARTING, "53": RESOURCES,
                  "58": FILES}
PROBE_ROW = "(healthz write probe, always rolled back)"
# When each engine last took the probe write, in this process (a failure is forgotten at
# once), and the engines whose last probe was refused.
_writable_at = weakref.WeakKeyDictionary()
_refused = weakref.WeakSet()


def _chain(exc):
    """Yield `exc` and the errors it was raised from or while handling."""
    seen = set()
    while exc is not None and id(exc) not in seen and len(seen) < 10:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def _driver_words(error, orig):
    """Return the words for one driver error (sqlite3 or psycopg), or None."""
    if isinstance(orig, sqlite3.Error):
        code = getattr(orig, "sqlite_errorcode", None) or 0
        name = getattr(orig, "sqlite_errorname", None) or type(orig).__name__
        if code == SQLITE_DBMOVED:
            return f"{MOVED} ({name})"
        if code & 0xFF in SQLITE_WORDS:
            return f"{SQLITE_WORDS[code & 0xFF]} ({name})"
        if "no such table" in str(orig):
            return f"{NO_TABLES} ({name})"
        return None
    state = getattr(orig, "sqlstate", None)
    if state:
        words = next((POSTGRES_WORDS[key] for key in (state, state[:3], state[:2])
                      if key in POSTGRES_WORDS), None)
        return f"{words} ({state} {type(orig).__name__})" if words else None
    if isinstance(error, sa_exc.OperationalError) or getattr(error, "connection_invalidated",
                                                             False):
        return f"{NO_ANSWER} ({type(orig).__name__})"  # refused or lost before any SQLSTATE
    return None


def storage_problem(exc):
    """Return why the database cannot store or read now, in an operator's words, when
    `exc` (or an error it came from) says so; None for any other error."""
    for error in _chain(exc):
        if isinstance(error, sa_exc.TimeoutError):
            return f"{POOL} (TimeoutError)"
        orig = error.orig if isinstance(error, sa_exc.DBAPIError) else error
        if isinstance(orig, sqlite3.Error) or hasattr(orig, "sqlstate"):
            words = _driver_words(error, orig)
            if words:
                return words
    return None


def forget_connections(engine, problem):
    """Close the pool's connections after a storage `problem` that can tie them to storage
    read-only for their life (a file opened read-only, a PostgreSQL session begun so), so
    new ones reach the database once it is writable again, with no restart."""
    if not problem:
        return
    _writable_at.pop(engine, None)  # the next /healthz probes again
    if problem.startswith((LOCKED, MOVED, NO_TABLES)):
        return  # a lock passes; a moved file is followed at checkout (watch_storage)
    if engine.dialect.name == "sqlite" and engine.url.database in (None, "", ":memory:"):
        return  # a database in memory lives in its connection: never close that
    engine.dispose()  # connections in use are closed when they come back


def watch_storage(app):
    """Have `app`'s pool replace, as it hands one out, a SQLite connection whose file is no
    longer the one at the database's path (put back from a copy, or an empty one created
    there while it was away): connections opened during an outage do not outlive it. While
    nothing is at the path, connections stay: they still read, and say the file moved."""
    with app.app_context():
        engine = db.engine
    url = engine.url
    if engine.dialect.name != "sqlite" or url.database in (None, "", ":memory:"):
        return
    path = url.database.removeprefix("file:") if url.query.get("uri") else url.database

    def identity():
        try:
            found = os.stat(path)
        except OSError:
            return None
        return found.st_dev, found.st_ino

    @event.listens_for(engine, "connect")
    def _remember_the_file(_dbapi_connection, record):
        record.info["database_file"] = identity()

    @event.listens_for(engine, "checkout")
    def _same_file(_dbapi_connection, record, _proxy):
        now = identity()
        if now is not None and record.info.get("database_file") != now:
            raise sa_exc.DisconnectionError("the database file was moved or replaced")


def _code(exc):
    """Return the SQLite result code or PostgreSQL SQLSTATE of a database error."""
    orig = getattr(exc, "orig", None)
    return getattr(orig, "sqlite_errorcode", None) or getattr(orig, "sqlstate", None)


def write_problem(engine, remember_seconds=0.0):
    """Return why the database refuses a write now, or None when a probe write (rolled
    back) goes through. A lock held by another writer counts as writable: writes are
    being made, and the probe never waits for one. A success is remembered for
    `remember_seconds`, so no flood of requests to /healthz can fight the writers."""
    if time.monotonic() - _writable_at.get(engine, float("-inf")) < remember_seconds:
        return None
    problem = _probe(engine)
    if problem is not None:
        # The connection may be one opened while the storage was away: ask a new one too.
        problem = _probe(engine)
    if problem is not None:
        _refused.add(engine)
        return problem
    if engine in _refused:  # writable again: no connection opened meanwhile stays
        _refused.discard(engine)
        engine.dispose()
    _writable_at[engine] = time.monotonic()
    return None


def _probe(engine):
    """Make the probe write on one connection; return why it was refused, or None."""
    try:
        with engine.connect() as connection:
            if connection.dialect.name == "sqlite":
                _probe_sqlite(connection)
            else:
                _probe_postgresql(connection)
    except Exception as exc:  # noqa: BLE001 (the reason is the answer)
        problem = storage_problem(exc)
        forget_connections(engine, problem)
        return problem or f"the database refused a test write ({type(exc).__name__})"
    return None


def _probe_sqlite(connection):
    """Insert a row and roll it back, without waiting for the write lock; raise if refused."""
    # SQLite notices a moved or deleted file only when a page is written (not at BEGIN
    # IMMEDIATE), so the probe writes one; nothing reaches the file, as nothing commits.
    waited = connection.exec_driver_sql("PRAGMA busy_timeout").scalar()
    connection.exec_driver_sql("PRAGMA busy_timeout = 0")
    try:
        connection.execute(insert(IndexServer.__table__).prefix_with("OR REPLACE").values(
            name=PROBE_ROW, applied=0, seen_at=utcnow(), drift=-1))
    except sa_exc.OperationalError as exc:
        if (_code(exc) or 0) & 0xFF != SQLITE_BUSY:
            raise
    finally:
        connection.rollback()
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {int(waited or 0)}")
        connection.rollback()


def _probe_postgresql(connection):
    """Update no row and roll back (PostgreSQL refuses it at once when read-only); raise
    if refused."""
    # The statement takes the table's ROW EXCLUSIVE lock, which other writers' locks leave
    # free; only a migration's lock could hold it, and the probe does not wait for that.
    connection.exec_driver_sql("SET LOCAL lock_timeout = '100ms'")
    table = IndexServer.__table__
    try:
        connection.execute(update(table).where(false()).values(applied=table.c.applied))
    except sa_exc.OperationalError as exc:
        if _code(exc) != "55P03":
            raise
    finally:
        connection.rollback()


@bp.get("/healthz")
def healthz():
    """Answer whether this server can serve and save correct answers now, and why not."""
    problem = write_problem(db.engine, current_app.config["HEALTH_PROBE_SECONDS"])
    ready, reason = (False, problem) if problem else search.readiness()
    response = jsonify(status="ready" if ready else "unavailable", reason=reason)
    response.status_code = 200 if ready else 503
    response.headers["Cache-Control"] = "no-store"
    return response
