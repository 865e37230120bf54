"""Writing services into the index: the change log's entries in order (catch_up), or all
of them into a fresh generation that is swapped in atomically (rebuild), and checking for
drift. Documents are read from the database only while this server's apply lock is held,
so an older version of a service never overwrites a newer one."""

import logging
import os
import shutil
import time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Location, Service, ServiceAtLocation
from ..models.changelog import REBUILD
from ..models.service_facts import LISTED
from . import sync
from .documents import service_document
from .fields import build_schema
from .service_rows import load_records
from .store import REBUILD_LOCK, IndexBusy

log = logging.getLogger(__name__)
CHUNK = 1000
BATCH = 5000  # log entries applied in one index commit
PARALLEL_FROM = 5000  # services; a smaller rebuild is quicker in one process
REBUILD_WAIT = 3600.0  # seconds a rebuild waits for another process's rebuild to end


def load_documents(session, ids):
    """Return ({id: document} for listed services among `ids`, ids not listed or gone)."""
    documents, gone = {}, set(ids)
    for start in range(0, len(ids), CHUNK):
        for record in load_records(session, ids[start:start + CHUNK]):
            documents[record.id] = service_document(record)
            gone.discard(record.id)
    return documents, gone


class RebuildNeeded(Exception):
    """The index cannot follow the log from where it is: it must be rebuilt to hold at
    least entry `since`."""

    def __init__(self, since):
        super().__init__(since)
        self.since = since


def _apply_pending(store, engine):
    """Apply one batch of entries under the apply lock; return how many (0: up to date).
    Raises RebuildNeeded at a "rebuild" entry or when the entries it lacks were trimmed."""
    with store.locked():
        applied = store.applied()
        with Session(engine) as session:
            trimmed = sync.trimmed_through(session)
            if applied is None or applied < trimmed or store.outdated():
                raise RebuildNeeded(trimmed)
            rows = sync.pending(session, applied, BATCH)
            services = []
            for row in rows:
                if row.kind == REBUILD:
                    break
                services.append(row)
            if not services:
                if rows:
                    raise RebuildNeeded(rows[0].seq)
                return 0
            ids = sorted({row.service_id for row in services if row.service_id})
            documents, gone = load_documents(session, ids)
        store.write(list(documents.values()), sorted(gone))
        store.mark_applied(services[-1].seq)
        return len(services)


def catch_up(store, engine, may_rebuild=True, **rebuild_options):
    """Apply every change-log entry this server's index lacks, in order; return how many.

    An index that never followed the log (new, or made before it), one whose missing
    entries were trimmed away, and a "rebuild" entry are rebuilt from the database when
    `may_rebuild`; otherwise the catch-up stops there and leaves it to the follower.
    """
    count = 0
    while True:
        try:
            done = _apply_pending(store, engine)
        except RebuildNeeded as needed:
            if not may_rebuild:
                return count
            rebuild(store, engine, since=needed.since, **rebuild_options)
            count += 1
            continue
        if not done:
            return count
        count += done


def morton_key(lat, lng):
    """Return a Z-order (Morton) key interleaving 16 bits of latitude and longitude."""
    y = int((lat + 90.0) / 180.0 * 65535) & 0xFFFF
    x = int((lng + 180.0) / 360.0 * 65535) & 0xFFFF
    key = 0
    for bit in range(16):
        key |= ((x >> bit) & 1) << (2 * bit) | ((y >> bit) & 1) << (2 * bit + 1)
    return key


def spatial_order(session):
    """Return the listed services' ids in Z-order of their coordinates, remote ones last."""
    rows = session.execute(
        select(Service.id, func.avg(Location.latitude), func.avg(Location.longitude))
        .outerjoin(ServiceAtLocation, ServiceAtLocation.service_id == Service.id)
        .outerjoin(Location, (Location.id == ServiceAtLocation.location_id)
                   & (Location.location_type == "physical"))
        .where(Service.status.in_(LISTED))
        .group_by(Service.id)
    ).all()
    return [row[0] for row in sorted(rows, key=lambda r: (
        (0, morton_key(r[1], r[2]), r[0]) if r[1] is not None and r[2] is not None
        else (1, 0, r[0])))]


def _add_in_order(writer, engine, ids, progress=None):
    """Add the documents of `ids` to `writer` in that order, a chunk at a time; commit it.

    Returns how many were written (ids no longer listed are left out). On any error the
    writer is cancelled, so nothing half-written is committed.
    """
    written = 0
    try:
        with Session(engine) as session:
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start:start + CHUNK]
                documents, _ = load_documents(session, chunk)
                for service_id in chunk:
                    if service_id in documents:
                        writer.add_document(**documents[service_id])
                written += len(documents)
                if progress:
                    progress(written, len(ids))
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    return written


def _exit_if_orphaned(parent):
    """End this child at once if the rebuild that started it was killed: it must not go
    on writing into a generation nobody will put in service."""
    if os.getppid() != parent:
        os._exit(1)


