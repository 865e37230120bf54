"""What the directory covers: the area named on pages (`DIRECTORY_AREA`, or else the
counties of its in-person services), and whether a searched place lies outside it.

Outside the area the directory can offer only the remote services that reach the place;
the results page says which area it covers and where else to look (211, FindTreatment.gov)
instead of offering a wider radius or fewer words that would find nothing again.
"""

from collections import Counter

from flask import current_app
from sqlalchemy import select

from . import search
from .extensions import db
from .geo import resolve_place
from .models import Address

OUTSIDE_MILES = 50.0  # no in-person service this close: the place is not ours
MOST_COUNTIES = 3
ELSEWHERE = (("211", "https://www.211.org/"),
             ("FindTreatment.gov", "https://findtreatment.gov/"))


def area_label():
    """Return the words for the area the directory covers ("Orange County, CA"), or ""."""
    configured = (current_app.config.get("DIRECTORY_AREA") or "").strip()
    if configured:
        return configured
    return search.remember("coverage.area_label", _counties_of_services)


def _counties_of_services():
    codes = db.session.execute(select(Address.postal_code).distinct()
                               .where(Address.address_type == "physical")).scalars()
    counties = Counter()
    for code in codes:
        place = resolve_place(code or "")
        if place is not None and place.county:
            counties[(place.county, place.state)] += 1
    return "; ".join(f"{county} County, {state}"
                     for (county, state), _ in counties.most_common(MOST_COUNTIES))


def is_outside(place, hits=()):
    """Return whether `place` is far from every in-person service of the directory.

    A search's own hits answer it at once when one is near (the usual case).
    """
    if any(h.distance_miles is not None and h.distance_miles <= OUTSIDE_MILES for h in hits):
        return False
    nearest = search.nearest_in_person_miles(place)
    return nearest is not None and nearest > OUTSIDE_MILES
