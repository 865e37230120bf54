"""The data model keeps HSDS 3.0's table and field names and the rules between them."""

from datetime import date, time

import pytest
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError

from directory import models as m
from directory import schedules
from directory.extensions import db
from tests.helpers import builders

HSDS_FIELDS = {
    "organization": {"id", "name", "alternate_name", "description", "email", "website"},
    "service": {
        "id", "organization_id", "name", "alternate_name", "description", "url", "email",
        "status", "interpretation_services", "application_process", "fees_description",
        "wait_time", "eligibility_description", "minimum_age", "maximum_age", "assured_date",
        "assurer_email", "alert", "last_modified",
    },
    "location": {"id", "location_type", "organization_id", "name", "description",
                 "transportation", "latitude", "longitude"},
    "address": {"id", "location_id", "address_1", "address_2", "city", "region",
                "state_province", "postal_code", "country", "address_type"},
    "phone": {"id", "number", "extension", "type", "service_id", "location_id",
              "organization_id", "contact_id", "service_at_location_id"},
    "schedule": {"id", "freq", "byday", "opens_at", "closes_at", "valid_from", "valid_to",
                 "timezone", "description", "service_id", "location_id"},
    "service_at_location": {"id", "service_id", "location_id"},
    "service_area": {"id", "service_id", "name", "extent", "extent_type"},
    "language": {"id", "service_id", "location_id", "phone_id", "name", "code"},
    "accessibility": {"id", "location_id", "description", "details"},
    "cost_option": {"id", "service_id", "option", "currency", "amount"},
    "contact": {"id", "name", "title", "email", "organization_id", "service_id"},
    "taxonomy": {"id", "name", "description", "uri", "version"},
    "taxonomy_term": {"id", "code", "name", "description", "parent_id", "taxonomy_id"},
    "attribute": {"id", "link_id", "link_type", "link_entity", "taxonomy_term_id", "value"},
    "service_capacity": {"id", "service_id", "unit_id", "available", "maximum", "updated"},
    "unit": {"id", "name"},
    "metadata": {"id", "resource_id", "resource_type", "last_action_date", "last_action_type",
                 "field_name", "previous_value", "replacement_value", "updated_by"},
}


def test_tables_and_fields_use_hsds_names(app):
    inspector = inspect(db.engine)
    tables = set(inspector.get_table_names())
    for table, fields in HSDS_FIELDS.items():
        assert table in tables
        columns = {c["name"] for c in inspector.get_columns(table)}
        assert fields <= columns, f"{table} lacks {fields - columns}"


def test_ids_are_uuid_strings(app):
    svc = builders.service("Harbor Counselling")
    assert len(svc.id) == 36 and svc.id.count("-") == 4
    assert svc.organization.id != svc.id


def test_service_status_is_limited_to_hsds_values(app):
    builders.service("Odd Status", commit=False, status="sometimes")
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_deleting_a_service_removes_what_belongs_to_it(app):
    terms = builders.load_taxonomy()
    svc = builders.service("Group Night", terms=[terms["group-therapy-peer-support"]])
    svc.phones.append(m.Phone(number="(949) 555-0100"))
    svc.schedules.append(m.Schedule(freq="WEEKLY", byday="MO", opens_at="18:00",
                                    closes_at="20:00"))
    db.session.commit()
    db.session.delete(svc)
    db.session.commit()
    assert db.session.query(m.Phone).count() == 0
    assert db.session.query(m.Schedule).count() == 0
    assert db.session.query(m.Attribute).count() == 0
    assert db.session.query(m.ServiceAtLocation).count() == 0
    assert db.session.query(m.Location).count() == 1  # the place itself stays


def test_terms_attach_through_hsds_attributes(app):
    terms = builders.load_taxonomy()
    svc = builders.service("Sober Living House", terms=[terms["residential-treatment"],
                                                       terms["medi-cal"], terms["in-person"]])
    attribute = db.session.query(m.Attribute).filter_by(link_id=svc.id).first()
    assert attribute.link_entity == "service"
    assert svc.term_codes("payment") == {"medi-cal"}
    assert [t.code for t in svc.categories] == ["residential-treatment"]
    # tagging twice does not duplicate the link
    svc.tag(terms["medi-cal"])
    db.session.commit()
    assert db.session.query(m.Attribute).filter_by(link_id=svc.id).count() == 3


def test_categories_map_to_open_eligibility(app):
    terms = builders.load_taxonomy()
    residential = terms["residential-treatment"]
    assert residential.open_eligibility_term is not None
    assert residential.open_eligibility_term.taxonomy == "Open Eligibility"
    top = residential.open_eligibility_term
    while top.parent is not None:
        top = top.parent
    assert top.name == "Health"


def test_age_range_fits():
    svc = m.Service(name="Teen program", minimum_age=12, maximum_age=17)
    assert svc.age_fits(16) and not svc.age_fits(18) and not svc.age_fits(11)
    assert svc.age_fits(None)


def test_weekly_hours_come_from_schedule_rows():
    rows = [m.Schedule(freq="WEEKLY", byday="MO,WE", opens_at="09:00", closes_at="17:00"),
            m.Schedule(freq="WEEKLY", byday="WE", opens_at="18:00", closes_at="20:30")]
    week = {d.code: d.spans for d in schedules.week(rows, date(2026, 12, 1), "America/Los_Angeles")}
    assert week["MO"] == [(time(9), time(17))]
    assert week["WE"] == [(time(9), time(17)), (time(18), time(20, 30))]
    assert week["SU"] == []


def test_phone_tel_uri_is_dialable():
    assert m.Phone(number="(949) 555-0123").tel_uri == "tel:+19495550123"
    assert m.Phone(number="988").tel_uri == "tel:988"
