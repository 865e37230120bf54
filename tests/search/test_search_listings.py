"""A service a directory lists twice (a 2-1-1 export does: the same name in capitals and not,
the same organization, the same building typed two ways) takes one place in the results,
the better-ranked: the count, the pages, the filters' counts and the API say the same; so
do a category's page and count, an organization's page and intake matching. A service of
the same name at another address, or of another organization, is another listing and is
always shown."""

import re

from directory import catalogue, locate, matching
from directory import models as m
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.results import names, run

WORDS = "Anonymous support groups for survivors of domestic violence."


def _listed(name, org, street, zip_code="94129", **fields):
    """Make a service of `org` at `street` (the builder's one location) and return it."""
    service = builders.service(name, org=org, zip_code=zip_code, city="San Francisco",
                               lat=37.796987, lng=-122.462741, commit=False, **fields)
    service.service_at_locations[0].location.addresses[0].address_1 = street
    db.session.commit()
    return service


def _twins(described_terms=(), bare_terms=()):
    org = m.Organization(name="Baylaw", description="Peer groups.")
    described = _listed("BAYLAW DOMESTIC VIOLENCE ANONYMOUS", org, "995 Market Street Suite 12",
                        description=WORDS, terms=described_terms)
    bare = _listed("Baylaw  Domestic Violence Anonymous", org, "995 market st.",
                   terms=bare_terms)
    return described, bare


def test_a_service_listed_twice_is_found_once_at_its_better_place(app):
    described, bare = _twins()
    builders.service("Riley Center", description="Shelter from domestic violence.",
                     zip_code="94129", lat=37.796987, lng=-122.462741)
    result = run(search="domestic violence anonymous", near="94129")
    ids = [hit.service_id for hit in result.hits]
    assert described.id in ids and bare.id not in ids  # its words rank it first of the two
    assert result.total == len(result.hits) == 2
    assert result.facets["verified_within_months"]["12"] == 2  # counted over what is shown
    alone = run(search="anonymous", near="94129")
    assert [h.service_id for h in alone.hits] == [described.id]
    assert alone.total == alone.matched == 1


def test_browsing_a_place_shows_the_service_once_and_pages_agree(app):
    _twins()
    builders.service("Riley Center", description="Shelter.", zip_code="94129",
                     lat=37.796987, lng=-122.462741)
    whole = run(near="94129", per_page=10)
    assert whole.total == len(whole.hits) == 2
    pages = [run(near="94129", per_page=1, page=n) for n in (1, 2, 3)]
    assert [p.total for p in pages] == [2, 2, 2] and pages[0].total_pages == 2
    assert [h.service_id for p in pages for h in p.hits] == [h.service_id for h in whole.hits]


def test_the_api_counts_what_it_lists(app, client):
    _twins()
    body = client.get("/api/services?search=domestic violence&near=94129").get_json()
    assert body["total_items"] == len(body["contents"]) == 1
    assert body["total_pages"] == 1


def test_the_same_name_at_another_building_or_of_another_organization_is_shown(app):
    org = m.Organization(name="Summerbridge", description="Tutoring.")
    # one ZIP code, one point (its centre), two campuses: two places to go
    _listed("SUMMERBRIDGE", org, "3065 Jackson Street", zip_code="94115")
    _listed("Summerbridge", org, "3120 Washington Street", zip_code="94115")
    # the same building and name, another organization: another service
    _listed("Summerbridge", m.Organization(name="Other", description="x"),
            "3065 Jackson Street", zip_code="94115")
    # the same organization and building, another name: another service
    _listed("Summerbridge Reading", org, "3065 Jackson Street", zip_code="94115")
    assert len(names(run(search="summerbridge", near="94115"))) == 4


def test_a_service_with_no_place_to_visit_is_never_taken_for_another(app):
    org = m.Organization(name="Helpline", description="Calls.")
    for name in ("HELP LINE", "Help Line"):
        builders.service(name, org=org, virtual=True, description="Call any time.")
    assert run(search="help line").total == 2


def _listed_ids(html):
    return re.findall(r'href="/services/([0-9a-f-]{36})', html)


def test_a_category_and_an_organization_list_the_service_once_and_count_it_once(app, client):
    terms = builders.load_taxonomy()
    group, safety = terms["group-therapy-peer-support"], terms["safety-from-abuse"]
    described, bare = _twins(described_terms=[group, safety], bare_terms=[group])
    other = builders.service("Riley Center", description="Groups.", terms=[group])
    counts = {term.code: count for term, count in catalogue.category_counts()}
    assert counts[group.code] == 2 and counts[safety.code] == 1
    listed = _listed_ids(client.get(f"/categories/{group.code}").get_data(as_text=True))
    assert len(listed) == 2 and other.id in listed  # and one of the two listings
    assert len({described.id, bare.id} & set(listed)) == 1
    assert catalogue.services_in_term(group)[1] == 2
    # a category only one listing is in still lists it
    assert _listed_ids(client.get(f"/categories/{safety.code}").get_data(as_text=True)) == \
        [described.id]
    page = client.get(f"/organizations/{described.organization_id}").get_data(as_text=True)
    assert _listed_ids(page) == [described.id]


def test_intake_matching_shows_a_service_listed_twice_once(app):
    terms = builders.load_taxonomy()
    # the category's search finds the bare listing, the words' search the described one
    described, bare = _twins(bare_terms=[terms["group-therapy-peer-support"]])
    result = matching.match(matching.ClientNeeds(
        categories=["group-therapy-peer-support"], text="domestic violence anonymous",
        place=locate.resolve("94129")))
    shown = [item.service.id for item in result.matches]
    assert len(shown) == 1 and shown[0] in (described.id, bare.id)
