"""Exporting HSDS in the official shapes, 3.0 and 3.1: every exported object (JSON, and
each CSV row read back as an object) validates against the specification's own schemas
and holds no key they lack; the data package has the files and columns of the official
datapackage.json; a filtered export; and a round trip without loss in both profiles and
both formats: export, import into an empty database, export again, identical files."""

import csv
import filecmp
import json
from datetime import datetime

import pytest
from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from directory.hsds import export, importer
from directory.hsds.rules import CSV_PATHS
from directory.hsds.tables import TABLES
from tests.helpers import official_hsds as official

JSON_FILES = {"services.json": "service", "organizations.json": "organization",
              "locations.json": "location", "taxonomies.json": "taxonomy",
              "taxonomy_terms.json": "taxonomy_term",
              "meta_table_descriptions.json": "meta_table_description"}
# HSDS 3.1's datapackage.json lists only these fields of service_capacity and unit
# (its JSON schemas have more); the export writes all of them.
INCOMPLETE_IN_3_1 = {"service_capacity", "unit"}
# The one table beyond HSDS, documented in README.md (hsds/translations.py).
EXTENSION = {"name": "translation", "path": "translations.csv",
             "fields": ["id", "link_entity", "link_id", "language", "field", "text"]}


@pytest.fixture(scope="module")
def sample_exports(seeded_app, tmp_path_factory):
    """The sample directory exported once in each profile and format."""
    folder = tmp_path_factory.mktemp("exports")
    with seeded_app.app_context():
        for profile in official.VERSIONS:
            export.export(folder / f"json-{profile}", "json", profile=profile)
            export.export(folder / f"csv-{profile}", "csv", profile=profile)
    return folder


@pytest.mark.parametrize("profile", official.VERSIONS)
def test_every_exported_json_object_follows_the_official_schema(sample_exports, profile):
    folder = sample_exports / f"json-{profile}"
    assert sorted(p.name for p in folder.iterdir()) == sorted(JSON_FILES)
    for file_name, table_name in JSON_FILES.items():
        objects = json.loads((folder / file_name).read_text())
        assert official.objects_errors(profile, table_name, objects) == []
        assert [k for o in objects for k in official.unknown_keys(profile, table_name, o)] == []
    services = json.loads((folder / "services.json").read_text())
    assert len(services) >= 80
    assert all("services" not in o for o in json.loads((folder / "organizations.json")
                                                        .read_text()))
    with_capacity = [s for s in services if s.get("capacities")]
    assert bool(with_capacity) == (profile == "3.1")
    assert all(s["metadata"] for s in services)  # the change history travels too


def test_the_json_export_tags_categories_with_their_open_eligibility_terms(sample_exports):
    services = json.loads((sample_exports / "json-3.0" / "services.json").read_text())
    service = next(s for s in services if s["name"] == "Spanish-Language Peer Recovery Group")
    taxonomies = {a["taxonomy_term"]["taxonomy_detail"]["name"] for a in service["attributes"]}
    assert taxonomies == {"Recovery Directory", "Open Eligibility"}
    open_eligibility = [a["taxonomy_term"]["name"] for a in service["attributes"]
                        if a["taxonomy_term"]["taxonomy_detail"]["name"] == "Open Eligibility"]
    assert "Support Groups" in open_eligibility


def _typed(kind, value):
    if kind == "number":
        number = float(value)
        return int(number) if number.is_integer() else number
    return value


