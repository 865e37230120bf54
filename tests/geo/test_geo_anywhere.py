"""Places anywhere in the United States (issue 28): a directory whose services are in
Illinois, Missouri, Oregon, Alaska, Hawaii or Puerto Rico finds its own cities by their
bare names, asks which one when a name stays ambiguous, reads its time zone and the area it
covers from its data, and never reads a service placed only at its ZIP code as "0 miles"."""


import pytest

from directory import coverage, locate
from directory.extensions import db
from directory.geo.gazetteer import resolve_place
from tests.helpers import builders
from tests.helpers.pages import text_of
from tests.helpers.results import names, run

# Real coordinates of places in each city (not ZIP centroids), and their ZIP codes.
SPRINGFIELD_IL = {"zip_code": "62701", "city": "Springfield", "lat": 39.8017, "lng": -89.6440}
SPRINGFIELD_MO = {"zip_code": "65806", "city": "Springfield", "lat": 37.2089, "lng": -93.2923}
CHICAGO = {"zip_code": "60602", "city": "Chicago", "lat": 41.8832, "lng": -87.6324}
PEORIA = {"zip_code": "61602", "city": "Peoria", "lat": 40.6936, "lng": -89.5890}
PORTLAND_OR = {"zip_code": "97204", "city": "Portland", "lat": 45.5183, "lng": -122.6768}
ANCHORAGE = {"zip_code": "99501", "city": "Anchorage", "lat": 61.2176, "lng": -149.8997}
HONOLULU = {"zip_code": "96813", "city": "Honolulu", "lat": 21.3069, "lng": -157.8583}
SAN_JUAN = {"zip_code": "00901", "city": "San Juan", "lat": 18.4663, "lng": -66.1057}
KANSAS_CITY = {"zip_code": "64106", "city": "Kansas City", "lat": 39.1031, "lng": -94.5800}


def service_in(state, name, **where):
    """Create an in-person service whose address is in `state` (builders write CA)."""
    service = builders.service(name, commit=False, **where)
    service.service_at_locations[0].location.addresses[0].state_province = state
    db.session.commit()
    return service


def card(html, name):
    """Return the result card of the service called `name` on a results page."""
    return next(part for part in html.split('class="card"')[1:] if f">{name}</a>" in part)


def test_a_bare_city_name_is_the_one_in_the_directorys_own_state(client):
    service_in("IL", "Springfield Recovery Center", **SPRINGFIELD_IL)
    service_in("IL", "Chicago Peer Line", **CHICAGO)
    place = locate.resolve("Springfield")
    assert place.label == "Springfield, IL"
    # the city's centre, not one of its 38 ZIP codes' points
    assert place.point not in {resolve_place(z).point for z in place.extra["postal_codes"]}
    assert abs(place.latitude - 39.79) < 0.05 and abs(place.longitude + 89.64) < 0.05
    page = text_of(client.get("/search?near=Springfield"))
    assert "services near Springfield, IL" in page or "service near Springfield, IL" in page
    assert "Springfield Recovery Center" in page and "We could not find" not in page


def test_a_name_two_of_the_directorys_states_have_offers_both(client):
    service_in("IL", "Springfield Recovery Center", **SPRINGFIELD_IL)
    service_in("MO", "Ozarks Family Support", **SPRINGFIELD_MO)
    with pytest.raises(locate.AmbiguousPlace) as raised:
        locate.resolve("springfield")
    assert [p.label for p in raised.value.choices] == ["Springfield, IL", "Springfield, MO"]
    page = text_of(client.get("/search?q=support&near=Springfield"))
    assert "Springfield, IL or Springfield, MO?" in page
    assert 'href="/search?q=support&near=Springfield%2C+IL"' in page
    assert 'href="/search?q=support&near=Springfield%2C+MO"' in page
    chosen = text_of(client.get("/search?q=support&near=Springfield%2C+MO"))
    assert "Ozarks Family Support" in chosen and "or Springfield" not in chosen
    answer = client.get("/api/services?near=Springfield")
    assert answer.status_code == 400
    assert "Springfield, IL or Springfield, MO?" in answer.get_json()["errors"]["near"]


def test_portland_is_oregons_for_a_directory_in_oregon(client):
    service_in("OR", "Rose City Counseling", **PORTLAND_OR)
    assert locate.resolve("Portland").label == "Portland, OR"
    assert "Rose City Counseling" in names(run(near="portland", radius=5))


def test_a_city_in_no_state_of_the_directory_is_found_across_the_country(client):
    service_in("IL", "Springfield Recovery Center", **SPRINGFIELD_IL)
    assert locate.resolve("Boise").label == "Boise, ID"
    assert locate.resolve("Anchorage").label == "Anchorage, AK"  # not Kentucky's
    page = text_of(client.get("/search?near=Boise"))
    assert "is outside the area this directory covers" in page
    assert "This directory lists services in Sangamon County, IL." in page


