"""Answers a person can act on: opening times that say which day, a search outside the
directory's area that says what it covers and where else to look, and records imported
from another directory found by the language and wheelchair filters."""

import json
from datetime import UTC, datetime

import pytest

from directory import models as m
from directory.extensions import db
from directory.hsds.importer import import_path
from directory.template_helpers import hours_phrase
from tests.helpers import builders
from tests.helpers.results import names, run

TUESDAY_NOON = datetime(2026, 12, 1, 20, 0, tzinfo=UTC)  # 12:00 in Los Angeles


def _with_hours(*rows):
    service = builders.service("Open Hours Clinic", commit=False)
    service.schedules = [m.Schedule(freq="WEEKLY", byday=day, opens_at=opens, closes_at=closes)
                         for day, opens, closes in rows]
    db.session.commit()
    return service


@pytest.mark.parametrize("rows,words", [
    ((("TU", "09:00", "17:00"),), "Open now, until 5:00 PM"),
    ((("TU", "19:00", "21:00"),), "Closed now. Opens today at 7:00 PM."),
    ((("TU", "08:00", "10:00"), ("WE", "10:00", "12:00")),
     "Closed now. Opens tomorrow at 10:00 AM."),
    ((("TU", "08:00", "10:00"),), "Closed now. Opens next Tuesday at 8:00 AM."),
    ((("FR", "10:00", "12:00"),), "Closed now. Opens Friday at 10:00 AM."),
    ((("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59"),), "Open now, 24 hours"),
    ((("TU", "22:00", "02:00"), ("MO", "11:00", "13:00")), "Closed now. Opens today at 10:00 PM."),
])
def test_hours_say_which_day_and_until_when(app, rows, words):
    service = _with_hours(*rows)
    with app.test_request_context():
        assert hours_phrase(service, TUESDAY_NOON)[1] == words


def test_an_overnight_opening_says_it_closes_tomorrow_morning(app):
    service = _with_hours(("MO", "22:00", "02:00"))
    monday_late = datetime(2026, 12, 1, 7, 0, tzinfo=UTC)  # Monday 23:00 in Los Angeles
    with app.test_request_context():
        assert hours_phrase(service, monday_late) == ("open", "Open now, until 2:00 AM")


def test_a_search_outside_the_area_says_what_is_covered_and_where_to_look(seeded_client):
    page = seeded_client.get("/search?q=detox&near=10001").get_data(as_text=True)
    assert "is outside the area this directory covers" in page
    assert "Orange County, CA" in page
    assert "https://www.211.org/" in page and "https://findtreatment.gov/" in page
    assert "Search a wider area" not in page and "Search without the words" not in page
    assert "988" in page
    sacramento = seeded_client.get("/search?near=95814").get_data(as_text=True)
    assert "is outside the area this directory covers" in sacramento
    assert "Statewide Video Therapy" in sacramento  # remote services that reach it stay
    inside = seeded_client.get("/search?q=detox&near=92701").get_data(as_text=True)
    assert "outside the area" not in inside


def test_the_covered_area_can_be_configured(seeded_app):
    seeded_app.config["DIRECTORY_AREA"] = "South Orange County"
    try:
        page = seeded_app.test_client().get("/search?near=10001").get_data(as_text=True)
    finally:
        seeded_app.config["DIRECTORY_AREA"] = ""
    assert "This directory lists services in South Orange County." in page


