"""The index on disk: generations of a Whoosh index under one folder, the `CURRENT` file
naming the one in service (swapped atomically by a rebuild), the `APPLIED` file in each
generation naming the last change-log entry written into it, a per-process searcher that
reopens only when the index changed, and the server's locks (one process at a time brings
the index forward or rebuilds it). A write that cannot have the lock in time raises
IndexBusy; nothing is lost, since the change log in the database still holds it."""

import fcntl
import logging
import os
import pickle
import shutil
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.index import LockError

from .facts import FactTable
from .fields import build_schema

log = logging.getLogger(__name__)

CURRENT = "CURRENT"
APPLIED = "APPLIED"
APPLY_LOCK = "apply.lock"
REBUILD_LOCK = "rebuild.lock"


class IndexBusy(Exception):
    """A lock of the index could not be had in time (the change log keeps the change)."""


class IndexStore:
    """One index folder shared by every process of the app."""

    def __init__(self, root, lock_timeout=5.0):
        self.root = Path(root)
        self.lock_timeout = lock_timeout
        self._lock = threading.RLock()
        self._snapshot = None  # (generation, searcher, FactTable)
        self._detached = None  # (generation, FactTable) kept by detach()
        self._schemas = {}  # generation: whether its fields differ from this version's

    # -- generations -------------------------------------------------------------------
    def current_generation(self):
        """Return the folder name of the index in service, or None."""
        try:
            return (self.root / CURRENT).read_text().strip() or None
        except FileNotFoundError:
            return None

    def new_generation(self):
        """Create and return the path of a new, empty generation (not yet in service)."""
        self.root.mkdir(parents=True, exist_ok=True)
        name = f"gen-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:8]}"
        path = self.root / name
        path.mkdir()
        whoosh_index.create_in(str(path), build_schema())
        return path

    def promote(self, path):
        """Put generation `path` in service atomically and remove older generations."""
        previous = self.current_generation()
        tmp = self.root / f".{CURRENT}.{uuid.uuid4().hex}"
        tmp.write_text(path.name)
        os.replace(tmp, self.root / CURRENT)
        keep = {path.name, previous}
        for child in self.root.iterdir():
            # Keep the previous generation: other processes may still be reading it.
            if child.is_dir() and child.name.startswith("gen-") and child.name not in keep:
                shutil.rmtree(child, ignore_errors=True)

    def ensure(self):
        """Create an empty index in service if there is none yet."""
        with self._lock:
            if self.current_generation() is None or not self._generation_path().exists():
                self.promote(self.new_generation())

    def outdated(self):
        """Return whether the index in service was made with other fields than this
        version's schema (an upgrade added a language's field, say), or with analysers this
        version no longer has: searching it could ask for a field it lacks, so it is
        rebuilt before the server says it is ready."""
        generation = self.current_generation()
        if generation is None:
            return False
        known = self._schemas.get(generation)
        if known is None:
            try:
                names = set(whoosh_index.open_dir(str(self._generation_path())).schema.names())
            except (OSError, whoosh_index.EmptyIndexError):
                return False  # a missing index is built by ensure(), not rebuilt here
            except (ImportError, AttributeError, pickle.UnpicklingError):
                names = None  # its schema names analysers this version no longer has
            known = self._schemas[generation] = names != set(build_schema().names())
        return known

    def _generation_path(self, name=None):
        return self.root / (name or self.current_generation() or "missing")

    def open_index(self):
        """Return the Whoosh index in service, creating an empty one if needed."""
        self.ensure()
        return whoosh_index.open_dir(str(self._generation_path()))

    # -- reading -----------------------------------------------------------------------
    def snapshot(self):
        """Return (searcher, facts) for the index in service, reopened only on change."""
        with self._lock:
            generation = self.current_generation()
            snap = self._snapshot
            previous = None
            if snap is None and self._detached is not None:
                previous = self._detached[1] if self._detached[0] == generation else None
                self._detached = None
            if snap is not None and snap[0] == generation and generation is not None:
                if snap[1].up_to_date():
                    return snap[1], snap[2]
                previous = snap[2]
            if snap is not None:
                snap[1].close()
            # A fresh searcher, not Searcher.refresh(): refresh reuses segment readers and
            # can miss deletions made in a segment it already had open.
            searcher = self.open_index().searcher()
            generation = self.current_generation()
            facts = FactTable.build(searcher, previous=previous)
            self._snapshot = (generation, searcher, facts)
            return searcher, facts

    def detach(self):
        """Close the searcher but keep its facts: a process about to fork must not share
        open index files, and the next snapshot reuses the facts if nothing changed."""
        with self._lock:
            if self._snapshot is not None:
                generation, searcher, facts = self._snapshot
                searcher.close()
                self._detached = (generation, facts)
                self._snapshot = None

    def close(self):
        with self._lock:
            if self._snapshot is not None:
                self._snapshot[1].close()
                self._snapshot = None

    # -- how far the index got in the change log ----------------------------------------
    def applied(self, name=None):
        """Return the last change-log entry written into generation `name` (the one in
        service by default), or None for an index that never followed the log."""
        try:
            return int((self._generation_path(name) / APPLIED).read_text())
        except (FileNotFoundError, NotADirectoryError, ValueError):
            return None

    def mark_applied(self, seq, path=None):
        """Record that generation `path` (the one in service) holds every entry to `seq`."""
        path = Path(path) if path is not None else self._generation_path()
        tmp = path / f".{APPLIED}.{uuid.uuid4().hex}"
        tmp.write_text(str(seq))
        os.replace(tmp, path / APPLIED)

    @contextmanager
    def locked(self, name=APPLY_LOCK, timeout=None):
        """Hold one of the server's locks (a file lock: every process and thread using
        this folder waits for it); raise IndexBusy after `timeout` seconds."""
        self.root.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + (self.lock_timeout if timeout is None else timeout)
        with open(self.root / name, "a+") as handle:
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise IndexBusy(f"{name} is held by another process") from None
                    time.sleep(0.02)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    # -- writing -----------------------------------------------------------------------
    def write(self, documents, removed_ids, index=None):
        """Add or replace `documents` and delete `removed_ids`, waiting for Whoosh's lock
        a bounded time (IndexBusy when it cannot be had)."""
        if not documents and not removed_ids:
            return
        ix = index or self.open_index()
        try:
            writer = ix.writer(timeout=self.lock_timeout, delay=0.05)
        except LockError:
            raise IndexBusy("the index's writer lock is held") from None
        try:
            for service_id in removed_ids:
                writer.delete_by_term("id", service_id)
            for doc in documents:
                writer.update_document(**doc)
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
