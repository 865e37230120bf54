"""The transit network of every imported feed, held in memory by each process and read
again when a feed is imported: the stops' coordinates as arrays, the routes at each stop,
and for each route the routes one can change to (those sharing a stop or a station with
it, within its feed). "Reachable by public transit" is answered from these sets:

A service is reachable from a place when a route that stops within TRANSIT_WALK_MILES of
the place also stops within that walk of one of the service's locations (direct), or when
such a route from the place shares a stop or a station with such a route at the service
(one transfer). Two transfers or more do not count, nor do walks between two stops."""

from dataclasses import dataclass, field

import numpy as np
from flask import current_app
from sqlalchemy import select

from .. import coverage
from ..extensions import db
from ..geo.distance import bounding_box, haversine_miles
from ..models import TransitFeed, TransitRoute, TransitStop, TransitStopRoute
from ..models.transit import route_key, route_tag


@dataclass
class Network:
    """Every feed's stops, routes and changes, as one process holds them."""

    version: tuple = ()
    lat: np.ndarray = field(default_factory=lambda: np.zeros(0))
    lng: np.ndarray = field(default_factory=lambda: np.zeros(0))
    stop_routes: list = field(default_factory=list)  # per stop: its route keys
    changes: dict = field(default_factory=dict)  # route key -> route keys sharing a station
    routes: dict = field(default_factory=dict)  # route key -> (short name, long, route type)
    boxes: list = field(default_factory=list)  # each feed's (min lat, max lat, min lng, max lng)

    def covers(self, lat, lng, walk):
        """Return whether a feed's stops span the point (or come within `walk` of it)."""
        box = bounding_box(lat, lng, walk)
        for low_lat, high_lat, low_lng, high_lng in self.boxes:
            if box[1] >= low_lat and box[0] <= high_lat and box[3] >= low_lng \
                    and box[2] <= high_lng:
                return True
        return False

    def routes_near(self, lat, lng, walk):
        """Return {route key: miles to its nearest stop} for the routes stopping within
        `walk` miles of the point."""
        if not self.lat.size:
            return {}
        low_lat, high_lat, low_lng, high_lng = bounding_box(lat, lng, walk)
        box = np.flatnonzero((self.lat >= low_lat) & (self.lat <= high_lat)
                             & (self.lng >= low_lng) & (self.lng <= high_lng))
        miles = haversine_miles(lat, lng, self.lat[box], self.lng[box])
        near = {}
        for stop, walked in zip(box[miles <= walk].tolist(), miles[miles <= walk].tolist(),
                                strict=True):
            for key in self.stop_routes[stop]:
                if walked < near.get(key, np.inf):
                    near[key] = walked
        return near

    def reachable(self, near):
        """Return the route keys one can ride from routes `near`, with one change at most."""
        found = set(near)
        for key in near:
            found |= self.changes.get(key, frozenset())
        return found


def _version():
    """Return the imported feeds' (id, import time), read once per version of the
    directory's data: a feed's import or removal moves the data stamp (datastamp.py), which
    every page reads anyway (a service page asks for its kept body's key and its rides,
    a search from a place for the routes reachable from it)."""
    return coverage.per_stamp("transit feeds", lambda: tuple(
        (feed_id, str(when)) for feed_id, when in db.session.execute(
            select(TransitFeed.id, TransitFeed.imported_at).order_by(TransitFeed.id))))


def _load(version):
    net = Network(version)
    if not version:
        return net
    stops = db.session.execute(select(TransitStop.feed_id, TransitStop.stop_id,
                                      TransitStop.latitude, TransitStop.longitude,
                                      TransitStop.station)).all()
    index = {(s.feed_id, s.stop_id): i for i, s in enumerate(stops)}
    net.lat = np.array([s.latitude for s in stops], float)
    net.lng = np.array([s.longitude for s in stops], float)
    net.stop_routes = [[] for _ in stops]
    at_station = {}
    for feed_id, stop_id, route_id in db.session.execute(select(
            TransitStopRoute.feed_id, TransitStopRoute.stop_id, TransitStopRoute.route_id)):
        i = index.get((feed_id, stop_id))
        if i is None:
            continue
        key = route_key(feed_id, route_id)
        net.stop_routes[i].append(key)
        at_station.setdefault((feed_id, stops[i].station), set()).add(key)
    changes = {}
    for keys in at_station.values():
        for key in keys:
            changes.setdefault(key, set()).update(keys)
    net.changes = {key: frozenset(keys) for key, keys in changes.items()}
    net.routes = {route_key(r.feed_id, r.route_id): (r.short_name, r.long_name, r.route_type)
                  for r in db.session.execute(select(
                      TransitRoute.feed_id, TransitRoute.route_id, TransitRoute.short_name,
                      TransitRoute.long_name, TransitRoute.route_type))}
    net.boxes = [tuple(box) for box in db.session.execute(select(
        TransitFeed.min_lat, TransitFeed.max_lat, TransitFeed.min_lng, TransitFeed.max_lng))]
    return net


def current():
    """Return this process's Network, read again when a feed was imported since."""
    version = _version()
    held = current_app.extensions.get("transit-network")
    if held is None or held.version != version:
        held = _load(version)
        current_app.extensions["transit-network"] = held
    return held


def walk_miles():
    """Return the longest walk to a stop that counts (TRANSIT_WALK_MILES)."""
    return float(current_app.config["TRANSIT_WALK_MILES"])


def reachable_tags(lat, lng):
    """Return the search tags of the routes reachable from a point, or None when no feed
    covers it (then nobody can say what is reachable)."""
    net, walk = current(), walk_miles()
    if not net.covers(lat, lng, walk):
        return None
    return frozenset(route_tag(key) for key in net.reachable(net.routes_near(lat, lng, walk)))
