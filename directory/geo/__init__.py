"""Places and distances: the offline gazetteer (every US ZIP code and city), the optional
geopy geocoder for street addresses, and distances. No Flask imports here."""

from .distance import EARTH_RADIUS_MILES, KM_PER_MILE, haversine_miles, miles_between
from .gazetteer import Place, extent_keys, find_places, nearest_place, resolve_place

__all__ = ["EARTH_RADIUS_MILES", "KM_PER_MILE", "Place", "extent_keys", "find_places",
           "haversine_miles", "miles_between", "nearest_place", "resolve_place"]
