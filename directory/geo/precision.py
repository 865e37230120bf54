"""How exact a point is. A location placed from its address by the offline gazetteer sits
at its ZIP code's centroid (or its city's centre), not where its door is: a searcher at
that same centroid would read "0 miles" as if it were next door, and a service with its
real coordinates half a mile away would rank below it.

`within_miles` says, for each point, how far from it such a service really is on average
(0 for a point that is not one of the gazetteer's own): a third of the way to the nearest
other ZIP code's centroid (a point spread evenly over a disc of radius r, half that way,
is 2r/3 from its centre), at least MIN_WITHIN_MILES; for a city's centre, the mean
distance of its ZIP codes from it when that is more. Searches rank such a service at that
distance at least, and say "in 92630" or "about 3 miles" instead of an exact figure.
"""

from functools import lru_cache

import numpy as np

from .distance import MILES_PER_DEGREE_LAT, haversine_miles
from .gazetteer import _centre, _tables

WITHIN_SHARE, MIN_WITHIN_MILES = 1 / 3, 0.2
CELL_DEGREES = (0.5, 5.0, 90.0)  # neighbours are looked for in the 3 x 3 cells around
SAME_POINT_MILES = 0.05  # PO-box ZIP codes share their post office's point


def _keys(lats, lngs):
    """Return one integer per point, equal for points equal to 4 decimals (the list's)."""
    lat = np.round(np.asarray(lats, float) * 1e4).astype(np.int64) + 1_000_000
    lng = np.round(np.asarray(lngs, float) * 1e4).astype(np.int64) + 2_000_000
    return lat * 10_000_000 + lng


def _cells(lats, lngs, degrees):
    """Return {(row, column): [indexes]} of the points in each cell of `degrees`."""
    rows = np.floor(np.asarray(lats) / degrees).astype(int).tolist()
    cols = np.floor(np.asarray(lngs) / degrees).astype(int).tolist()
    cells = {}
    for index, key in enumerate(zip(rows, cols, strict=True)):
        cells.setdefault(key, []).append(index)
    return cells


def _nearest_other_miles(lats, lngs, ref_lats, ref_lngs):
    """Return, for each point, the miles to the nearest reference point not at it: looked
    for in the cells around it, finer cells first (cities), then coarser (the country)."""
    found = np.full(len(lats), np.inf)
    for degrees in CELL_DEGREES:
        todo = np.flatnonzero(~np.isfinite(found))
        refs = _cells(ref_lats, ref_lngs, degrees)
        for (row, col), members in _cells(lats[todo], lngs[todo], degrees).items():
            near = [i for dr in (-1, 0, 1) for dc in (-1, 0, 1)
                    for i in refs.get((row + dr, col + dc), ())]
            if near:
                members = todo[members]
                found[members] = _min_apart(lats[members], lngs[members], ref_lats[near],
                                            ref_lngs[near])
    return np.where(np.isfinite(found), found, 0.0)


def _min_apart(lats, lngs, ref_lats, ref_lngs):
    # The nearest by a flat approximation (cheap), its distance by the haversine.
    scale = np.cos(np.radians(lats))[:, None]
    flat = (lats[:, None] - ref_lats[None, :]) ** 2 \
        + ((lngs[:, None] - ref_lngs[None, :]) * scale) ** 2
    flat[flat < (SAME_POINT_MILES / MILES_PER_DEGREE_LAT) ** 2] = np.inf
    nearest = flat.argmin(axis=1)
    miles = haversine_miles(lats, lngs, ref_lats[nearest], ref_lngs[nearest])
    return np.where(np.isfinite(flat.min(axis=1)), miles, np.inf)


@lru_cache(maxsize=1)
def _table():
    """Return (sorted point keys, within miles) of the gazetteer's own points."""
    tables = _tables()
    records = list(tables.by_zip.values())
    lats = np.array([float(r["lat"]) for r in records])
    lngs = np.array([float(r["long"]) for r in records])
    nearest = _nearest_other_miles(lats, lngs, tables.lats[tables.street],
                                   tables.lngs[tables.street])
    by_zip = dict(zip((r["zip_code"] for r in records),
                      np.maximum(nearest * WITHIN_SHARE, MIN_WITHIN_MILES).tolist(), strict=True))
    within = dict(zip(_keys(lats, lngs).tolist(), by_zip.values(), strict=True))
    # A city's centre: the mean distance of its ZIP codes from it, when more than theirs.
    centres, spread_of, zip_lat, zip_lng, own = [], [], [], [], []
    for (name, _), city_records in tables.by_city.items():
        _, street, centre = _centre(name, city_records)
        centres.append(centre)
        for record in street:
            spread_of.append(len(centres) - 1)
            zip_lat.append(float(record["lat"]))
            zip_lng.append(float(record["long"]))
            own.append(by_zip[record["zip_code"]])
    centres, spread_of = np.array(centres), np.array(spread_of)
    miles = haversine_miles(centres[spread_of, 0], centres[spread_of, 1], np.array(zip_lat),
                            np.array(zip_lng))
    counts = np.bincount(spread_of, minlength=len(centres))
    spread = np.bincount(spread_of, miles, len(centres)) / counts
    own = np.bincount(spread_of, np.array(own), len(centres)) / counts
    for key, value in zip(_keys(centres[:, 0], centres[:, 1]).tolist(),
                          np.maximum(spread, own).tolist(), strict=True):
        within.setdefault(key, value)  # a one-ZIP town's centre is its ZIP code's point
    keys = np.array(sorted(within), np.int64)
    return keys, np.array([within[k] for k in keys.tolist()])


def within_miles(lats, lngs):
    """Return, per point, how far something placed there may be from it on average: 0
    for a point of its own, the ZIP code's or city's spread for a gazetteer point."""
    keys, miles = _table()
    wanted = _keys(lats, lngs)
    at = np.clip(np.searchsorted(keys, wanted), 0, keys.size - 1)
    return np.where(keys[at] == wanted, miles[at], 0.0)
