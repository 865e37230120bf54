"""The rules of directory.matching.rules on purpose-built services, where the judged
profiles do not reach: a missed requirement outweighs any points, a service reaching the
client counts as one halfway to the edge of the radius, a far service for a client without
a car loses more the further it is, and the reasons for an urgent need and for an unknown
age are worded right. Real database, real search index."""

from datetime import date, timedelta

import pytest

from directory import matching, populations
from directory import models as m
from directory.extensions import db
from directory.matching.weights import DISTANCE_POINTS
from tests.helpers import builders
from tests.helpers.builders import tagged_service
from tests.helpers.results import GROUP, NOW, match_at_now, names, reasons

CHOSEN = ["group-therapy-peer-support"]
IRVINE = {"zip_code": "92618", "city": "Irvine", "lat": 33.6700, "lng": -117.7420}
SAN_CLEMENTE = {"zip_code": "92672", "city": "San Clemente", "lat": 33.4270,
                "lng": -117.6120}
MISSION_VIEJO = {"zip_code": "92691", "city": "Mission Viejo", "lat": 33.6000,
                 "lng": -117.6720}
SENIORS = {"minimum_age": 60, "eligibility_description": "Adults 60 and over."}


def _match(**needs):
    return match_at_now(**{"categories": CHOSEN, **needs})


def test_a_missed_requirement_ranks_below_every_service_without_it_whatever_the_points(
        terms):
    strong = [*GROUP, "wheelchair-access"]
    tagged_service(terms, "Far Plain Group", GROUP, assured_date=None, **SAN_CLEMENTE)
    full = tagged_service(terms, "Full Seniors' Group", strong, commit=False, **SENIORS)
    full.capacities = [m.ServiceCapacity(available=0, unit=m.Unit(name="beds"),
                                         updated=NOW)]
    db.session.commit()
    tagged_service(terms, "Spanish-Held Seniors' Group", strong, **SENIORS,
             description="A weekly group held entirely in Spanish.")
    tagged_service(terms, "Paused Seniors' Group", strong, status="temporarily closed", **SENIORS)
    result = _match(age=72, languages=["en"], barriers={"wheelchair"})
    assert names(result) == ["Far Plain Group", "Full Seniors' Group",
                              "Spanish-Held Seniors' Group", "Paused Seniors' Group"]
    assert "Never verified" in reasons(result, "Far Plain Group")[1]


def test_a_service_reaching_the_client_counts_as_one_halfway_to_the_radius(terms):
    tagged_service(terms, "Irvine Group", GROUP, **IRVINE)
    builders.service("Video Group", virtual=True, areas=[("Lake Forest", "postal_code:92630")],
                     terms=[terms["group-therapy-peer-support"], terms["telehealth-video"]])
    miles = next(i for i in _match().matches if i.in_person).distance_miles
    half = DISTANCE_POINTS / 2

    def radius_for(points):  # the radius at which the Irvine group earns these points
        return miles / (1 - points / DISTANCE_POINTS)

    assert names(_match(radius_miles=radius_for(half + 0.5))) == ["Irvine Group",
                                                                   "Video Group"]
    assert names(_match(radius_miles=radius_for(half - 1))) == ["Video Group", "Irvine Group"]
    assert "Telehealth (video)" in reasons(_match(), "Video Group")[0]


def test_a_far_service_for_a_client_without_a_car_loses_more_the_further_it_is(terms):
    tagged_service(terms, "San Clemente Group", GROUP, **SAN_CLEMENTE)
    tagged_service(terms, "Mission Viejo Group", GROUP, **MISSION_VIEJO)
    result = _match(barriers={"no-car"})
    assert names(result) == ["Mission Viejo Group", "San Clemente Group"]
    assert all(i.distance_miles > matching.rules.WALKING_MILES for i in result.matches)
    far = [f for f in reasons(result, "San Clemente Group")[1] if "too far to walk" in f]
    # ten miles and more are shown in whole miles
    assert len(far) == 1 and far[0].split()[0].isdigit(), far


def test_for_an_urgent_need_a_short_wait_and_round_the_clock_hours_are_reasons(terms):
    tagged_service(terms, "Walk-in Group", GROUP, wait_time="Walk-in, no appointment.")
    always = tagged_service(terms, "Always Open Group", GROUP, commit=False)
    always.schedules = [m.Schedule(freq="WEEKLY", byday="MO,TU,WE,TH,FR,SA,SU",
                                   opens_at="00:00", closes_at="00:00")]
    db.session.commit()
    tagged_service(terms, "Plain Group", GROUP, **IRVINE)
    plain = _match()
    assert reasons(plain, "Walk-in Group")[0] == reasons(plain, "Always Open Group")[0]
    urgent = _match(barriers={"urgent"})
    assert "Short wait" in reasons(urgent, "Walk-in Group")[0]
    assert "Open 24 hours" in reasons(urgent, "Always Open Group")[0]
    assert names(urgent)[-1] == "Plain Group"
    assert "Short wait" not in reasons(urgent, "Plain Group")[0]


