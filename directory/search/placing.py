"""Placing a search: which documents have a location within the radius of the place (a
bounding box over the coordinate arrays, then exact distances), how far each one's nearest
location is, and how far it ranks when that location is only a centroid."""

import numpy as np

from ..geo.distance import bounding_box, haversine_miles
from ..geo.precision import within_miles


def locate(facts, place, radius_miles, covered):
    """Return (near mask, distance array, reach mask, ranked distance array, within array)
    for a place and radius; `covered` is the mask of the documents whose service area holds
    the place (facts.covering). A location placed only at a centroid ranks at least as far
    as it may really be (`within`, for the nearest location; 0 when exact)."""
    distance = np.full(facts.size, np.inf)
    ranked, within = np.full(facts.size, np.inf), np.zeros(facts.size)
    near = np.zeros(facts.size, bool)
    if facts.point_lat.size:
        low_lat, high_lat, low_lng, high_lng = bounding_box(place.latitude, place.longitude,
                                                            radius_miles)
        box = np.flatnonzero((facts.point_lat >= low_lat) & (facts.point_lat <= high_lat)
                             & (facts.point_lng >= low_lng) & (facts.point_lng <= high_lng))
        if box.size:
            miles = haversine_miles(place.latitude, place.longitude, facts.point_lat[box],
                                    facts.point_lng[box])
            inside = miles <= radius_miles
            docs, miles, box = facts.point_doc[box[inside]], miles[inside], box[inside]
            if "spread" not in facts.memo:
                facts.memo["spread"] = within_miles(facts.point_lat, facts.point_lng)
            spread = facts.memo["spread"][box]
            if docs.size:
                firsts, least, nearest = _per_document(docs, miles)
                found = docs[firsts]
                distance[found] = least
                ranked[found] = np.minimum.reduceat(np.maximum(miles, spread), firsts)
                within[found] = spread[nearest]
                near[found] = True
    reach = covered & facts.reaches & ~near
    return near, distance, reach, ranked, within


def _per_document(docs, miles):
    """Return (where each document's points start, its nearest point's miles, the position
    of that point: the first of the nearest when two are as near) over points in document
    order, as the fact table lists them (`point_doc` never decreases): no sort per search."""
    firsts = np.flatnonzero(np.r_[True, docs[1:] != docs[:-1]])
    least = np.minimum.reduceat(miles, firsts)
    at_least = np.flatnonzero(miles == np.repeat(least, np.diff(np.r_[firsts, docs.size])))
    return firsts, least, at_least[np.r_[True, docs[at_least[1:]] != docs[at_least[:-1]]]]


def nearest_miles(facts, place):
    """Return the miles from `place` to the nearest point of a live document, or None."""
    live = facts.live[facts.point_doc] if facts.point_doc.size else np.zeros(0, bool)
    if not live.any():
        return None
    miles = haversine_miles(place.latitude, place.longitude, facts.point_lat[live],
                            facts.point_lng[live])
    return float(miles.min())
