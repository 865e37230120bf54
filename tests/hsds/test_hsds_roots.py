"""Importing every HSDS root object (service, organization, location, service_at_location,
taxonomy, taxonomy_term) in every form: one object, a list, an API page, NDJSON, a folder
of files; nothing misfiled, nothing lost. A record using every table goes through both
profiles and both formats and comes back identical, and each exported object follows the
official schemas."""

import json
import uuid

import pytest

from directory import models as m
from directory.extensions import db
from directory.hsds import export, importer
from tests.helpers import builders
from tests.helpers import official_hsds as official

NS = uuid.UUID("2b8f2d4e-5c1a-4e7b-9f3d-1a2b3c4d5e6f")


def uid(name):
    return str(uuid.uuid5(NS, name))


def _phone(name):
    return {"id": uid(name), "number": "714-555-0100", "extension": 12, "type": "voice",
            "languages": [{"id": uid(name + "-lang"), "name": "Spanish", "code": "es"}]}


def _location():
    return {
        "id": uid("loc"), "location_type": "physical", "name": "Harbor Hub",
        "latitude": 33.7, "longitude": -117.9, "external_identifier": "X1",
        "addresses": [{"id": uid("addr"), "address_1": "1 Main St", "city": "Santa Ana",
                       "state_province": "CA", "postal_code": "92701", "country": "US",
                       "address_type": "physical"}],
        "accessibility": [{"id": uid("acc"), "description": "Step-free entrance",
                           "url": "https://harbor.example.org/access"}],
        "phones": [_phone("loc-phone")],
        "schedules": [{"id": uid("loc-sched"), "freq": "WEEKLY", "byday": "MO,TU",
                       "opens_at": "09:00", "closes_at": "17:00"}],
        "languages": [{"id": uid("loc-lang"), "name": "Vietnamese", "code": "vi"}],
        "contacts": [{"id": uid("loc-contact"), "name": "Rosa", "phones": [_phone("c-ph")]}],
        "metadata": [{"id": uid("loc-meta"), "last_action_date": "2024-01-02",
                      "last_action_type": "update", "field_name": "name",
                      "previous_value": "Hub", "replacement_value": "Harbor Hub",
                      "updated_by": "Ann"}],
    }


def _organization():
    return {
        "id": uid("org"), "name": "Harbor Recovery", "description": "Recovery help.",
        "website": "https://harbor.example.org", "year_incorporated": 2001,
        "parent_organization_id": uid("parent-elsewhere"),
        "additional_websites": [{"id": uid("org-url"), "label": "Blog",
                                 "url": "https://harbor.example.org/blog"}],
        "funding": [{"id": uid("org-fund"), "source": "County grant"}],
        "programs": [{"id": uid("prog"), "name": "Harbor Program",
                      "description": "All Harbor groups."}],
        "organization_identifiers": [{"id": uid("org-ident"), "identifier_scheme": "US-EIN",
                                      "identifier_type": "EIN", "identifier": "12-3456789"}],
        "contacts": [{"id": uid("org-contact"), "name": "Front desk"}],
        "phones": [_phone("org-phone")],
        "locations": [_location()],
        "attributes": [{"id": uid("org-attr"), "taxonomy_term_id": uid("term"),
                        "value": "yes"}],
    }


def _term():
    return {"id": uid("term"), "code": "peer", "name": "Peer support",
            "description": "Support from peers.", "parent_id": uid("term-elsewhere"),
            "taxonomy_detail": {"id": uid("tax"), "name": "Harbor Terms",
                                "description": "Harbor's own terms.", "version": "1"}}


