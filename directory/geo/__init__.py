"""Places and distances: the offline gazetteer (ZIP codes and cities), the optional
geopy geocoder for street addresses, and distances. No Flask imports here."""

from .distance import EARTH_RADIUS_MILES, KM_PER_MILE, geodesic_miles, haversine_miles
from .gazetteer import Place, extent_keys, nearest_place, resolve_place

__all__ = ["EARTH_RADIUS_MILES", "KM_PER_MILE", "Place", "extent_keys", "geodesic_miles",
           "haversine_miles", "nearest_place", "resolve_place"]
