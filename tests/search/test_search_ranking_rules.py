"""Rules of the public search's order beyond the text score, on purpose-built services:
a service whose service area leaves out the place searched, a service for the relatives of
someone affected and one for people in a crisis rank below the services for the person
searching (unless the search speaks of them), and are never hidden, as does help given to
agencies and professionals rather than to the public; a service meeting every
need named outranks one meeting some; a language named brings the services offering it; a
phone line that serves the place is not buried under offices that only share a word; a
search by place alone lists what is there, a teens' group in town above a county-wide line."""

import pytest

from directory import models as m
from directory import search
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.results import names, run

pytestmark = pytest.mark.index_answers  # once, on SQLite (conftest.py)


def test_a_service_whose_area_leaves_out_the_place_ranks_below_one_that_serves_it(app):
    # the same office, the same words: only the ZIP codes each serves differ
    for name, areas in (("Aliso Peer Group", [("Mission Viejo", "postal_code:92691")]),
                        ("Birch Peer Group", [("Lake Forest", "postal_code:92630")])):
        builders.service(name, description="A weekly peer group.", areas=areas)
    assert names(run(search="peer group", near="92630")) == [
        "Birch Peer Group", "Aliso Peer Group"]
    assert names(run(search="peer group", near="92691")) == [
        "Aliso Peer Group", "Birch Peer Group"]


def test_a_service_for_relatives_ranks_below_one_for_the_person_unless_family_is_asked(app):
    # the relatives' circle has the shorter name: by the words alone it comes first
    builders.service("Crisis Circle", description="Support after a crisis.",
                     eligibility_description="Family members of someone who had a crisis.")
    builders.service("Crisis Center Downtown", description="Support after a crisis.",
                     eligibility_description="Adults 18 and over.")
    assert names(run(search="crisis")) == ["Crisis Center Downtown", "Crisis Circle"]
    assert names(run(search="crisis support for my family"))[0] == "Crisis Circle"


def test_a_service_for_people_in_a_crisis_ranks_below_others_unless_a_crisis_is_said(app):
    # the crisis house is the nearer: by distance alone it comes first
    builders.service("Crisis House", description="Residential treatment, short stays.",
                     eligibility_description="Adults 18 and over in a mental-health crisis.")
    builders.service("Recovery House", description="Residential treatment, short stays.",
                     eligibility_description="Adults 18 and over.", lat=33.70, lng=-117.75)
    assert names(run(search="residential treatment", near="92630")) == [
        "Recovery House", "Crisis House"]
    assert names(run(search="residential treatment crisis", near="92630"))[0] == "Crisis House"


def test_a_line_that_serves_the_place_is_not_buried_by_offices_sharing_a_word(app):
    terms = builders.load_taxonomy()
    builders.service("Crisis Line", virtual=True, terms=[terms["crisis-support"]],
                     areas=[("Orange County", "county:CA:Orange")],
                     description="Call or text a crisis counselor any time.")
    builders.service("Family Crisis Workshop", terms=[terms["crisis-support"]],
                     description="A workshop for families after a crisis.",
                     lat=33.60, lng=-117.70, zip_code="92653")
    assert names(run(search="crisis line", near="92630"))[0] == "Crisis Line"


def test_a_word_that_names_the_need_outweighs_help_in_a_name(app):
    for name in ("Enrollment Help", "Utility Bill Help", "Tax Help"):  # "help" is common
        builders.service(name, description="Help with the forms.")
    builders.service("Back-to-Work Support", description="Job search and resume coaching.")
    assert names(run(search="job help"))[0] == "Back-to-Work Support"
    assert names(run(search="ayuda con trabajo"))[0] == "Back-to-Work Support"


