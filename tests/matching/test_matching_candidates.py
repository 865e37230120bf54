"""Which services matching asks the search for, and which rides it offers beside them: the
client's radius bounds the categories and the free text alike, the free text finds what
it names (its best match worth the text's points), and the rides are those the client
could use themselves. Real database, real search index."""


import pytest

from directory.matching.weights import TEXT_POINTS
from tests.helpers import builders
from tests.helpers.builders import tagged_service
from tests.helpers.results import GROUP, match_at_now, names

IRVINE = {"zip_code": "92618", "city": "Irvine", "lat": 33.6700, "lng": -117.7420}  # ~3.6 mi
SAN_CLEMENTE = {"zip_code": "92672", "city": "San Clemente", "lat": 33.4270,
                "lng": -117.6120}  # ~15 miles from Lake Forest
LAKE_FOREST_AREA = [("Lake Forest", "postal_code:92630")]


def test_the_client_s_radius_bounds_the_categories_and_the_free_text(terms):
    words = "Grief and bereavement support."
    tagged_service(terms, "Irvine Group", GROUP, description=words, **IRVINE)
    tagged_service(terms, "San Clemente Group", GROUP, description=words, **SAN_CLEMENTE)
    assert set(names(match_at_now(categories=["group-therapy-peer-support"]))) == {
        "Irvine Group", "San Clemente Group"}
    assert names(match_at_now(categories=["group-therapy-peer-support"], radius_miles=10)) == [
        "Irvine Group"]
    by_text = match_at_now(text="bereavement", radius_miles=10)
    assert names(by_text) == ["Irvine Group"]
    # found by the text near the client, so it is in person, at its distance
    assert by_text.matches[0].in_person and by_text.matches[0].distance_miles < 10


def test_the_free_text_finds_what_it_names_and_words_nothing_has_find_nothing(terms):
    tagged_service(terms, "Peer Group", GROUP)
    tagged_service(terms, "Grief Counselling", ["outpatient-counselling", "in-person"],
             description="Counselling after the loss of a loved one: grief and bereavement.")
    assert names(match_at_now(text="grief")) == ["Grief Counselling"]
    nothing = match_at_now(text="xylophonequartz")
    assert nothing.matches == [] and nothing.excluded == {}


def test_the_best_match_of_the_free_text_is_worth_the_text_points(terms):
    tagged_service(terms, "Peer Group", GROUP)
    tagged_service(terms, "Grief Group", GROUP, description="A peer group for grief and loss.")
    chosen = {"categories": ["group-therapy-peer-support"]}
    plain = {m.service.name: m.score for m in match_at_now(**chosen).matches}
    worded = {m.service.name: m.score for m in match_at_now(**chosen, text="grief").matches}
    assert worded["Grief Group"] - plain["Grief Group"] == pytest.approx(TEXT_POINTS)
    assert worded["Peer Group"] == pytest.approx(plain["Peer Group"])


def test_rides_are_offered_only_to_a_client_without_a_car(terms):
    builders.service("Volunteer Rides", virtual=True, terms=[terms["transportation"]],
                     areas=LAKE_FOREST_AREA)
    tagged_service(terms, "Peer Group", GROUP)
    with_car = match_at_now(categories=["group-therapy-peer-support"])
    assert with_car.transport == [] and with_car.matches[0].transport == []
    no_car = match_at_now(categories=["group-therapy-peer-support"], barriers={"no-car"})
    assert [s.name for s in no_car.transport] == ["Volunteer Rides"]


def test_the_rides_offered_are_those_the_client_could_use_themselves(terms):
    def ride(name, codes=("transportation", "free"), **fields):
        fields.setdefault("virtual", True)
        fields.setdefault("areas", LAKE_FOREST_AREA)
        return tagged_service(terms, name, codes, **fields)

    ride("Volunteer Rides")
    ride("Seniors' Rides", minimum_age=60)
    ride("Vietnamese Rides", languages=("Vietnamese",))
    ride("Paid Rides", ("transportation", "cash"))
    ride("Veterans' Rides", eligibility_description="Veterans only.")
    ride("Anaheim Rides", eligibility_description="Anaheim residents only.")
    ride("San Clemente Shuttle", virtual=False, areas=(), **SAN_CLEMENTE)
    tagged_service(terms, "Peer Group", GROUP)
    needs = {"categories": ["group-therapy-peer-support"], "age": 30, "languages": ["en"],
             "payment": "medi-cal", "barriers": {"no-car"}, "radius_miles": 10}
    assert [s.name for s in match_at_now(**needs).transport] == ["Volunteer Rides"]
    veteran = match_at_now(**needs, groups={"veterans"})
    assert {s.name for s in veteran.transport} == {"Volunteer Rides", "Veterans' Rides"}
    wider = match_at_now(**{**needs, "radius_miles": 25})
    assert {s.name for s in wider.transport} == {"Volunteer Rides", "San Clemente Shuttle"}
