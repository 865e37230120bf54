"""Categories for any directory: services imported from a 2-1-1 or any HSDS directory land in
this directory's categories from their own taxonomy (2-1-1 codes by prefix, term names,
Open Eligibility) or, with no terms, from their own words; target groups never become a
category; the import says how many services landed in none; an editor's correction
survives the next import; the sample directory keeps its categories; and San Francisco
2-1-1's real export lands almost entirely in categories."""

import json
import uuid

import pytest
from sqlalchemy import select

from bench import sf211
from directory import models as m
from directory import sample
from directory.categories.choice import CategoryChoice
from directory.categories.crosswalk import Crosswalk
from directory.extensions import db
from directory.hsds import importer
from tests.helpers import builders
from tests.helpers.apps import sample_app, serving
from tests.helpers.pages import form_values

NS = uuid.UUID("7c0d6a52-1f3e-4b8a-a2d4-5e6f70819a2b")
RECOVERY = {"residential-treatment", "group-therapy-peer-support", "telehealth",
            "transportation", "financial-assistance", "practical-support",
            "family-education-support", "crisis-support", "outpatient-counselling", "housing"}


def uid(*parts):
    return str(uuid.uuid5(NS, "|".join(parts)))


def term(code, name, taxonomy="Bay 2-1-1"):
    """Return an HSDS attribute carrying a taxonomy term of another directory."""
    term_id = uid("term", taxonomy, code or "", name or "")
    return {"id": uid("attribute", term_id, str(uuid.uuid4())), "taxonomy_term_id": term_id,
            "taxonomy_term": {"id": term_id, "code": code, "name": name, "description": name,
                              "taxonomy": taxonomy, "taxonomy_id": uid("taxonomy", taxonomy),
                              "taxonomy_detail": {"id": uid("taxonomy", taxonomy),
                                                  "name": taxonomy, "description": taxonomy}}}


def service(key, name, description=None, terms=()):
    return {"id": uid("service", key), "name": name, "description": description,
            "status": "active", "attributes": list(terms)}


def write(tmp_path, *services, name="Harbor Community Services", description=None):
    """Write one organization with `services` as an HSDS JSON file; return its path."""
    document = {"id": uid("organization", name), "name": name,
                "description": description or f"{name}, a community agency",
                "services": list(services)}
    path = tmp_path / f"{uuid.uuid4().hex}.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def categories(key):
    service_row = db.session.get(m.Service, uid("service", key))
    return {t.code for t in service_row.categories}


def populations(key):
    return db.session.get(m.Service, uid("service", key)).term_codes("population")


def test_2_1_1_codes_file_services_by_their_prefix(terms, client, tmp_path):
    report = importer.import_path(write(
        tmp_path,
        service("pantry", "Saint Anne's", terms=[term("BD-1800.2000", "Term one")]),
        service("teeth", "Harbor Annex", terms=[term("LV-1600.1500-200", "Term two")]),
        service("detox", "Harbor House", terms=[term("RX-1700.1700", "Term three")]),
        service("lawyer", "Pier 9 Office", terms=[term("FT-3200", "Term four")])))
    assert report.problems == []
    assert categories("pantry") == {"food"}
    assert categories("teeth") == {"dental-care"}
    assert categories("detox") == {"residential-treatment"}
    assert categories("lawyer") == {"legal-help"}
    page = client.get("/categories/dental-care").get_data(as_text=True)
    assert "Harbor Annex" in page and "Saint Anne" not in page


def test_2_1_1_term_names_without_codes_file_services(terms, tmp_path):
    importer.import_path(write(
        tmp_path,
        service("soup", "Saint Anne's", terms=[term(None, "Soup Kitchens", "sf211")]),
        service("rehab", "Harbor House", terms=[
            term(None, "Residential Drug Abuse Treatment Facilities", "sf211")]),
        service("tax", "Main Library", terms=[term(None, "VITA Programs", "sf211")]),
        service("help", "Harbor Line", terms=[term(None, "Information and Referral", "sf211")])))
    assert categories("soup") == {"food"}
    assert categories("rehab") == {"residential-treatment"}
    assert categories("tax") == {"benefits-money"}
    assert categories("help") == {"help-finding-services"}


def test_open_eligibility_terms_file_services_by_id_or_name(terms, tmp_path):
    importer.import_path(write(
        tmp_path,
        service("id", "Pier 9", terms=[term("110-01-01", "Job Placement", "Open Eligibility")]),
        service("name", "Pier 10", terms=[term(None, "Dental Care", "Open Eligibility")]),
        service("own", "Pier 11", terms=[term("X-7", "Peer recovery coaching", "Harbor")])))
    assert categories("id") == {"jobs-training"}
    assert categories("name") == {"dental-care"}
    # a taxonomy of its own: its term names are read like a service's words
    assert categories("own") == {"group-therapy-peer-support"}


