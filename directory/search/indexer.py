"""Writing services into the index: a few at a time after a commit, or all of them into a
fresh generation that is swapped in atomically (reindex), and checking for drift."""

import logging
import time

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import catalogue
from ..models import Service
from .documents import service_document
from .store import IndexBusy

log = logging.getLogger(__name__)
CHUNK = 1000


def load_documents(session, ids):
    """Return ({id: document} for listed services among `ids}, ids not listed or gone)."""
    documents, gone = {}, set(ids)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        services = session.scalars(
            select(Service).where(Service.id.in_(chunk))
            .options(*catalogue.service_loader_options())
        ).all()
        for service in services:
            if service.is_listed:
                documents[service.id] = service_document(service)
                gone.discard(service.id)
        session.expunge_all()
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


def _spatial_order(documents):
    """Sort documents so that nearby services get nearby document numbers."""
    import json

    def key(doc):
        points = json.loads(doc["facts"])["points"]
        if not points:
            return (1, 0, doc["id"])
        lat = float(np.mean([p[0] for p in points]))
        lng = float(np.mean([p[1] for p in points]))
        return (0, morton_key(lat, lng), doc["id"])

    return sorted(documents, key=key)


def rebuild(store, engine, progress=None):
    """Index every listed service into a new generation and put it in service.

    Searches use the old generation until the swap; a rebuild that dies before the swap
    leaves the old one serving. Changes written meanwhile are replayed afterwards.
    Returns (services indexed, seconds).
    """
    started = time.perf_counter()
    store.start_journal()
    path = store.new_generation()
    with Session(engine) as session:
        ids = session.scalars(select(Service.id).where(
            Service.status.in_(catalogue.LISTED)).order_by(Service.id)).all()
        documents = []
        for start in range(0, len(ids), CHUNK):
            found, _ = load_documents(session, ids[start:start + CHUNK])
            documents.extend(found.values())
            if progress:
                progress(len(documents), len(ids))
    from whoosh import index as whoosh_index

    ix = whoosh_index.open_dir(str(path))
    writer = ix.writer(limitmb=256)
    for doc in _spatial_order(documents):
        writer.add_document(**doc)
    writer.commit(optimize=True)
    store.promote(path)
    replay = store.end_journal()
    if replay:
        write_services(store, engine, sorted(replay))
    return len(documents), time.perf_counter() - started


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