def test_the_room_now_and_the_waitlist_are_worded_in_the_singular_too(terms):
    beds = m.Unit(name="beds")
    for name, days in (("Fresh House", 0), ("Yesterday House", 1)):
        house = tagged_service(terms, name, ["residential-treatment", "in-person"], commit=False)
        house.capacities = [m.ServiceCapacity(available=1, unit=beds,
                                              updated=NOW - timedelta(days=days))]
    tagged_service(terms, "Waiting House", ["residential-treatment", "in-person"],
             wait_time="Waitlist of about 1 week.")
    db.session.commit()
    result = _match(categories=["residential-treatment"])
    assert "1 beds available (updated today)" in reasons(result, "Fresh House")[0]
    assert "1 beds available (updated 1 day ago)" in reasons(result, "Yesterday House")[0]
    assert "Waitlist 1 week" in reasons(result, "Waiting House")[1]


def test_an_age_limit_is_shown_when_the_client_s_age_is_not_given_and_counted_when_out(
        terms):
    tagged_service(terms, "Teen Group", GROUP, maximum_age=17)
    tagged_service(terms, "Young Adults' Group", GROUP, minimum_age=18, maximum_age=25)
    assert "Up to age 17 only" in reasons(_match(), "Teen Group")[1]
    assert _match(age=40).excluded == {"age": 2}


@pytest.mark.parametrize("age,group", [
    (16, "Youth"), (populations.YOUTH_MAX_AGE, "Youth"),
    (populations.OLDER_MIN_AGE, "Older adults")])
def test_a_client_at_the_edge_of_an_age_group_is_in_it(terms, age, group):
    tagged_service(terms, "Youth Group", GROUP, maximum_age=populations.YOUTH_MAX_AGE,
             eligibility_description="Young people up to 25.")
    tagged_service(terms, "Seniors' Group", GROUP, **SENIORS)
    result = _match(age=age)
    first = result.matches[0]
    assert f"For the client's group: {group}" in reasons(result, first.service.name)[0]


def test_a_ride_is_no_visit_for_a_client_who_prefers_remote(terms):
    tagged_service(terms, "Shuttle Office", ["transportation", "in-person"])
    tagged_service(terms, "Clinic On Main", GROUP)
    result = _match(categories=["transportation", "group-therapy-peer-support"],
                    barriers={"remote"})
    assert "In person only" not in reasons(result, "Shuttle Office")[1]
    assert "In person only" in reasons(result, "Clinic On Main")[1]


def test_a_service_from_home_needs_no_travel_nor_childcare_and_unlisted_hours_say_so(terms):
    builders.service("Video Group", virtual=True, areas=[("Lake Forest", "postal_code:92630")],
                     terms=[terms["group-therapy-peer-support"], terms["telehealth-video"]])
    result = _match(barriers={"childcare", "evenings", "wheelchair"})
    fits, misfits = reasons(result, "Video Group")
    assert {"No travel needed", "From home: no childcare needed"} <= set(fits)
    assert "Hours not listed" in misfits


def test_a_listing_stale_within_this_year_says_how_many_months(terms):
    tagged_service(terms, "Spring Group", GROUP, assured_date=date(2026, 2, 4))  # 300 days
    assert "Not verified in 10 months" in reasons(_match(), "Spring Group")[1]


@pytest.mark.parametrize("state, expected", [("OR", "Salem"), ("CA", None)])
def test_a_city_of_residents_is_looked_for_in_the_service_s_own_state(app, state, expected):
    # a directory outside California: "Salem residents only" in Oregon names Salem, OR
    # (California has no Salem, so there it names no city the gazetteer knows)
    location = m.Location(location_type="physical", name="Office")
    location.addresses = [m.Address(address_1="1 Court St", city="Salem",
                                    state_province=state, postal_code="97301", country="US")]
    service = m.Service(name="Pantry", status="active",
                        eligibility_description="Salem residents only.",
                        service_at_locations=[m.ServiceAtLocation(location=location)])
    assert populations.residents_of(service) == expected
