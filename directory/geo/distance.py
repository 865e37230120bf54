"""Distances in miles: geopy's geodesic for the figures people read, and a vectorised
haversine (numpy) for picking candidates out of many coordinates at once."""

import numpy as np
from geopy.distance import geodesic

EARTH_RADIUS_MILES = 3958.7613
KM_PER_MILE = 1.609344
MILES_PER_DEGREE_LAT = 69.05


def geodesic_miles(a, b):
    """Return the geodesic distance in miles between two (lat, lng) points."""
    return geodesic(a, b).miles


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
