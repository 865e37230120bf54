"""Exporting HSDS 3.0: JSON and CSV data packages that follow the specification's rules
(required fields, enumerations, types), filtered exports, and a round trip without loss:
export, import into an empty database, export again, and the two are identical."""

import csv
import filecmp
import json
from datetime import date, datetime

import pytest
from jsonschema import Draft202012Validator
from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from directory.hsds import export, importer
from directory.hsds.datapackage import descriptor
from directory.hsds.rules import CSV_PATHS, ENUMS, REQUIRED, TABULAR_REQUIRED, field_order
from directory.hsds.schema import standalone
from directory.hsds.tables import TABLES


def _schema_errors(table_name, objects, full=True):
    validator = Draft202012Validator(standalone(table_name, full),
                                     format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [f"{error.json_path}: {error.message}" for obj in objects
            for error in validator.iter_errors(obj)]


@pytest.fixture(scope="module")
def sample_exports(seeded_app, tmp_path_factory):
    """The sample directory exported once in both forms."""
    folder = tmp_path_factory.mktemp("exports")
    with seeded_app.app_context():
        export.export(folder / "directory.json", "json")
        export.export(folder / "package", "csv")
    return folder


def test_the_json_export_follows_the_rules_of_each_object(sample_exports):
    items = json.loads((sample_exports / "directory.json").read_text())
    organizations = [i for i in items if "services" in i]
    terms = [i for i in items if "services" not in i]
    assert len(organizations) >= 30 and len(terms) >= 50
    assert _schema_errors("organization", organizations) == []
    assert _schema_errors("taxonomy_term", terms, full=False) == []
    service = next(s for o in organizations for s in o["services"] if s.get("capacities"))
    assert isinstance(service["capacities"][0]["unit"]["name"], str)
    assert {"location"} <= set(service["service_at_locations"][0])


def test_the_json_export_tags_categories_with_their_open_eligibility_terms(sample_exports):
    items = json.loads((sample_exports / "directory.json").read_text())
    service = next(s for o in items if "services" in o for s in o["services"]
                   if s["name"] == "Spanish-Language Peer Recovery Group")
    taxonomies = {a["taxonomy_term"]["taxonomy_detail"]["name"] for a in service["attributes"]}
    assert taxonomies == {"Recovery Directory", "Open Eligibility"}
    open_eligibility = [a["taxonomy_term"]["name"] for a in service["attributes"]
                        if a["taxonomy_term"]["taxonomy_detail"]["name"] == "Open Eligibility"]
    assert "Support Groups" in open_eligibility


def _check_cell(table_name, name, value):
    column = TABLES[table_name].model.__table__.columns[name]
    kind = type(column.type).__name__
    if (table_name, name) in ENUMS:
        assert value in ENUMS[(table_name, name)], (table_name, name, value)
    if kind in ("Float", "Integer") or (table_name, name) == ("phone", "extension"):
        float(value)
    elif kind == "Date":
        date.fromisoformat(value)
    elif kind == "DateTime":
        assert value.endswith("Z")
        datetime.fromisoformat(value[:-1])


def test_the_csv_export_follows_the_tabular_rules(seeded_app, sample_exports):
    package = sample_exports / "package"
    listed = json.loads((package / "datapackage.json").read_text())
    assert listed == descriptor()
    for table_name, path in CSV_PATHS.items():
        with (package / path).open(newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == field_order(table_name)
        required = {"id", *REQUIRED.get(table_name, ()), *TABULAR_REQUIRED.get(table_name, ())}
        ids = set()
        for row in rows[1:]:
            record = dict(zip(rows[0], row, strict=True))
            assert record["id"] not in ids
            ids.add(record["id"])
            for name in required:
                assert record[name] != "", (table_name, record["id"], name)
            for name, value in record.items():
                if value != "":
                    _check_cell(table_name, name, value)
    with (package / "services.csv").open() as handle, seeded_app.app_context():
        assert sum(1 for _ in handle) - 1 == db.session.query(m.Service).count() >= 80


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_the_round_trip_is_identical(seeded_app, app, sample_exports, tmp_path, fmt):
    first = sample_exports / ("directory.json" if fmt == "json" else "package")
    report = importer.import_path(first)
    assert report.problems == [] and report.warnings == []
    second = tmp_path / ("again.json" if fmt == "json" else "again")
    export.export(second, fmt)
    if fmt == "json":
        assert filecmp.cmp(first, second, shallow=False)
    else:
        comparison = filecmp.dircmp(first, second)
        assert comparison.left_only == comparison.right_only == []
        assert filecmp.cmpfiles(first, second, sorted(CSV_PATHS.values()) +
                                ["datapackage.json"], shallow=False)[1:] == ([], [])


def test_a_filtered_export_holds_those_services_and_what_they_need(seeded_app, tmp_path):
    with seeded_app.app_context():
        runner = seeded_app.test_cli_runner()
        result = runner.invoke(args=["export-hsds", str(tmp_path / "housing.json"),
                                     "--category", "housing"])
        assert result.exit_code == 0, result.output
        housing = set(db.session.scalars(select(m.Attribute.link_id).join(
            m.TaxonomyTerm, m.TaxonomyTerm.id == m.Attribute.taxonomy_term_id).where(
            m.TaxonomyTerm.code == "housing")))
        zipped = runner.invoke(args=["export-hsds", str(tmp_path / "recent.zip"), "--format",
                                     "csv", "--modified-after", "2026-10-01"])
        assert zipped.exit_code == 0, zipped.output
        recent = set(db.session.scalars(select(m.Service.id).where(
            m.Service.last_modified > datetime(2026, 10, 1))))
        bad = runner.invoke(args=["export-hsds", str(tmp_path / "x.json"), "--category", "nope"])
        assert bad.exit_code == 2 and "no category with the code 'nope'" in bad.output
    items = json.loads((tmp_path / "housing.json").read_text())
    services = {s["id"] for o in items if "services" in o for s in o["services"]}
    assert services == housing
    assert _schema_errors("organization", [o for o in items if "services" in o]) == []
    report = importer.read(tmp_path / "recent.zip")
    assert set(report[0]["service"]) == recent and report[1] == []


def test_every_stored_field_has_its_place_in_the_hsds_order():
    """A column added to a model must be placed in rules.FIELD_ORDER (or made private),
    or exports would silently leave it out."""
    from directory.hsds.rules import FIELD_ORDER

    for name, table in TABLES.items():
        assert set(FIELD_ORDER[name]) == set(table.fields), name
