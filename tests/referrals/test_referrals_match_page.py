"""The intake match page as the coordinator reads it after "Find services": the answer
first, with a heading that says how many services fit, and the client's needs folded a
click away (still posted with every "Add to list", so the answer stays the same)."""

import re
from html import unescape

from tests.helpers.pages import html_of

ANSWERS = {"categories": "group-therapy-peer-support", "near": "92630", "radius": "25"}


def _match_url(referral_list):
    return f"/referrals/lists/{referral_list.id}/match"


def test_the_answer_comes_before_the_folded_needs(coordinator_client, referral_list,
                                                  referral_directory):
    page = html_of(coordinator_client.post(_match_url(referral_list), data=ANSWERS))
    heading = re.search(r'<h2 id="results-heading">(\d+) services? fits?</h2>', page)
    assert heading and int(heading.group(1)) >= 1, "a heading counts the services that fit"
    fields = page.index('<details class="change-needs">')
    assert "Change the client's needs" in unescape(page[fields:page.index("results-heading")])
    # The needs are inside the fold, which closes before the answer begins.
    assert fields < page.index('name="near"') < page.index("</details>") < page.index(
        'id="results-heading"')
    assert 'value="92630"' in page  # folded, not dropped: "Add to list" posts them again


def test_before_an_answer_the_needs_are_the_page(coordinator_client, referral_list):
    page = html_of(coordinator_client.get(_match_url(referral_list)))
    assert "change-needs" not in page and 'id="results-heading"' not in page
    assert 'name="near"' in page


def test_adding_from_the_answer_keeps_it_first(coordinator_client, referral_list,
                                               referral_directory):
    answers = {**ANSWERS, "add": referral_directory["online"].id}
    page = html_of(coordinator_client.post(_match_url(referral_list), data=answers))
    assert "Added to the list: Online Recovery Circle." in page
    assert page.index('<details class="change-needs">') < page.index('id="results-heading"')
    assert "On the list" in page


def test_a_category_added_is_on_the_next_form(coordinator_client, referral_list):
    from directory import models as m
    from directory.extensions import db

    before = html_of(coordinator_client.get(_match_url(referral_list)))
    assert 'value="group-therapy-peer-support"' in before
    assert 'value="equine-therapy"' not in before
    parent = db.session.scalar(db.select(m.TaxonomyTerm).where(
        m.TaxonomyTerm.code == "category", m.TaxonomyTerm.parent_id.is_(None)))
    db.session.add(m.TaxonomyTerm(code="equine-therapy", name="Equine therapy",
                                  parent_id=parent.id, taxonomy="project"))
    db.session.commit()
    assert 'value="equine-therapy"' in html_of(coordinator_client.get(_match_url(referral_list)))
