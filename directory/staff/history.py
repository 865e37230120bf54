"""Reading the audit history of a record for its staff page: its own changes and those
of the rows it holds (a service's phones, schedules, areas, languages, capacities,
terms; a location's address; an organization's phones), newest first, grouped into one
entry per save of one row. Children that were deleted are found through the history
itself (the `service_id` they had), so their removal still shows."""

from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import or_, select

from ..audit import AUDITED
from ..extensions import db
from ..models import (
    Attribute,
    ChangeRecord,
    Location,
    Organization,
    Service,
    TaxonomyTerm,
    Unit,
)

LIMIT = 400
KINDS = {
    "organization": _l("organization"), "service": _l("service"), "location": _l("location"),
    "address": _l("address"), "accessibility": _l("accessibility"), "phone": _l("phone number"),
    "schedule": _l("hours"), "service_area": _l("area served"), "language": _l("language"),
    "cost_option": _l("cost"), "contact": _l("contact"), "service_capacity": _l("availability"),
    "attribute": _l("term"), "service_at_location": _l("link to a location"),
    "user_account": _l("account"), "unit": _l("unit"), "taxonomy_term": _l("taxonomy term"),
}


@dataclass
class Entry:
    """One save of one row: who, when, what kind of row, and each field's old and new value."""

    when: datetime
    who: str
    action: str
    resource_type: str
    resource_id: str
    fields: list = field(default_factory=list)

    @property
    def kind(self):
        """Return what kind of row changed, in words."""
        return KINDS.get(self.resource_type, self.resource_type.replace("_", " "))


def _owned_ids(resource_type, resource_id):
    """Return the ids of rows that currently point at the record (`<type>_id` columns)."""
    column_name = f"{resource_type}_id"
    ids = set()
    for model in AUDITED:
        column = model.__table__.columns.get(column_name)
        if column is not None:
            ids.update(db.session.scalars(select(model.id).where(column == resource_id)))
    if resource_type == "service":
        ids.update(db.session.scalars(select(Attribute.id).where(
            Attribute.link_id == resource_id, Attribute.link_entity == "service")))
    return ids


def _once_owned_ids(resource_type, resource_id):
    """Return the ids of rows whose history says they pointed at the record."""
    names = [f"{resource_type}_id"] + (["link_id"] if resource_type == "service" else [])
    return set(db.session.scalars(select(ChangeRecord.resource_id).where(
        ChangeRecord.field_name.in_(names),
        or_(ChangeRecord.replacement_value == resource_id,
            ChangeRecord.previous_value == resource_id))))


def _labels(records):
    """Return {id: name} for the records the values point at (services, locations...)."""
    ids = {value for r in records if r.field_name and r.field_name.endswith("_id")
           for value in (r.previous_value, r.replacement_value) if value}
    labels = {}
    for model in (Service, Location, Organization, TaxonomyTerm, Unit):
        if ids:
            labels.update(db.session.execute(select(model.id, model.name)
                                             .where(model.id.in_(ids))).all())
    return {key: value for key, value in labels.items() if value}


def history(resource_type, resource_id, limit=LIMIT):
    """Return [Entry] for the record and the rows it holds, newest first."""
    ids = {resource_id} | _owned_ids(resource_type, resource_id) | _once_owned_ids(
        resource_type, resource_id)
    records = db.session.scalars(
        select(ChangeRecord).where(ChangeRecord.resource_id.in_(sorted(ids)))
        .order_by(ChangeRecord.last_action_date.desc(), ChangeRecord.resource_type,
                  ChangeRecord.resource_id, ChangeRecord.field_name).limit(limit)).all()
    names = _labels(records)
    entries, index = [], {}
    for record in records:
        key = (record.last_action_date, record.updated_by, record.last_action_type,
               record.resource_type, record.resource_id)
        entry = index.get(key)
        if entry is None:
            entry = index[key] = Entry(record.last_action_date, record.updated_by or "",
                                       record.last_action_type, record.resource_type,
                                       record.resource_id)
            entries.append(entry)
        old, new = record.previous_value, record.replacement_value
        if (record.field_name or "").endswith("_id"):
            old, new = names.get(old, old), names.get(new, new)
        entry.fields.append((record.field_name, old, new))
    return entries
