"""Where a search is anchored: a ZIP code or city anywhere in the United States (offline
gazetteer), a street address (the configured geocoder, cached in the database) or a
latitude/longitude pair. A bare city name is looked for first in the states the
directory's services are in; a name that stays ambiguous ("Springfield" in a directory
of no Springfield) asks which one, with the choices."""

from babel.lists import format_list
from flask import current_app
from flask_babel import get_locale, gettext

from . import coverage
from .extensions import db
from .geo.gazetteer import ZIP_RE, Place, find_places, nearest_place
from .geo.geocoder import Geocoder, GeocodingUnavailable
from .models import GeocodeResult

MAX_NEAR_LENGTH = 200


class LocationError(ValueError):
    """A location that cannot be used; the message tells the person what to enter."""


class AmbiguousPlace(LocationError):
    """A city name several states have; `choices` are their Places, the likeliest first."""

    def __init__(self, near, choices):
        self.choices = choices
        labels = [place.label for place in choices]
        super().__init__(gettext("Which “%(near)s” do you mean: %(choices)s?", near=near,
                                 choices=format_list(labels, style="or",
                                                     locale=get_locale() or "en")))


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
    found = find_places(near, coverage.home_states)
    if len(found) > 1:
        raise AmbiguousPlace(near, found)
    if found:
        return found[0]
    if ZIP_RE.match(near):
        raise LocationError(gettext(
            "There is no ZIP code “%(near)s” in our list. Check the number, or enter a city, "
            "like “%(example)s”.", near=near, example=coverage.example_place()))
    if not any(ch.isdigit() for ch in near):
        raise LocationError(gettext(
            "We could not find “%(near)s”. Enter a 5-digit ZIP code or a city, like "
            "“%(example)s”.", near=near, example=coverage.example_place()))
    try:
        latitude, longitude, label = geocoder(remember).locate(near)
    except GeocodingUnavailable:
        raise LocationError(gettext(
            "We could not look up the address “%(near)s”. Enter a 5-digit ZIP code or a "
            "city, like “%(example)s”.", near=near, example=coverage.example_place())) from None
    near_by = nearest_place(latitude, longitude, label=label)
    return Place(near_by.latitude, near_by.longitude, label or near, near_by.state,
                 near_by.county, near_by.postal_code, dict(near_by.extra))
