"""Import hygiene: limits on uncompressed size and record count (a small zip cannot take
gigabytes of memory), repeated ids reported once with a count, `import-hsds FILE.csv`
reading that package's folder only, and exported text cells a spreadsheet would run as a
formula neutralised (and read back as written)."""

import csv
import json
import shutil
import zipfile

from sqlalchemy import func, select

from directory import models as m
from directory.extensions import db
from directory.hsds import export, importer

ORG = "f18098b1-8dd6-54df-9a6f-c9eea6222322"


def _services(count):
    return {"id": ORG, "name": "Big County", "description": "Many services.",
            "services": [{"id": f"7d1c1b8e-0000-4000-8000-{i:012d}", "name": f"Group {i}",
                          "status": "active"} for i in range(count)]}


def test_a_small_zip_that_unpacks_past_the_size_limit_is_refused(app, runner, tmp_path):
    app.config["HSDS_IMPORT_MAX_BYTES"] = 1_000_000
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("services.csv", "id,name,status\n" + "x" * 5_000_000 + "\n")
    assert path.stat().st_size < 50_000
    result = runner.invoke(args=["import-hsds", str(path)])
    assert result.exit_code == 1
    assert "bomb.zip: holds 5,000,016 bytes uncompressed; at most 1,000,000" in result.output
    assert db.session.scalar(select(func.count()).select_from(m.Service)) == 0


def test_a_file_past_the_record_limit_is_refused(app, runner, tmp_path):
    app.config["HSDS_IMPORT_MAX_RECORDS"] = 10
    path = tmp_path / "many.json"
    path.write_text(json.dumps(_services(20)))
    result = runner.invoke(args=["import-hsds", str(path)])
    assert result.exit_code == 1
    assert "many.json: holds 21 records; at most 10 are imported at once" in result.output
    app.config["HSDS_IMPORT_MAX_RECORDS"] = 21
    assert importer.import_path(path).created["service"] == 20


def test_repeated_ids_are_reported_once_with_a_count(app, hsds_fixtures, tmp_path):
    package = tmp_path / "package"
    shutil.copytree(hsds_fixtures / "package", package)
    with (package / "services.csv").open(newline="") as handle:
        rows = list(csv.reader(handle))
    with (package / "services.csv").open("w", newline="") as handle:
        csv.writer(handle).writerows(rows + rows[1:] + rows[1:2])
    report = importer.import_path(package)
    repeated = [p for p in report.problems if "more than once" in p.reason]
    assert [str(p) for p in repeated] == [(
        f"service (no id): id: {len(rows) - 1} id(s) appear more than once in services.csv "
        f"({len(rows)} repeated row(s), the first {rows[1][0]} from line 2); the first row "
        "of each is kept")]
    assert report.created["service"] == len(rows) - 1


def test_a_csv_path_imports_its_folder_and_never_a_subfolder(app, runner, hsds_fixtures,
                                                              tmp_path):
    package = tmp_path / "package"
    shutil.copytree(hsds_fixtures / "package", package)
    older = package / "older"
    older.mkdir()
    (older / "organizations.csv").write_text(
        "id,name,description\n0b9a3f57-0000-4000-8000-000000000000,Old Org,Gone.\n")
    result = runner.invoke(args=["import-hsds", str(package / "services.csv")])
    assert result.exit_code == 0, result.output
    assert db.session.get(m.Organization, ORG) is not None
    assert db.session.get(m.Organization, "0b9a3f57-0000-4000-8000-000000000000") is None


def test_exported_cells_that_look_like_formulas_are_neutralised(app, tmp_path):
    organization = _services(2)
    organization["services"][0]["name"] = '=HYPERLINK("http://evil.example","Call")'
    organization["services"][1]["name"] = "@SUM(A1)"
    organization["services"][1]["description"] = "-5 days wait"
    organization["locations"] = [{"id": "7d1c1b8e-1111-4000-8000-000000000000",
                                  "location_type": "physical", "name": "+Hub",
                                  "latitude": 33.7, "longitude": -117.9}]
    source = tmp_path / "org.json"
    source.write_text(json.dumps(organization))
    assert importer.import_path(source).problems == []
    export.export(tmp_path / "package", "csv")
    with (tmp_path / "package" / "services.csv").open(newline="") as handle:
        services = {r["id"]: r for r in csv.DictReader(handle)}
    with (tmp_path / "package" / "locations.csv").open(newline="") as handle:
        location = next(csv.DictReader(handle))
    first, second = (services[s["id"]] for s in organization["services"])
    assert first["name"] == """'=HYPERLINK("http://evil.example","Call")"""
    assert (second["name"], second["description"]) == ("'@SUM(A1)", "'-5 days wait")
    assert (location["name"], location["longitude"]) == ("'+Hub", "-117.9")
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(table.delete())
    db.session.commit()
    assert importer.import_path(tmp_path / "package").problems == []
    assert db.session.get(m.Service, organization["services"][0]["id"]).name \
        == organization["services"][0]["name"]
    assert db.session.get(m.Location, "7d1c1b8e-1111-4000-8000-000000000000").name == "+Hub"
