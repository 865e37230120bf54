"""Bad HSDS never half-lands: each malformed input is reported by table, id, field and
reason; by default the rest imports and the exit status says records were skipped; with
--strict the database is left exactly as it was."""

import json
import shutil

import pytest

from directory import models as m
from directory.extensions import db
from tests.helpers import builders

COACHING = "81dcdb29-4db5-5252-b916-d1de0ce029f7"


def _organizations(hsds_fixtures):
    return json.loads((hsds_fixtures / "organizations.json").read_text())


def _malformed(hsds_fixtures, tmp_path, case):
    """Return (path, the skipped line expected, names of services still imported)."""
    orgs = _organizations(hsds_fixtures)
    lantern = orgs[1]["services"][0]
    if case == "missing required field":
        del lantern["status"]
        expect = f"skipped: service {lantern['id']}: status: is required"
    elif case == "bad enum":
        lantern["status"] = "open"
        expect = (f"skipped: service {lantern['id']}: status: 'open' is not one of active, "
                  "inactive, defunct, temporarily closed")
    elif case == "bad type":
        lantern["maximum_age"] = "sixty-five"
        expect = f"skipped: service {lantern['id']}: maximum_age: 'sixty-five' is not a number"
    elif case == "dangling organization_id":
        orgs[1] = {**lantern, "organization_id": "5f0e8d3c-0000-4000-8000-00000000dead"}
        expect = (f"skipped: service {lantern['id']}: organization_id: refers to organization "
                  "5f0e8d3c-0000-4000-8000-00000000dead, which is neither in the file nor in "
                  "the directory")
    elif case == "20 MB description":  # it would have made a 20 MB public page
        lantern["description"] = "x" * (20 * 1024 * 1024)
        expect = (f"skipped: service {lantern['id']}: description: is 20,971,520 characters "
                  "long; at most 10,000 are accepted (TEXT_MAX_CHARS)")
    return builders.hsds_file(tmp_path, "orgs.json", orgs), expect


CASES = ["missing required field", "bad enum", "bad type", "dangling organization_id",
         "20 MB description"]


@pytest.mark.parametrize("case", CASES)
def test_an_invalid_record_is_skipped_precisely_and_the_rest_imports(
        app, runner, hsds_fixtures, tmp_path, case):
    path, expect = _malformed(hsds_fixtures, tmp_path, case)
    result = runner.invoke(args=["import-hsds", str(path)])
    assert result.exit_code == 1
    assert expect in result.output
    names = {s.name for s in db.session.query(m.Service)}
    assert names == {"Family Recovery Education Night", "Family Counselling by Video"}


@pytest.mark.parametrize("case", CASES)
def test_strict_leaves_the_database_exactly_as_it_was(app, runner, hsds_fixtures, tmp_path,
                                                      table_snapshot, case):
    runner.invoke(args=["import-hsds", str(hsds_fixtures / "service_full.json")])
    before = table_snapshot()
    path, expect = _malformed(hsds_fixtures, tmp_path, case)
    result = runner.invoke(args=["import-hsds", "--strict", str(path)])
    assert result.exit_code == 1
    assert expect in result.output
    assert "--strict: 1 invalid record(s); nothing was imported." in result.output
    assert table_snapshot() == before


def test_records_that_depend_on_a_skipped_record_are_skipped_with_it(app, hsds_fixtures,
                                                                     tmp_path):
    document = json.loads((hsds_fixtures / "service_full.json").read_text())
    document["status"] = "closed for good"
    from directory.hsds import importer

    report = importer.import_path(builders.hsds_file(tmp_path, "svc.json", document))
    reasons = {(p.table, p.field, p.reason) for p in report.problems}
    assert ("service_at_location", "service_id",
            f"refers to service {COACHING}, which is skipped") in reasons
    assert ("cost_option", "service_id", f"refers to service {COACHING}, which is skipped") \
        in reasons
    assert db.session.get(m.Service, COACHING) is None
    assert db.session.query(m.ServiceAtLocation).count() == 0
    assert db.session.query(m.CostOption).count() == 0
    # the organization and the location stand on their own and are imported
    assert db.session.query(m.Organization).count() == 1