def test_a_service_without_terms_is_filed_by_its_own_words(terms, tmp_path):
    importer.import_path(write(
        tmp_path,
        service("eviction", "Tenant Desk", "Free legal advice and court help for tenants "
                "facing eviction."),
        service("meals", "Saint Anne's", "Serves a hot lunch every weekday to anyone in need."),
        service("referred", "Front Desk", "Referrals to other agencies that offer housing and "
                "food."),
        service("quiet", "The Quiet Room", "A place to rest and read."),
        service("guide", "City Print Shop", "Publishes guides to free resources, including "
                "meals, pantries, medical care and shelters.")))
    assert categories("eviction") == {"legal-help"}
    assert categories("meals") == {"food"}
    # what a service refers people to, or lists in its guides, is not what it gives
    assert categories("referred") == set()
    assert categories("guide") == {"help-finding-services"}
    assert categories("quiet") == set()


def test_a_site_of_a_program_is_that_program(terms, tmp_path):
    importer.import_path(write(
        tmp_path, service("site-1", "Grace Church"), service("site-2", "Mission Rec Center"),
        name="Summer Food Service Program"))
    assert categories("site-1") == categories("site-2") == {"food"}


def test_target_populations_never_become_categories(terms, tmp_path):
    importer.import_path(write(
        tmp_path,
        service("seniors", "Harbor Hall", "Open Tuesdays.", terms=[
            term(None, "Older Adults", "sf211"), term("YN-9000", "Veterans")]),
        service("topic", "Harbor Annex", "Open Mondays.", terms=[
            term(None, "Housing Issues", "sf211"), term(None, "Hispanic/Latino Community")])))
    assert categories("seniors") == set()
    assert populations("seniors") == {"older-adults", "veterans"}
    assert categories("topic") == set()


def test_the_import_says_how_many_services_landed_in_no_category(terms, runner, tmp_path):
    path = write(
        tmp_path,
        service("pantry", "Saint Anne's", terms=[term(None, "Food Pantries", "sf211")]),
        service("quilts", "Harbor Hall", "Open Tuesdays.", terms=[
            term(None, "Quilting Circles", "sf211")]),
        service("quiet", "The Quiet Room", "A place to rest and read."))
    result = runner.invoke(args=["import-hsds", str(path)])
    assert result.exit_code == 0, result.output
    assert "2 of 3 services land in no category" in result.output
    assert "'Quilting Circles' (1)" in result.output


def test_an_editors_correction_survives_the_next_import(terms, editor_client, tmp_path):
    path = write(tmp_path, service("pantry", "Saint Anne's", "Hosts a weekly food pantry.",
                                   terms=[term(None, "Food Pantries", "sf211")]))
    importer.import_path(path)
    assert categories("pantry") == {"food"}
    url = f"/staff/services/{uid('service', 'pantry')}/edit"
    data = form_values(editor_client.get(url).get_data(as_text=True))
    data["categories"] = []  # the editor knows it closed its pantry: no category fits now
    assert editor_client.post(url, data=data).status_code == 302
    assert categories("pantry") == set()
    again = importer.import_path(path)
    assert again.problems == []
    db.session.expire_all()
    assert categories("pantry") == set()
    assert editor_client.get("/categories/food").get_data(as_text=True).count("Saint Anne") == 0


@pytest.fixture(scope="module")
def sample_feed(database_factory, tmp_path_factory):
    """The base URL of another directory's HSDS API (the sample) served on 127.0.0.1."""
    other = sample_app(database_factory("categories-feed"), tmp_path_factory.mktemp("feed"))
    with serving(other) as base_url:
        yield f"{base_url}/api"
    with other.app_context():
        db.engine.dispose()


def test_an_editors_correction_survives_a_sync_taking_the_feeds_copy(terms, runner,
                                                                      editor_client,
                                                                      sample_feed):
    assert runner.invoke(args=["sync-hsds", sample_feed]).exit_code == 0
    ride = db.session.scalars(select(m.Service).where(m.Service.status == "active")).all()
    ride = next(s for s in ride if s.term_codes("category") == {"transportation"})
    url = f"/staff/services/{ride.id}/edit"
    data = form_values(editor_client.get(url).get_data(as_text=True))
    data["categories"] = [terms["legal-help"].id]
    assert editor_client.post(url, data=data).status_code == 302
    synced = runner.invoke(args=["sync-hsds", sample_feed, "--everything"])
    assert f"conflict: {ride.name} ({ride.id})" in synced.output
    settled = runner.invoke(args=["sync-hsds", sample_feed, "--take-feed", ride.id])
    assert "the feed's copy is in" in settled.output
    db.session.expire_all()
    assert {t.code for t in db.session.get(m.Service, ride.id).categories} == {"legal-help"}


