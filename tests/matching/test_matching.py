"""Intake matching on purpose-built clients: who is left out (age, not listed), what ranks
first (language and payment that fit; remote services for someone who prefers remote;
room now when it is urgent), the reasons shown in plain words, and the rides beside every
in-person result for a client without a car. Real database, real search index."""

import re
from datetime import date, timedelta

from directory import locate, matching
from directory import models as m
from directory.extensions import db
from directory.models import utcnow
from tests.helpers import builders
from tests.helpers.results import names, reasons

LAKE_FOREST = {"zip_code": "92630", "city": "Lake Forest", "lat": 33.6469, "lng": -117.6861}
IRVINE = {"zip_code": "92618", "city": "Irvine", "lat": 33.6700, "lng": -117.7420}  # ~3.6 mi
SAN_CLEMENTE = {"zip_code": "92672", "city": "San Clemente", "lat": 33.4270, "lng": -117.6120}


def _service(terms, name, codes, where=LAKE_FOREST, **fields):
    return builders.service(name, terms=[terms[c] for c in codes], **where, **fields)


def _match(**needs):
    needs.setdefault("place", locate.resolve("92630"))
    return matching.match(matching.ClientNeeds(**needs))


def test_a_16_year_old_is_never_shown_an_adults_only_residential_program(terms):
    _service(terms, "Adult Residential Recovery", ["residential-treatment", "in-person"],
             minimum_age=18)
    _service(terms, "Teen Residential Program", ["residential-treatment", "in-person"],
             where=SAN_CLEMENTE, minimum_age=12, maximum_age=17)
    result = _match(categories=["residential-treatment"], age=16)
    assert names(result) == ["Teen Residential Program"]
    assert result.excluded == {"age": 1}
    adult = _match(categories=["residential-treatment"], age=30)
    assert names(adult) == ["Adult Residential Recovery"]
    unknown_age = _match(categories=["residential-treatment"])
    assert "Ages 18+ only" in reasons(unknown_age, "Adult Residential Recovery")[1]
    assert "Ages 12 to 17 only" in reasons(unknown_age, "Teen Residential Program")[1]


def test_a_spanish_speaker_with_medi_cal_and_no_car_gets_spanish_medi_cal_first_with_rides(
        terms):
    group = ["group-therapy-peer-support", "in-person"]
    _service(terms, "English Group Next Door", [*group, "private-insurance", "near-transit"])
    _service(terms, "Grupo de Apoyo", [*group, "medi-cal", "near-transit"], where=IRVINE,
             languages=("Spanish", "English"))
    _service(terms, "Spanish Group, Cash Only", [*group, "cash"], languages=("Spanish",))
    _service(terms, "Far Medi-Cal Group", [*group, "medi-cal"], where=SAN_CLEMENTE,
             languages=("Spanish",))
    builders.service("Rides for 92630", virtual=True, areas=[("Lake Forest",
                     "postal_code:92630")], terms=[terms["transportation"], terms["free"]],
                     languages=("Spanish", "English"))
    builders.service("Seniors' Shuttle", virtual=True, minimum_age=60,
                     areas=[("Lake Forest", "postal_code:92630")],
                     terms=[terms["transportation"], terms["free"]])

    result = _match(categories=["group-therapy-peer-support"], age=35, languages=["es"],
                    payment="medi-cal", barriers={"no-car"})

    ranked = names(result)
    assert ranked[:2] == ["Grupo de Apoyo", "Far Medi-Cal Group"]
    assert ranked.index("English Group Next Door") > 1
    fits = reasons(result, "Grupo de Apoyo")[0]
    assert {"Spanish spoken", "Takes Medi-Cal", "Near public transit"} <= set(fits)
    # 3.6 miles, and the only ride for a 35-year-old serves Lake Forest alone.
    too_far = reasons(result, "Grupo de Apoyo")[1]
    assert any(f.startswith("3.") and "too far to walk" in f for f in too_far), too_far
    assert "Spanish not listed" in reasons(result, "English Group Next Door")[1]
    assert "Medi-Cal not listed" in reasons(result, "Spanish Group, Cash Only")[1]
    assert "Not listed as near public transit" in reasons(result, "Far Medi-Cal Group")[1]
    # The rides that serve 92630 sit beside the results in 92630, where their area takes
    # them too (not beside Irvine's or San Clemente's); the 60+ shuttle sits beside none.
    assert [s.name for s in result.transport] == ["Rides for 92630"]
    rides = {item.service.name: [s.name for s in item.transport] for item in result.matches}
    assert rides["English Group Next Door"] == ["Rides for 92630"]
    assert rides["Grupo de Apoyo"] == rides["Far Medi-Cal Group"] == []