def test_a_truncated_json_file_is_reported_with_its_line_and_imports_nothing(
        app, runner, hsds_fixtures, tmp_path, table_snapshot):
    text = (hsds_fixtures / "organizations.json").read_text()
    path = tmp_path / "cut.json"
    path.write_text(text[: len(text) // 2])
    before = table_snapshot()
    result = runner.invoke(args=["import-hsds", str(path)])
    assert result.exit_code == 1
    lines = text[: len(text) // 2].count("\n") + 1
    assert f"Error: cut.json: line {lines}, column" in result.output
    assert "(the file looks truncated)" in result.output
    assert table_snapshot() == before


def test_a_csv_with_a_broken_row_names_the_file_and_line(app, runner, hsds_fixtures, tmp_path,
                                                         table_snapshot):
    package = tmp_path / "package"
    shutil.copytree(hsds_fixtures / "package", package)
    services = (package / "services.csv").read_text().splitlines()
    services[2] = services[2].replace(",Just come.,", ",Just come.")  # one value short
    (package / "services.csv").write_text("\n".join(services) + "\n")
    result = runner.invoke(args=["import-hsds", str(package)])
    assert result.exit_code == 1
    assert ("services.csv line 3: has 22 values but the header has 23; the row is broken"
            in result.output)
    # its location link is skipped with it; the other service imports
    broken = "af80498f-ae85-55da-a99e-9393fe9177dc"
    assert f"service_id: refers to service {broken}, which is skipped" in result.output
    assert {s.name for s in db.session.query(m.Service)} == {"Intensive Outpatient Program"}
    before = table_snapshot()
    strict = runner.invoke(args=["import-hsds", "--strict", str(package)])
    assert strict.exit_code == 1 and table_snapshot() == before


def test_a_csv_with_an_unclosed_quote_imports_nothing(app, runner, hsds_fixtures, tmp_path,
                                                      table_snapshot):
    package = tmp_path / "package"
    shutil.copytree(hsds_fixtures / "package", package)
    with (package / "phones.csv").open("a") as handle:
        handle.write('7a4e2c1d-0000-4000-8000-000000000001,,,,,,"(657) 555-0162\n')
    before = table_snapshot()
    result = runner.invoke(args=["import-hsds", str(package)])
    assert result.exit_code == 1
    assert "Error: phones.csv line 4: unexpected end of data" in result.output
    assert table_snapshot() == before


def test_a_file_that_is_not_utf8_is_refused(app, runner, tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('[{"id": "x", "name": "Se\u00f1ora"}]'.encode("latin-1"))
    result = runner.invoke(args=["import-hsds", str(path)])
    assert result.exit_code == 1
    assert "latin1.json: byte 24 is not UTF-8 text; save the file as UTF-8" in result.output


def test_invisible_control_characters_are_taken_out_with_a_warning(app, runner, hsds_fixtures,
                                                                     tmp_path):
    # PostgreSQL refuses a NUL outright; a bidirectional override reverses text on screen.
    orgs = _organizations(hsds_fixtures)
    lantern = orgs[1]["services"][0]
    lantern["name"] = "Lantern\x00 House\u202e"
    lantern["description"] = "Peer\x0b support\x01 nightly"
    path = builders.hsds_file(tmp_path, "orgs.json", orgs)
    result = runner.invoke(args=["import-hsds", str(path)])
    assert result.exit_code == 0, result.output
    for field in ("name", "description"):
        assert (f"warning: service {lantern['id']}: {field}: held invisible control "
                "characters") in result.output
    service = db.session.get(m.Service, lantern["id"])
    assert (service.name, service.description) == ("Lantern House", "Peer support nightly")


def test_a_record_id_with_a_control_character_is_skipped_by_name(app, runner, hsds_fixtures,
                                                                 tmp_path):
    orgs = _organizations(hsds_fixtures)
    orgs[1]["services"][0]["id"] = "lantern\x00house"
    result = runner.invoke(args=["import-hsds", str(builders.hsds_file(tmp_path, "o.json", orgs))])
    assert "skipped: service lantern\\x00house: id: holds invisible control characters" \
        in result.output, result.output
    names = set(db.session.scalars(db.select(m.Service.name)))
    assert "Lantern Sober Living" not in names and names  # skipped; the rest imported
