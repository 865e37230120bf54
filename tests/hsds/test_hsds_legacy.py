"""Importing what directories published before HSDS 3.0: Open Referral's HSDS 1.1 sample
package (read from `../shared/realdata/` beside the checkout), as a folder and as a zip with
its tables under `data/`, and a small HSDS 2.0 package; every table lands in its 3.0 place
(opening hours the service page shows, holidays it closes on, terms, phones, addresses),
the report says which version it read, a broken 1.x row is named precisely, and HSDS 3.0
packages are read as before."""

import csv
import io
import json
import zipfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from directory import coverage
from directory import models as m
from directory.extensions import db
from directory.hsds import importer
from directory.hsds.legacy_fields import file_for, place
from directory.template_helpers import hours_phrase
from tests.helpers import builders

SAMPLE = Path(__file__).resolve().parents[2] / ".." / "shared" / "realdata" / "hsds-1.1-sample"
needs_sample = pytest.mark.skipif(not SAMPLE.is_dir(), reason=(
    "Open Referral's HSDS 1.1 sample is not at ../shared/realdata/hsds-1.1-sample/ "
    "beside the checkout"))
HELPLINE = "c89eb05c-62dd-4b64-b494-0cc347b6ea7f"  # the sample's service with every table
SANCTUARY = "30b83c60-64a1-11e6-8b77-86f30ca893d3"  # its location
TERM_A = "df7be950-1b0f-11e9-b56e-0800200c9a66"
SAMPLE_COUNTS = {
    "organization": 10, "program": 1, "service": 13, "service_at_location": 13,
    "location": 10, "phone": 5, "contact": 1, "address": 2, "schedule": 4, "funding": 1,
    "service_area": 1, "required_document": 1, "language": 8, "accessibility": 1,
    "taxonomy": 1, "taxonomy_term": 1, "metadata": 1, "meta_table_description": 1}
# what the sample itself warrants a warning for: a term whose parent it lacks, places
# without coordinates or address, and "disabled parking" (not a feature searched by)
SAMPLE_WARNINGS = {"taxonomy_term.parent_id", "location.latitude", "accessibility.description"}


def _at(day, hour):
    return datetime(*day, hour, tzinfo=ZoneInfo(coverage.timezone()))


def _sample_zip(path, services_taxonomy=""):
    """Zip the sample as a 2-1-1 ships it: the descriptor at the root, tables under data/."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(SAMPLE.iterdir()):
            text = file.read_text(encoding="utf-8")
            if file.name == "services_taxonomy.csv":
                text += services_taxonomy
            archive.writestr(file.name if file.suffix == ".json" else f"data/{file.name}", text)
    return path


def _package(folder, tables, descriptor=None):
    """Write a data package: {file name: [header, rows...]}, and its descriptor if given."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(rows)
        (folder / name).write_text(buffer.getvalue(), encoding="utf-8-sig")
    if descriptor:
        (folder / "datapackage.json").write_text(json.dumps(descriptor))
    return folder


