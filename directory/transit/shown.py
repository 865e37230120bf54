"""What people read about transit: a route's name ("Bus 47"), how often it runs on
weekdays ("every 15 min on weekdays", "8 trips on weekdays"), the stops near each of a
service's locations with the routes that serve them ("Bus 47 and 53 — stop Main St & 1st,
0.2 miles"), and the ride from a client's place to a service (the route, or the two with
one change, and the walk at each end)."""

from dataclasses import dataclass, field

from babel.lists import format_list
from flask_babel import get_locale, gettext, ngettext
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..extensions import db
from ..models import TransitLink, TransitRoute, TransitStop, TransitStopRoute
from .network import current, route_key, walk_miles

# GTFS route_type -> what riders call it; the extended types by their hundred.
MODES = {0: _l("Light rail"), 1: _l("Subway"), 2: _l("Train"), 3: _l("Bus"), 4: _l("Ferry"),
         5: _l("Cable car"), 6: _l("Gondola"), 7: _l("Funicular"), 11: _l("Trolleybus"),
         12: _l("Monorail")}
EXTENDED = {1: 2, 2: 3, 4: 1, 7: 3, 8: 11, 9: 0, 10: 4, 12: 4, 13: 6, 14: 7}
FREQUENT_MINUTES = 30  # "every N min" up to this; past it, the day's trips are counted


