"""The audit history: every change to directory data in HSDS `metadata` shape, with who
made it (signed-in staff, or the actor a script names), shown to staff on each record's
page, and impossible to edit from the app."""

import pytest
from sqlalchemy import select

from directory import models as m
from directory.audit import AuditHistoryReadOnly
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.pages import form_values


def _records(resource_id):
    return db.session.scalars(select(m.ChangeRecord).where(
        m.ChangeRecord.resource_id == resource_id).order_by(m.ChangeRecord.field_name)).all()


def test_a_change_records_each_field_in_hsds_metadata_shape(app):
    service = builders.service("Audit Shape Clinic", description="Old words")
    service.description = "New words"
    service.minimum_age = 18
    db.session.commit()
    updates = [r for r in _records(service.id) if r.last_action_type == "update"]
    assert [(r.field_name, r.previous_value, r.replacement_value) for r in updates] == [
        ("description", "Old words", "New words"), ("minimum_age", None, "18")]
    for record in updates:
        assert record.resource_type == "service"
        assert record.updated_by == "system"
        assert record.last_action_date is not None
    created = {r.field_name: r.replacement_value for r in _records(service.id)
               if r.last_action_type == "create"}
    assert created["name"] == "Audit Shape Clinic" and created["status"] == "active"


def test_a_script_names_itself_as_the_actor(app):
    db.session.info["actor"] = "import"
    try:
        organization = m.Organization(name="Imported Agency")
        db.session.add(organization)
        db.session.commit()
    finally:
        db.session.info.pop("actor")
    assert {r.updated_by for r in _records(organization.id)} == {"import"}


def test_saving_nothing_new_records_nothing(app):
    service = builders.service("Unchanged Clinic")
    before = len(_records(service.id))
    service.name = "Unchanged Clinic"
    db.session.commit()
    assert len(_records(service.id)) == before


def test_the_history_cannot_be_changed_or_deleted(app):
    service = builders.service("Tamper Check Clinic")
    record = _records(service.id)[0]
    record.replacement_value = "something else"
    with pytest.raises(AuditHistoryReadOnly):
        db.session.commit()
    db.session.rollback()
    db.session.delete(_records(service.id)[0])
    with pytest.raises(AuditHistoryReadOnly):
        db.session.commit()
    db.session.rollback()
    assert _records(service.id)[0].replacement_value != "something else"


def test_no_staff_route_edits_or_deletes_history(app):
    staff_rules = [rule for rule in app.url_map.iter_rules()
                   if rule.endpoint.startswith("staff.")]
    assert staff_rules
    assert not any("history" in rule.rule or "metadata" in rule.rule for rule in staff_rules)


def test_each_record_page_shows_its_history_to_staff(app, staff_client):
    service = builders.service("History Page Clinic")
    organization, location = service.organization, service.locations[0]
    editor = staff_client("editor")
    data = {"phones-0-number": "(714) 834-1234", "phones-0-type": "voice"}
    editor.post(f"/staff/services/{service.id}/phones", data=data)
    editor.post(f"/staff/organizations/{organization.id}/phones", data=data)
    editor.post(f"/staff/locations/{location.id}/phones", data=data)
    coordinator = staff_client("coordinator")  # read-only staff still see the history
    for path in (f"/staff/services/{service.id}", f"/staff/organizations/{organization.id}",
                 f"/staff/locations/{location.id}"):
        html = " ".join(coordinator.get(path).get_data(as_text=True).split())
        assert "History" in html, path
        assert "editor@clinic.example.org · added phone number" in html, path
        assert "(714) 834-1234" in html, path
    public = app.test_client().get(f"/services/{service.id}").get_data(as_text=True)
    assert "editor@clinic.example.org" not in public


def test_the_history_names_what_ids_point_at(editor_client):
    terms = builders.load_taxonomy()
    service = builders.service("Term History Clinic")
    data_url = f"/staff/services/{service.id}/edit"
    data = form_values(editor_client.get(data_url).get_data(as_text=True))
    data["payment"] = terms["sliding-scale"].id
    editor_client.post(data_url, data=data)
    html = " ".join(editor_client.get(f"/staff/services/{service.id}").get_data(
        as_text=True).split())
    assert "added term" in html
    assert "<dt>taxonomy term id</dt> <dd>Sliding scale</dd>" in html


def test_moving_a_service_to_another_organization_is_recorded(editor_client):
    service = builders.service("Moving Service")
    old_owner = service.organization
    new_owner = builders.service("Receiving Agency Intake").organization
    url = f"/staff/services/{service.id}/edit"
    data = form_values(editor_client.get(url).get_data(as_text=True))
    data["organization_id"] = new_owner.id
    editor_client.post(url, data=data)
    change = db.session.scalar(select(m.ChangeRecord).where(
        m.ChangeRecord.resource_id == service.id,
        m.ChangeRecord.field_name == "organization_id",
        m.ChangeRecord.last_action_type == "update"))
    assert (change.previous_value, change.replacement_value) == (old_owner.id, new_owner.id)
    html = " ".join(editor_client.get(f"/staff/services/{service.id}").get_data(
        as_text=True).split())
    assert (f'<span class="old">{old_owner.name}</span> → {new_owner.name}') in html