@needs_sample
def test_the_1_1_sample_imports_every_table_into_its_3_0_place(app, client):
    report = importer.import_path(SAMPLE)
    assert report.read_as == "read as HSDS 1.1 (plural table names)"
    assert report.problems == [] and report.ignored == {}
    assert {name: n for name, n in report.created.items() if n} == SAMPLE_COUNTS
    assert {f"{w.table}.{w.field}" for w in report.warnings} == SAMPLE_WARNINGS
    helpline = db.session.get(m.Service, HELPLINE)
    assert helpline.organization.website == "http://example.com"
    assert helpline.eligibility_description == "adult"
    assert helpline.fees_description == "Payments accepted: cash, credit card."
    assert helpline.interpretation_services == "over the phone"
    assert db.session.scalar(select(m.RequiredDocument.document).where(
        m.RequiredDocument.service_id == HELPLINE)) == "Sample required document"
    assert [(a.name, a.description) for a in helpline.service_areas] == [
        ("Sample service area", "A description about the service area")]
    assert sorted(lang.code for lang in helpline.languages) == ["en", "es"]
    sanctuary = db.session.get(m.Location, SANCTUARY)
    assert sanctuary.location_type == "physical"
    assert sorted((a.address_type, a.city, a.postal_code) for a in sanctuary.addresses) == [
        ("physical", "New York City", "10001"), ("postal", "New York City", "10001")]
    assert sanctuary.accessibility[0].description == "Disabled parking"
    office = db.session.get(m.Phone, "3733e828-58e5-4ff5-9dc6-ae24f92a0f56")
    assert (office.number, office.extension, office.location_id) == (
        "(0123) 4567 8900", "42", "30b84570-64a1-11e6-8b77-86f30ca893d3")
    assert sorted(lang.name for lang in office.languages) == ["English", "Spanish"]
    term = db.session.get(m.TaxonomyTerm, TERM_A)
    assert (term.name, term.taxonomy, term.taxonomy_record.name) == ("Taxonomy A", "AIRS",
                                                                     "AIRS")
    change = db.session.scalar(select(m.ChangeRecord))
    assert (change.resource_id, change.resource_type) == (HELPLINE, "service")
    # Monday to Wednesday 9 to 5, and closed 24 to 26 December 2019
    assert hours_phrase(helpline, _at((2019, 12, 17), 10)) == ("open", "Open now, until 5:00 PM")
    assert hours_phrase(helpline, _at((2019, 12, 24), 10)) == ("closed", "Closed today (holiday)")
    assert hours_phrase(helpline, _at((2019, 12, 19), 10))[1] == (
        "Closed now. Opens Monday at 9:00 AM.")
    page = client.get(f"/services/{HELPLINE}").get_data(as_text=True)
    for day in ("Monday", "Tuesday", "Wednesday"):
        assert f'<th scope="row">{day}</th>\n<td>9:00 AM – 5:00 PM</td>' in page
    assert '<th scope="row">Thursday</th>\n<td>Closed</td>' in page
    assert "Payments accepted: cash, credit card." in page


@needs_sample
def test_the_1_1_sample_zipped_with_its_tables_under_data_imports_by_the_command(
        app, runner, tmp_path):
    terms = builders.load_taxonomy()  # the directory's payment terms: cash is one
    link = f"b1f9a0a2-0000-4000-8000-000000000001,{HELPLINE},{TERM_A},\n"
    archive = _sample_zip(tmp_path / "sample-211.zip", services_taxonomy=link)
    result = runner.invoke(args=["import-hsds", str(archive)])
    assert result.exit_code == 0, result.output
    assert "read as HSDS 1.1 (plural table names)" in result.output
    assert "schedule             created       4" in result.output
    assert ", 0 skipped." in result.output and "not stored" not in result.output
    helpline = db.session.get(m.Service, HELPLINE)
    assert {t.name for t in helpline.terms} >= {"Taxonomy A", terms["cash"].name}
    assert [t.code for t in helpline.terms_in("payment")] == ["cash"]
    again = runner.invoke(args=["import-hsds", str(archive)])
    assert "0 created, 0 updated" in again.output, again.output


