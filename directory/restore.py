"""Restoring a backup (made by backup.py) into a new, empty database: refuse one that holds
data, load the copy (SQLite's backup API, or pg_restore in one transaction), bring the
schema up to date as `flask db upgrade` does, and restart the search change log so that
every server's index rebuilds from the restored data instead of following the old
database's log. No request handling here: the command is in backup_cli.py."""

import shutil
import subprocess
import time
from pathlib import Path

from flask import current_app
from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.exc import SQLAlchemyError

from . import models as m
from . import search
from .backup import (
    KINDS,
    BackupError,
    Copied,
    backup_kind,
    check_pgdump,
    check_sqlite,
    copy_sqlite,
    counts_in,
    describe,
    first_lines,
    libpq,
    sqlite_file,
)
from .extensions import db
from .models.changelog import REBUILD, TRIMMED


def restore(path):
    """Bring backup `path` into the app's database, which must hold no data yet; bring the
    schema up to date, have every index rebuild (a new SEARCH_INDEX_DIR at once); return
    what the database now holds."""
    source = Path(path)
    kind, engine = backup_kind(source), db.engine
    if kind != engine.dialect.name:
        raise BackupError(f"{source} is a {KINDS[kind]} backup, but DATABASE_URL names a "
                          f"{KINDS.get(engine.dialect.name, engine.dialect.name)} database; "
                          f"restore it into a {KINDS[kind]} one. Nothing was changed.")
    db.session.remove()
    tables = _refuse_if_in_use(engine)
    if kind == "sqlite":
        check_sqlite(source, f"The backup {source}")  # before the database is touched
        target = sqlite_file(engine)
        engine.dispose()
        copy_sqlite(source, target)
    else:
        check_pgdump(source, f"The backup {source}")
        _load_postgres(engine, source, tables)
    engine.dispose()  # the pool's connections knew the database before the restore
    schema = _upgrade_schema(engine)
    _restart_index_log(engine)
    # An index already in service may be serving the database in use now: rebuilt from this
    # one, its server would take the restored log's numbers for its own and stop following.
    # Servers pointed here rebuild their own at start; a new folder is built now.
    indexed = None if search.store().current_generation() else search.rebuild()[0]
    with engine.connect() as conn:
        counts = counts_in(conn)[1]
    return Copied(source, counts, source.stat().st_size, schema, indexed)


def _refuse_if_in_use(engine):
    """Raise BackupError if the database holds any counted rows or any table that is not
    the directory's (DATABASE_URL pointed at another application's database, say: a
    restore replaces the whole database); return its tables."""
    with engine.connect() as conn:
        tables, counts = counts_in(conn)
    foreign = sorted(tables - set(db.metadata.tables) - {"alembic_version"})
    if foreign:
        raise BackupError(
            f"The database {engine.url.render_as_string(hide_password=True)} holds tables "
            f"that are not the directory's ({', '.join(foreign[:5])}"
            f"{', ...' if len(foreign) > 5 else ''}): is DATABASE_URL the database you "
            "meant? A restore replaces the whole database, so nothing was changed. Create a "
            "new, empty database, point DATABASE_URL at it, and run restore again.")
    held = {label: count for label, count in counts.items() if count}
    if held:
        raise BackupError(
            f"The database {engine.url.render_as_string(hide_password=True)} already holds "
            f"{describe(held)}. A restore would overwrite what people are using there, so "
            "nothing was changed. Create a new, empty database, point DATABASE_URL at it, "
            "and run restore again.")
    return tables


def _load_postgres(engine, source, tables):
    """Load pg_dump file `source` into the (empty) database in one transaction."""
    url, env = libpq(engine)
    if tables:  # empty tables, made by `db upgrade` say: the dump creates its own
        with engine.begin() as conn:
            conn.execute(text("DROP TABLE IF EXISTS {} CASCADE".format(
                ", ".join(f'"{name}"' for name in sorted(tables)))))
    engine.dispose()
    done = subprocess.run([shutil.which("pg_restore"), "--no-owner", "--no-privileges",
                           "--single-transaction", f"--dbname={url}", str(source)],
                          env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise BackupError(f"pg_restore could not load {source}, so nothing was restored: "
                          f"{first_lines(done.stderr)}")


def _upgrade_schema(engine):
    """Bring the restored schema up to date as `flask db upgrade` does; say where it is."""
    from alembic import command
    from alembic.migration import MigrationContext
    from alembic.util import CommandError

    def revision():
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    config = current_app.extensions["migrate"].migrate.get_config()
    before = revision()
    try:
        if before is None:  # made by create_all, not by migrations: taken as current
            command.stamp(config, "head")
        else:
            command.upgrade(config, "head")
    except (CommandError, SQLAlchemyError) as exc:
        raise BackupError(
            f"The data is restored, but its schema could not be brought up to date: {exc}. "
            "A backup made by a newer release needs that release; then run `flask --app "
            "directory db upgrade` and `flask --app directory reindex`.") from None
    after = revision()
    if before is None:
        return f"schema taken as {after} (the backup had no migration record)"
    return f"schema up to date ({after})" + ("" if after == before else f", from {before}")


def _restart_index_log(engine):
    """Empty the search change log and the servers' rows, and go on numbering it past any
    entry an index could have applied, behind a rebuild entry marked as trimmed. An index
    made on another database (the one backed up, which went further) then finds the
    entries it lacks trimmed and rebuilds, instead of taking entries it never saw for
    applied. Microseconds since 1970 outgrow any log; the data stamp moves too, so API
    clients do not keep copies made before the restore."""
    now = m.utcnow()
    with engine.begin() as conn:
        head = conn.scalar(select(func.max(m.IndexChange.seq))) or 0
        start = max(time.time_ns() // 1000, head + 1)
        conn.execute(delete(m.IndexServer))
        conn.execute(delete(m.IndexChange))
        conn.execute(insert(m.IndexChange).values(seq=start, kind=REBUILD, service_id=None,
                                                  changed_at=now))
        conn.execute(insert(m.IndexServer).values(name=TRIMMED, applied=start, seen_at=now,
                                                  drift=-1))
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT setval(pg_get_serial_sequence('index_change', 'seq'), "
                              ":start)"), {"start": start})
        conn.execute(update(m.DataStamp).values(version=m.DataStamp.version + 1,
                                                changed_at=now))
