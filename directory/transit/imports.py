"""Writing GTFS feeds into the directory: every feed is read first (one that cannot be read
stops the import before anything is written), then each replaces what the directory held
of the same agency's feed, the directory's locations are linked to the stops within a walk
of them (for each route, its nearest stop), and the services whose nearby routes changed
are logged for the search index in the same transaction."""

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlalchemy import delete, insert, select

from ..extensions import db
from ..geo.distance import bounding_box, haversine_miles
from ..geo.precision import within_miles
from ..models import (
    Location,
    ServiceAtLocation,
    TransitFeed,
    TransitLink,
    TransitRoute,
    TransitStop,
    TransitStopRoute,
    utcnow,
)
from ..search import sync
from .feedfile import read_feed
from .network import route_key

CHUNK = 5000  # rows per INSERT, and ids per IN (PostgreSQL takes 65,535 parameters)


@dataclass
class FeedReport:
    """What one feed's import did."""

    key: str
    name: str
    stops: int
    routes: int
    locations: int  # locations within a walk of a stop
    services: int  # services whose nearby routes changed (reindexed)


def _insert(model, rows, session=None):
    for start in range(0, len(rows), CHUNK):
        (session or db.session).execute(insert(model), rows[start:start + CHUNK])


def _routes_by_location(feed_id):
    """Return {location id: route keys near it} as the directory holds them for a feed."""
    found = {}
    for location_id, route_id in db.session.execute(
            select(TransitLink.location_id, TransitStopRoute.route_id)
            .join(TransitStopRoute, (TransitStopRoute.feed_id == TransitLink.feed_id)
                  & (TransitStopRoute.stop_id == TransitLink.stop_id))
            .where(TransitLink.feed_id == feed_id)):
        found.setdefault(location_id, set()).add(route_key(feed_id, route_id))
    return found


def _locations(stops, walk):
    """Return (ids, lats, lngs) of the located places within a walk of the feed's stops;
    a place known only by its ZIP code's or city's centre is left out (its walk unknown)."""
    low_lat, _, low_lng, _ = bounding_box(stops.latitude.min(), stops.longitude.min(), walk)
    _, high_lat, _, high_lng = bounding_box(stops.latitude.max(), stops.longitude.max(), walk)
    rows = db.session.execute(select(Location.id, Location.latitude, Location.longitude).where(
        Location.location_type == "physical", Location.latitude.between(low_lat, high_lat),
        Location.longitude.between(low_lng, high_lng))).all()
    ids = [r.id for r in rows]
    lats = np.array([r.latitude for r in rows], float)
    lngs = np.array([r.longitude for r in rows], float)
    exact = within_miles(lats, lngs) == 0 if rows else np.zeros(0, bool)
    return [i for i, keep in zip(ids, exact, strict=True) if keep], lats[exact], lngs[exact]


def nearest_stops(stops, served, ids, lats, lngs, walk):
    """Return links [(location id, stop id, miles)]: for each location and each route
    stopping within `walk` miles of it, that route's nearest stop."""
    order = np.argsort(stops.latitude.to_numpy())
    stop_lat = stops.latitude.to_numpy()[order]
    stop_lng = stops.longitude.to_numpy()[order]
    stop_ids = stops.stop_id.to_numpy()[order]
    found_loc, found_stop, found_miles = [], [], []
    for i, (lat, lng) in enumerate(zip(lats.tolist(), lngs.tolist(), strict=True)):
        low_lat, high_lat, low_lng, high_lng = bounding_box(lat, lng, walk)
        start, end = np.searchsorted(stop_lat, (low_lat, high_lat))
        if start == end:
            continue
        band = slice(start, end)
        inside = (stop_lng[band] >= low_lng) & (stop_lng[band] <= high_lng)
        miles = haversine_miles(lat, lng, stop_lat[band][inside], stop_lng[band][inside])
        near = miles <= walk
        found_loc.extend([i] * int(near.sum()))
        found_stop.extend(stop_ids[band][inside][near].tolist())
        found_miles.extend(miles[near].tolist())
    if not found_loc:
        return []
    pairs = pd.DataFrame({"loc": found_loc, "stop_id": found_stop, "miles": found_miles})
    pairs = pairs.merge(served[["stop_id", "route_id"]], on="stop_id")
    nearest = pairs.loc[pairs.groupby(["loc", "route_id"]).miles.idxmin()]
    nearest = nearest.drop_duplicates(["loc", "stop_id"])
    return [(ids[loc], stop, float(miles)) for loc, stop, miles in zip(
        nearest["loc"].tolist(), nearest.stop_id.tolist(), nearest.miles.tolist(), strict=True)]