def _two_point_o(folder):
    org, svc, loc = ("0a1b2c3d-0000-4000-8000-00000000000" + n for n in "123")
    terms = ("0a1b2c3d-0000-4000-8000-000000000010", "0a1b2c3d-0000-4000-8000-000000000011")
    return _package(folder, {
        "organizations.csv": [["ID", "Name", "Description", "URL"],
                              [org, "Harbor 2-1-1", "Referrals.", "https://harbor.example"]],
        "services.csv": [["id", "organization_id", "name", "status", "fees"],
                         [svc, org, "Harbor Pantry", "Active", "None; bring ID"]],
        "locations.csv": [["id", "organization_id", "name", "latitude", "longitude"],
                          [loc, org, "Harbor Hall", "33.74", "-118.27"]],
        "services_at_location.csv": [["id", "service_id", "location_id"],
                                     ["0a1b2c3d-0000-4000-8000-000000000004", svc, loc]],
        "physical_addresses.csv": [
            ["id", "location_id", "address_1", "address_3", "city", "state_province",
             "postal_code", "country"],
            ["0a1b2c3d-0000-4000-8000-000000000005", loc, "1 Pier Way", "Suite 2",
             "Long Beach", "CA", "90802", "USA"]],
        "schedules.csv": [
            ["id", "service_id", "freq", "interval", "byday", "opens_at", "closes_at"],
            ["0a1b2c3d-0000-4000-8000-000000000006", svc, "DAILY", "1", "", "8:00 AM",
             "noon"]],
        "taxonomy_terms.csv": [["id", "term", "description", "parent_id", "taxonomy"],
                               [terms[0], "Food", "Food help", "", "Open Eligibility"],
                               [terms[1], "Food Pantry", "Groceries", terms[0],
                                "Open Eligibility"]],
        "service_attributes.csv": [["id", "service_id", "taxonomy_term_id"],
                                   ["0a1b2c3d-0000-4000-8000-000000000007", svc, terms[1]]],
        "other_attributes.csv": [["id", "link_id", "link_type", "taxonomy_term_id"],
                                 ["0a1b2c3d-0000-4000-8000-000000000008", loc, "location",
                                  terms[0]]],
        "languages.csv": [["id", "service_id", "language"],
                          ["0a1b2c3d-0000-4000-8000-000000000009", svc, "English; vi"]],
        "metadata.csv": [["id", "resource_id", "resource_type", "last_action_date",
                          "last_action_type", "field_name", "previous_value",
                          "replacement_value", "updated_by"],
                         ["0a1b2c3d-0000-4000-8000-000000000012", svc, "service",
                          "2020-10-08T09:00:00Z", "create", "name", "", "Harbor Pantry",
                          "Harbor staff"]],
    }, {"name": "harbor", "version": "2.0.1", "profile": "tabular-data-package",
        "resources": [{"name": "service_attribute", "path": "service_attributes.csv"}]})


def test_a_2_0_package_imports_with_its_renamed_fields(app, runner, tmp_path):
    folder = _two_point_o(tmp_path / "harbor")
    result = runner.invoke(args=["import-hsds", str(folder)])
    assert result.exit_code == 0, result.output
    assert "read as HSDS 2.0 (plural table names)" in result.output
    assert ", 0 skipped." in result.output
    service = db.session.scalar(select(m.Service).where(m.Service.name == "Harbor Pantry"))
    assert service.status == "active" and service.fees_description == "None; bring ID"
    assert service.organization.website == "https://harbor.example"
    assert [t.name for t in service.terms] == ["Food Pantry"]
    assert service.terms[0].parent.name == "Food"
    assert service.terms[0].taxonomy_record.name == "Open Eligibility"
    hall = service.locations[0]
    located = db.session.scalar(select(m.Attribute).where(m.Attribute.link_id == hall.id))
    assert (located.link_entity, located.taxonomy_term.name) == ("location", "Food")
    assert (hall.address.address_2, hall.address.country) == ("Suite 2", "US")
    assert sorted(lang.code for lang in service.languages) == ["en", "vi"]
    # "DAILY" is every day of the week: open on a Saturday morning, closed at noon
    assert hours_phrase(service, _at((2026, 5, 2), 9)) == ("open", "Open now, until 12:00 PM")
    assert hours_phrase(service, _at((2026, 5, 2), 13))[0] == "closed"
    assert db.session.scalar(select(m.ChangeRecord.resource_type)) == "service"


def _broken_one_point_one(folder):
    org, svc = "5e0f0000-0000-4000-8000-000000000001", "5e0f0000-0000-4000-8000-000000000002"
    return _package(folder, {
        "organizations.csv": [["id", "name", "description"], [org, "Bay 2-1-1", "Help."]],
        "services.csv": [["id", "organization_id", "name", "status"],
                         [svc, org, "Bay Shelter", "active"]],
        "regular_schedules.csv": [
            ["id", "service_id", "weekday", "opens_at", "closes_at"],
            ["5e0f0000-0000-4000-8000-000000000010", svc, "Mon-Fri", "9am", "5:30 PM"],
            ["5e0f0000-0000-4000-8000-000000000011", svc, "Funday", "09:00", "17:00"],
            ["5e0f0000-0000-4000-8000-000000000012", svc, "Saturday", "late", "23:00"],
            ["5e0f0000-0000-4000-8000-000000000013", svc, "7", "10:00"]],
        "holiday_schedules.csv": [
            ["id", "service_id", "closed", "opens_at", "closes_at", "start_date", "end_date"],
            ["5e0f0000-0000-4000-8000-000000000030", svc, "no", "10:00", "14:00",
             "2026-12-24", "2026-12-24"],
            ["5e0f0000-0000-4000-8000-000000000031", svc, "maybe", "", "", "2026-12-25", ""]],
        "eligibility.csv": [["id", "service_id", "eligibility"],
                            ["5e0f0000-0000-4000-8000-000000000020", svc, "adult; family"],
                            ["5e0f0000-0000-4000-8000-000000000021",
                             "5e0f0000-0000-4000-8000-00000000dead", "teen"]],
    })


