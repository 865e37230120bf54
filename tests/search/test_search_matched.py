"""Counts that mean what they say: of the services a search finds, those that meet every
need the words name outright are counted; those that meet only part of it (a word of a
concept's phrase, a word records use for it) are marked related, in the order their scores
give."""

import pytest

from directory.extensions import db
from directory.models import Service
from tests.helpers import builders
from tests.helpers.results import run as search

pytestmark = pytest.mark.index_answers  # once, on SQLite (conftest.py)


@pytest.fixture
def directory(app):
    terms = builders.load_taxonomy()
    builders.service("Harbor House", terms=[terms["residential-treatment"]],
                     description="A 30-day program with medical withdrawal management.")
    builders.service("Canyon Rehab", description="Inpatient rehab for alcohol and drugs.")
    builders.service("Open Door Counseling", terms=[terms["outpatient-counselling"]],
                     description="Outpatient treatment for anxiety and depression.")
    builders.service("Valley Clinic", terms=[terms["outpatient-counselling"]],
                     description="Treatment with medication, weekly visits.")
    builders.service("Little Steps", terms=[terms["practical-support"]],
                     description="Childcare while parents attend group therapy.")
    builders.service("Tuesday Circle", terms=[terms["group-therapy-peer-support"]],
                     description="A peer support group for people in recovery.")
    builders.service("Grief Group", terms=[terms["group-therapy-peer-support"]],
                     description="A support group after a loss.")
    return terms


def run(text, **extra):
    """Return the SearchResult and {name: related?} of its hits, in order."""
    result = search(q=text, **extra)
    return result, {db.session.get(Service, hit.service_id).name: hit.related
                    for hit in result.hits}


def test_a_concept_with_codes_is_met_by_its_codes_its_words_only_relate(directory):
    result, found = run("residential treatment")
    # The residential program by its category; the outpatient clinics say "treatment", and
    # the rehab says "inpatient rehab" without being filed as residential: related.
    assert found == {"Harbor House": False, "Canyon Rehab": True,
                     "Open Door Counseling": True, "Valley Clinic": True}
    assert result.matched == 1 and result.total == 4


def test_every_need_must_be_met_for_a_match(directory):
    result, found = run("peer support group")
    matched = {name for name, related in found.items() if not related}
    # "peer support" is a concept met by its code; "group" is a word each must hold.
    assert matched == {"Tuesday Circle", "Grief Group"}
    assert result.matched == 2 < result.total
    assert all(found[name] for name in found if name not in matched)


def test_a_concepts_related_codes_meet_it(directory):
    # "depression" names no code of its own; the services that help with it (counselling:
    # the concept's related code) meet it, whatever their words.
    result, found = run("depression")
    assert found["Valley Clinic"] is False and found["Open Door Counseling"] is False
    assert result.matched == 2


def test_without_words_every_service_found_is_a_match(directory):
    result, found = run("", category="group-therapy-peer-support")
    assert result.matched == result.total == 2
    assert not any(found.values())


def test_a_word_no_service_mentions_is_no_need(directory):
    # The page names the unknown word; what the other words ask is still met.
    result, found = run("inpatient zebraskate")
    assert result.unknown == ["zebraskate"]
    assert result.matched == 1 and not found["Harbor House"]


def test_a_word_typed_in_a_concept_from_another_language_matches(directory):
    result, found = run("tratamiento residencial", lang="es")
    assert not found["Harbor House"]
    assert result.matched == 1  # the same count as in English: the codes are the concept
