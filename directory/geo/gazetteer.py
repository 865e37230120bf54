"""The offline gazetteer: ZIP codes and "City, ST" names to a point, from the `zipcodes`
package's US ZIP centroids, and the nearest known place to a coordinate."""

import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

STATE_NAMES = {"CALIFORNIA": "CA"}  # full names people type most here; codes work everywhere
ZIP_RE = re.compile(r"^\s*(\d{5})(?:-\d{4})?\s*$")


@dataclass(frozen=True)
class Place:
    """A point people search from, with the areas it lies in (for service areas)."""

    latitude: float
    longitude: float
    label: str
    state: str | None = None
    county: str | None = None
    postal_code: str | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)

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


@lru_cache(maxsize=1)
def _zip_table():
    """Return (records by ZIP, ZIPs by (CITY, ST), coordinate arrays) built once."""
    import zipcodes

    by_zip, by_city = {}, {}
    rows = []
    for record in zipcodes.list_all():
        try:
            lat, lng = float(record["lat"]), float(record["long"])
        except (TypeError, ValueError):
            continue
        by_zip[record["zip_code"]] = record
        names = [record["city"], *record.get("acceptable_cities", [])]
        for name in names:
            by_city.setdefault((name.upper(), record["state"]), []).append(record)
        if record.get("active", True):
            rows.append((lat, lng, record["zip_code"]))
    lats = np.array([r[0] for r in rows])
    lngs = np.array([r[1] for r in rows])
    zips = [r[2] for r in rows]
    return by_zip, by_city, (lats, lngs, zips)


def _place_from_zip(record, label=None):
    return Place(float(record["lat"]), float(record["long"]),
                 label or f"{record['zip_code']} ({record['city'].title()}, {record['state']})",
                 record["state"], _county(record.get("county")), record["zip_code"],
                 {"city": record["city"].title()})


def resolve_place(text, default_state="CA"):
    """Return the Place for a ZIP code or a city name ("Irvine", "Irvine, CA"), or None."""
    if not text or len(text) > 200:
        return None
    by_zip, by_city, _ = _zip_table()
    match = ZIP_RE.match(text)
    if match:
        record = by_zip.get(match.group(1))
        return _place_from_zip(record) if record else None
    parts = [p.strip() for p in re.split(r",", text) if p.strip()]
    if not parts or len(parts) > 2:
        return None
    city = re.sub(r"\s+", " ", parts[0]).upper()
    state = parts[1].upper() if len(parts) == 2 else default_state
    state = STATE_NAMES.get(state, state)
    records = by_city.get((city, state))
    if not records:
        return None
    standard = [r for r in records if r.get("zip_code_type") == "STANDARD"] or records
    lat = sum(float(r["lat"]) for r in standard) / len(standard)
    lng = sum(float(r["long"]) for r in standard) / len(standard)
    counties = {_county(r.get("county")) for r in standard}
    county = counties.pop() if len(counties) == 1 else None
    return Place(lat, lng, f"{city.title()}, {state}", state, county, None,
                 {"postal_codes": sorted(r["zip_code"] for r in standard), "city": city.title()})


def nearest_place(latitude, longitude, label=None):
    """Return a Place at the given point, with the state, county and ZIP nearest to it."""
    by_zip, _, (lats, lngs, zips) = _zip_table()
    scale = np.cos(np.radians(latitude))
    index = int(np.argmin((lats - latitude) ** 2 + ((lngs - longitude) * scale) ** 2))
    record = by_zip[zips[index]]
    near = _place_from_zip(record)
    return Place(latitude, longitude, label or near.label, near.state, near.county,
                 near.postal_code, dict(near.extra))
