"""Full-text and location search. This package is the only one that imports whoosh; the
app uses these functions: `search`, `rebuild`, `check`, `repair`, `readiness`, so a second
backend could replace it without touching the views. Every server keeps its own index and
brings it forward from the database's change log (`sync`, `follow`)."""

import logging
from datetime import UTC, datetime

import numpy as np
from flask import current_app
from sqlalchemy import select

from .. import coverage
from .. import models as m
from ..extensions import db, kept_by_app
from ..kept import KeptByStamp
from ..models.service_facts import LISTED
from . import engine as _engine
from . import follow, indexer, listings, placing, sync
from .params import SearchParams, parse
from .store import IndexStore

log = logging.getLogger(__name__)

__all__ = ["SearchParams", "apply_log", "check", "first_listings", "init_app",
           "nearest_in_person_miles", "parse", "readiness", "rebuild", "remember", "repair",
           "search", "servers", "start_following", "store", "tag_counts", "verified_before"]


def init_app(app):
    """Give `app` its index store and keep the index in step with the database."""
    app.extensions["search"] = IndexStore(app.config["SEARCH_INDEX_DIR"],
                                          app.config.get("SEARCH_LOCK_TIMEOUT", 5.0))
    sync.register(db.session)


def start_following(app):
    """Start this process's follower of the change log (a gunicorn worker calls this once
    it has forked); return it."""
    return follow.start(app)


def store():
    """Return the index store of the current app."""
    return current_app.extensions["search"]


def apply_log():
    """Apply the change log to this server's index now (after a commit). A failure is
    logged, never raised: the save succeeded, and the follower applies the entry later.
    With a follower running, rebuilds are left to it; without one (tests, `flask run`,
    commands) this process does everything."""
    try:
        indexer.catch_up(store(), db.engine, may_rebuild=not follow.running(current_app))
    except Exception:
        current_app.logger.exception("Could not bring the search index up to date; the "
                                     "change log keeps the change for the next try.")


def _listed(hits, chunk=5000):
    """Return the hits whose services are still listed in the database: a result never
    shows a service retired since the index last heard of it. What the database said is
    kept for its data stamp (every change moves it), so a page of services shown before
    asks nothing."""
    def read(ids):
        listed = {}
        for start in range(0, len(ids), chunk):
            listed.update((i, i) for i in db.session.scalars(select(m.Service.id).where(
                m.Service.id.in_(ids[start:start + chunk]), m.Service.status.in_(LISTED))))
        return listed

    keep = kept_by_app("listed services",
                       lambda: KeptByStamp(current_app.config["RESULT_CARDS_KEPT"]))
    listed = set(keep.get([h.service_id for h in hits], coverage.data_stamp(), read))
    return [h for h in hits if h.service_id in listed]


def _unlisted():
    """Return the ids of the services the database holds but does not list, read once per
    version of the directory's data (its stamp moves with every change)."""
    stamp = coverage.data_stamp()
    memo = current_app.extensions.setdefault("unlisted services", {})
    if memo.get("stamp") != stamp:
        memo.update(stamp=stamp, ids=frozenset(db.session.scalars(
            select(m.Service.id).where(m.Service.status.not_in(LISTED)))))
    return memo["ids"]


def found_ids(params, now=None):
    """Return (the ids of every listed service the search finds, best first; the ids of
    those found by their service area): a listing of the whole answer (the API's
    services at locations), without a Hit per service or a query per thousand."""
    _transit_routes(params)
    searcher, facts = store().snapshot()
    ids, by_area = _engine.found(searcher, facts, params, coverage.timezone(),
                                 now or datetime.now(UTC))
    unlisted = _unlisted()
    return [i for i in ids if i not in unlisted], by_area - unlisted


def _transit_routes(params):
    if params.place is not None and params.transit_routes is None:
        from .. import transit  # (transit logs its changes through this package)

        params.transit_routes = transit.reachable_tags(params.place.latitude,
                                                       params.place.longitude)


def search(params, now=None):
    """Return the SearchResult for checked SearchParams."""
    _transit_routes(params)
    searcher, facts = store().snapshot()
    result = _engine.run(searcher, facts, params, coverage.timezone(),
                         now or datetime.now(UTC))
    listed = _listed(result.hits)
    result.total -= len(result.hits) - len(listed)
    result.hits = listed
    return result


def nearest_in_person_miles(place):
    """Return the distance in miles from `place` to the nearest in-person service, or None."""
    _, facts = store().snapshot()
    return placing.nearest_miles(facts, place)


def tag_counts(group):
    """Return {value: number of listed services} for a facet group (say "category"), from
    the index's facts: no table is read, and the count is made once per index version."""
    return store().snapshot()[1].tag_counts(group)


def first_listings(ids):
    """Return `ids` (in a list's order) with a service a directory lists twice kept once,
    at its first place (listings.py): a category, an organization, intake matching."""
    return listings.first_listings(store().snapshot()[1], ids)


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
    """Rebuild the index of every server: log a "rebuild" entry (each server's follower
    rebuilds from the database when it reads it), and rebuild this server's now.
    Returns (services indexed here, seconds)."""
    config = current_app.config
    since = sync.log_rebuild(db.engine)
    return indexer.rebuild(store(), db.engine, progress, since=since,
                           **follow.rebuild_options(config))


def check():
    """Return (missing, stale, extra) service ids between the database and this index."""
    return indexer.check(store(), db.engine)


def repair():
    """Have every server rewrite the services drifted here; return what was found drifted."""
    return indexer.repair(store(), db.engine)


def readiness():
    """Return (ready, reason) for this server: the database answers and its index is
    within SEARCH_READY_LAG seconds of the change log."""
    return follow.readiness(store(), db.engine, current_app.config["SEARCH_READY_LAG"])


def servers(wait=0.0):
    """Return the live servers' rows (lag, drift); with `wait`, first ask each to check its
    drift and wait that many seconds at most for their answers."""
    return follow.servers(db.engine, current_app.config, wait)