@pytest.mark.parametrize("profile", official.VERSIONS)
def test_the_data_package_follows_the_official_datapackage(sample_exports, profile):
    package = sample_exports / f"csv-{profile}"
    ours = json.loads((package / "datapackage.json").read_text())
    theirs = {r["name"]: r for r in official.datapackage(profile)["resources"]}
    assert {r["name"] for r in ours["resources"]} == set(theirs) | {EXTENSION["name"]}
    assert sorted(p.name for p in package.iterdir()) == sorted(
        [r["path"] for r in theirs.values()] + ["datapackage.json", EXTENSION["path"]])
    for resource in ours["resources"]:
        if resource["name"] == EXTENSION["name"]:
            assert resource["path"] == EXTENSION["path"]
            assert [f["name"] for f in resource["schema"]["fields"]] == EXTENSION["fields"]
            continue
        expected = [f["name"] for f in theirs[resource["name"]]["schema"]["fields"]]
        fields = [f["name"] for f in resource["schema"]["fields"]]
        assert resource["path"] == theirs[resource["name"]]["path"]
        if profile == "3.1" and resource["name"] in INCOMPLETE_IN_3_1:
            assert set(expected) <= set(fields)
        else:
            assert fields == expected, resource["name"]
        kinds = {name: official.value_type(profile, resource["name"], name) for name in fields}
        with (package / resource["path"]).open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        required = set(official.object_schema(profile, resource["name"]).get("required", ()))
        # an empty cell is an absent value, or the empty text of a required one
        objects = [{k: _typed(kinds.get(k), v) for k, v in row.items()
                    if v != "" or k in required} for row in rows]
        assert official.objects_errors(profile, resource["name"], objects, tabular=True) == []
    with (package / "services.csv").open() as handle:
        assert sum(1 for _ in handle) - 1 >= 80


@pytest.mark.parametrize("profile", official.VERSIONS)
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_the_round_trip_is_identical(seeded_app, app, sample_exports, tmp_path, fmt, profile):
    first = sample_exports / f"{fmt}-{profile}"
    report = importer.import_path(first)
    assert report.problems == [] and report.ignored == {}
    second = tmp_path / "again"
    export.export(second, fmt, profile=profile)
    names = sorted(p.name for p in first.iterdir())
    assert sorted(p.name for p in second.iterdir()) == names
    assert filecmp.cmpfiles(first, second, names, shallow=False)[1:] == ([], [])


def test_a_filtered_export_holds_those_services_and_what_they_need(seeded_app, tmp_path):
    with seeded_app.app_context():
        runner = seeded_app.test_cli_runner()
        result = runner.invoke(args=["export-hsds", str(tmp_path / "housing"),
                                     "--category", "housing"])
        assert result.exit_code == 0, result.output
        housing = set(db.session.scalars(select(m.Attribute.link_id).join(
            m.TaxonomyTerm, m.TaxonomyTerm.id == m.Attribute.taxonomy_term_id).where(
            m.TaxonomyTerm.code == "housing")))
        zipped = runner.invoke(args=["export-hsds", str(tmp_path / "recent.zip"), "--format",
                                     "csv", "--modified-after", "2026-10-01"])
        assert zipped.exit_code == 0, zipped.output
        recent = set(db.session.scalars(select(m.Service.id).where(
            m.Service.last_modified >= datetime(2026, 10, 1))))
        bad = runner.invoke(args=["export-hsds", str(tmp_path / "x"), "--category", "nope"])
        assert bad.exit_code == 2 and "no category with the code 'nope'" in bad.output
        one_file = runner.invoke(args=["export-hsds", str(tmp_path / "x.json")])
        assert one_file.exit_code == 2 and "the JSON export is a folder" in one_file.output
    services = json.loads((tmp_path / "housing" / "services.json").read_text())
    assert {s["id"] for s in services} == housing
    assert official.objects_errors("3.0", "service", services) == []
    report = importer.read(tmp_path / "recent.zip")
    assert set(report[0]["service"]) == recent and report[1] == []


def test_every_stored_field_has_its_place_in_the_hsds_order():
    """A column added to a model must be placed in rules.FIELD_ORDER (or made private),
    or exports would silently leave it out."""
    from directory.hsds.rules import FIELD_ORDER

    for name, table in TABLES.items():
        assert set(FIELD_ORDER[name]) == set(table.fields), name
    assert set(CSV_PATHS) == set(TABLES)
