"""Street addresses to points through a geopy geocoder chosen by configuration, with a
timeout and a cache (any object with get(query) and put(query, result))."""

import logging

from geopy.exc import GeopyError
from geopy.geocoders import get_geocoder_for_service

log = logging.getLogger(__name__)


class GeocodingUnavailable(Exception):
    """No geocoder is configured, or it failed; the message is for the person searching."""


def normalise(query):
    """Return the cache key for an address: lower case, single spaces."""
    return " ".join(query.lower().split())


class Geocoder:
    """Look up addresses with a geopy service, each address once."""

    def __init__(self, service, user_agent, timeout, cache, options=None):
        self.service = (service or "").strip().lower()
        self.user_agent = user_agent
        self.timeout = timeout
        self.cache = cache
        self.options = options or {}

    def _geopy(self):
        try:
            cls = get_geocoder_for_service(self.service)
        except GeopyError:
            raise GeocodingUnavailable(f"unknown geocoder {self.service!r}") from None
        return cls(user_agent=self.user_agent, timeout=self.timeout, **self.options)

    def locate(self, query):
        """Return (latitude, longitude, label) for an address, or raise GeocodingUnavailable.

        A result of None (address not found) is cached too, so it is not asked again.
        """
        key = normalise(query)
        cached = self.cache.get(key)
        if cached is not None:
            if cached is False:
                raise GeocodingUnavailable("address not found")
            return cached
        if not self.service:
            raise GeocodingUnavailable("no geocoder configured")
        try:
            found = self._geopy().geocode(query, exactly_one=True)
        except (GeopyError, OSError, ValueError) as exc:
            log.warning("Geocoder %s failed: %s", self.service, type(exc).__name__)
            raise GeocodingUnavailable("geocoder failed") from None
        if found is None:
            self.cache.put(key, None)
            raise GeocodingUnavailable("address not found")
        result = (found.latitude, found.longitude, found.address)
        self.cache.put(key, result)
        return result