def _service():
    return {
        "id": uid("svc"), "name": "Peer Coaching", "status": "active",
        "description": "Weekly coaching.", "minimum_age": 18,
        "last_modified": "2024-02-03T04:05:06Z", "assured_date": "2024-02-01",
        "organization": {k: v for k, v in _organization().items()
                         if not isinstance(v, list)},
        "program": {"id": uid("prog"), "name": "Harbor Program",
                    "description": "All Harbor groups."},
        "additional_urls": [{"id": uid("svc-url"), "label": "Flyer",
                             "url": "https://harbor.example.org/flyer.pdf"}],
        "funding": [{"id": uid("svc-fund"), "source": "State grant"}],
        "required_documents": [{"id": uid("doc"), "document": "Photo ID",
                                "uri": "https://harbor.example.org/id"}],
        "cost_options": [{"id": uid("cost"), "option": "Sliding", "amount": 5,
                          "currency": "USD"}],
        "service_areas": [{"id": uid("area"), "name": "Orange County",
                           "extent_type": "text", "extent": "county:CA:Orange"}],
        "capacities": [{"id": uid("cap"), "available": 3, "maximum": 10,
                        "updated": "2024-02-03T00:00:00Z",
                        "unit": {"id": uid("unit"), "name": "seats"}}],
        "phones": [_phone("svc-phone")],
        "schedules": [{"id": uid("svc-sched"), "freq": "WEEKLY", "byday": "WE"}],
        "languages": [{"id": uid("svc-lang"), "name": "English", "code": "en"}],
        "contacts": [{"id": uid("svc-contact"), "name": "Coach Lee"}],
        "attributes": [{"id": uid("svc-attr"), "taxonomy_term_id": uid("term"),
                        "label": "Peer", "taxonomy_term": _term()}],
        "service_at_locations": [{
            "id": uid("sal"), "description": "At the hub.", "location": _location(),
            "service_areas": [{"id": uid("sal-area"), "name": "Santa Ana"}],
            "schedules": [{"id": uid("sal-sched"), "freq": "WEEKLY", "byday": "TH"}],
            "phones": [_phone("sal-phone")], "contacts": [{"id": uid("sal-c"), "name": "Kim"}],
        }],
    }


@pytest.mark.parametrize("form", ["one", "list", "page", "ndjson"])
def test_each_root_object_imports_as_what_it_is(app, tmp_path, form):
    sal = {"id": uid("sal2"), "service_id": uid("svc2"), "location_id": uid("loc"),
           "service": {"id": uid("svc2"), "name": "Drop-in", "status": "active",
                       "organization_id": uid("org")},
           "location": _location()}
    taxonomy = {"id": uid("tax2"), "name": "Other Terms", "description": "More.",
                "version": "2"}
    roots = {"taxonomy_term": _term(), "taxonomy": taxonomy,
             "organization": {k: v for k, v in _organization().items() if k != "locations"},
             "location": _location(), "service_at_location": sal, "service": _service()}
    for name, obj in roots.items():
        document = {"one": obj, "list": [obj], "ndjson": json.dumps(obj) + "\n",
                    "page": {"total_items": 1, "total_pages": 1, "page_number": 1,
                             "size": 1, "first_page": True, "last_page": True,
                             "empty": False, "contents": [obj]}}[form]
        suffix = ".ndjson" if form == "ndjson" else ".json"
        report = importer.import_path(builders.hsds_file(tmp_path, f"file{suffix}", document))
        assert report.problems == [] and report.ignored == {}, name
        model = {"organization": m.Organization, "location": m.Location,
                 "taxonomy": m.Taxonomy, "taxonomy_term": m.TaxonomyTerm,
                 "service_at_location": m.ServiceAtLocation, "service": m.Service}[name]
        assert db.session.get(model, obj["id"]) is not None, name
    assert builders.count(m.Organization) == 1  # nothing misfiled as an organization
    assert db.session.get(m.Location, uid("loc")).name == "Harbor Hub"
    assert db.session.get(m.TaxonomyTerm, uid("term")).parent_id == uid("term-elsewhere")


