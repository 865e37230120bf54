"""Getting to a service and into it, for matching's barriers: public transit for a client
with no car (the timetables of the feeds that cover both places, else what the record
says), and the access features a place lists (wheelchair access, near transit)."""

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from .. import transit
from ..labels import TERMS
from . import weights as w


@dataclass
class TransitFrom:
    """The routes within a walk of the client's place, and the rides found so far."""

    near: dict  # route key -> miles from the client's place to its nearest stop
    rides: dict = field(default_factory=dict)  # service id -> Ride, False or None


def from_place(place):
    """Return the TransitFrom of a client's place, or None when no feed covers it."""
    net, walk = transit.current(), transit.walk_miles()
    if place is None or not net.covers(place.latitude, place.longitude, walk):
        return None
    return TransitFrom(net.routes_near(place.latitude, place.longitude, walk))


def rides_there(item, context):
    """Return the ride services that take the client from their place (found from it, and
    usable by them) to this in-person service's place too."""
    return [ride for ride in context.rides
            if ride.id != item.service.id and ride.takes_trips_to(item.service)]


def ride_to(item, context):
    """Return the Ride from the client's place to an in-person service; False when the
    feeds cover both places and no route takes the client there with one change or
    fewer; None when no feed covers one of them (the record's words then decide)."""
    start, service = context.transit, item.service
    if start is None or not item.in_person:
        return None
    if service.id not in start.rides:
        places = service.physical_locations
        inside = [loc_id for loc_id, covered in transit.covered(places).items() if covered]
        start.rides[service.id] = (transit.ride(start.near, transit.routes_at(inside)) or False
                                   if inside else None)
    return start.rides[service.id]


def by_transit(item, context, access):
    """No car: the route from near the client to near the service (a fit), none with one
    change or fewer (a misfit), or, where no feed covers both places, near transit as the
    record lists it."""
    ride = ride_to(item, context)
    if ride is None:
        listed(item, access, "transit", "near-transit", w.NEAR_TRANSIT_POINTS,
               _l("Not listed as near public transit"), w.NOT_NEAR_TRANSIT_POINTS)
    elif ride is False:
        item.misfit("transit", _l("Not reachable by public transit with one change or fewer"),
                    w.NOT_NEAR_TRANSIT_POINTS)
    else:
        direct = len(ride.routes) == 1
        item.fit("transit", ride.text,
                 w.TRANSIT_DIRECT_POINTS if direct else w.TRANSIT_CHANGE_POINTS)


def listed(item, access, kind, code, points, missing, missing_points):
    """An in-person service lists the access feature `code` (a fit) or does not."""
    if code in access:
        item.fit(kind, TERMS.get(code, code), points)
    else:
        item.misfit(kind, missing, missing_points)
