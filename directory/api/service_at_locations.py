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
from . import bp, queries
from .errors import BadParameters
from .http import answer, answer_one, page_body, stream
from .listing_args import flag, paging, raise_if, request_args, text
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


def _found(params):
    """Return the listed service_at_location rows of the services the search finds."""
    if not (params.text or params.place or params.has_filters):
        return queries.listed_service_at_locations(), set()
    params.page, params.per_page = 1, EVERYTHING
    hits = search.search(params).hits
    by_area = {h.service_id for h in hits if h.distance_miles is None}
    return queries.listed_service_at_locations([h.service_id for h in hits]), by_area


def _near_rows(params):
    """Return [(sal id, miles or None)] within the radius of `near` (or all, without it)."""
    rows, by_area = _found(params)
    found = []
    for row, distance in zip(rows, _distances(params.place, rows), strict=True):
        if params.place is not None and (
                (distance is not None and distance > params.radius_miles)
                or (distance is None and row.service_id not in by_area)):
            continue  # out of reach; a location without coordinates counts by service area
        found.append((row.id, distance))
    if params.place is not None and params.sort == "distance":
        found.sort(key=lambda r: float("inf") if r[1] is None else r[1])
    return found


def _postcode_rows(params, place, proximity_miles):
    """Return [(sal id, miles or None)] the postcode's rules keep (see the module's text)."""
    params.place = None
    rows, _ = _found(params)
    areas = queries.service_area_keys([r.service_id for r in rows], [r.id for r in rows])
    covers = place.area_keys
    found = []
    for row, distance in zip(rows, _distances(place, rows), strict=True):
        held = areas.get(row.id) or areas.get(row.service_id)
        if held is not None and not held & covers:
            continue
        if proximity_miles is not None and (distance is None or distance > proximity_miles):
            continue
        found.append((row.id, distance))
    if proximity_miles is not None:
        found.sort(key=lambda r: r[1])
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
    if page.format == "ndjson":
        return stream(item for start in range(0, len(rows), 200)
                      for item in _items(rows[start:start + 200], full))
    window = rows[page.offset:page.offset + page.per_page]
    return answer(page_body(_items(window, full), len(rows), page))


@bp.get("/service_at_locations/<sal_id>")
def service_at_location(sal_id):
    """One service at a location, fully nested with its service and location."""
    return answer_one("service at location", sal_id,
                      lambda sid: serialize.one("service_at_location", sid))