def test_a_broken_1_x_row_is_reported_by_file_id_and_field(app, runner, tmp_path):
    folder = _broken_one_point_one(tmp_path / "bay")
    strict = runner.invoke(args=["import-hsds", str(folder), "--strict"])
    assert strict.exit_code == 1
    assert "--strict: 5 invalid record(s); nothing was imported." in strict.output
    assert builders.count(m.Service) == 0 and builders.count(m.Schedule) == 0
    result = runner.invoke(args=["import-hsds", str(folder)])
    assert result.exit_code == 1
    skipped = sorted(line for line in result.output.splitlines() if line.startswith("skipped"))
    dead, bay = "5e0f0000-0000-4000-8000-00000000dead", "5e0f0000-0000-4000-8000-0000000000"
    assert skipped == [
        (f"skipped: eligibility {bay}21: service_id: refers to service {dead}, which is not in "
         "this package; HSDS 3.0 keeps its eligibility_description on the service itself "
         "(eligibility.csv)"),
        (f"skipped: schedule {bay}11: weekday: 'Funday' is not a day of the week (1 = Monday "
         "to 7 = Sunday, or its name) (regular_schedules.csv)"),
        (f"skipped: schedule {bay}12: opens_at: 'late' is not a time of day (HH:MM) "
         "(regular_schedules.csv)"),
        (f"skipped: schedule {bay}13: regular_schedules.csv line 5: has 4 values but the "
         "header has 5; the row is broken (a missing quote or comma?)"),
        (f"skipped: schedule {bay}31: closed: 'maybe' is not true or false "
         "(holiday_schedules.csv)")]
    assert "read as HSDS 1.x (plural table names)" in result.output
    # holiday hours are added to the day's own: said, since they cannot shorten it
    assert ("warning: schedule 5e0f0000-0000-4000-8000-000000000030: opens_at: holiday hours "
            "from 2026-12-24 to 2026-12-24 are added to the regular hours of those days, which "
            "this directory cannot shorten (holiday_schedules.csv)") in result.output
    service = db.session.scalar(select(m.Service))
    assert service.eligibility_description == "adult, family"
    assert sorted((s.byday, s.opens_at, s.closes_at) for s in service.schedules) == [
        ("MO,TU,WE,TH,FR", "09:00", "17:30"), ("MO,TU,WE,TH,FR,SA,SU", "10:00", "14:00")]
    assert hours_phrase(service, _at((2026, 12, 24), 9))[1] == "Open now, until 5:30 PM"
    assert hours_phrase(service, _at((2026, 12, 26), 11))[0] == "closed"  # a Saturday


def test_a_3_0_package_is_read_as_3_0(app, runner, hsds_fixtures):
    result = runner.invoke(args=["import-hsds", str(hsds_fixtures / "package")])
    assert result.exit_code == 0, result.output
    assert "read as" not in result.output
    assert importer.read(hsds_fixtures / "package")[3] is None


@needs_sample
def test_every_field_of_the_1_1_descriptor_has_its_place():
    descriptor = json.loads((SAMPLE / "datapackage.json").read_text(encoding="utf-8"))
    unplaced = [f"{r['path']}: {f['name']}" for r in descriptor["resources"]
                for f in r["schema"]["fields"]
                if place(file_for(r["path"][:-4]), f["name"]) is None]
    assert unplaced == []
