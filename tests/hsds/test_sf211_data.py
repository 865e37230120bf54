"""San Francisco 2-1-1's real export as bench/sf211.py builds it (when `../shared/realdata/`
is beside the checkout): the conversion's counts are the documented ones, the import sets
nothing aside, the directory holds every organization, place and service, and every service
the judged set tests/relevance/sf211_cases.json names is in it. Relevance floors come later,
after tuning; here only the yardstick itself is checked."""

import json
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from bench import sf211
from directory.extensions import db
from directory.models import Location, Organization, Service, TaxonomyTerm
from tests.helpers import builders

pytestmark = pytest.mark.skipif(sf211.unavailable_reason() is not None,
                                reason=sf211.unavailable_reason() or "")
CASES = Path(__file__).resolve().parents[1] / "relevance" / "sf211_cases.json"
# What the export holds once each described location absorbed its description-less twin
# (tests/relevance/README.md, "San Francisco 2-1-1").
COUNTS = {"lines": 841, "export locations": 2697, "twins folded": 778, "organizations": 830,
          "locations": 1914, "services": 1919, "sf211 terms": 411}


def _service_ids(document):
    return [s["id"] for org in document if "services" in org for s in org["services"]]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sf211")
    app, conversion, report = sf211.build_directory(
        f"sqlite:///{folder}/sf211.db", folder / "index", folder / "sf211.json",
        progress=lambda line: None)
    yield app, conversion, report
    with app.app_context():
        db.engine.dispose()


def test_the_conversion_has_the_documented_counts(built):
    _, conversion, _ = built
    assert {name: conversion.counts[name] for name in COUNTS} == COUNTS


def test_the_import_sets_no_record_aside(built):
    report = built[2]
    assert report.problems == []
    assert report.written
    created = {name: report.created[name] for name in
               ("organization", "location", "service", "service_at_location", "taxonomy_term")}
    assert created == {"organization": 830, "location": 1914, "service": 1919,
                       "service_at_location": 1919, "taxonomy_term": 411}
    # what the import only warns about: streets and ZIP codes the export leaves blank, and
    # how many services land in no category
    assert set(Counter(f"{w.table}.{w.field}" for w in report.warnings)) <= {
        "address.address_1", "address.postal_code", "service.category"}


def test_the_directory_holds_every_organization_place_and_service(built):
    app, _, _ = built
    with app.app_context():
        assert (builders.count(Organization), builders.count(Location),
                builders.count(Service)) == (830, 1914, 1919)
        assert builders.count(TaxonomyTerm, TaxonomyTerm.taxonomy_id == sf211.TAXONOMY["id"]) == 411
        # the four places the export gives no coordinates are placed at their ZIP or city
        assert builders.count(Location, Location.latitude.is_(None)) == 0


def test_every_judged_service_is_in_the_directory(built):
    app, _, _ = built
    cases = json.loads(CASES.read_text(encoding="utf-8"))
    groups = Counter(case["group"] for case in cases)
    assert len(cases) >= 100 and groups["sf-en"] >= 40
    assert groups["sf-es"] >= 30 and groups["sf-vi"] >= 30
    judged = {j["service"] for case in cases for j in case["judgments"]}
    with app.app_context():
        found = set(db.session.scalars(select(Service.id).where(Service.id.in_(judged))))
    assert judged - found == set()
    for case in cases:
        assert any(j["grade"] == 2 for j in case["judgments"]), case["id"]


def test_ids_do_not_move_between_conversions():
    first, second = (sf211.convert(sf211.read_export()) for _ in range(2))
    assert _service_ids(first.document) == _service_ids(second.document)
    assert len(set(_service_ids(first.document))) == COUNTS["services"]



def test_a_services_languages_are_its_places_where_the_export_lists_them(built):
    """The export lists languages on places only ("Chinese Russian Spanish Tagalog
    Vietnamese"): the language filter finds every service at a place that lists
    Vietnamese, and no other."""
    from directory.models import Language, ServiceAtLocation
    from tests.helpers.results import run

    app, _, _ = built
    with app.test_request_context():
        assert builders.count(Language, Language.service_id.is_not(None)) == 0
        at_places = set(db.session.scalars(
            select(ServiceAtLocation.service_id)
            .join(Language, Language.location_id == ServiceAtLocation.location_id)
            .where(Language.code == "vi")))
        result = run(language="vi", near="94109", radius=25, per_page=100)
        assert {hit.service_id for hit in result.hits} == at_places
        assert result.total == len(at_places) >= 5
