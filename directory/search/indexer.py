"""Writing services into the index: a few at a time after a commit, or all of them into a
fresh generation that is swapped in atomically (reindex), and checking for drift."""

import logging
import os
import shutil
import time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Location, Service, ServiceAtLocation
from ..models.service import LISTED
from .documents import service_document
from .records import load_records
from .schema import build_schema
from .store import IndexBusy

log = logging.getLogger(__name__)
CHUNK = 1000
PARALLEL_FROM = 5000  # services; a smaller rebuild is quicker in one process


def load_documents(session, ids):
    """Return ({id: document} for listed services among `ids`, ids not listed or gone)."""
    documents, gone = {}, set(ids)
    for start in range(0, len(ids), CHUNK):
        for record in load_records(session, ids[start:start + CHUNK]):
            documents[record.id] = service_document(record)
            gone.discard(record.id)
    return documents, gone


def write_services(store, engine, ids):
    """Bring the index entries of `ids` in line with the database (add, replace, remove)."""
    queued, files = store.take_queued()
    wanted = sorted(set(ids) | queued)
    if not wanted:
        return 0
    with Session(engine) as session:
        documents, gone = load_documents(session, wanted)
    store.write(list(documents.values()), sorted(gone))
    for path in files:
        path.unlink(missing_ok=True)
    return len(wanted)


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
        (0, morton_key(r[1], r[2]), r[0]) if r[1] is not None else (1, 0, r[0])))]


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


def _write_part(job):
    """Write one slice of the services into its own index folder (in a child process)."""
    from sqlalchemy import create_engine
    from whoosh import index as whoosh_index

    url, ids, folder, memory_mb = job
    engine = create_engine(url)
    writer = whoosh_index.create_in(folder, build_schema()).writer(limitmb=memory_mb)
    written = _add_in_order(writer, engine, ids)
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
    jobs = [(url, ids[i * size:(i + 1) * size], str(folders[i]), memory_mb // workers)
            for i in range(workers)]
    for folder in folders:
        folder.mkdir()
    engine.dispose()  # children must not share the parent's connections
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        written = sum(pool.map(_write_part, jobs))
    _combine(path, folders)
    return written


def rebuild(store, engine, progress=None, memory_mb=1024, workers=1):
    """Index every listed service into a new generation and put it in service.

    Searches use the old generation until the swap; a rebuild that dies before the swap
    leaves the old one serving. Changes written meanwhile are replayed afterwards. With
    `workers` > 1 a large directory is split in Z-order slices, each written by its own
    process into its own segment (Whoosh's own multi-process writer re-merges and was
    slower here). Returns (services indexed, seconds).
    """
    from whoosh import index as whoosh_index

    started = time.perf_counter()
    store.start_journal()
    path = store.new_generation()
    with Session(engine) as session:
        ids = spatial_order(session)
    if workers > 1 and len(ids) >= PARALLEL_FROM:
        indexed = _write_parallel(engine, ids, path, memory_mb, workers)
        if progress:
            progress(indexed, len(ids))
    else:
        writer = whoosh_index.open_dir(str(path)).writer(limitmb=memory_mb)
        indexed = _add_in_order(writer, engine, ids, progress)
    store.promote(path)
    replay = store.end_journal()
    if replay:
        write_services(store, engine, sorted(replay))
    return indexed, time.perf_counter() - started


def check(store, engine):
    """Return (missing ids, stale ids, extra ids) comparing the index with the database."""
    searcher = store.open_index().searcher()
    try:
        indexed = {fields["id"]: fields.get("fingerprint")
                   for fields in searcher.all_stored_fields()}
    finally:
        searcher.close()
    with Session(engine) as session:
        ids = session.scalars(select(Service.id).where(
            Service.status.in_(LISTED))).all()
        documents, _ = load_documents(session, list(ids))
    missing = sorted(set(documents) - set(indexed))
    stale = sorted(i for i, doc in documents.items()
                   if i in indexed and indexed[i] != doc["fingerprint"])
    extra = sorted(set(indexed) - set(documents))
    return missing, stale, extra


def repair(store, engine):
    """Mend drift without a rebuild: rewrite only the services `check` finds missing,
    stale or not listed; return (missing, stale, extra) as found before the repair."""
    missing, stale, extra = check(store, engine)
    drifted = sorted(set(missing) | set(stale) | set(extra))
    if drifted:
        write_services(store, engine, drifted)
    return missing, stale, extra


__all__ = ["IndexBusy", "check", "rebuild", "repair", "write_services"]
