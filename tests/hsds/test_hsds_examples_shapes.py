"""Shapes the specification's own example files use that our own fixtures did not: each
test writes a small record in that shape (never a copy of an official file), imports it
into an empty database and checks that what comes out of the export is what went in."""

import json
import uuid

from directory import models as m
from directory.extensions import db
from directory.hsds import export, importer

NS = uuid.UUID("6d0c9a51-3e2b-4f7a-8c1d-5b4a3f2e1d0c")


def uid(name):
    return str(uuid.uuid5(NS, name))


def _service_with_metadata(resource_type):
    """A service nesting a change record that names a table but no record, as the
    specification's service example does (its metadata says `location`)."""
    return {"id": uid("svc"), "name": "Counselling", "status": "active",
            "organization": {"id": uid("org"), "name": "Example Org",
                             "description": "A charity."},
            "metadata": [{"id": uid("meta"), "resource_type": resource_type,
                          "last_action_date": "2011-01-01", "last_action_type": "update",
                          "field_name": "name", "previous_value": "Old Hall",
                          "replacement_value": "New Hall", "updated_by": "A. Person"}]}


def _exported_services(tmp_path, profile):
    out = tmp_path / f"out-{profile}"
    export.export_json(out, profile=profile)
    return json.loads((out / "services.json").read_text())


def test_metadata_nested_without_its_record_tags_the_record_it_is_nested_in(app, tmp_path):
    path = tmp_path / "service.json"
    path.write_text(json.dumps(_service_with_metadata("location")))
    report = importer.import_path(path)
    assert report.problems == []
    assert not [w for w in report.warnings if w.table == "metadata"]
    record = db.session.get(m.ChangeRecord, uid("meta"))
    assert (record.resource_id, record.resource_type) == (uid("svc"), "service")
    assert record.replacement_value == "New Hall"
    for profile in ("3.0", "3.1"):
        [service] = _exported_services(tmp_path, profile)
        assert [(r["id"], r["resource_type"], r["previous_value"]) for r in service["metadata"]
                if r["id"] == uid("meta")] == [(uid("meta"), "service", "Old Hall")], profile


def test_metadata_naming_its_own_record_is_kept_as_written(app, tmp_path):
    """A nested change record that names both its record and that record's table keeps
    both, even when they are not the record it is nested in."""
    service = _service_with_metadata("organization")
    service["metadata"][0]["resource_id"] = uid("org")
    path = tmp_path / "service.json"
    path.write_text(json.dumps(service))
    assert importer.import_path(path).problems == []
    record = db.session.get(m.ChangeRecord, uid("meta"))
    assert (record.resource_id, record.resource_type) == (uid("org"), "organization")
