"""Full-text and location search. This package is the only one that imports whoosh; the
app uses these functions: `index_services`, `remove_services`, `search`, `rebuild`,
`check`, so a second backend could replace it without touching the views."""

import logging
from datetime import UTC, datetime

import numpy as np
from flask import current_app

from ..extensions import db
from . import engine as _engine
from . import indexer, sync
from .params import SearchParams, parse
from .store import IndexBusy, IndexStore

log = logging.getLogger(__name__)

__all__ = ["SearchParams", "check", "index_services", "init_app", "nearest_in_person_miles",
           "parse", "rebuild", "remember", "remove_services", "search", "store", "tag_counts",
           "verified_before"]


def init_app(app):
    """Give `app` its index store and keep the index in step with the database."""
    app.extensions["search"] = IndexStore(app.config["SEARCH_INDEX_DIR"],
                                          app.config.get("SEARCH_LOCK_TIMEOUT", 5.0))
    sync.register(db.session)


def store():
    """Return the index store of the current app."""
    return current_app.extensions["search"]


def write_changes(service_ids):
    """Write changed services to the index; queue and log them when that fails."""
    try:
        indexer.write_services(store(), db.engine, service_ids)
    except IndexBusy as exc:
        current_app.logger.error("Search index busy: %s; they will be written next time.", exc)
    except Exception:  # the save succeeded; the index catches up from the queue
        store().queue(service_ids)
        current_app.logger.exception("Could not update the search index for %d service(s); "
                                     "queued for the next write.", len(service_ids))


def index_services(service_ids):
    """Add or refresh the index entries of these services now."""
    indexer.write_services(store(), db.engine, list(service_ids))


def remove_services(service_ids):
    """Remove these services from the index now."""
    store().write([], list(service_ids))


def search(params, now=None):
    """Return the SearchResult for checked SearchParams."""
    searcher, facts = store().snapshot()
    return _engine.run(searcher, facts, params, current_app.config["DIRECTORY_TIMEZONE"],
                       now or datetime.now(UTC))


def nearest_in_person_miles(place):
    """Return the distance in miles from `place` to the nearest in-person service, or None."""
    _, facts = store().snapshot()
    return _engine.nearest_miles(facts, place)


def tag_counts(group):
    """Return {value: number of listed services} for a facet group (say "category"), from
    the index's facts: no table is read, and the count is made once per index version."""
    return store().snapshot()[1].tag_counts(group)


def verified_before(day, limit):
    """Return (how many listed services were last verified before `day` or never, the
    ids of the `limit` least recently verified with any ties at the boundary), from the
    index's facts: the staff dashboard counts 100,000 services without reading them."""
    facts = store().snapshot()[1]
    docs = np.flatnonzero(facts.live & (facts.assured < day.toordinal()))  # -1: never
    total = int(docs.size)
    if total > limit:
        assured = facts.assured[docs]
        docs = docs[assured <= np.partition(assured, limit - 1)[limit - 1]]
    return total, [facts.ids[d] for d in docs.tolist()]


def remember(key, compute):
    """Return compute(), made once per index version: the value is dropped as soon as the
    index changes, so it may hold anything derived from the listed services."""
    memo = store().snapshot()[1].memo
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def rebuild(progress=None):
    """Rebuild the whole index into a new generation and swap it in; return (count, s)."""
    config = current_app.config
    return indexer.rebuild(store(), db.engine, progress,
                           config["SEARCH_REBUILD_MEMORY_MB"],
                           config["SEARCH_REBUILD_WORKERS"])


def check():
    """Return (missing, stale, extra) service ids between the database and the index."""
    return indexer.check(store(), db.engine)


def repair():
    """Rewrite only the drifted services' entries; return what was found drifted."""
    return indexer.repair(store(), db.engine)