def mode(route_type):
    """Return the kind of vehicle of a GTFS route_type, in the reader's language."""
    base = route_type if route_type in MODES else EXTENDED.get(route_type // 100)
    return str(MODES[base]) if base is not None else gettext("Transit")


def frequency(trips, headway):
    """Return how often a route runs at a stop on weekdays, honestly."""
    if not trips:
        return gettext("no trips on weekdays")
    if headway is not None and trips > 2 and headway <= FREQUENT_MINUTES:
        return gettext("every %(minutes)d min on weekdays", minutes=headway)
    return ngettext("%(num)d trip on weekdays", "%(num)d trips on weekdays", trips)


def _and(names):
    return format_list([str(n) for n in names], locale=get_locale() or "en")


def routes_phrase(routes):
    """Return "Bus 47 and 53", "Bus 47; Light rail Blue" for routes [(type, name)]."""
    by_mode = {}
    for route_type, name in sorted(routes, key=lambda r: (r[0], _route_order(r[1]))):
        by_mode.setdefault(mode(route_type), []).append(name)
    return "; ".join(gettext("%(mode)s %(routes)s", mode=kind, routes=_and(names))
                     for kind, names in by_mode.items())


def _route_order(name):
    """Numbered routes first, in numeric order (9 before 47), then the named ones."""
    return (0, int(name), name) if name.isdigit() else (1, 0, name)


@dataclass
class RouteAtStop:
    name: str
    route_type: int
    often: str


@dataclass
class StopLine:
    """A stop near a location and the routes for which it is the nearest stop."""

    stop: str
    miles: float
    routes: list = field(default_factory=list)

    @property
    def routes_text(self):
        return routes_phrase([(r.route_type, r.name) for r in self.routes])

    @property
    def text(self):
        """Return the line as the service page says it: "Bus 47 and 53 — stop Main St &
        1st, 0.2 miles"."""
        from ..template_helpers import miles  # the one way distances are said

        return gettext("%(routes)s — stop %(stop)s, %(distance)s", routes=self.routes_text,
                       stop=self.stop, distance=miles(self.miles))


def stops_near(location_ids):
    """Return {location id: [StopLine], nearest first} for the locations' linked stops."""
    rows = db.session.execute(
        select(TransitLink.location_id, TransitLink.feed_id, TransitLink.miles,
               TransitStop.name.label("stop"), TransitRoute.route_id, TransitRoute.short_name,
               TransitRoute.route_type, TransitStopRoute.weekday_trips,
               TransitStopRoute.headway_minutes)
        .join(TransitStop, (TransitStop.feed_id == TransitLink.feed_id)
              & (TransitStop.stop_id == TransitLink.stop_id))
        .join(TransitStopRoute, (TransitStopRoute.feed_id == TransitLink.feed_id)
              & (TransitStopRoute.stop_id == TransitLink.stop_id))
        .join(TransitRoute, (TransitRoute.feed_id == TransitStopRoute.feed_id)
              & (TransitRoute.route_id == TransitStopRoute.route_id))
        .where(TransitLink.location_id.in_(list(location_ids)))
        .order_by(TransitLink.miles, TransitStop.name)).all()
    found = {}
    for location_id in {r.location_id for r in rows}:
        lines, taken = {}, set()
        for row in (r for r in rows if r.location_id == location_id):  # nearest first
            key = route_key(row.feed_id, row.route_id)
            if key in taken:
                continue
            taken.add(key)
            line = lines.setdefault((row.feed_id, row.stop, row.miles),
                                    StopLine(row.stop, row.miles))
            line.routes.append(RouteAtStop(row.short_name, row.route_type,
                                           frequency(row.weekday_trips, row.headway_minutes)))
        found[location_id] = list(lines.values())
    return found


def covered(locations):
    """Return {location id: whether a feed covers it} for located places."""
    net, walk = current(), walk_miles()
    return {loc.id: loc.latitude is not None and loc.longitude is not None
            and net.covers(loc.latitude, loc.longitude, walk) for loc in locations}


@dataclass
class PlaceTransit:
    """What a service page says of transit at one of its places a feed covers: the stops
    within a walk (none: no stop is), and the ids of the place's accessibility rows that
    only guessed it was near transit (the feed's stops replace them)."""

    stops: list
    replaced: set


def at_locations(locations):
    """Return {location id: PlaceTransit} for the places a feed covers; a place no feed
    covers is absent, and keeps what its record says of transit."""
    from ..hsds.normalize import ACCESSIBILITY  # the words that made the guess

    near_transit = ACCESSIBILITY["near-transit"]
    inside = covered(locations)
    places = [loc for loc in locations if inside[loc.id]]
    stops = stops_near(loc.id for loc in places) if places else {}
    return {loc.id: PlaceTransit(stops.get(loc.id, []), {
        row.id for row in loc.accessibility
        if near_transit.search(" ".join(filter(None, (row.description, row.details))))})
        for loc in places}


def route_name(key):
    """Return the name riders use for a route key: "Bus 47"."""
    short, long, route_type = current().routes.get(key, (key, None, 3))
    return gettext("%(mode)s %(routes)s", mode=mode(route_type), routes=short or long or key)


@dataclass
class Ride:
    """How a client rides to a service: one route, or two with a change; the walks."""

    routes: list  # route keys
    start_miles: float
    end_miles: float

    @property
    def names(self):
        return [route_name(key) for key in self.routes]

    @property
    def text(self):
        """Return the ride in words, said in the reader's language when shown: "Bus 47 from
        near the client; walks of 0.1 and 0.2 miles", or the two routes and their change
        (matching's reason and the match page's transit line)."""
        start, end = f"{self.start_miles:.1f}", f"{self.end_miles:.1f}"
        if len(self.routes) == 1:
            return _l("%(route)s from near the client; walks of %(start)s and %(end)s miles",
                      route=self.names[0], start=start, end=end)
        return _l("%(first)s, then %(second)s (one change); walks of %(start)s and %(end)s "
                  "miles", first=self.names[0], second=self.names[1], start=start, end=end)


def routes_at(location_ids):
    """Return {route key: walk in miles from its nearest stop} over the locations."""
    found = {}
    for feed_id, route_id, miles in db.session.execute(
            select(TransitLink.feed_id, TransitStopRoute.route_id, TransitLink.miles)
            .join(TransitStopRoute, (TransitStopRoute.feed_id == TransitLink.feed_id)
                  & (TransitStopRoute.stop_id == TransitLink.stop_id))
            .where(TransitLink.location_id.in_(list(location_ids)))):
        key = route_key(feed_id, route_id)
        found[key] = min(miles, found.get(key, miles))
    return found


def ride(start, end):
    """Return the Ride from routes near the client `start` to routes near the service `end`
    ({route key: walk}) with the least walking: a direct route first, else one change;
    None when neither is possible."""
    direct = [(start[k] + end[k], [k], start[k], end[k]) for k in start.keys() & end.keys()]
    if direct:
        return Ride(*min(direct)[1:])
    changes = current().changes
    one_change = [(start[a] + end[b], [a, b], start[a], end[b])
                  for a in start for b in changes.get(a, ()) if b in end]
    return Ride(*min(one_change)[1:]) if one_change else None