def test_a_service_meeting_every_need_named_outranks_one_meeting_the_rarer_only(app):
    # "text" is in many records and "peer" in few: by the words' sums the circle comes first
    builders.service("Peer Circle", description="Peer support, in person.")
    builders.service("Volunteer Text Line", description="Text with a peer volunteer.")
    for name in ("Appointment Reminders", "Clinic News", "Pharmacy Alerts"):
        builders.service(name, description="Reminders by text message.")
    assert names(run(search="text a peer"))[:2] == ["Volunteer Text Line", "Peer Circle"]


def test_a_language_named_in_the_words_brings_the_services_that_offer_it(app):
    terms = builders.load_taxonomy()
    counselling = [terms["outpatient-counselling"]]
    # the words are in this one's name; only the other offers Arabic
    builders.service("Arabic Calligraphy Counseling Hour", terms=counselling,
                     description="Counseling while learning Arabic calligraphy.")
    builders.service("Responsive Counselling", terms=counselling,
                     languages=("English", "Arabic"), description="Counselling for adults.")
    assert names(run(search="Arabic counseling")) == ["Responsive Counselling",
                                                      "Arabic Calligraphy Counseling Hour"]


def test_a_search_by_place_alone_lists_what_is_there_before_lines_that_reach_it(app):
    # no words to rank by: a teens' group in town counts as a little farther than an open
    # office in town, not as far as a county-wide line (a multiplier sank it below them all)
    terms = builders.load_taxonomy()
    builders.service("Teen Group", maximum_age=17, eligibility_description="Teens 13 to 17.",
                     terms=[terms["youth"]])
    builders.service("Open Office", lat=33.6469, lng=-117.6700)  # a mile east
    builders.service("County Line", virtual=True, areas=[("Orange County", "county:CA:Orange")])
    assert names(run(near="92630")) == ["Open Office", "Teen Group", "County Line"]
    # a teen's age says the group is theirs: no longer farther than it is
    assert names(run(near="92630", age=15)) == ["Teen Group", "Open Office", "County Line"]


def test_services_at_the_same_spot_list_the_one_helping_with_more_needs_first(app):
    # a 2-1-1 export places a whole ZIP code's services at one point: among them, browsing
    # by place puts the neighborhood center that helps with food, housing and jobs before a
    # one-need office whose name sorts first
    terms = builders.load_taxonomy()
    builders.service("Art Studio", terms=[terms["community-recreation"]])
    builders.service("Neighborhood Center", terms=[terms["food"], terms["housing"],
                                                   terms["jobs-training"]])
    builders.service("Benefits Office", terms=[terms["benefits-money"], terms["food"]])
    assert names(run(near="92630")) == ["Neighborhood Center", "Benefits Office", "Art Studio"]


def test_a_city_searched_is_read_as_the_city_not_as_its_centre(app):
    # Santa Ana's centre is the mean of its ZIP codes' centres; its ZIP codes lie 2.5 miles
    # from it on average, so nearer than that is no nearer: the center helping with three
    # needs 1.5 miles out comes before the office at the centre, and one 6 miles out after
    terms = builders.load_taxonomy()
    builders.service("Art Studio", terms=[terms["community-recreation"]], zip_code="92701",
                     city="Santa Ana", lat=33.7400, lng=-117.8760)
    builders.service("Neighborhood Center", terms=[terms["food"], terms["housing"],
                                                   terms["jobs-training"]], zip_code="92704",
                     city="Santa Ana", lat=33.7400, lng=-117.9020)
    builders.service("Far Center", terms=[terms["food"], terms["housing"],
                                          terms["jobs-training"], terms["legal-help"]],
                     zip_code="92708", city="Fountain Valley", lat=33.7400, lng=-117.9800)
    assert names(run(near="Santa Ana")) == ["Neighborhood Center", "Art Studio", "Far Center"]
    # a ZIP code is small: there the nearer comes first
    assert names(run(near="92701"))[0] == "Art Studio"
    # with words too, nearness within the city is no reason: the better match comes first
    builders.service("Saint Ann Parish",
                     description="Piano lessons on Fridays, a choir and a garden club.",
                     zip_code="92701", city="Santa Ana", lat=33.7400, lng=-117.8760)
    builders.service("Westside Parish", description="Piano lessons every weekday.",
                     zip_code="92704", city="Santa Ana", lat=33.7400, lng=-117.9020)
    assert names(run(search="piano lessons", near="Santa Ana"))[0] == "Westside Parish"
    # a point searched from keeps its bonus for what is round the corner
    assert names(run(search="piano lessons", lat=33.7400, lng=-117.8760))[0] == \
        "Saint Ann Parish"