def test_an_impossible_coordinate_keeps_the_record_without_a_point(app, tmp_path):
    """As in the specification's location example, which also leaves out the address's
    state_province (a field HSDS requires): the address is kept, the gap said."""
    location = _location()
    location["latitude"], location["longitude"] = 100, 101
    del location["addresses"][0]["state_province"]
    report = importer.import_path(builders.hsds_file(tmp_path, "location.json", location))
    assert report.problems == []
    assert f"address {uid('addr')}: state_province: is required but missing; kept empty" \
        in [str(w) for w in report.warnings]
    assert db.session.get(m.Address, uid("addr")).city == "Santa Ana"
    assert "latitude: 100 is outside -90..90; imported without coordinates" in [
        f"{w.field}: {w.reason}" for w in report.warnings if w.table == "location"]
    stored = db.session.get(m.Location, uid("loc"))
    assert stored.name == "Harbor Hub" and stored.latitude is None and stored.longitude is None


def _empty_database():
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(table.delete())
    db.session.commit()


def _files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("profile", official.VERSIONS)
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_a_record_using_every_table_survives_the_round_trip(app, tmp_path, fmt, profile):
    folder = tmp_path / "in"
    folder.mkdir()
    builders.hsds_file(folder, "service_list.json", [_service()])
    builders.hsds_file(folder, "organization.json", _organization())
    builders.hsds_file(folder, "meta_table_descriptions.json",
           [{"id": uid("mtd"), "name": "services", "language": "en", "character_set": "UTF-8"}])
    report = importer.import_path(folder)
    assert report.problems == [] and report.ignored == {}
    shape = {"3.0": 21, "3.1": 24}[profile]
    first, second = tmp_path / "first", tmp_path / "second"
    counts = export.export(first, fmt, profile=profile).counts
    if fmt == "csv":
        assert len([n for n, c in counts.items() if c]) == shape  # every table has a row
    else:
        objects = {p.stem: json.loads(p.read_text()) for p in first.iterdir()}
        for file_name, table_name in (("services", "service"), ("organizations",
                                                                  "organization"),
                                      ("locations", "location")):
            assert official.objects_errors(profile, table_name, objects[file_name]) == []
            assert [k for o in objects[file_name]
                    for k in official.unknown_keys(profile, table_name, o)] == []
        service = objects["services"][0]
        assert service["program"]["name"] == "Harbor Program"
        assert service["required_documents"][0]["document"] == "Photo ID"
        assert ("capacities" in service) == (profile == "3.1")
    _empty_database()
    again = importer.import_path(first)
    assert again.problems == [] and again.ignored == {}
    export.export(second, fmt, profile=profile)
    assert _files(first) == _files(second)


@pytest.mark.parametrize("with_address", [False, True])
def test_half_a_coordinate_pair_is_set_aside_and_the_index_still_builds(app, runner, tmp_path,
                                                                         with_address):
    location = _location()
    del location["longitude"]
    if not with_address:
        location["addresses"] = []
    service = {"id": uid("svc"), "name": "Peer Coaching", "status": "active",
               "description": "Weekly coaching.", "organization": {
                   "id": uid("org"), "name": "Harbor Recovery", "description": "Help."},
               "service_at_locations": [{"id": uid("sal"), "location": location}]}
    path = builders.hsds_file(tmp_path, "svc.json", service)
    result = runner.invoke(args=["import-hsds", str(path)])
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    assert (f"location {uid('loc')}: longitude: is missing while the other coordinate is "
            "given; both set aside") in result.output
    stored = db.session.get(m.Location, uid("loc"))
    if with_address:  # placed at its ZIP code (92701, Santa Ana) instead
        assert 33.6 < stored.latitude < 33.9 and -118.0 < stored.longitude < -117.8
    else:
        assert (stored.latitude, stored.longitude) == (None, None)
    assert runner.invoke(args=["reindex"]).exit_code == 0
    assert "Peer Coaching" in app.test_client().get("/search?q=coaching").get_data(as_text=True)
