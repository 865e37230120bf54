"""Distances in miles, one formula for every figure a person reads: the great circle
(haversine) on a sphere of the Earth's mean radius. `haversine_miles` computes it over
numpy arrays (the search picks candidates out of many coordinates at once, and its hits
carry those distances to the cards and to matching's reasons); `miles_between` is the
same formula for one pair of points (the service page, the nearest ZIP code). So a card,
a match and a service page show the same miles for the same two points, to the last
digit. The ellipsoid's geodesic differs from it by under 0.5%, far less than the road."""

import numpy as np

EARTH_RADIUS_MILES = 3958.7613
KM_PER_MILE = 1.609344
MILES_PER_DEGREE_LAT = 69.05


def miles_between(a, b):
    """Return the distance in miles between two (lat, lng) points, as people read it."""
    return float(haversine_miles(a[0], a[1], b[0], b[1]))


def haversine_miles(lat, lng, lats, lngs):
    """Return great-circle distances in miles from one point to arrays of points."""
    lat1, lng1 = np.radians(lat), np.radians(lng)
    lat2, lng2 = np.radians(lats), np.radians(lngs)
    a = (np.sin((lat2 - lat1) / 2) ** 2
         + np.cos(lat1) * np.cos(lat2) * np.sin((lng2 - lng1) / 2) ** 2)
    return 2 * EARTH_RADIUS_MILES * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def bounding_box(lat, lng, miles):
    """Return (min_lat, max_lat, min_lng, max_lng) enclosing a circle of `miles`."""
    dlat = miles / MILES_PER_DEGREE_LAT * 1.01
    dlng = dlat / max(np.cos(np.radians(lat)), 0.01)
    return lat - dlat, lat + dlat, lng - dlng, lng + dlng
