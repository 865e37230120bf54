"""Services at their locations: `/api/service_at_locations` (GET or POST) and
`/api/service_at_locations/{id}` (fully nested). HSDS's `postcode` keeps the services whose
service area covers that ZIP code (a service without a readable service area is kept, as
its coverage cannot be checked); `proximity` (metres) keeps the locations that close to
the postcode's centre, nearest first. Every parameter of `/api/services` works too: text,
filters, and this directory's `near` and `radius` when no postcode is given."""

import numpy as np

from .. import locate, search
from ..geo.distance import KM_PER_MILE, haversine_miles
from ..hsds import serialize
from ..search.params import RADIUS_MAX
from . import bp, sal_table
from .errors import BadParameters
from .http import answer, answer_one, page_body, stream
from .listing_args import flag, paging, raise_if, request_args, text
from .services import search_request

METRES_PER_MILE = KM_PER_MILE * 1000
PROXIMITY_MAX = int(RADIUS_MAX * METRES_PER_MILE)


def _proximity(args, errors):
    raw = (args.get("proximity") or "").strip()
    if not raw:
        return None
    try:
        metres = float(raw)
    except ValueError:
        metres = -1.0
    if not 1 <= metres <= PROXIMITY_MAX:
        errors["proximity"] = f"proximity must be a distance in metres from 1 to {PROXIMITY_MAX}."
        return None
    return metres / METRES_PER_MILE


def _found(params):
    """Return (the table, the positions of the listed rows the search finds in its order,
    the ids of the services it found by their service area)."""
    table = sal_table.table()
    if not (params.text or params.place or params.has_filters):
        return table, np.arange(len(table.ids)), set()
    service_ids, by_area = search.found_ids(params)
    return table, table.of_services(service_ids), by_area


def _near_rows(params):
    """Return (table, positions, miles) of the rows within the radius of `near` (or all,
    without it)."""
    table, positions, by_area = _found(params)
    distances = _distances(params.place, table, positions)
    if params.place is not None:
        placed = ~np.isnan(distances)
        keep = placed & (np.nan_to_num(distances, nan=np.inf) <= params.radius_miles)
        # a location without coordinates counts by service area
        for index in np.flatnonzero(~placed):
            keep[index] = table.service_ids[positions[index]] in by_area
        positions, distances = positions[keep], distances[keep]
        if params.sort == "distance":
            order = np.argsort(np.nan_to_num(distances, nan=np.inf), kind="stable")
            positions, distances = positions[order], distances[order]
    return table, positions, distances


def _postcode_rows(params, place, proximity_miles):
    """Return (table, positions, miles) of the rows the postcode's rules keep (see the
    module's text)."""
    params.place = None
    table, positions, _ = _found(params)
    positions = positions[~table.outside(place.area_keys)[positions]]
    distances = _distances(place, table, positions)
    if proximity_miles is not None:
        near = np.nan_to_num(distances, nan=np.inf) <= proximity_miles
        positions, distances = positions[near], distances[near]
        order = np.argsort(distances, kind="stable")
        positions, distances = positions[order], distances[order]
    return table, positions, distances


def _distances(place, table, positions):
    """Return each row's distance in miles from `place` (NaN without coordinates or
    place), computed over all rows at once."""
    if place is None:
        return np.full(len(positions), np.nan)
    return haversine_miles(place.latitude, place.longitude, table.lat[positions],
                           table.lng[positions])


def _items(table, positions, distances, full):
    ids = [table.ids[p] for p in positions.tolist()]
    miles = dict(zip(ids, distances.tolist(), strict=True))
    objects = serialize.objects("service_at_location", ids, full=full)
    return [{**obj, "distance_miles": None if np.isnan(miles[obj["id"]])
             else round(miles[obj["id"]], 2)} for obj in objects]


@bp.route("/service_at_locations", methods=["GET", "POST"])
def service_at_locations():
    """A Page of services at locations, found like /api/services finds services."""
    args, errors = request_args(), {}
    page = paging(args, errors)
    full = flag(args, "full", errors)
    postcode = text(args, "postcode", errors, limit=20)
    proximity_miles = _proximity(args, errors)
    raise_if(errors)
    params, _ = search_request(args)
    if postcode:
        try:
            place = locate.resolve(postcode)
        except locate.LocationError as exc:
            raise BadParameters({"postcode": str(exc)}) from None
        rows = _postcode_rows(params, place, proximity_miles)
    else:
        if proximity_miles is not None:
            raise BadParameters({"proximity": "proximity is measured from a postcode: "
                                              "give the postcode too."})
        rows = _near_rows(params)
    table, positions, distances = rows
    if page.format == "ndjson":
        return stream(item for start in range(0, len(positions), 200)
                      for item in _items(table, positions[start:start + 200],
                                         distances[start:start + 200], full))
    window = slice(page.offset, page.offset + page.per_page)
    return answer(page_body(_items(table, positions[window], distances[window], full),
                            len(positions), page))


@bp.get("/service_at_locations/<sal_id>")
def service_at_location(sal_id):
    """One service at a location, fully nested with its service and location."""
    return answer_one("service at location", sal_id,
                      lambda sid: serialize.one("service_at_location", sid))