def _replace(data, walk):
    """Replace the directory's copy of one feed; return (FeedReport, changed location ids)."""
    before = _routes_by_location(data.key)
    for model in (TransitLink, TransitStopRoute, TransitStop, TransitRoute, TransitFeed):
        db.session.execute(delete(model).where(model.feed_id == data.key) if model is not
                           TransitFeed else delete(model).where(model.id == data.key))
    stops, served = data.stops, data.served
    db.session.add(TransitFeed(
        id=data.key, name=data.name, source=data.source, imported_at=utcnow(),
        min_lat=float(stops.latitude.min()), max_lat=float(stops.latitude.max()),
        min_lng=float(stops.longitude.min()), max_lng=float(stops.longitude.max())))
    db.session.flush()
    _insert(TransitStop, [{"feed_id": data.key, **row} for row in stops.to_dict("records")])
    _insert(TransitRoute, [{"feed_id": data.key, **row} for row in data.routes.to_dict("records")])
    _insert(TransitStopRoute, [
        {"feed_id": data.key, "stop_id": row["stop_id"], "route_id": row["route_id"],
         "weekday_trips": int(row["weekday_trips"]),
         "headway_minutes": None if row["headway_minutes"] is None
         else int(row["headway_minutes"])} for row in served.to_dict("records")])
    links = nearest_stops(stops, served, *_locations(stops, walk), walk)
    _insert(TransitLink, [{"location_id": location_id, "feed_id": data.key, "stop_id": stop_id,
                           "miles": miles} for location_id, stop_id, miles in links])
    routes_at = served.groupby("stop_id").route_id.apply(list).to_dict()
    after = {}
    for location_id, stop_id, _ in links:
        after.setdefault(location_id, set()).update(
            route_key(data.key, r) for r in routes_at.get(stop_id, ()))
    changed = {loc for loc in set(before) | set(after) if before.get(loc) != after.get(loc)}
    return FeedReport(data.key, data.name, len(stops), len(data.routes), len(after), 0), changed


def relink(session, places, walk):
    """Link `places` [(location id, lat, lng)], new or moved, to the stops of every feed
    within `walk` of them, in the session's transaction (their services are reindexed
    after the commit, as for any change to a location)."""
    session.execute(delete(TransitLink).where(TransitLink.location_id.in_(
        [place[0] for place in places])))
    places = [place for place in places if place[1] is not None and place[2] is not None]
    if not places:
        return
    lats = np.array([place[1] for place in places], float)
    lngs = np.array([place[2] for place in places], float)
    exact = within_miles(lats, lngs) == 0
    ids = [place[0] for place, ok in zip(places, exact, strict=True) if ok]
    widest = float(np.abs(lats).max())  # where a degree of longitude is shortest
    box = bounding_box(widest, 0.0, walk)
    dlat, dlng = box[1] - widest, box[3]
    stops = pd.DataFrame(session.execute(select(
        TransitStop.feed_id, TransitStop.stop_id, TransitStop.latitude, TransitStop.longitude)
        .where(TransitStop.latitude.between(lats.min() - dlat, lats.max() + dlat),
               TransitStop.longitude.between(lngs.min() - dlng, lngs.max() + dlng))).all(),
        columns=["feed_id", "stop_id", "latitude", "longitude"])
    for feed_id, feed_stops in stops.groupby("feed_id"):
        served = pd.DataFrame(session.execute(select(
            TransitStopRoute.stop_id, TransitStopRoute.route_id).where(
            TransitStopRoute.feed_id == feed_id,
            TransitStopRoute.stop_id.in_(feed_stops.stop_id.tolist()))).all(),
            columns=["stop_id", "route_id"])
        links = nearest_stops(feed_stops, served, ids, lats[exact], lngs[exact], walk)
        _insert(TransitLink, [{"location_id": location_id, "feed_id": feed_id,
                               "stop_id": stop_id, "miles": miles}
                              for location_id, stop_id, miles in links], session)


def _services_at(location_ids):
    ids, found = sorted(location_ids), set()
    for start in range(0, len(ids), CHUNK):
        found.update(db.session.scalars(select(ServiceAtLocation.service_id).where(
            ServiceAtLocation.location_id.in_(ids[start:start + CHUNK]))))
    return found


def import_feeds(paths, walk):
    """Import the GTFS zips at `paths` in one transaction; return a FeedReport per feed.
    Raises feedfile.FeedError, before writing anything, when one cannot be read."""
    feeds = [read_feed(path) for path in paths]
    reports = []
    try:
        for data in feeds:
            report, changed = _replace(data, walk)
            services = _services_at(changed)
            report.services = len(services)
            sync.mark_changed(db.session, services)
            reports.append(report)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return reports