@pytest.mark.parametrize(("state", "where", "typed"), [
    ("AK", ANCHORAGE, ["99501", "Anchorage, Alaska", "anchorage ak 99501"]),
    ("HI", HONOLULU, ["96813", "Honolulu, Hawaii", "honolulu hi"]),
    ("PR", SAN_JUAN, ["00901", "San Juan, Puerto Rico", "San Juan PR"]),
])
def test_alaska_hawaii_and_puerto_rico_are_places_like_any_other(client, state, where, typed):
    service_in(state, f"{where['city']} Wellness", **where)
    for near in typed:
        found = run(near=near, radius=10)
        assert names(found) == [f"{where['city']} Wellness"], near
        assert found.hits[0].distance_miles < 5
    assert coverage.timezone() == {"AK": "America/Anchorage", "HI": "Pacific/Honolulu",
                                   "PR": "America/Puerto_Rico"}[state]


def test_time_zone_and_area_come_from_the_data_unless_set(app, client):
    from directory.template_helpers import local_now

    assert coverage.timezone() == coverage.FALLBACK_TIMEZONE  # nothing yet
    service_in("IL", "Springfield Recovery Center", **SPRINGFIELD_IL)
    service_in("IL", "Springfield Family Line", **SPRINGFIELD_IL)
    assert coverage.timezone() == "America/Chicago"
    with app.test_request_context():
        assert local_now().tzinfo.key == "America/Chicago"
    assert coverage.area_label() == "Sangamon County, IL"
    assert "like “Springfield, IL”" in text_of(client.get("/search?near=Narnia"))
    for name, where in (("Chicago", CHICAGO), ("Peoria", PEORIA)):
        service_in("IL", f"{name} Peer Line", **where)
    service_in("MO", "Ozarks Family Support", **SPRINGFIELD_MO)
    service_in("MO", "Kansas City Peer Line", **KANSAS_CITY)
    assert coverage.area_label() == "Illinois; Missouri"  # no three counties hold most
    app.config.update(DIRECTORY_TIMEZONE="America/Denver", DIRECTORY_AREA="Central Illinois")
    assert coverage.timezone() == "America/Denver"
    assert coverage.area_label() == "Central Illinois"


def test_odd_places_get_an_answer_never_an_error(client):
    service_in("IL", "Springfield Recovery Center", **SPRINGFIELD_IL)
    answers = {near: client.get("/search", query_string={"near": near})
               for near in ("Springfield,", ",IL", "   ", "x" * 200, "Springfield, IL, USA, Earth",
                            "62701-", "🙂", "\u202e", "Springfield, Illinois 62701")}
    assert all(r.status_code == 200 for r in answers.values())
    assert "services near Springfield, IL" in text_of(answers["Springfield,"]) or \
        "service near Springfield, IL" in text_of(answers["Springfield,"])
    assert "62701 (Springfield, IL)" in text_of(answers["Springfield, Illinois 62701"])
    for near in (",IL", "x" * 200, "🙂"):
        assert "Enter a 5-digit ZIP code or a city, like “Springfield, IL”." in text_of(
            answers[near])
    assert "Springfield Recovery Center" in text_of(answers["   "])  # no place: everything
    for near in answers:
        assert client.get("/api/services", query_string={"near": near}).status_code in (
            200, 400)


def test_a_service_placed_at_its_zip_code_is_not_read_as_next_door(client):
    centroid = resolve_place("62701")  # where the gazetteer places an address by its ZIP
    service_in("IL", "Placed By Zip Pantry", zip_code="62701", city="Springfield",
               lat=centroid.latitude, lng=centroid.longitude)
    service_in("IL", "Exact Door Pantry", zip_code="62701", city="Springfield",
               lat=centroid.latitude + 0.001, lng=centroid.longitude + 0.0015)
    service_in("IL", "West Side Pantry", zip_code="62704", city="Springfield",
               lat=39.7800, lng=-89.6800)
    # the exact door 0.1 mile from the centroid comes first; the one placed by ZIP code
    # may be anywhere in 62701, so it ranks as far as a place in it is on average
    assert names(run(near="62701")) == ["Exact Door Pantry", "Placed By Zip Pantry",
                                        "West Side Pantry"]
    page = text_of(client.get("/search?near=62701"))
    assert "<dd>In ZIP code 62701</dd>" in card(page, "Placed By Zip Pantry")
    assert "<dd>In ZIP code 62701</dd>" in card(page, "Exact Door Pantry")
    assert "0.0 miles" not in page
    assert "miles</dd>" in card(page, "West Side Pantry")
    north = text_of(client.get("/search?lat=39.85&lng=-89.65&near=home"))
    assert "<dd>About 3." in card(north, "Placed By Zip Pantry")
    assert "<dd>3." in card(north, "Exact Door Pantry")
