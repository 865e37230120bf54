"""Backups that restore: a consistent copy of the whole database (the directory, referral
lists, staff accounts and the audit history) taken while servers keep writing. SQLite is
copied with its online backup API, a step at a time so writers wait little, and the copy is
one moment of the database; PostgreSQL with pg_dump (custom format) inside a snapshot whose
row counts are the ones reported. A copy is written under a temporary name, checked, and
only then given the name asked for, so a half-written file never looks like a backup. The
checks of a backup file and the copying are shared with restore.py, which brings one back.
No request handling here: the commands are in backup_cli.py.

The public's "Ask them to contact me" requests are never in a backup (NOT_BACKED_UP): they
are kept only until the program answers, and at most CONTACT_REQUEST_DAYS, and a backup
kept for weeks, or restored, would keep them longer. SQLite's copy deletes them (with
secure_delete, so no page of the file holds them); pg_dump leaves their data out."""

import os
import shlex
import shutil
import sqlite3
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from flask import current_app
from sqlalchemy import inspect, text

from .extensions import db

# (table, what people call its rows): what a backup reports, and what makes a database one
# that a restore must not overwrite.
COUNTED = (("service", "services"), ("organization", "organizations"),
           ("referral_list", "referral lists"), ("metadata", "audit entries"),
           ("user_account", "staff accounts"))
KINDS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
NOT_BACKED_UP = ("contact_request",)  # the table is copied, never its rows
MAGIC = {b"SQLite format 3\x00": "sqlite", b"PGDMP": "postgresql"}  # how each file begins
# 4 MiB a step at SQLite's page size: a writer waits for one step at most, not the copy.
STEP_PAGES = 1024
STEP_PAUSE = 0.005  # seconds between steps, when the lock is free for a waiting writer
RESTARTS = 3  # copies restarted by writes before the copy is made in one step


class BackupError(Exception):
    """What went wrong, in words the operator can act on (nothing was changed or lost)."""


@dataclass
class Copied:
    """A backup written, or restored: where, what it holds, how it was checked."""

    path: Path
    counts: dict = field(default_factory=dict)
    size: int = 0
    checked: str = ""
    indexed: int | None = None  # services a restore indexed (None: the index was left alone)


def describe(counts):
    """Return "12 services, 3 organizations, ..." for counts by label."""
    return ", ".join(f"{count} {label}" for label, count in counts.items()) or "nothing"


def _count_rows(tables, scalar):
    """Return {label: rows} for the counted tables among `tables`; `scalar(sql)` reads one."""
    return {label: scalar(f'SELECT count(*) FROM "{table}"')
            for table, label in COUNTED if table in tables}


def counts_in(conn):
    """Return (the tables of a SQLAlchemy connection's database, its counts)."""
    tables = set(inspect(conn).get_table_names())
    return tables, _count_rows(tables, lambda sql: conn.scalar(text(sql)))


def first_lines(message, lines=3):
    """Return the first lines of a tool's complaint, on one line."""
    return " ".join(message.strip().splitlines()[:lines]) or "no reason given"


def _sync(path):
    """Make what was written to `path` (a file or a folder) survive a power cut."""
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def backup(path):
    """Copy the app's database to `path` while it is in use; return what was copied."""
    target = Path(path)
    if target.exists():
        raise BackupError(f"{target} already exists; nothing was written. Give a new name "
                          "(the nightly job puts the date in it) or move the old file away.")
    if not target.parent.is_dir():
        raise BackupError(f"The folder {target.parent} does not exist; nothing was written.")
    engine = db.engine
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        partial.unlink(missing_ok=True)
        # Referral lists are about clients: the copy is its owner's alone from the start.
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        if engine.dialect.name == "sqlite":
            database = sqlite_file(engine)
            if not database.is_file():
                raise BackupError(f"There is no database at {database} (DATABASE_URL).")
            copy_sqlite(database, partial,
                         current_app.config.get("BACKUP_STEP_PAGES", STEP_PAGES))
            _forget_in_copy(partial)
            counts = check_sqlite(partial, "The copy just written")
            checked = "SQLite's integrity check: ok"
        elif engine.dialect.name == "postgresql":
            counts = _dump_postgres(engine, partial, target)
            check_pgdump(partial, "The copy just written")
            checked = "pg_restore --list reads it"
        else:
            raise BackupError(f"Backups of {engine.dialect.name} databases are not supported.")
        _sync(partial)
        os.replace(partial, target)  # the finished name appears only now, complete
        _sync(target.parent)
    except OSError as exc:  # no room, no permission, a failing disk
        raise BackupError(f"{target} could not be written ({exc.strerror or exc}); no backup "
                          "was made.") from None
    finally:
        partial.unlink(missing_ok=True)
    return Copied(target, counts, target.stat().st_size, checked)


def _forget_in_copy(path):
    """Delete the rows that are never backed up from the SQLite copy at `path`, overwriting
    the pages they were on."""
    copy = sqlite3.connect(path, timeout=30)
    try:
        copy.execute("PRAGMA secure_delete = ON")
        present = {row[0] for row in copy.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table in NOT_BACKED_UP:
            if table in present:
                copy.execute(f"DELETE FROM {table}")  # a constant of this module
        copy.commit()
    finally:
        copy.close()


def sqlite_file(engine):
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        raise BackupError("DATABASE_URL names an in-memory SQLite database: there is no file "
                          "to copy or restore into.")
    return Path(database).resolve()


def _open_read_only(path):
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)


