"""The index follows the database through a change log (`models.IndexChange`): the
services a flush touches are collected in `after_flush`, written as log entries in
`before_commit` (same transaction: the entry exists exactly when the change does), and
forgotten in `after_rollback`; after the commit this process applies the log to its own
index at once, and every other server's follower applies it within a second or two.
On PostgreSQL the entries are written one transaction at a time (an advisory lock, held
to the commit), so entries become visible in the order of their numbers and a follower
that has read to entry N never misses one below it; NOTIFY wakes the followers.

Also here: reading the log (head, pending entries), the servers' own rows (how far each
got, when it last said so), and trimming what every live server has applied."""

from datetime import timedelta

from flask import current_app, has_app_context
from sqlalchemy import delete, func, insert, inspect, select, text, update

from .. import models as m
from ..extensions import listen_once
from ..models.changelog import REBUILD, SERVICE, TRIMMED

KEY = "search_changed_services"
DISABLE = "search_sync_disabled"
CHANNEL = "index_change"
LOG_LOCK = 7_212_012  # pg_advisory_xact_lock key: one writer of the log at a time


def after_flush(session, _context):
    if session.info.get(DISABLE):
        return
    objects = list(session.new) + list(session.dirty) + list(session.deleted)
    if objects:
        session.info.setdefault(KEY, set()).update(
            m.services_touched(session, objects) | _services_of_providers(session, objects))


def _services_of_providers(session, objects):
    """Return the services of the organizations whose provider accounts changed: whether a
    program has an inbox decides whether it takes "Ask them to contact me" requests, and so
    the "Contact without calling" filter (not the record: no last_modified for it)."""
    organizations = set()
    for obj in objects:
        if not isinstance(obj, m.User):
            continue
        state = inspect(obj)
        if obj in session.new or obj in session.deleted or any(
                state.attrs[name].history.has_changes()
                for name in ("role", "active", "organization_id")):
            organizations.update([obj.organization_id,
                                  *state.attrs.organization_id.history.deleted])
    organizations.discard(None)
    if not organizations:
        return set()
    return set(session.scalars(select(m.Service.id).where(
        m.Service.organization_id.in_(organizations))))


def mark_changed(session, service_ids):
    """Have the commit of `session` log these services as changed: for changes its events
    do not see (bulk inserts of rows that alter what the services' documents hold)."""
    if service_ids:
        session.info.setdefault(KEY, set()).update(service_ids)


def _write_entries(executor, rows):
    """Append `rows` to the log in the transaction of `executor` (a session or connection)."""
    dialect = getattr(executor, "dialect", None) or executor.get_bind().dialect
    postgres = dialect.name == "postgresql"
    if postgres:
        executor.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOG_LOCK})
    executor.execute(insert(m.IndexChange), rows)
    if postgres:  # delivered when the transaction commits, not before
        executor.execute(text(f"NOTIFY {CHANNEL}"))


def before_commit(session):
    if session.in_nested_transaction() or session.info.get(DISABLE):
        return
    session.flush()  # what the commit would flush must be logged too
    changed = session.info.get(KEY)
    if changed:
        now = m.utcnow()
        _write_entries(session, [{"kind": SERVICE, "service_id": service_id,
                                  "changed_at": now} for service_id in sorted(changed)])


def after_commit(session):
    changed = session.info.pop(KEY, None)
    if not changed or not has_app_context() or "search" not in current_app.extensions:
        return
    from . import apply_log

    apply_log()


def after_rollback(session):
    session.info.pop(KEY, None)


def _log(engine, kind, service_ids):
    with engine.begin() as connection:
        now = m.utcnow()
        _write_entries(connection, [{"kind": kind, "service_id": service_id,
                                     "changed_at": now} for service_id in service_ids])
        return connection.scalar(select(func.max(m.IndexChange.seq)))


def log_rebuild(engine):
    """Ask every server to rebuild its index from the database; return the entry's number."""
    return _log(engine, REBUILD, [None])


def log_services(engine, service_ids):
    """Ask every server to rewrite these services' entries (check-index --repair)."""
    return _log(engine, SERVICE, service_ids)


def head(session):
    """Return the number of the last entry in the log (0 when it is empty)."""
    return session.scalar(select(func.max(m.IndexChange.seq))) or 0


def pending(session, after, limit):
    """Return up to `limit` entries after number `after`, in order: (seq, kind, service_id)."""
    return session.execute(select(m.IndexChange.seq, m.IndexChange.kind,
                                  m.IndexChange.service_id)
                           .where(m.IndexChange.seq > after)
                           .order_by(m.IndexChange.seq).limit(limit)).all()


def behind(session, applied):
    """Return (entries after `applied`, when the oldest of them was written, or None)."""
    row = session.execute(select(func.count(), func.min(m.IndexChange.changed_at))
                          .where(m.IndexChange.seq > applied)).one()
    return row[0], row[1]


def trimmed_through(session):
    """Return the last entry number the trim has deleted (0 if none)."""
    return session.scalar(select(m.IndexServer.applied).where(
        m.IndexServer.name == TRIMMED)) or 0


def report(session, name, seen=True, **values):
    """Create or update server `name`'s row with `values` (applied, generation ...), and
    say it was heard from now unless `seen` is false."""
    values = {"seen_at": m.utcnow(), **values} if seen else values
    changed = session.execute(update(m.IndexServer).where(m.IndexServer.name == name)
                              .values(**values)).rowcount
    if not changed:
        session.add(m.IndexServer(name=name, **values))
    session.commit()


def live_servers(session, live_seconds):
    """Return the rows of the servers heard from within `live_seconds`, by name."""
    since = m.utcnow() - timedelta(seconds=live_seconds)
    return session.scalars(select(m.IndexServer).where(
        m.IndexServer.name != TRIMMED, m.IndexServer.seen_at >= since)
        .order_by(m.IndexServer.name)).all()


def trim(session, live_seconds):
    """Delete the entries every live server has applied (the last entry always stays, so
    the log's numbering goes on); return how many were deleted."""
    servers = live_servers(session, live_seconds)
    if not servers:
        return 0
    upto = min(min(s.applied for s in servers), head(session) - 1)
    if upto <= trimmed_through(session):
        return 0
    deleted = session.execute(delete(m.IndexChange).where(m.IndexChange.seq <= upto)).rowcount
    report(session, TRIMMED, applied=upto)
    return deleted


def register(session_factory):
    """Listen to the session events once for the whole process."""
    listen_once(session_factory, {"after_flush": after_flush, "before_commit": before_commit,
                                  "after_commit": after_commit,
                                  "after_rollback": after_rollback})