def test_at_the_same_spot_an_agency_s_own_listing_comes_first_among_equals(app):
    # a ZIP code's services at one point: the agency that runs several services, listed
    # under its own name, is the door a specialist names for the place; its programme, and
    # an organization of one service named as itself, keep the order of needs and names
    terms = builders.load_taxonomy()
    agency = m.Organization(name="Mission Neighborhood Centers", description="Many programs.")
    db.session.add(agency)
    builders.service("MISSION NEIGHBORHOOD CENTERS", org=agency, terms=[terms["childcare-youth"]])
    builders.service("Head Start Classroom", org=agency, terms=[terms["childcare-youth"]])
    builders.service("Neighborhood Center", terms=[terms["food"], terms["housing"]])
    alone = m.Organization(name="Art Studio", description="Painting.")
    db.session.add(alone)
    for name in ("Art Studio", "ART STUDIO"):  # one service listed twice: still one service
        builders.service(name, org=alone, terms=[terms["community-recreation"]])
    found = names(run(near="92630"))
    assert found[:2] == ["MISSION NEIGHBORHOOD CENTERS", "Neighborhood Center"]
    assert sorted(n.casefold() for n in found[2:]) == ["art studio", "head start classroom"]
    # with words, relevance decides as before
    assert names(run(search="head start", near="92630"))[0] == "Head Start Classroom"


def test_an_agency_s_services_count_together_when_a_parallel_rebuild_splits_them(app_with):
    # a large directory is rebuilt in Z-order slices, one segment each: an agency whose
    # programme lies far from its own listing still runs several services
    parallel = app_with(SEARCH_REBUILD_WORKERS=2, SEARCH_PARALLEL_FROM=4)
    with parallel.app_context():
        terms = builders.load_taxonomy()
        agency = m.Organization(name="Mission Neighborhood Centers", description="Programs.")
        db.session.add(agency)
        builders.service("MISSION NEIGHBORHOOD CENTERS", org=agency,
                         terms=[terms["childcare-youth"]])
        builders.service("Neighborhood Center", terms=[terms["food"], terms["housing"]])
        far = {"zip_code": "92101", "city": "San Diego", "lat": 32.7157, "lng": -117.1611}
        builders.service("Head Start Classroom", org=agency, terms=[terms["childcare-youth"]],
                         **far)
        builders.service("Harbor Pantry", terms=[terms["food"]], **far)
        search.rebuild()
        _, facts = search.store().snapshot()
        assert len(facts.segments) == 2
        assert names(run(near="92630"))[:2] == ["MISSION NEIGHBORHOOD CENTERS",
                                                "Neighborhood Center"]


@pytest.mark.parametrize("text,for_them", [
    ("Assists nonprofit agencies and pro bono attorneys with information on immigration", True),
    ("Provides nonprofit agencies with new clothing to be given away", True),
    ("Collects and distributes donated items to job counselors in social services", True),
    ("Provides intake of requests from discharge planners, social workers and nurses", True),
    ("Provides technical assistance and advocacy to agencies", True),
    ("Provides free clothing to anyone who walks in", False),
    ("Provides immigration legal services; works with other agencies", False),
    ("Case managers help clients find housing", False),
    ("Provides information and referrals to agencies that help with rent", False),
    ("Gives clients access to case managers and housing navigators", False),
    ("Provides technical assistance to small business owners and job seekers", False),
    ("Serves organizations and individuals in the Mission", False),
    ("Accepts requests from case managers or individuals who need meals", False),
])
def test_help_for_agencies_and_professionals_is_read_from_the_description(text, for_them):
    from types import SimpleNamespace

    from directory.populations import for_agencies
    from directory.search.service_rows import ServiceRecord

    own = ServiceRecord(description=text, organization=None)
    assert for_agencies(own) is for_them
    # a branch with no description of its own is its agency's
    branch = ServiceRecord(description=None, organization=SimpleNamespace(description=text))
    assert branch.described == text and for_agencies(branch) is for_them


