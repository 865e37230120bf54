"""Searching near a place: ZIP, city, coordinates; radius, distance order, and remote
services matched by the area they serve."""

import pytest
from geopy import distance
from werkzeug.datastructures import MultiDict

from directory import locate, search
from directory.geo import miles_between
from tests.helpers.results import names, run

pytestmark = pytest.mark.index_answers  # once, on SQLite (conftest.py)


def test_sacramento_sees_statewide_telehealth_and_no_orange_county_office(seeded_app):
    with seeded_app.app_context():
        result = run(near="95814", radius=25, per_page=100)
        assert result.total > 0
        assert all(hit.distance_miles is None for hit in result.hits)
        assert all("California" in hit.area_names for hit in result.hits)
        from directory import catalogue

        for service in catalogue.get_services([h.service_id for h in result.hits]):
            assert not service.physical_locations or service.term_codes("delivery") & {
                "telehealth-video", "phone", "online-group", "home-visit"}


def test_results_within_radius_sorted_by_distance(seeded_app):
    with seeded_app.app_context():
        result = run(near="92630", radius=10, sort="distance", per_page=100)
        distances = [h.distance_miles for h in result.hits if h.distance_miles is not None]
        assert distances == sorted(distances)
        assert distances and max(distances) <= 10
        # remote matches come after every in-person one
        kinds = [h.distance_miles is None for h in result.hits if not h.closed]
        assert kinds == sorted(kinds)
        wider = run(near="92630", radius=50, per_page=100)
        assert wider.total > result.total


def test_distance_is_from_the_zip_centroid_within_half_a_percent_of_the_geodesic(seeded_app):
    with seeded_app.app_context():
        from directory import catalogue

        place = locate.resolve("92630")
        result = run(near="92630", radius=5, sort="distance")
        hit = result.hits[0]
        service = catalogue.get_service(hit.service_id)
        points = [(loc.latitude, loc.longitude) for loc in service.physical_locations]
        assert hit.distance_miles == min(miles_between(place.point, p) for p in points)
        geodesic = min(distance.geodesic(place.point, p).miles for p in points)
        assert hit.distance_miles == pytest.approx(geodesic, rel=0.005)


def test_city_and_coordinates_anchor_a_search(seeded_app):
    with seeded_app.app_context():
        by_city = run(near="Irvine, CA", radius=5)
        by_city_default_state = run(near="irvine", radius=5)
        assert by_city.total == by_city_default_state.total > 0
        by_point = run(lat="33.6437", lng="-117.6868", radius=5)
        by_zip = run(near="92630", radius=5)
        assert by_point.total == by_zip.total


def test_temporarily_closed_services_come_last_and_flagged(seeded_app):
    with seeded_app.app_context():
        first = run(near="92701", radius=200, per_page=100)
        flags = [h.closed for page in range(1, first.total_pages + 1)
                 for h in run(near="92701", radius=200, per_page=100, page=page).hits]
        assert len(flags) == first.total
        assert any(flags) and flags == sorted(flags)


@pytest.mark.parametrize("near", ["Narnia", "00000", "Springfield, ZZ", "x" * 300])
def test_unknown_places_give_a_message_not_an_error(app, near):
    with pytest.raises(locate.LocationError) as excinfo:
        locate.resolve(near)
    assert "ZIP" in str(excinfo.value)


@pytest.mark.parametrize(("typed", "label"), [
    ("Springfield, Illinois", "Springfield, IL"), ("springfield il", "Springfield, IL"),
    ("Springfield IL 62701", "62701 (Springfield, IL)"),
    ("St. Louis, MO, USA", "Saint Louis, MO"), ("Saint Paul MN", "Saint Paul, MN"),
    ("washington, d.c.", "Washington, DC"), ("San José", "San Jose, CA"),
    ("Anchorage", "Anchorage, AK"), ("Honolulu HI 96813", "96813 (Honolulu, HI)"),
])
def test_places_anywhere_are_read_as_people_write_them(seeded_app, typed, label):
    with seeded_app.app_context():
        assert locate.resolve(typed).label == label


def test_street_addresses_without_a_geocoder_ask_for_a_zip(app):
    with pytest.raises(locate.LocationError) as excinfo:
        locate.resolve("123 Main Street, Irvine")
    assert "ZIP code or a city" in str(excinfo.value)


@pytest.mark.parametrize("args,field", [
    ({"radius": "0"}, "radius"), ({"radius": "500"}, "radius"), ({"radius": "far"}, "radius"),
    ({"age": "-3"}, "age"), ({"sort": "price"}, "sort"), ({"unit": "parsec"}, "unit"),
    ({"open_now": "maybe"}, "open_now"), ({"search": "x" * 10000}, "search"),
    ({"page": "0"}, "page"), ({"per_page": "1000"}, "per_page"),
    ({"modified_after": "yesterday"}, "modified_after"),
    ({"modified_after": "0001-01-01T00:00:00+05:00"}, "modified_after"),
])
def test_bad_parameters_are_reported_by_name(args, field):
    _, errors = search.parse(MultiDict(args))
    assert errors.get(field)


def test_kilometres_change_the_radius(seeded_app):
    with seeded_app.app_context():
        miles = run(near="92630", radius=10)
        km = run(near="92630", radius=10, unit="km")
        assert km.total < miles.total
        assert names(km)


def test_rides_reach_by_their_service_area_and_an_office_far_away_does_not(app):
    from tests.helpers import builders

    terms = builders.load_taxonomy()
    far = {"lat": 38.5816, "lng": -121.4944, "zip_code": "95814", "city": "Sacramento",
           "areas": [("California", "state:CA")]}
    builders.service("Statewide Rides", terms=[terms["transportation"]], **far)
    builders.service("Sacramento Counseling", terms=[terms["outpatient-counselling"]], **far)
    result = run(near="92630", radius=10, per_page=100)
    found = {hit.service_id: hit for hit in result.hits}
    rides = [h for h in found.values() if h.distance_miles is None]
    assert len(found) == 1 and len(rides) == 1 and rides[0].area_names == ["California"]


def test_with_the_same_words_the_nearer_service_ranks_first(app):
    from tests.helpers import builders

    builders.service("Counseling Near", description="Counseling.")  # at 92630
    builders.service("Counseling Far", description="Counseling.", lat=33.75, lng=-117.80,
                     zip_code="92705", city="Santa Ana")
    assert names(run(search="counseling", near="92630", radius=25)) == [
        "Counseling Near", "Counseling Far"]
