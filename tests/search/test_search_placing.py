"""Placing a search (search/placing.py) against the plain reading of what it promises, point
by point: a document is near when one of its locations is within the radius; its distance
is its nearest location's; it ranks at least as far as that location may really be (a
ZIP code's centroid: geo.precision); and `within` is the nearest location's spread."""

import math

import numpy as np
import pytest

from directory import locate, search
from directory.extensions import db
from directory.geo.distance import haversine_miles
from directory.geo.precision import within_miles
from directory.models import Location, ServiceAtLocation
from directory.search.placing import locate as place_search
from tests.helpers import builders

pytestmark = pytest.mark.index_answers  # the index's arrays: once, on SQLite (conftest.py)

# Where the services are: exact points, and ZIP codes' centroids (placed from an address).
POINTS = [(33.6469, -117.6861), (33.7175, -117.8311), (33.6846, -117.8265),
          (33.6405, -117.6031), (33.8366, -117.9143), (34.0522, -118.2437)]


def _reference(facts, place, radius):
    """{document: (distance, ranked distance, within)} read point by point."""
    spread = within_miles(facts.point_lat, facts.point_lng)
    found = {}
    for i, doc in enumerate(facts.point_doc.tolist()):
        miles = float(haversine_miles(place.latitude, place.longitude,
                                      facts.point_lat[i:i + 1], facts.point_lng[i:i + 1])[0])
        if miles > radius:
            continue
        nearest, ranked, within = found.get(doc, (math.inf, math.inf, 0.0))
        ranked = min(ranked, max(miles, float(spread[i])))
        if miles < nearest:
            nearest, within = miles, float(spread[i])
        found[doc] = (nearest, ranked, within)
    return found


def _check(facts, place, radius):
    covered = np.zeros(facts.size, bool)
    near, distance, _reach, ranked, within = place_search(facts, place, radius, covered)
    expected = _reference(facts, place, radius)
    assert set(np.flatnonzero(near).tolist()) == set(expected)
    for doc, (nearest, ranks_at, spread) in expected.items():
        assert (distance[doc], ranked[doc], within[doc]) == pytest.approx(
            (nearest, ranks_at, spread), rel=1e-12, abs=1e-12)
    elsewhere = ~near
    assert np.isinf(distance[elsewhere]).all() and np.isinf(ranked[elsewhere]).all()
    assert (within[elsewhere] == 0).all()
    return expected


def test_several_locations_over_several_segments_place_as_read_point_by_point(app):
    """Services of one to three locations, some at ZIP codes' centroids, written by
    separate commits (a segment each) with one deleted between them."""
    centroids = [(p.latitude, p.longitude) for p in
                 (locate.resolve(code) for code in ("92630", "92618", "92705", "90012"))]
    made = []
    for n in range(9):
        extra = [*POINTS, *centroids]
        service = builders.service(f"Harbor {n}", lat=extra[n % len(extra)][0],
                                   lng=extra[n % len(extra)][1], commit=False)
        for k in range(n % 3):  # a second and third location: nearer, farther, a centroid
            lat, lng = extra[(n + 3 * k + 4) % len(extra)]
            service.service_at_locations.append(ServiceAtLocation(location=Location(
                location_type="physical", name=f"Harbor {n} site {k}",
                organization=service.organization, latitude=lat, longitude=lng)))
        db.session.commit()
        made.append(service)
    db.session.delete(made[4])
    db.session.commit()
    _searcher, facts = search.store().snapshot()
    assert len(set(facts.offsets)) > 1
    assert (np.diff(facts.point_doc) >= 0).all()  # what placing relies on
    assert np.count_nonzero(np.bincount(facts.point_doc) > 1) >= 4  # several locations
    assert np.count_nonzero(within_miles(facts.point_lat, facts.point_lng)) >= 2
    for code in ("92630", "92618", "90012"):
        for radius in (1, 10, 25, 100):
            _check(facts, locate.resolve(code), radius)


def test_the_sample_places_as_read_point_by_point(seeded_app):
    with seeded_app.app_context():
        _searcher, facts = search.store().snapshot()
        found = [_check(facts, locate.resolve(near), radius)
                 for near in ("92630", "Santa Ana", "92868") for radius in (5, 25)]
    assert all(found) and len(found[1]) > len(found[0])