def test_new_category_pages_list_imported_services(terms, client, tmp_path):
    importer.import_path(write(
        tmp_path,
        service("pantry", "Saint Anne's Pantry", terms=[term(None, "Food Pantries", "sf211")]),
        service("jobs", "Harbor Jobs Desk", "Job search help and resume workshops.")))
    browse = client.get("/categories").get_data(as_text=True)
    assert "Saint Anne" not in browse
    assert 'href="/categories/food"' in browse and 'href="/categories/jobs-training"' in browse
    assert "Saint Anne&#39;s Pantry" in client.get("/categories/food").get_data(as_text=True)
    jobs = client.get("/categories/jobs-training").get_data(as_text=True)
    assert "Harbor Jobs Desk" in jobs and "1 service" in jobs


def test_categorize_files_what_the_directory_already_holds(app, runner):
    other = m.Taxonomy(name="sf211")
    pantry_term = m.TaxonomyTerm(name="Food Pantries", taxonomy_record=other)
    db.session.add(pantry_term)
    db.session.commit()
    pantry = builders.service("Saint Anne's", terms=[pantry_term])
    chosen = builders.service("Harbor Hall", terms=[pantry_term])
    db.session.add(CategoryChoice(service_id=chosen.id, chosen_by="editor@clinic.example.org"))
    db.session.commit()
    result = runner.invoke(args=["categorize"])
    assert result.exit_code == 0, result.output
    assert "1 of 2 services got 1 categories" in result.output
    db.session.expire_all()
    assert {t.code for t in db.session.get(m.Service, pantry.id).categories} == {"food"}
    assert db.session.get(m.Service, chosen.id).categories == []
    again = runner.invoke(args=["categorize"])
    assert "0 of 2 services got 0 categories" in again.output


def test_the_sample_keeps_its_categories_and_gains_the_new_ones_empty(app):
    sample.load_directory()
    document = json.loads(sample.SAMPLE_FILE.read_text(encoding="utf-8"))
    taxonomy = json.loads(sample.TAXONOMY_FILE.read_text(encoding="utf-8"))["terms"]
    root = next(t["id"] for t in taxonomy if t["code"] == "category")
    codes = {t["id"]: t["code"] for t in taxonomy if t["parent_id"] == root}
    written = {(s["id"], a["taxonomy_term_id"]) for org in document for s in org["services"]
               for a in s.get("attributes", []) if a["taxonomy_term_id"] in codes}
    stored = set(db.session.execute(
        select(m.Attribute.link_id, m.Attribute.taxonomy_term_id)
        .where(m.Attribute.taxonomy_term_id.in_(list(codes)))).all())
    assert stored == written
    assert {codes[t] for _, t in stored} == RECOVERY
    assert {"food", "health-care", "legal-help", "jobs-training"} <= set(codes.values())


def test_every_code_the_crosswalk_names_is_a_term_of_this_directory():
    taxonomy = json.loads(sample.TAXONOMY_FILE.read_text(encoding="utf-8"))["terms"]
    roots = {t["id"]: t["code"] for t in taxonomy if t["parent_id"] is None}
    known = {("population:" if roots[t["parent_id"]] == "population" else "") + t["code"]
             for t in taxonomy if roots.get(t["parent_id"]) in ("category", "population")}
    assert Crosswalk().categories() <= known


@pytest.fixture(scope="module")
def san_francisco(tmp_path_factory):
    reason = sf211.unavailable_reason()
    if reason:
        pytest.skip(f"San Francisco 2-1-1's export is not here: {reason}")
    folder = tmp_path_factory.mktemp("sf211-categories")
    app, _, report = sf211.build_directory(f"sqlite:///{folder}/sf211.db", folder / "index",
                                           folder / "sf211.json", progress=lambda line: None)
    yield app, report
    with app.app_context():
        db.engine.dispose()


def test_san_francisco_2_1_1_lands_in_categories(san_francisco):
    app, report = san_francisco
    with app.app_context():
        services = db.session.scalars(select(m.Service)).all()
        filed = [s for s in services if s.categories]
        assert len(filed) >= 0.95 * len(services), (len(filed), len(services))
        counts = {}
        for s in filed:
            for code in s.term_codes("category"):
                counts[code] = counts.get(code, 0) + 1
        assert counts["food"] > 300 and counts["benefits-money"] > 250
    assert any("land in no category" in str(w) for w in report.warnings)
