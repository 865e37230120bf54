"""What the directory covers, read from its own data when not configured: the states its
in-person services are in (a bare city name is looked for there first), the area named on
pages (`DIRECTORY_AREA`, else their counties or states), the time zone of opening hours
(`DIRECTORY_TIMEZONE`, else the zone most of them are in), and whether a searched place
lies outside the area. What is read from the data is kept until the data changes (the
data stamp moves), so a clinic in any state that loads its 2-1-1's export needs no setting.

Outside the area the directory can offer only the remote services that reach the place;
the results page says which area it covers and where else to look (211, FindTreatment.gov)
instead of offering a wider radius or fewer words that would find nothing again.
"""

from collections import Counter

from flask import current_app, has_request_context, request
from sqlalchemy import func, select

from . import datastamp
from .extensions import db, kept_by_app
from .geo.gazetteer import resolve_place, state_zone, zip_zone
from .geo.states import state_code, state_name
from .models import Address

OUTSIDE_MILES = 50.0  # no in-person service this close: the place is not ours
MOST_COUNTIES = 3
# The counties are the area's name when the first MOST_COUNTIES hold this share of the
# in-person services' addresses; a directory spread wider is named by its states.
COUNTIES_SHARE = 0.8
MOST_STATES = 3
FALLBACK_TIMEZONE = "America/Los_Angeles"  # no setting and no in-person service yet
FALLBACK_EXAMPLE = "Irvine, CA"
ELSEWHERE = (("211", "https://www.211.org/"),
             ("FindTreatment.gov", "https://findtreatment.gov/"))


def area_label():
    """Return the words for the area the directory covers ("Orange County, CA"), or ""."""
    configured = (current_app.config.get("DIRECTORY_AREA") or "").strip()
    if configured:
        return configured
    return _per_data("area", _area_of_services)


def home_states():
    """Return the states of the directory's in-person services, the most services first."""
    return _per_data("states", lambda: [state for state, _ in _where_services_are()[1]])


def example_place():
    """Return a city to show as an example of what to type: the directory's own busiest
    ("Lake Forest, CA"), or FALLBACK_EXAMPLE for an empty directory."""
    return _per_data("example", _busiest_city) or FALLBACK_EXAMPLE


def timezone():
    """Return the time zone of opening hours without an offset: `DIRECTORY_TIMEZONE`, else
    the zone of most in-person services (by their ZIP codes), else FALLBACK_TIMEZONE."""
    configured = (current_app.config.get("DIRECTORY_TIMEZONE") or "").strip()
    if configured:
        return configured
    return _per_data("timezone", _zone_of_services) or FALLBACK_TIMEZONE


def _per_data(key, compute):
    """Return compute(), made once per version of the directory's data."""
    version = _data_version()
    memo = current_app.extensions.setdefault("coverage", {})
    found = memo.get(key)
    if found is None or found[0] != version:
        found = memo[key] = (version, compute())
    return found[1]


def _data_version():
    return data_stamp()[0]


def data_stamp():
    """Return the directory data's stamp (version, changed_at), read once per request (a
    page asks for the zone once per card; the result cards are kept per stamp)."""
    if not has_request_context():
        return datastamp.read(db.session)
    if "directory.data_stamp" not in request.environ:
        request.environ["directory.data_stamp"] = datastamp.read(db.session)
    return request.environ["directory.data_stamp"]


_NOTHING = object()


def per_stamp(name, compute):
    """Return compute(), worked out once per data stamp in this app and process: for what
    only a change to the directory's data can change (every such change moves the stamp)."""
    known = kept_by_app(f"per data stamp: {name}", dict)
    stamp = data_stamp()
    found = known.get(stamp, _NOTHING)
    if found is _NOTHING:  # held in a local: a thread on another stamp may clear `known`
        found = compute()
        known.clear()
        known[stamp] = found
    return found


def _addresses(*columns):
    """Yield (state, ZIP code, *columns, how many) for the directory's physical addresses."""
    rows = db.session.execute(
        select(Address.state_province, Address.postal_code, *columns, func.count())
        .where(Address.address_type == "physical")
        .group_by(Address.state_province, Address.postal_code, *columns))
    for state, postal_code, *values in rows:
        yield state_code(state or ""), (postal_code or "").strip()[:5], *values


def _busiest_city():
    cities = Counter()
    for state, _, city, count in _addresses(Address.city):
        if state and city and city.strip():
            cities[(city.strip(), state)] += count
    for (city, state), _ in cities.most_common(10):
        place = resolve_place(f"{city}, {state}")
        if place is not None:
            return place.label
    return None


def _where_services_are():
    """Return (Counter of (county name, state), [(state, count)] most first)."""
    counties, states = Counter(), Counter()
    for state, postal_code, count in _addresses():
        place = resolve_place(postal_code) if postal_code else None
        state = state or (place.state if place is not None else None)
        if state:
            states[state] += count
        if place is not None and place.extra.get("county_name") and place.state == state:
            counties[(place.extra["county_name"], state)] += count
        else:
            counties[(None, state)] += count
    return counties, states.most_common()


def _area_of_services():
    counties, states = _where_services_are()
    top = counties.most_common(MOST_COUNTIES)
    total = sum(counties.values())
    if top and all(name for (name, _), _ in top) and \
            sum(count for _, count in top) >= COUNTIES_SHARE * total:
        return "; ".join(f"{name}, {state}" for (name, state), _ in top)
    return "; ".join(state_name(state) for state, _ in states[:MOST_STATES])


def _zone_of_services():
    zones = Counter()
    for state, postal_code, count in _addresses():
        zone = zip_zone(postal_code) or (state_zone(state) if state else None)
        if zone:
            zones[zone] += count
    return zones.most_common(1)[0][0] if zones else None


def is_outside(place, hits=()):
    """Return whether `place` is far from every in-person service of the directory.

    A search's own hits answer it at once when one is near (the usual case).
    """
    from . import search

    if any(h.distance_miles is not None and h.distance_miles <= OUTSIDE_MILES for h in hits):
        return False
    nearest = search.nearest_in_person_miles(place)
    return nearest is not None and nearest > OUTSIDE_MILES