def test_prefers_remote_ranks_telehealth_and_online_groups_first(terms):
    _service(terms, "Group Around the Corner", ["group-therapy-peer-support", "in-person",
                                                "medi-cal"], languages=("Spanish",))
    builders.service("Online Peer Meeting", virtual=True, languages=("Spanish",),
                     terms=[terms["group-therapy-peer-support"], terms["online-group"],
                            terms["medi-cal"]])
    builders.service("Video Counselling", virtual=True, languages=("Spanish",),
                     terms=[terms["group-therapy-peer-support"], terms["telehealth-video"],
                            terms["medi-cal"]])
    plain = _match(categories=["group-therapy-peer-support"], languages=["es"],
                   payment="medi-cal")
    assert names(plain)[0] == "Group Around the Corner"

    remote = _match(categories=["group-therapy-peer-support"], languages=["es"],
                    payment="medi-cal", barriers={"remote"})
    assert set(names(remote)[:2]) == {"Online Peer Meeting", "Video Counselling"}
    assert "Can be done from home" in reasons(remote, "Online Peer Meeting")[0]
    assert "Online group" in reasons(remote, "Online Peer Meeting")[0]
    assert "In person only" in reasons(remote, "Group Around the Corner")[1]


def test_a_client_who_cannot_leave_home_is_served_by_home_visits(terms):
    """A home visit needs no trip: for a client who cannot leave home it fits as telehealth
    does, and it is found by its service area, not its distance."""
    _service(terms, "Counselling At Your Door", ["outpatient-counselling", "home-visit"],
             virtual=True)
    _service(terms, "Clinic On Main", ["outpatient-counselling", "in-person"])
    result = _match(categories=["outpatient-counselling"], barriers={"remote"})
    assert names(result) == ["Counselling At Your Door", "Clinic On Main"]
    fits, misfits = reasons(result, "Counselling At Your Door")
    assert "Can be done from home" in fits and "Home visits" in fits and misfits == []
    assert "In person only" in reasons(result, "Clinic On Main")[1]


def test_urgent_ranks_services_with_room_now_first_and_says_how_fresh_the_count_is(terms):
    beds = m.Unit(name="beds")
    full = _service(terms, "Full House Recovery", ["residential-treatment", "in-person"],
                    commit=False, wait_time="Waitlist: 6 weeks")
    full.capacities = [m.ServiceCapacity(available=0, unit=beds, updated=utcnow())]
    room = _service(terms, "Open Door Residential", ["residential-treatment", "in-person"],
                    where=SAN_CLEMENTE, commit=False)
    room.capacities = [m.ServiceCapacity(available=3, unit=beds,
                                         updated=utcnow() - timedelta(days=2))]
    db.session.commit()

    result = _match(categories=["residential-treatment"], barriers={"urgent"})
    assert names(result) == ["Open Door Residential", "Full House Recovery"]
    assert "3 beds available (updated 2 days ago)" in reasons(result,
                                                               "Open Door Residential")[0]
    assert {"No beds available now", "Waitlist 6 weeks"} <= set(
        reasons(result, "Full House Recovery")[1])


def test_soft_mismatches_lower_the_rank_and_show_hard_ones_leave_out(terms):
    group = ["group-therapy-peer-support", "in-person"]
    _service(terms, "Verified Group", group)
    _service(terms, "Old Listing Group", group, assured_date=date(2024, 2, 1))
    _service(terms, "Paused Group", group, status="temporarily closed")
    _service(terms, "Closed Group", group, status="inactive")
    result = _match(categories=["group-therapy-peer-support"])
    assert names(result) == ["Verified Group", "Old Listing Group", "Paused Group"]
    assert "Not verified since 2024" in reasons(result, "Old Listing Group")[1]
    assert "Temporarily closed" in reasons(result, "Paused Group")[1]
    assert "Closed Group" not in names(result)


