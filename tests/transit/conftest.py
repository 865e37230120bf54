"""A small town with a bus network for the transit tests: a client's place beside a stop
of route 47, services reached directly (47), with one change (47 to 53 at a shared stop),
with two changes (53 to 60 at a station's other platform), and one a stop too far to walk
to; the feed written as a real GTFS zip in the test's folder."""

from types import SimpleNamespace

import pytest

from tests.helpers import builders
from tests.helpers.gtfs import ORIGIN, ROUTES, STOPS, at, write_feed

PLACES = {  # service name -> where it is, in miles north and east of ORIGIN
    "Oak Clinic": (5.2, 0),  # 0.2 mi from B: route 47 straight from the client
    "Harbor Counselling": (5, 5.2),  # 0.2 mi from C1 (53), 0.15 from C2 (60): one change
    "Pier Recovery": (5, 10.2),  # route 60 only: two changes
    "Far Walk Center": (5.8, 0),  # 0.8 mi from B: too far a walk
    "Nowhere House": (2.5, 3),  # no stop near
}


@pytest.fixture
def town(app, tmp_path):
    """The services (by name), the feed's path, and the client's place (lat, lng)."""
    terms = builders.load_taxonomy()
    services = {}
    for name, (north, east) in PLACES.items():
        lat, lng = at(north, east)
        services[name] = builders.service(name, terms=[terms["outpatient-counselling"]],
                                          lat=lat, lng=lng)
    feed = write_feed(tmp_path / "town.zip", "Town Transit", STOPS, ROUTES, weekend_trips=3)
    return SimpleNamespace(services=services, feed=feed, place=ORIGIN, terms=terms)
