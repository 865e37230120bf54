"""The index on disk: generations of a Whoosh index under one folder, the `CURRENT` file
naming the one in service (swapped atomically by a rebuild), a per-process searcher that
reopens only when the index changed, and writes that wait for Whoosh's lock a bounded time
and queue what they could not write instead of losing it."""

import json
import logging
import os
import shutil
import threading
import time
import uuid
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.index import LockError

from .facts import FactTable
from .schema import build_schema

log = logging.getLogger(__name__)

CURRENT = "CURRENT"
PENDING = "pending"
JOURNAL = "rebuild-journal"


class IndexBusy(Exception):
    """The index lock could not be had in time; the change was queued."""


class IndexStore:
    """One index folder shared by every process of the app."""

    def __init__(self, root, lock_timeout=5.0):
        self.root = Path(root)
        self.lock_timeout = lock_timeout
        self._lock = threading.RLock()
        self._snapshot = None  # (generation, searcher, FactTable)
        self._detached = None  # (generation, FactTable) kept by detach()

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

    # -- writing -----------------------------------------------------------------------
    def write(self, documents, removed_ids, index=None):
        """Add or replace `documents` and delete `removed_ids`, waiting for the lock a
        bounded time. On failure the ids are queued and IndexBusy is raised."""
        changed = [d["id"] for d in documents] + list(removed_ids)
        if not changed:
            return
        self._journal(changed)
        ix = index or self.open_index()
        try:
            writer = ix.writer(timeout=self.lock_timeout, delay=0.05)
        except LockError:
            self.queue(changed)
            raise IndexBusy(f"index busy; queued {len(changed)} service(s)") from None
        try:
            for service_id in removed_ids:
                writer.delete_by_term("id", service_id)
            for doc in documents:
                writer.update_document(**doc)
            writer.commit()
        except BaseException:
            writer.cancel()
            self.queue(changed)
            raise

    def queue(self, service_ids):
        """Remember services whose index entry must still be written."""
        folder = self.root / PENDING
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{uuid.uuid4().hex}"
        tmp.write_text(json.dumps(sorted(set(service_ids))))
        os.replace(tmp, folder / f"{time.time():.6f}-{os.getpid()}-{uuid.uuid4().hex[:6]}.json")

    def take_queued(self):
        """Return (ids, files) of queued services; delete the files once they are written."""
        folder = self.root / PENDING
        ids, files = set(), []
        if folder.is_dir():
            for path in sorted(folder.glob("*.json")):
                try:
                    ids.update(json.loads(path.read_text()))
                    files.append(path)
                except (OSError, ValueError):
                    continue
        return ids, files

    # -- rebuild journal: changes written while a rebuild runs are replayed after it ---
    def start_journal(self):
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / JOURNAL).write_text("")

    def _journal(self, service_ids):
        path = self.root / JOURNAL
        if path.exists():
            with path.open("a") as handle:
                handle.write("\n".join(service_ids) + "\n")

    def end_journal(self):
        """Stop journaling; return the ids written during the rebuild."""
        path = self.root / JOURNAL
        try:
            ids = {line.strip() for line in path.read_text().splitlines() if line.strip()}
        except FileNotFoundError:
            return set()
        path.unlink(missing_ok=True)
        return ids
