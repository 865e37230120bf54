"""The offline gazetteer of the whole United States: every ZIP code and every city or town
of the `zipcodes` package (the states, DC and the territories), to a point; a city named
in several states to its choices; the nearest known place to a coordinate; the time zone
of a ZIP code or a state. How exact such a point is: `precision`.

A city is its centre: the mean of its street-delivery ZIP codes' centroids (PO-box and
single-building ZIP codes share points downtown and would pull it there)."""

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from .placenames import ZIP_RE, city_key, readings

__all__ = ["ZIP_RE", "Place", "city_key", "extent_keys", "find_places", "nearest_place",
           "resolve_place", "state_zone", "zip_zone"]
MOST_CHOICES = 8  # a name most states have ("Springfield"): the largest this many
# A city with this many times the ZIP codes of any other of its name is the one meant
# ("Anchorage" is Alaska's, not Kentucky's one-ZIP town); closer, the person chooses.
DOMINANT = 10


@dataclass(frozen=True)
class Place:
    """A point people search from, with the areas it lies in (for service areas).

    `kind` says what the point is: "zip" (a ZIP code's centroid), "city" (a city's centre)
    or "point" (coordinates, a street address): a distance from a centroid is approximate.
    """

    latitude: float
    longitude: float
    label: str
    state: str | None = None
    county: str | None = None
    postal_code: str | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)
    kind: str = "point"

    @property
    def city(self):
        """Return the city the place is in ("Tustin"), when the gazetteer knows it."""
        return self.extra.get("city")

    @property
    def point(self):
        return (self.latitude, self.longitude)

    @property
    def area_keys(self):
        """Return the service-area extents that cover this place ("state:CA", ...)."""
        keys = set()
        if self.state:
            keys.add(f"state:{self.state}")
            if self.county:
                keys.add(f"county:{self.state}:{self.county}")
        if self.postal_code:
            keys.add(f"postal_code:{self.postal_code}")
        keys.update(f"postal_code:{z}" for z in self.extra.get("postal_codes", ()))
        return keys


def extent_keys(extent):
    """Return the area keys a service area's text extent stands for.

    "postal_code:92630 92610" lists several ZIP codes and covers each of them, so it is the
    keys "postal_code:92630" and "postal_code:92610"; "state:CA" is itself.
    """
    kind, _, values = (extent or "").strip().partition(":")
    if kind == "postal_code":
        return {f"postal_code:{code}" for code in re.split(r"[\s,;]+", values) if code}
    return {extent.strip()} if extent and extent.strip() else set()


def _county(name):
    return re.sub(r"\s+(County|Parish|Borough)$", "", name or "").strip() or None


@dataclass
class _Tables:
    by_zip: dict  # "62701" -> record
    by_city: dict  # ("SPRINGFIELD", "IL") -> [records]: its own ZIP codes first
    states_of: dict  # "SPRINGFIELD" -> {"IL": number of ZIP codes, ...}
    lats: np.ndarray  # active ZIP codes' centroids, for the nearest ZIP code to a point
    lngs: np.ndarray
    zips: list
    street: np.ndarray  # which of those deliver to streets (not PO boxes, one building)


@lru_cache(maxsize=1)
def _tables():
    """Return the gazetteer's tables, built once from the `zipcodes` package."""
    import zipcodes

    by_zip, by_city, rows = {}, {}, []
    for record in zipcodes.list_all():
        try:
            lat, lng = float(record["lat"]), float(record["long"])
        except (TypeError, ValueError):
            continue
        by_zip[record["zip_code"]] = record
        own = city_key(record["city"])
        by_city.setdefault((own, record["state"]), []).append(record)
        for name in {city_key(n) for n in record.get("acceptable_cities", [])} - {own}:
            by_city.setdefault((name, record["state"]), []).append(record)
        if record.get("active", True):
            rows.append((lat, lng, record["zip_code"], record["zip_code_type"] == "STANDARD"))
    states_of = {}
    for (name, state), records in by_city.items():
        states_of.setdefault(name, {})[state] = len(records)
    return _Tables(by_zip, by_city, states_of, np.array([r[0] for r in rows]),
                   np.array([r[1] for r in rows]), [r[2] for r in rows],
                   np.array([r[3] for r in rows]))


