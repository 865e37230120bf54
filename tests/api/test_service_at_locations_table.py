"""`/api/service_at_locations` pages a whole directory from the arrays of api/sal_table.py:
its answers are the database's, row for row (ids, distances, order, totals), worked out here
from the tables themselves; and a change (a service retired, one added with its service
area) shows in the next answer."""

import pytest
from sqlalchemy import select

from directory import locate
from directory import models as m
from directory.extensions import db
from directory.geo.distance import haversine_miles
from directory.geo.gazetteer import extent_keys
from directory.models.service_facts import LISTED
from tests.helpers import builders

METRES_PER_MILE = 1609.344


def _expected(postcode=None, proximity=None):
    """Return [(sal id, miles or None)] the HSDS postcode rules keep, read from the tables:
    listed services' locations by service name; a row whose (own, else its service's) text
    service area names places none of which cover the postcode is left out; with a
    proximity, only rows that near, nearest first."""
    rows = db.session.execute(
        select(m.ServiceAtLocation.id, m.ServiceAtLocation.service_id, m.Location.latitude,
               m.Location.longitude)
        .join(m.Service, m.Service.id == m.ServiceAtLocation.service_id)
        .join(m.Location, m.Location.id == m.ServiceAtLocation.location_id)
        .where(m.Service.status.in_(LISTED))
        .order_by(m.Service.name, m.Service.id, m.ServiceAtLocation.id)).all()
    areas = {}
    for area in db.session.scalars(select(m.ServiceArea).where(m.ServiceArea.extent_type
                                                               == "text")):
        owner = area.service_at_location_id or area.service_id
        areas.setdefault(owner, set()).update(extent_keys(area.extent))
    place = locate.resolve(postcode) if postcode else None
    kept = []
    for sal_id, service_id, lat, lng in rows:
        held = areas.get(sal_id) or areas.get(service_id)
        if place is not None and held and not held & place.area_keys:
            continue
        miles = None if place is None or lat is None or lng is None else float(
            haversine_miles(place.latitude, place.longitude, lat, lng))
        if proximity is not None and (miles is None or miles > proximity / METRES_PER_MILE):
            continue
        kept.append((sal_id, None if miles is None else round(miles, 2)))
    if proximity is not None:
        kept.sort(key=lambda row: row[1])
    return kept


def _answer(client, query):
    body = client.get(f"/api/service_at_locations?per_page=1000&{query}").get_json()
    rows = [(item["id"], item["distance_miles"]) for item in body["contents"]]
    assert body["total_items"] == len(rows)
    return rows


@pytest.mark.parametrize("postcode,proximity", [
    (None, None), ("92630", None), ("92701", None), ("92683", 8000), ("92630", 3000),
    ("90001", None), ("92805", 40000),
])
def test_the_answer_is_the_database_s(seeded_client, postcode, proximity):
    query = "&".join(f"{k}={v}" for k, v in (("postcode", postcode), ("proximity", proximity))
                     if v is not None)
    expected = _expected(postcode, proximity)
    assert expected, "a case with rows"
    assert _answer(seeded_client, query) == expected


def test_a_change_shows_in_the_next_answer(app, client):
    terms = builders.load_taxonomy()
    kept = builders.service("Harbor Counselling", terms=[terms["outpatient-counselling"]])
    assert [row[0] for row in _answer(client, "postcode=92630")] == \
        [sal.id for sal in kept.service_at_locations]
    local = builders.service("Lake Forest Only", terms=[terms["outpatient-counselling"]])
    local.service_areas = [m.ServiceArea(name="Lake Forest", extent_type="text",
                                         extent="postal_code:92630 92610")]
    db.session.commit()
    assert len(_answer(client, "postcode=92630")) == 2 == len(_expected("92630"))
    assert _answer(client, "postcode=92701") == _expected("92701")
    assert [row[0] for row in _answer(client, "postcode=92701")] == \
        [sal.id for sal in kept.service_at_locations]
    kept.status = "inactive"
    db.session.commit()
    assert _answer(client, "postcode=92630") == _expected("92630")
    assert [row[0] for row in _answer(client, "")] == \
        [sal.id for sal in local.service_at_locations]