class _KeptRestarting(Exception):
    """Writes restarted the stepwise copy too often."""


def copy_sqlite(source_path, target_path, step_pages=0):
    """Copy SQLite file `source_path` over `target_path` with the backup API. In steps of
    `step_pages`: between two, the lock is free for a waiting writer, and a write restarts
    the copy (so it stays one moment of the database); after RESTARTS restarts, in one step
    (writers wait for all of it, but it ends). A database in WAL mode is copied in one
    step: there, readers block no writer."""
    state = {"left": None, "restarts": 0}

    def between_steps(status, remaining, _total):
        if status != sqlite3.SQLITE_OK:  # busy (nothing copied) or done
            return
        if state["left"] is not None and remaining >= state["left"]:
            state["restarts"] += 1
            if state["restarts"] > RESTARTS:
                raise _KeptRestarting
        state["left"] = remaining
        time.sleep(STEP_PAUSE)

    try:
        source, target = _open_read_only(source_path), sqlite3.connect(target_path, timeout=30)
        try:
            if step_pages <= 0 or source.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                source.backup(target)
            else:
                try:
                    source.backup(target, pages=step_pages, progress=between_steps)
                except _KeptRestarting:
                    source.backup(target)
        finally:
            source.close()
            target.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{source_path} could not be copied to {target_path}: {exc}; "
                          "nothing was changed.") from None


def check_sqlite(path, label):
    """Return the counts in SQLite backup `path` after SQLite's integrity check passes;
    raise BackupError naming it as `label` when it is damaged or not the directory's."""
    try:
        conn = _open_read_only(path)
        try:
            verdict = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            if verdict != ["ok"]:
                raise BackupError(f"{label} is damaged: SQLite's integrity check says "
                                  f"“{first_lines(chr(10).join(verdict))}”.")
            tables = {row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "service" not in tables:
                raise BackupError(f"{label} is a SQLite database, but not a directory's "
                                  "(it has no service table).")
            return _count_rows(tables, lambda sql: conn.execute(sql).fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{label} is damaged or cut short: SQLite says “{exc}”.") from None


def libpq(engine):
    """Return (the database's URL for pg_dump and pg_restore, without the password; the
    environment giving them the password)."""
    url = engine.url.set(drivername="postgresql")
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)  # not on the command line, where ps shows it
    return url.set(password=None).render_as_string(hide_password=False), env


_LEFT_OUT = " ".join(f"--exclude-table-data={table}" for table in NOT_BACKED_UP)


def _dump_postgres(engine, partial, target):
    """Dump PostgreSQL to `partial` with pg_dump; return the counts of what it holds."""
    url, env = libpq(engine)
    tool = shutil.which("pg_dump")
    if tool is None:
        password = " (with PGPASSWORD set)" if engine.url.password else ""
        raise BackupError(
            "pg_dump is not installed here, so nothing was written (Debian: apt-get install "
            f"postgresql-client). Or run, on a machine that has it{password}:\n  pg_dump "
            f"--format=custom {_LEFT_OUT} --file={shlex.quote(str(target))} "
            f"--dbname={shlex.quote(url)}")
    with engine.connect() as conn:
        # pg_dump copies this transaction's snapshot, so the counts are of the same moment.
        conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            snapshot = conn.scalar(text("SELECT pg_export_snapshot()"))
            counts = counts_in(conn)[1]
            done = subprocess.run([tool, "--format=custom", *_LEFT_OUT.split(),
                                   f"--snapshot={snapshot}", f"--file={partial}",
                                   f"--dbname={url}"],
                                  env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise BackupError(f"pg_dump failed, nothing was written: {first_lines(done.stderr)}")
    return counts


def check_pgdump(path, label):
    """Raise BackupError (naming the file as `label`) unless pg_restore can list `path` as
    a dump of the directory."""
    tool = shutil.which("pg_restore")
    if tool is None:
        raise BackupError("pg_restore is not installed here (Debian: apt-get install "
                          "postgresql-client); nothing was changed.")
    done = subprocess.run([tool, "--list", str(path)], capture_output=True, text=True,
                          check=False)
    if done.returncode:
        raise BackupError(f"{label} is damaged or cut short: pg_restore says "
                          f"“{first_lines(done.stderr)}”.")
    if " TABLE DATA public service " not in done.stdout:
        raise BackupError(f"{label} is a PostgreSQL dump, but not a directory's (it has no "
                          "service table).")


def backup_kind(path):
    """Return "sqlite" or "postgresql": the kind of database backup `path` holds."""
    try:
        with open(path, "rb") as handle:
            start = handle.read(16)
    except OSError as exc:
        raise BackupError(f"The backup {path} cannot be read: {exc.strerror}.") from None
    for magic, kind in MAGIC.items():
        if start.startswith(magic):
            return kind
    raise BackupError(f"{path} is not a backup of the directory: it is neither a SQLite "
                      "database nor a pg_dump file (it may be cut short or damaged).")

