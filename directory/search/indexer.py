"""Writing services into the index: a few at a time after a commit, or all of them into a
fresh generation that is swapped in atomically (reindex), and checking for drift."""

import logging
import time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import catalogue
from ..models import Location, Service, ServiceAtLocation
from .documents import service_document
from .records import load_records
from .store import IndexBusy

log = logging.getLogger(__name__)
CHUNK = 1000


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
        .where(Service.status.in_(catalogue.LISTED))
        .group_by(Service.id)
    ).all()
    return [row[0] for row in sorted(rows, key=lambda r: (
        (0, morton_key(r[1], r[2]), r[0]) if r[1] is not None else (1, 0, r[0])))]


def rebuild(store, engine, progress=None, memory_mb=1024):
    """Index every listed service into a new generation and put it in service.

    Searches use the old generation until the swap; a rebuild that dies before the swap
    leaves the old one serving. Changes written meanwhile are replayed afterwards. The
    writer keeps up to `memory_mb` of postings in memory: spilling to disk costs far more
    (Whoosh's multi-process writer was slower on two cores, so one process writes).
    Returns (services indexed, seconds).
    """
    from whoosh import index as whoosh_index

    started = time.perf_counter()
    store.start_journal()
    path = store.new_generation()
    indexed = 0
    with Session(engine) as session:
        ids = spatial_order(session)
        writer = whoosh_index.open_dir(str(path)).writer(limitmb=memory_mb)
        try:
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start:start + CHUNK]
                documents, _ = load_documents(session, chunk)
                for service_id in chunk:
                    if service_id in documents:
                        writer.add_document(**documents[service_id])
                indexed += len(documents)
                if progress:
                    progress(indexed, len(ids))
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
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
            Service.status.in_(catalogue.LISTED))).all()
        documents, _ = load_documents(session, list(ids))
    missing = sorted(set(documents) - set(indexed))
    stale = sorted(i for i, doc in documents.items()
                   if i in indexed and indexed[i] != doc["fingerprint"])
    extra = sorted(set(indexed) - set(documents))
    return missing, stale, extra


__all__ = ["IndexBusy", "check", "rebuild", "write_services"]