def test_evening_wheelchair_and_no_insurance_needs_change_the_order(terms):
    group = ["group-therapy-peer-support", "in-person"]
    day = _service(terms, "Daytime Group", [*group, "medi-cal"], commit=False)
    day.schedules = [m.Schedule(freq="WEEKLY", byday="MO,WE", opens_at="09:00",
                                closes_at="12:00")]
    evening = _service(terms, "Evening Group", [*group, "free", "wheelchair-access"],
                       where=IRVINE, commit=False)
    evening.schedules = [m.Schedule(freq="WEEKLY", byday="TU", opens_at="18:00",
                                    closes_at="20:30")]
    db.session.commit()
    plain = _match(categories=["group-therapy-peer-support"])
    assert names(plain) == ["Daytime Group", "Evening Group"]

    result = _match(categories=["group-therapy-peer-support"], payment="none",
                    barriers={"evenings", "wheelchair"})
    assert names(result) == ["Evening Group", "Daytime Group"]
    assert {"Open evenings", "Wheelchair accessible", "Free"} <= set(
        reasons(result, "Evening Group")[0])
    assert {"Weekday daytime hours only", "Wheelchair access not listed",
            "No free, sliding-scale or self-pay option listed"} <= set(reasons(result,
                                                                      "Daytime Group")[1])


def test_free_text_finds_services_beyond_the_chosen_categories(terms):
    _service(terms, "Peer Group", ["group-therapy-peer-support", "in-person"])
    _service(terms, "Grief Counselling", ["outpatient-counselling", "in-person"],
             description="Counselling after the loss of a loved one: grief and bereavement.")
    result = _match(categories=["group-therapy-peer-support"], text="grief")
    assert set(names(result)) == {"Peer Group", "Grief Counselling"}
    assert _match(text="grief").matches[0].service.name == "Grief Counselling"


def test_the_match_page_shows_reasons_and_adds_with_one_click(coordinator_client, terms):
    _service(terms, "Grupo de Apoyo", ["group-therapy-peer-support", "in-person", "medi-cal"],
             languages=("Spanish",))
    made = m.ReferralList(title="Options", created_by=db.session.scalar(
        db.select(m.User).where(m.User.role == "coordinator")))
    db.session.add(made)
    db.session.commit()
    answers = {"categories": "group-therapy-peer-support", "near": "92630", "radius": "25",
               "languages": "es", "payment": "medi-cal", "barriers": "no-car"}
    page = coordinator_client.post(f"/referrals/lists/{made.id}/match", data=answers)
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Spanish spoken" in html and "Takes Medi-Cal" in html
    assert re.search(r"<li>\d\.\d miles</li>", html)
    service = db.session.scalar(db.select(m.Service).where(m.Service.name == "Grupo de Apoyo"))
    added = coordinator_client.post(f"/referrals/lists/{made.id}/match",
                                    data={**answers, "add": service.id})
    assert "Added to the list: Grupo de Apoyo." in added.get_data(as_text=True)
    db.session.refresh(made)
    assert [item.service.name for item in made.items] == ["Grupo de Apoyo"]


def test_the_match_form_explains_what_is_missing(coordinator_client, terms):
    made = m.ReferralList(title="Options")
    db.session.add(made)
    db.session.commit()
    page = coordinator_client.post(f"/referrals/lists/{made.id}/match", data={"near": "Nowhere"})
    html = page.get_data(as_text=True)
    assert page.status_code == 400
    assert "Choose what the client needs, or describe it here." in html
    page = coordinator_client.post(f"/referrals/lists/{made.id}/match",
                                   data={"near": "Narnia", "text": "group"})
    assert page.status_code == 400
    assert "We could not find" in page.get_data(as_text=True)
