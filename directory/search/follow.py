"""Each server's follower of the change log: a thread per process that applies the log to
the server's own index as soon as PostgreSQL's NOTIFY says there is something new (or at
each poll: the fallback, and the only way on SQLite), rebuilds the index when it has none
or a "rebuild" entry says so, tells the database how far it got (its `IndexServer` row),
answers check-index's request for a drift check, and trims what every live server has
applied. `readiness` is what /healthz answers."""

import contextlib
import logging
import os
import socket
import threading
import time
from pathlib import Path

from sqlalchemy.orm import Session

from .. import models as m
from . import indexer, sync

log = logging.getLogger(__name__)
_followers = {}  # app -> Follower of this process


def server_name(config):
    """Return the name of this server's index: the machine and the folder."""
    return config.get("SEARCH_SERVER_NAME") or \
        f"{socket.gethostname()}:{Path(config['SEARCH_INDEX_DIR']).resolve()}"


def rebuild_options(config):
    """Return the keyword arguments of indexer.rebuild that the configuration sets."""
    return {"memory_mb": config["SEARCH_REBUILD_MEMORY_MB"],
            "workers": config["SEARCH_REBUILD_WORKERS"],
            "parallel_from": config.get("SEARCH_PARALLEL_FROM", indexer.PARALLEL_FROM)}


class Follower:
    """Applies the change log to one index folder, in one thread of this process."""

    def __init__(self, app):
        config = app.config
        self.store = app.extensions["search"]
        with app.app_context():
            from ..extensions import db

            self.engine = db.engine
        self.name = server_name(config)
        self.poll = config["SEARCH_POLL_SECONDS"]
        self.live_seconds = config["SEARCH_SERVER_LIVE_SECONDS"]
        self.rebuild_options = rebuild_options(config)
        self.pid = os.getpid()
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self.run, name="index-follower", daemon=True)
        self._listener = None
        self._reported = 0.0
        self._problem = None  # the storage outage last logged, until the log applies again

    def run(self):
        while not self.stopped.is_set():
            try:
                indexer.catch_up(self.store, self.engine, announce=self._announce,
                                 **self.rebuild_options)
                if time.monotonic() - self._reported >= self.poll:
                    self._report()
            except Exception as exc:  # noqa: BLE001 (the database or the index is away: retry)
                self._complain(exc)
                self._close_listener()
                self.stopped.wait(self.poll)
                continue
            if self._problem is not None:
                log.warning("The index follower applies the change log again")
                self._problem = None
            self._wait()

    def _complain(self, exc):
        """Log why the log could not be applied: a storage outage once, in one line (it
        is polled every second), anything else with its traceback."""
        from ..health import forget_connections, storage_problem  # health imports us

        problem = storage_problem(exc)
        forget_connections(self.engine, problem)  # a read-only session is not kept for life
        if problem is None:
            log.exception("The index follower could not apply the change log")
        elif problem != self._problem:
            log.warning("The index follower waits for the database: %s", problem)
        self._problem = problem

    def _announce(self, head):
        with Session(self.engine) as session:
            sync.report(session, self.name, applied=head)

    def _report(self):
        """Say how far this index got; run a drift check if one is asked; trim the log."""
        self._reported = time.monotonic()
        with Session(self.engine) as session:
            row = session.get(m.IndexServer, self.name)
            wanted = row is not None and row.check_wanted is not None and (
                row.checked_at is None or row.checked_at < row.check_wanted)
            sync.report(session, self.name, applied=self.store.applied() or 0,
                        generation=self.store.current_generation())
            if wanted:
                sync.report(session, self.name, drift=self.drift(), checked_at=m.utcnow())
            sync.trim(session, self.live_seconds)

    def drift(self):
        """Return how many services this index holds wrongly once the log is applied
        (a service changed while the check ran is checked again after the catch-up)."""
        missing, stale, extra = indexer.check(self.store, self.engine)
        drifted = sorted(set(missing) | set(stale) | set(extra))
        if drifted:
            indexer.catch_up(self.store, self.engine, may_rebuild=False)
            missing, stale, extra = indexer.check(self.store, self.engine, drifted)
        return len(set(missing) | set(stale) | set(extra))

    def _wait(self):
        """Sleep until NOTIFY says the log grew (PostgreSQL) or the poll interval passed."""
        if self.engine.dialect.name != "postgresql":
            self.stopped.wait(self.poll)
            return
        if self._listener is None:
            import psycopg

            url = self.engine.url.set(drivername="postgresql").render_as_string(
                hide_password=False)
            self._listener = psycopg.connect(url, autocommit=True)
            self._listener.execute(f"LISTEN {sync.CHANNEL}")
        for _ in self._listener.notifies(timeout=self.poll, stop_after=1):
            pass

    def _close_listener(self):
        if self._listener is not None:
            with contextlib.suppress(Exception):  # a broken connection: nothing to close
                self._listener.close()
            self._listener = None

    def stop(self):
        self.stopped.set()
        self.thread.join(timeout=self.poll + 5)
        self._close_listener()


def running(app):
    """Return whether this process has a follower for `app`."""
    follower = _followers.get(id(app))
    return follower is not None and follower.pid == os.getpid() and follower.thread.is_alive()


def start(app):
    """Start (once per process) the follower of `app`'s index; return it."""
    if not running(app):
        follower = Follower(app)
        _followers[id(app)] = follower
        follower.thread.start()
    return _followers[id(app)]


def readiness(store, engine, max_lag):
    """Return (ready, reason): the database answers, and the index holds the log to within
    `max_lag` seconds."""
    try:
        with Session(engine) as session:
            trimmed = sync.trimmed_through(session)
            applied = store.applied()
            count, oldest = sync.behind(session, applied or 0)
    except Exception as exc:  # noqa: BLE001 (the reason is the answer)
        from ..health import storage_problem  # imported here: health imports this package

        return False, storage_problem(exc) or \
            f"the database does not answer ({type(exc).__name__})"
    if applied is None:
        return False, "the search index is being built"
    if store.outdated():
        return False, ("the search index was made by an earlier version of the directory; "
                       "it is rebuilding")
    if applied < trimmed:
        return False, "the search index is too far behind the database; it is rebuilding"
    lag = 0.0 if oldest is None else max(0.0, (m.utcnow() - oldest).total_seconds())
    if count and lag > max_lag:
        return False, f"the search index is {count} change(s) and {lag:.0f} s behind"
    return True, "ready"


def servers(engine, config, wait=0.0):
    """Return [(row, lag in entries)] for the live servers; with `wait` > 0, ask each for a
    drift check first and wait up to `wait` seconds for all of them to answer."""
    live = config["SEARCH_SERVER_LIVE_SECONDS"]
    with Session(engine) as session:
        if wait > 0:
            asked = m.utcnow()
            names = [row.name for row in sync.live_servers(session, live)]
            for name in names:
                sync.report(session, name, seen=False, check_wanted=asked)
            deadline = time.monotonic() + wait
            while time.monotonic() < deadline:
                session.expire_all()
                rows = sync.live_servers(session, live)
                if all(r.checked_at is not None and r.checked_at >= asked for r in rows):
                    break
                time.sleep(0.2)
        session.expire_all()
        head = sync.head(session)
        return [(row, max(0, head - row.applied)) for row in sync.live_servers(session, live)]