def test_languages_by_name_and_accessibility_in_words_are_found_after_import(app, tmp_path):
    builders.load_taxonomy()
    record = {
        "id": "11111111-1111-4111-8111-111111111111", "name": "Saigon Family Center",
        "description": "A family center in Westminster.",
        "services": [{
            "id": "22222222-2222-4222-8222-222222222222", "name": "Family Counselling",
            "description": "Counselling for families.",
            "status": "active",
            "organization_id": "11111111-1111-4111-8111-111111111111",
            "languages": [{"id": "33333333-3333-4333-8333-333333333333", "name": "vietnamese"},
                          {"id": "44444444-4444-4444-8444-444444444444", "name": "Elvish"}],
            "service_at_locations": [{
                "id": "55555555-5555-4555-8555-555555555555",
                "location": {
                    "id": "66666666-6666-4666-8666-666666666666",
                    "location_type": "physical", "name": "Main office",
                    "latitude": 33.745, "longitude": -117.94,
                    "accessibility": [
                        {"id": "77777777-7777-4777-8777-777777777777",
                         "description": "Wheelchair accessible entrance"},
                        {"id": "88888888-8888-4888-8888-888888888888",
                         "description": "Friendly staff"}]}}]}]}
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    report = import_path(path)
    assert not report.problems
    warned = {(w.table, w.record_id) for w in report.warnings}
    assert ("language", "44444444-4444-4444-8444-444444444444") in warned
    assert ("accessibility", "88888888-8888-4888-8888-888888888888") in warned
    assert names(run(language="vi", near="92683")) == ["Family Counselling"]
    assert names(run(wheelchair="true", near="92683")) == ["Family Counselling"]
    assert names(run(language="Vietnamese", near="92683")) == ["Family Counselling"]
    kept = db.session.get(m.Language, "44444444-4444-4444-8444-444444444444")
    assert kept.name == "Elvish" and kept.code is None
    again = import_path(path)  # importing the same feed again adds nothing twice
    assert sum(again.created.values()) == 0


def test_a_service_held_in_another_language_ranks_below_for_a_reader_of_english(app):
    from werkzeug.datastructures import MultiDict

    from directory import finder

    terms = builders.load_taxonomy()
    builders.service("Korean-Language Counselling", terms=[terms["outpatient-counselling"]],
                     languages=("Korean",), description="Counselling held in Korean.")
    builders.service("Harbor Counselling", terms=[terms["outpatient-counselling"]],
                     lat=33.70, lng=-117.70, description="Counselling for adults.")

    def order(reads, **args):
        found = finder.find(MultiDict({"near": "92630", **args}), reads=reads)
        return [db.session.get(m.Service, hit.service_id).name for hit in found.items]

    assert order(["en"], q="counselling") == ["Harbor Counselling",
                                              "Korean-Language Counselling"]
    assert order([], q="counselling")[0] == "Korean-Language Counselling"  # nearer
    assert order(["en"], q="Korean counselling")[0] == "Korean-Language Counselling"
    assert order(["en"], q="counselling", language="ko")[0] == "Korean-Language Counselling"


@pytest.mark.parametrize("text,codes", [
    ("Wheelchair accessible entrance", {"wheelchair-access"}),
    ("Step-free entrance and an elevator; bus stop at the door",
     {"wheelchair-access", "near-transit"}),
    ("Not wheelchair accessible; stairs only", set()),
    ("No elevator", set()),
    ("Restroom is not ADA compliant", set()),
    ("Uplifting murals in a cramped waiting room", set()),
    ("Staff trained to help; transitional housing office", set()),
    ("Sign language interpreters on request", {"asl"}),
])
def test_accessibility_words_give_the_features_a_place_has_not_those_it_lacks(text, codes):
    from directory.hsds.normalize import _features

    assert _features(text) == codes


def test_an_age_asks_for_the_services_of_that_age(app):
    terms = builders.load_taxonomy()
    builders.service("Teen Recovery Group", terms=[terms["group-therapy-peer-support"]],
                     minimum_age=13, maximum_age=17, description="A recovery group.")
    builders.service("Recovery Group", terms=[terms["group-therapy-peer-support"]],
                     lat=33.70, lng=-117.70, description="A recovery group.")
    assert names(run(search="recovery group", near="92630"))[0] == "Recovery Group"
    assert names(run(search="recovery group", near="92630", age="16"))[0] == (
        "Teen Recovery Group")
    assert names(run(search="teen recovery group", near="92630"))[0] == "Teen Recovery Group"