def _write_part(job):
    """Write one slice of the services into its own index folder (in a child process)."""
    from sqlalchemy import create_engine
    from whoosh import index as whoosh_index

    url, ids, folder, memory_mb, parent = job
    engine = create_engine(url)
    writer = whoosh_index.create_in(folder, build_schema()).writer(limitmb=memory_mb)
    written = _add_in_order(writer, engine, ids, lambda *_: _exit_if_orphaned(parent))
    engine.dispose()
    return written


def _combine(path, folders):
    """Move the segments written in `folders` into the index at `path`, as one index."""
    from whoosh import index as whoosh_index
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import TOC

    segments = []
    for folder in folders:
        part = whoosh_index.open_dir(str(folder))
        for segment in part._segments():
            for name in segment.list_files(part.storage):
                os.replace(folder / name, path / name)
            segments.append(segment)
        shutil.rmtree(folder, ignore_errors=True)
    target = whoosh_index.open_dir(str(path))
    TOC(build_schema(), segments, target.latest_generation() + 1).write(
        FileStorage(str(path)), target.indexname)


def _write_parallel(engine, ids, path, memory_mb, workers):
    """Write `ids` with `workers` processes, each into its own segment; return the count."""
    import multiprocessing

    url = engine.url.render_as_string(hide_password=False)
    size = -(-len(ids) // workers)
    folders = [path / f"part-{i}" for i in range(workers)]
    jobs = [(url, ids[i * size:(i + 1) * size], str(folders[i]), memory_mb // workers,
             os.getpid()) for i in range(workers)]
    for folder in folders:
        folder.mkdir()
    engine.dispose()  # children must not share the parent's connections
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        written = sum(pool.map(_write_part, jobs))
    _combine(path, folders)
    return written


def rebuild(store, engine, progress=None, memory_mb=1024, workers=1, since=None,
            announce=None, parallel_from=PARALLEL_FROM):
    """Index every listed service into a new generation and put it in service.

    Searches use the old generation until the swap; a rebuild that dies before the swap
    leaves the old one serving. The new generation holds the log to the entry read before
    the services were, and the entries written meanwhile are applied after the swap. With
    `workers` > 1 a large directory is split in Z-order slices, each written by its own
    process into its own segment (Whoosh's own multi-process writer re-merges and was
    slower here). One rebuild at a time per server: one that waited finds the work done
    when the index already holds entry `since`. `announce(head)` is told the entry the
    new generation will hold before the long part starts. Returns (services, seconds).
    """
    from whoosh import index as whoosh_index

    started = time.perf_counter()
    with store.locked(REBUILD_LOCK, REBUILD_WAIT):
        applied = store.applied()
        if since is not None and applied is not None and applied >= since \
                and not store.outdated():
            return store.open_index().doc_count(), time.perf_counter() - started
        with Session(engine) as session:
            head = sync.head(session)
            ids = spatial_order(session)
        if announce:
            announce(head)
        path = store.new_generation()
        if workers > 1 and len(ids) >= parallel_from:
            indexed = _write_parallel(engine, ids, path, memory_mb, workers)
            if progress:
                progress(indexed, len(ids))
        else:
            writer = whoosh_index.open_dir(str(path)).writer(limitmb=memory_mb)
            indexed = _add_in_order(writer, engine, ids, progress)
        store.mark_applied(head, path)
        with store.locked():  # not while another process writes into the old one
            store.promote(path)
    catch_up(store, engine, may_rebuild=False)
    return indexed, time.perf_counter() - started


def check(store, engine, ids=None):
    """Return (missing ids, stale ids, extra ids) comparing the index with the database
    (for the services `ids` only, when given)."""
    searcher = store.open_index().searcher()
    try:
        indexed = {fields["id"]: fields.get("fingerprint")
                   for fields in searcher.all_stored_fields()}
    finally:
        searcher.close()
    with Session(engine) as session:
        if ids is None:
            ids = session.scalars(select(Service.id).where(
                Service.status.in_(LISTED))).all()
        else:
            indexed = {i: f for i, f in indexed.items() if i in set(ids)}
        documents, _ = load_documents(session, list(ids))
    missing = sorted(set(documents) - set(indexed))
    stale = sorted(i for i, doc in documents.items()
                   if i in indexed and indexed[i] != doc["fingerprint"])
    extra = sorted(set(indexed) - set(documents))
    return missing, stale, extra


def repair(store, engine):
    """Mend drift without a rebuild: log the services `check` finds missing, stale or not
    listed (so every server rewrites them) and apply the log here; return (missing,
    stale, extra) as found before the repair."""
    missing, stale, extra = check(store, engine)
    drifted = sorted(set(missing) | set(stale) | set(extra))
    if drifted:
        sync.log_services(engine, drifted)
        catch_up(store, engine, may_rebuild=False)
    return missing, stale, extra


__all__ = ["IndexBusy", "catch_up", "check", "rebuild", "repair"]
