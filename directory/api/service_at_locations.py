"""Services at their locations: `/api/service_at_locations` (HSDS's `postcode` and
`proximity` in metres, and every parameter of `/api/services`: text, place, radius and
filters) and `/api/service_at_locations/{id}` (fully nested)."""

import numpy as np
from flask import request

from .. import locate, search
from ..geo.distance import KM_PER_MILE, haversine_miles
from ..hsds import serialize
from ..search.params import RADIUS_MAX, RADIUS_MIN
from . import bp, queries
from .errors import BadParameters, not_found
from .http import answer, page_body, stream
from .params import flag, paging, raise_if, text, usable_id
from .services import EVERYTHING, search_request

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


def _rows(params, limit_miles):
    """Return [(sal id, distance or None)] in the order a person would read them."""
    if not (params.text or params.place or params.has_filters):
        return [(row.id, None) for row in queries.listed_service_at_locations()]
    params.page, params.per_page = 1, EVERYTHING
    hits = search.search(params).hits
    by_area = {h.service_id for h in hits if h.distance_miles is None}
    rows = queries.listed_service_at_locations([h.service_id for h in hits])
    distances = _distances(params.place, rows)
    found = []
    for row, distance in zip(rows, distances, strict=True):
        if params.place is not None and (
                (distance is not None and distance > limit_miles)
                or (distance is None and row.service_id not in by_area)):
            continue  # out of reach; a location without coordinates counts by service area
        found.append((row.id, distance))
    if params.place is not None and params.sort == "distance":
        found.sort(key=lambda r: float("inf") if r[1] is None else r[1])
    return found


def _distances(place, rows):
    """Return each row's distance in miles from `place` (None without coordinates or
    place), computed over all rows at once."""
    if place is None or not rows:
        return [None] * len(rows)
    lat = np.array([np.nan if r.latitude is None else r.latitude for r in rows], float)
    lng = np.array([np.nan if r.longitude is None else r.longitude for r in rows], float)
    miles = haversine_miles(place.latitude, place.longitude, lat, lng)
    return [None if np.isnan(d) else float(d) for d in miles.tolist()]


def _items(rows, full):
    distances = dict(rows)
    objects = serialize.objects("service_at_location", [r[0] for r in rows], full=full)
    return [{**obj, "distance_miles": None if distances[obj["id"]] is None
             else round(distances[obj["id"]], 2)} for obj in objects]


@bp.get("/service_at_locations")
def service_at_locations():
    """A Page of services at locations, found like /api/services finds services."""
    errors = {}
    page = paging(request.args, errors)
    full = flag(request.args, "full", errors)
    postcode = text(request.args, "postcode", errors, limit=20)
    proximity_miles = _proximity(request.args, errors)
    raise_if(errors)
    params, _ = search_request(request.args)
    if postcode:
        try:
            params.place = locate.resolve(postcode)
        except locate.LocationError as exc:
            raise BadParameters({"postcode": str(exc)}) from None
    limit = params.radius_miles
    if proximity_miles is not None:
        params.radius, params.unit = min(max(proximity_miles, RADIUS_MIN), RADIUS_MAX), "mi"
        limit = proximity_miles
    rows = _rows(params, limit)
    if page.format == "ndjson":
        return stream(item for start in range(0, len(rows), 200)
                      for item in _items(rows[start:start + 200], full))
    window = rows[page.offset:page.offset + page.per_page]
    return answer(page_body(_items(window, full), len(rows), page))


@bp.get("/service_at_locations/<sal_id>")
def service_at_location(sal_id):
    """One service at a location, fully nested with its service and location."""
    found = serialize.one("service_at_location", sal_id) if usable_id(sal_id) else None
    if found is None:
        raise not_found("service at location", sal_id)
    return answer(found)
