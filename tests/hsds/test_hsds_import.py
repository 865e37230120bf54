"""Importing HSDS 3.0: JSON (a service with everything nested, organizations with their
services) and CSV data packages (folder or zip), upserting by id, findable afterwards."""

import json
import shutil

from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from directory.hsds import importer

COACHING = "81dcdb29-4db5-5252-b916-d1de0ce029f7"


def _imported(runner, path):
    """Return what `flask import-hsds PATH` printed, after checking it succeeded."""
    result = runner.invoke(args=["import-hsds", str(path)])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_nested_service_imports_with_zero_skipped_and_is_findable(app, client, runner,
                                                                     hsds_fixtures):
    output = _imported(runner, hsds_fixtures / "service_full.json")
    assert "0 skipped" in output
    assert "not stored" not in output
    service = db.session.get(m.Service, COACHING)
    assert service.organization.name == "Tidewater Peer Recovery Network"
    assert [loc.name for loc in service.locations] == ["Tidewater Santa Ana Hub"]
    assert service.locations[0].address.postal_code == "92701"
    assert service.capacities[0].unit.name == "coaching slots"
    assert service.schedules[0].timezone == -8
    assert {t.name for t in service.terms} == {"Peer recovery coaching"}
    # the file names the term's parent without holding it: kept as written, and said
    assert service.terms[0].parent_id == "589a2daa-a9a0-560d-8031-5277306b061e"
    assert "warning: taxonomy_term" in output and "parent_id: refers to" in output
    assert "kept as written" in output
    funding = db.session.scalars(select(m.Funding)).all()
    assert [f.organization_id for f in funding] == [service.organization_id]
    assert db.session.scalar(select(m.Url.label).where(m.Url.service_id == COACHING)) == "Flyer"
    phone = service.locations[0].phones[0]
    assert phone.extension == "12" and phone.languages[0].note == "Ask for Rosa"
    found = client.get("/api/services?search=coaching").get_json()
    assert [s["id"] for s in found["contents"]] == [COACHING]


def test_organizations_with_nested_services_import(app, client, hsds_fixtures):
    report = importer.import_path(hsds_fixtures / "organizations.json")
    assert report.problems == []
    assert report.created["organization"] == 2 and report.created["service"] == 3
    location = db.session.scalar(select(m.Location).where(m.Location.name == "Canyon Family Center"))
    assert location.organization.name == "Canyon Family Wellness"
    # placed at its ZIP code, since the file gave no coordinates
    assert round(location.latitude, 1) == 33.6 and round(location.longitude, 1) == -117.7
    names = [s["name"] for s in client.get("/api/services?search=sober").get_json()["contents"]]
    assert names == ["Lantern Sober Living"]


def test_a_data_package_folder_imports_and_fills_missing_coordinates(app, client, runner,
                                                                     hsds_fixtures):
    output = _imported(runner, hsds_fixtures / "package")
    assert "coordinates filled from the address: 1" in output
    assert "not stored" not in output
    assert db.session.query(m.Funding).count() == 1
    fountain_valley = db.session.scalar(select(m.Location).where(
        m.Location.name == "Bayside Fountain Valley"))
    assert fountain_valley.latitude is not None
    iop = db.session.scalar(select(m.Service).where(m.Service.name == "Intensive Outpatient Program"))
    assert len(iop.service_at_locations) == 2
    assert [p.extension for p in iop.phones] == ["204"]
    found = client.get("/api/services?search=aftercare&near=92648").get_json()
    assert [s["name"] for s in found["contents"]] == ["Aftercare Alumni Group"]


def test_a_zipped_package_imports_the_same(app, hsds_fixtures, tmp_path):
    folder = tmp_path / "nested" / "bayside"
    shutil.copytree(hsds_fixtures / "package", folder)
    archive = shutil.make_archive(str(tmp_path / "bayside"), "zip", tmp_path / "nested")
    report = importer.import_path(archive)
    assert report.problems == []
    assert report.created["service"] == 2 and report.created["service_at_location"] == 3


def test_importing_the_same_file_twice_changes_nothing(app, runner, hsds_fixtures,
                                                       table_snapshot):
    runner.invoke(args=["import-hsds", str(hsds_fixtures / "service_full.json")])
    before = table_snapshot()
    output = _imported(runner, hsds_fixtures / "service_full.json")
    assert "0 created, 0 updated" in output
    assert table_snapshot() == before


