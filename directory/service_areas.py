"""Service areas as staff write them and as the search reads them. An area is a state
("CA"), a county ("Orange, CA") or a list of ZIP codes ("92630 92610"); it is stored in
HSDS `service_area` with `extent_type` "text" and a machine-readable `extent`
("state:CA", "county:CA:Orange", "postal_code:92630 92610"). States, counties and ZIP
codes are checked against the offline US ZIP table."""

import re
from functools import lru_cache

from flask_babel import lazy_gettext as _l

KINDS = ("state", "county", "postal_code")


class AreaError(ValueError):
    """An area that does not exist; the message says what to type instead."""


@lru_cache(maxsize=1)
def _places():
    """Return (states, {(state, county)}, ZIP codes) from the `zipcodes` package."""
    import zipcodes

    states, counties, zips = set(), set(), set()
    for record in zipcodes.list_all():
        states.add(record["state"])
        county = re.sub(r"\s+(County|Parish|Borough)$", "", record.get("county") or "")
        if county:
            counties.add((record["state"], county.upper()))
        zips.add(record["zip_code"])
    return states, counties, zips


def parse_extent(extent):
    """Return (kind, value as staff type it) for a stored extent, or None if not ours."""
    kind, _, rest = (extent or "").partition(":")
    if kind == "state" and rest:
        return kind, rest
    if kind == "county" and ":" in rest:
        state, county = rest.split(":", 1)
        return kind, f"{county}, {state}"
    if kind == "postal_code" and rest:
        return kind, rest
    return None


def build_extent(kind, value):
    """Return (extent, default name) for what staff typed, or raise AreaError."""
    states, counties, zips = _places()
    value = (value or "").strip()
    if kind == "state":
        code = value.upper()
        if code not in states:
            raise AreaError(_l("Enter a two-letter US state code, like CA."))
        return f"state:{code}", f"{code} statewide"
    if kind == "county":
        county, _, state = value.rpartition(",")
        county = re.sub(r"\s+County$", "", county.strip(), flags=re.IGNORECASE)
        state = state.strip().upper()
        if not county or (state, county.upper()) not in counties:
            raise AreaError(_l("Enter the county and state, like “Orange, CA”."))
        county = " ".join(word.capitalize() for word in county.split())
        return f"county:{state}:{county}", f"{county} County, {state}"
    if kind == "postal_code":
        codes = [c for c in re.split(r"[\s,;]+", value) if c]
        unknown = [c for c in codes if c not in zips]
        if not codes or unknown:
            raise AreaError(_l("Enter 5-digit ZIP codes separated by spaces, like 92630 92610."))
        codes = list(dict.fromkeys(codes))
        return "postal_code:" + " ".join(codes), "ZIP codes " + ", ".join(codes)
    raise AreaError(_l("Choose a kind of area."))