def _place_from_zip(record, label=None):
    return Place(float(record["lat"]), float(record["long"]),
                 label or f"{record['zip_code']} ({record['city']}, {record['state']})",
                 record["state"], _county(record.get("county")), record["zip_code"],
                 {"city": record["city"], "county_name": record.get("county") or None},
                 kind="zip")


def _centre(name, records):
    """Return (own records, street records, (lat, lng)) of a city's records."""
    own = [r for r in records if city_key(r["city"]) == name] or records
    street = [r for r in own if r.get("zip_code_type") == "STANDARD"] or own
    return own, street, (sum(float(r["lat"]) for r in street) / len(street),
                         sum(float(r["long"]) for r in street) / len(street))


@lru_cache(maxsize=4096)
def city_place(name, state):
    """Return the Place of a city (its `city_key`) in a state, at its centre, or None."""
    records = _tables().by_city.get((name, state))
    if not records:
        return None
    own, street, (lat, lng) = _centre(name, records)
    counties = {r.get("county") for r in street}
    county = counties.pop() if len(counties) == 1 else None
    spelt = own[0]["city"] if city_key(own[0]["city"]) == name else name.title()
    return Place(lat, lng, f"{spelt}, {state}", state, _county(county), None,
                 {"postal_codes": sorted(r["zip_code"] for r in street), "city": spelt,
                  "county_name": county}, kind="city")


def find_places(text, home_states=()):
    """Return the places typed text may mean, the likeliest first: one for a ZIP code, a
    city with its state, or a city one state has; several for a city name more than one
    state has ("Springfield, IL", "Springfield, MO"...); [] for none.

    A bare city name is looked for first in `home_states` (the states of the directory's
    services, or a function returning them, asked only then), then in every state; the largest such cities first (by their ZIP codes),
    and only the largest when it is DOMINANT.
    """
    if not text or len(text) > 200:
        return []
    tables = _tables()
    for reading in readings(text):
        if reading.zip_code:
            record = tables.by_zip.get(reading.zip_code)
            if record:
                return [_place_from_zip(record)]
        elif reading.state:
            found = city_place(reading.city, reading.state)
            if found:
                return [found]
        else:
            sizes = tables.states_of.get(reading.city, {})
            home = [state for state in (home_states() if callable(home_states)
                                        else home_states) if state in sizes]
            states = sorted(home or sizes, key=lambda s: (-sizes[s], s))[:MOST_CHOICES]
            if len(states) > 1 and sizes[states[0]] >= DOMINANT * sizes[states[1]]:
                states = states[:1]
            if states:
                return [city_place(reading.city, state) for state in states]
    return []


def resolve_place(text, home_states=()):
    """Return the one Place text names (a ZIP code, "Irvine, CA", "irvine" when one of
    `home_states` or one state only has an Irvine), or None: none, or several."""
    found = find_places(text, home_states)
    return found[0] if len(found) == 1 else None


def nearest_place(latitude, longitude, label=None):
    """Return a Place at the given point, with the state, county and ZIP nearest to it."""
    tables = _tables()
    scale = np.cos(np.radians(latitude))
    index = int(np.argmin((tables.lats - latitude) ** 2
                          + ((tables.lngs - longitude) * scale) ** 2))
    near = _place_from_zip(tables.by_zip[tables.zips[index]])
    return Place(latitude, longitude, label or near.label, near.state, near.county,
                 near.postal_code, dict(near.extra))


@lru_cache(maxsize=1)
def _state_zones():
    zones = {}
    for record in _tables().by_zip.values():
        if record.get("timezone"):
            zones.setdefault(record["state"], Counter())[record["timezone"]] += 1
    return {state: counts.most_common(1)[0][0] for state, counts in zones.items()}


def state_zone(state):
    """Return the time zone most of a state's ZIP codes are in ("IL" -> America/Chicago)."""
    return _state_zones().get(state)


def zip_zone(code):
    """Return the time zone of a ZIP code (its state's when the list has none), or None."""
    record = _tables().by_zip.get(code or "")
    if record is None:
        return None
    return record.get("timezone") or state_zone(record["state"])