def test_help_for_agencies_ranks_below_help_a_person_can_walk_in_for_and_is_not_hidden(app):
    org = m.Organization(name="Clothing Bank", description="Provides nonprofit agencies with "
                         "new clothing to be given away to people in need")
    builders.service("FREE CLOTHING BANK", org=org)  # its agency's description only
    builders.service("Neighborhood Closet", description="Free clothing for anyone.")
    assert names(run(search="free clothing", near="92630")) == [
        "Neighborhood Closet", "FREE CLOTHING BANK"]


def test_a_concepts_category_counts_in_full_only_for_a_service_that_says_the_need(app):
    """"replace lost ID" is filed in legal help, as a court is: the court, filed there and
    saying nothing of IDs, ranks below the desk that says it replaces lost ID cards though
    it is filed nowhere, and is still found."""
    from directory.search import textquery
    from directory.search.asked import CONCEPT_CODE
    from directory.search.fields import LANGUAGE_FIELDS

    t = builders.load_taxonomy()
    for number in range(12):  # a directory of other needs, as word frequencies expect
        builders.service(f"Pantry {number}", description="Groceries every week.")
    builders.service("Superior Court", terms=[t["legal-help"]],
                     description="Court filings and hearings.")
    builders.service("Records Office", terms=[t["legal-help"]],
                     description="Replaces birth certificates and identification cards.")
    builders.service("Neighbor Desk", description="Replace a lost ID card or driver's license.")
    assert names(run(search="replace lost ID", near="92630", per_page=50)) == [
        "Records Office", "Neighbor Desk", "Superior Court"]
    searcher, _ = search.store().snapshot()
    text = textquery.build(searcher, "replace lost ID")
    assert ("tags", "category:legal-help") not in {(n, term) for n, term, _ in text.parts}
    (codes, said, _), = [entry for entry in text.conditional if entry[2] == CONCEPT_CODE]
    assert [(n, term) for n, term, _ in codes] == [("tags", "category:legal-help")]
    assert any(("body", "identif") in group for alternative in said for group in alternative)
    # and its plainest name in each other language, in that language's own field
    held = {(name, term) for alternative in said for group in alternative
            for name, term in group}
    assert {(LANGUAGE_FIELDS["es"], "identificacion"), (LANGUAGE_FIELDS["vi"], "tuy_than")} \
        <= held


@pytest.mark.parametrize("lang,badge", [("en", "For agencies and professionals"),
                                        ("es", "Para agencias y profesionales"),
                                        ("vi", "Dành cho cơ quan và chuyên viên")])
def test_the_card_and_page_say_help_for_agencies_is_not_the_publics(client, app, lang, badge):
    org = m.Organization(name="Clothing Bank", description="Provides nonprofit agencies with "
                         "new clothing to be given away to people in need")
    bank = builders.service("FREE CLOTHING BANK", org=org)
    closet = builders.service("Neighborhood Closet", description="Free clothing for anyone.")
    results = client.get(f"/search?q=free+clothing&near=92630&lang={lang}").get_data(
        as_text=True)
    cards = [part.split("</article>")[0] for part in results.split('<article class="card"')[1:]]
    assert [("Neighborhood Closet" in card, badge in card) for card in cards] == [
        (True, False), (False, True)]
    page = client.get(f"/services/{bank.id}?lang={lang}").get_data(as_text=True)
    assert badge + ":" in page
    assert badge not in client.get(f"/services/{closet.id}?lang={lang}").get_data(as_text=True)
