"""Where a search is anchored: a ZIP code or city (offline gazetteer), a street address
(the configured geocoder, cached in the database) or a latitude/longitude pair."""

from flask import current_app
from flask_babel import gettext

from .extensions import db
from .geo.gazetteer import ZIP_RE, Place, nearest_place, resolve_place
from .geo.geocoder import Geocoder, GeocodingUnavailable
from .models import GeocodeResult

MAX_NEAR_LENGTH = 200


class LocationError(ValueError):
    """A location that cannot be used; the message tells the person what to enter."""


class DatabaseGeocodeCache:
    """The geocoder cache kept in the `geocode_cache` table."""

    def get(self, key):
        row = db.session.get(GeocodeResult, key)
        if row is None:
            return None
        if row.latitude is None:
            return False
        return (row.latitude, row.longitude, row.label)

    def put(self, key, result):
        row = db.session.get(GeocodeResult, key) or GeocodeResult(query=key)
        row.latitude, row.longitude, row.label = result if result else (None, None, None)
        db.session.add(row)
        db.session.commit()


class NoCache:
    """No cache: for addresses typed about a client, which must not outlive the request."""

    def get(self, key):
        return None

    def put(self, key, result):
        pass


def geocoder(remember=True):
    """Return the configured geocoder (which may be none: then it says so when asked);
    `remember=False` keeps what it looks up out of the cache."""
    config = current_app.config
    # A self-hosted service (Nominatim's own server, say) is named by its domain.
    options = {key: config[name] for key, name in (("domain", "GEOCODER_DOMAIN"),
                                                   ("scheme", "GEOCODER_SCHEME"))
               if config.get(name)}
    return Geocoder(config.get("GEOCODER"), config.get("GEOCODER_USER_AGENT"),
                    config.get("GEOCODER_TIMEOUT"),
                    DatabaseGeocodeCache() if remember else NoCache(), options)


def parse_coordinate(value, low, high, name):
    """Return a float within [low, high] from text, or raise LocationError."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise LocationError(gettext("%(name)s must be a number.", name=name)) from None
    if not low <= number <= high:
        raise LocationError(gettext("%(name)s must be between %(low)s and %(high)s.", name=name,
                                     low=low, high=high))
    return number


def resolve(near=None, lat=None, lng=None, remember=True):
    """Return the Place a search is anchored at, None when none was given, or raise
    LocationError with a message for the person searching. `remember=False` (an address
    typed for a client) keeps a geocoded street address out of the cache."""
    near = (near or "").strip()
    if lat not in (None, "") or lng not in (None, ""):
        if lat in (None, "") or lng in (None, ""):
            raise LocationError(
                gettext("Give both latitude and longitude, or a ZIP code or city."))
        latitude = parse_coordinate(lat, -90, 90, gettext("Latitude"))
        longitude = parse_coordinate(lng, -180, 180, gettext("Longitude"))
        return nearest_place(latitude, longitude, label=near or gettext("your location"))
    if not near:
        return None
    if len(near) > MAX_NEAR_LENGTH:
        raise LocationError(gettext("That location is too long. Enter a ZIP code or a city."))
    place = resolve_place(near)
    if place is not None:
        return place
    if ZIP_RE.match(near):
        raise LocationError(gettext(
            "There is no ZIP code “%(near)s” in our list. Check the number, or enter a city, "
            "like “Irvine, CA”.", near=near))
    if not any(ch.isdigit() for ch in near):
        raise LocationError(gettext(
            "We could not find “%(near)s”. Enter a 5-digit ZIP code or a city, like “Irvine, CA”.",
            near=near))
    try:
        latitude, longitude, label = geocoder(remember).locate(near)
    except GeocodingUnavailable:
        raise LocationError(gettext(
            "We could not look up the address “%(near)s”. Enter a 5-digit ZIP code or a "
            "city, like “Irvine, CA”.", near=near)) from None
    found = nearest_place(latitude, longitude, label=label)
    return Place(found.latitude, found.longitude, label or near, found.state, found.county,
                 found.postal_code, dict(found.extra))