def test_a_newer_version_updates_the_record_and_the_history_names_the_import(
        app, hsds_fixtures, tmp_path):
    importer.import_path(hsds_fixtures / "service_full.json")
    newer = json.loads((hsds_fixtures / "service_full.json").read_text())
    newer["fees_description"] = "Free; donations welcome."
    newer["phones"][0]["number"] = "(714) 555-0147"
    path = tmp_path / "tidewater-update.json"
    path.write_text(json.dumps(newer))
    report = importer.import_path(path)
    assert report.updated["service"] == 1 and report.updated["phone"] == 1
    assert sum(report.created.values()) == 0
    db.session.expire_all()
    assert db.session.get(m.Service, COACHING).fees_description == "Free; donations welcome."
    history = db.session.scalars(select(m.ChangeRecord).where(
        m.ChangeRecord.resource_id == COACHING,
        m.ChangeRecord.field_name == "fees_description")).all()
    assert [(h.previous_value, h.replacement_value, h.updated_by) for h in history] == [
        ("Free.", "Free; donations welcome.", "import: tidewater-update.json")]
    again = importer.import_path(path)
    assert again.changed == 0 and again.problems == []


def test_a_reference_to_nothing_is_kept_as_written_with_a_warning(app, hsds_fixtures,
                                                                  tmp_path):
    document = json.loads((hsds_fixtures / "organizations.json").read_text())
    document[1]["parent_organization_id"] = "0b9a3f57-0000-4000-8000-000000000000"
    path = tmp_path / "orgs.json"
    path.write_text(json.dumps(document))
    report = importer.import_path(path)
    assert report.problems == []
    assert [str(w) for w in report.warnings] == [(
        f"organization {document[1]['id']}: parent_organization_id: refers to organization "
        "0b9a3f57-0000-4000-8000-000000000000, which is neither in the file nor in the "
        "directory; kept as written")]
    assert db.session.get(m.Organization, document[1]["id"]).parent_organization_id \
        == "0b9a3f57-0000-4000-8000-000000000000"


def test_a_large_import_shows_progress_and_a_summary(app, runner, tmp_path):
    organization = {"id": "7d1c1b8e-0000-4000-8000-000000000000", "name": "Big County",
                    "description": "Many small services.", "services": [
                        {"id": f"7d1c1b8e-0000-4000-8000-{i:012d}", "name": f"Group {i}",
                         "status": "active", "description": "A weekly recovery group."}
                        for i in range(1, 401)]}
    path = tmp_path / "big.json"
    path.write_text(json.dumps(organization))
    output = _imported(runner, path)
    assert "records/s" in output
    assert "service              created     400" in output
    assert db.session.query(m.Service).count() == 400


def test_the_quirks_of_published_examples_import_with_zero_skipped(app, hsds_fixtures,
                                                                    tmp_path):
    """Shared records repeated under every parent, placeholder values, impossible
    coordinates and tables we do not keep: warnings, never skipped records."""
    document = json.loads((hsds_fixtures / "service_full.json").read_text())
    shared_phone = document["phones"][0]
    location = document["service_at_locations"][0]["location"]
    location["phones"].append(shared_phone)
    document["organization"]["phones"].append(shared_phone)
    document["contacts"][0]["phones"].append(shared_phone)
    location["latitude"], location["longitude"] = 100, 101
    del location["addresses"][0]["postal_code"]
    location["addresses"][0]["postal_code"] = "ABC 1234"
    location["addresses"][0]["city"] = "Nowhere Town"
    document["attributes"][0]["link_entity"] = "link_entity"
    document["metadata"] = [{"id": "6d0f3b1e-0000-4000-8000-000000000000",
                             "resource_type": "location", "field_name": "name",
                             "last_action_date": "2023-01-01", "last_action_type": "update",
                             "previous_value": "Old", "replacement_value": "New",
                             "updated_by": "Ann"}]
    document["program"] = {"id": "7e1a2b3c-0000-4000-8000-000000000000", "name": "Peer program"}
    path = tmp_path / "quirky.json"
    path.write_text(json.dumps(document))
    report = importer.import_path(path)
    assert report.problems == []
    assert report.ignored == {}
    assert db.session.get(m.Service, COACHING).program_id == document["program"]["id"]
    assert db.session.get(m.Program, document["program"]["id"]).name == "Peer program"
    history = db.session.get(m.ChangeRecord, "6d0f3b1e-0000-4000-8000-000000000000")
    # it names no record, so it tags the service it is nested in (and is exported there)
    assert (history.resource_type, history.resource_id) == ("service", COACHING)
    reasons = [f"{w.table}.{w.field}: {w.reason}" for w in report.warnings]
    assert "location.latitude: 100 is outside -90..90; imported without coordinates" in reasons
    # not placed at its address either: the file said something else
    assert not any("could not be placed" in r for r in reasons)
    phone = db.session.get(m.Phone, shared_phone["id"])
    assert {phone.service_id, phone.location_id, phone.organization_id, phone.contact_id} \
        == {COACHING, location["id"], document["organization"]["id"],
            document["contacts"][0]["id"]}
    service = db.session.get(m.Service, COACHING)
    assert [a.link_entity for a in service.attributes] == ["service"]
