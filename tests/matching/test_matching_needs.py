"""What the coordinator asked for, as matching reads it, on purpose-built services: a
service for the relatives of the person affected, or for people in a crisis, comes after
those for the client unless the client is a relative or in a crisis; a service filed under telehealth alone counts as counselling; the
notes rank the services of each chosen category among themselves, against the services
the client can use; a record verified long ago loses only a tie. Real database, real
search index."""

from datetime import timedelta

from tests.helpers.builders import tagged_service
from tests.helpers.results import GROUP, NOW, match_at_now, names, reasons

CRISIS = ["crisis-support", "in-person"]
RELATIVES = "Family members and friends of someone who has had a crisis."


def test_a_service_for_relatives_comes_after_one_for_the_client_unless_they_are_one(terms):
    # the relatives' group is the nearer: by distance alone it would come first
    tagged_service(terms, "Family Crisis Circle", CRISIS, eligibility_description=RELATIVES)
    tagged_service(terms, "Crisis Walk-In Center", CRISIS, lat=33.66, lng=-117.70)
    client = match_at_now(categories=["crisis-support"])
    assert names(client) == ["Crisis Walk-In Center", "Family Crisis Circle"]
    assert "For relatives of the person affected" in reasons(client, "Family Crisis Circle")[1]
    assert reasons(client, "Crisis Walk-In Center")[1] == []
    relative = match_at_now(categories=["crisis-support"], groups={"families"})
    assert names(relative) == ["Family Crisis Circle", "Crisis Walk-In Center"]
    assert reasons(relative, "Family Crisis Circle")[1] == []
    asked = match_at_now(categories=["crisis-support", "family-education-support"])
    assert reasons(asked, "Family Crisis Circle")[1] == []


def test_a_service_for_people_in_a_crisis_comes_after_others_unless_crisis_is_asked(terms):
    residential = ["residential-treatment", "crisis-support", "in-person"]
    tagged_service(terms, "Crisis Residential", residential,
             eligibility_description="Adults 18 and over in a mental-health crisis.")
    tagged_service(terms, "Rehab Residential", ["residential-treatment", "in-person"],
             eligibility_description="Adults 18 and over.", lat=33.66, lng=-117.70)
    rehab = match_at_now(categories=["residential-treatment"])
    assert names(rehab) == ["Rehab Residential", "Crisis Residential"]
    assert "For people in a crisis" in reasons(rehab, "Crisis Residential")[1]
    crisis = match_at_now(categories=["crisis-support", "residential-treatment"])
    assert names(crisis)[0] == "Crisis Residential"
    assert reasons(crisis, "Crisis Residential")[1] == []


def test_a_service_filed_under_telehealth_alone_counts_as_counselling(terms):
    tagged_service(terms, "Korean Video Counselling", ["telehealth", "telehealth-video"],
             virtual=True, languages=("Korean",), description="Video sessions.")
    tagged_service(terms, "Video Peer Group", ["group-therapy-peer-support", "telehealth"],
             virtual=True)
    tagged_service(terms, "Lake Forest Counselling", ["outpatient-counselling", "in-person"])
    result = match_at_now(categories=["outpatient-counselling"], languages=["ko"])
    # found without any notes, as counselling, first for its language; the peer group,
    # telehealth but of another category, is not counselling and is not offered
    assert names(result) == ["Korean Video Counselling", "Lake Forest Counselling"]


def test_the_notes_rank_the_services_of_each_category_among_themselves(terms):
    # the words match the residential program most; among the money services they match
    # the fund that pays for rehab, which must lead its category as the program leads its
    tagged_service(terms, "Rehab Residential Program", ["residential-treatment", "in-person"],
             description="Residential rehab for alcohol: alcohol detox, alcohol rehab, "
                         "rehab aftercare and rehab alumni for alcohol.")
    tagged_service(terms, "Benefits Sign-Up", ["financial-assistance", "in-person"],
             description="Help with food benefits.", lat=33.646, lng=-117.686)
    tagged_service(terms, "Rehab Scholarship Fund", ["financial-assistance", "in-person"],
             description="Scholarships toward rehab.", lat=33.80, lng=-117.86)  # 14 miles
    result = match_at_now(categories=["residential-treatment", "financial-assistance"],
                          text="needs rehab for alcohol")
    assert names(result) == ["Rehab Residential Program", "Rehab Scholarship Fund",
                             "Benefits Sign-Up"]


def test_the_notes_are_scored_against_services_the_client_can_use(terms):
    # a teens' program matches the notes best but the client is 48: it is left out, and
    # must not shrink the notes' points of the parents' group the client can use
    tagged_service(terms, "Teen Recovery Program", GROUP, maximum_age=17,
             description="For teens: teen groups, teen mentors, teen outings, teen "
                         "sports and teen peer support for young people and teenagers.")
    tagged_service(terms, "Parents of Teens Group", ["family-education-support", "in-person"],
             description="For parents of teens.", lat=33.88, lng=-117.93)  # 21 miles
    tagged_service(terms, "Parents Evening Class", ["family-education-support", "in-person"],
             description="A class for parents.")
    result = match_at_now(categories=["family-education-support"], age=48,
                          groups={"families"}, text="Father of a 17-year-old")
    assert names(result) == ["Parents of Teens Group", "Parents Evening Class"]
    assert result.excluded == {"age": 1}


def test_a_record_verified_long_ago_loses_a_tie_and_one_never_verified_loses_more(terms):
    # the fresh group is five miles further: three points of distance
    tagged_service(terms, "Fresh Group", GROUP, lat=33.70, lng=-117.73, assured_date=NOW.date())
    tagged_service(terms, "Old Group", GROUP, assured_date=(NOW - timedelta(days=400)).date())
    assert names(match_at_now(categories=["group-therapy-peer-support"])) == [
        "Old Group", "Fresh Group"]
    tagged_service(terms, "Unknown Group", GROUP, assured_date=None)
    result = match_at_now(categories=["group-therapy-peer-support"])
    assert names(result) == ["Old Group", "Fresh Group", "Unknown Group"]
    assert reasons(result, "Old Group")[1] == ["Not verified since 2025"]
    assert reasons(result, "Unknown Group")[1] == ["Never verified"]
