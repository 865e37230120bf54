"""Reading the audit history of a record for its staff page: its own changes and those
of the rows it holds (a service's phones, schedules, areas, languages, capacities,
terms, and its text and its phones' labels in other languages; a location's address; an
organization's phones), newest first, grouped into one entry per save of one row.
Children that were deleted are found through the history itself (the `service_id` they
had), so their removal still shows."""

from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import or_, select

from ..audit import AUDITED
from ..extensions import db
from ..languages import language_name
from ..models import (
    Attribute,
    ChangeRecord,
    Location,
    Organization,
    Service,
    TaxonomyTerm,
    Translation,
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
    "translation": _l("translation"),
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
    about: str = ""  # which field in which language, for a translation

    @property
    def kind(self):
        """Return what kind of row changed, in words."""
        kind = KINDS.get(self.resource_type, self.resource_type.replace("_", " "))
        return f"{kind} ({self.about})" if self.about else kind


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


def _translation_ids(ids):
    """Return the ids of the translations of the records `ids`, held now or once."""
    ids = sorted(ids)
    held = set(db.session.scalars(select(Translation.id).where(Translation.link_id.in_(ids))))
    return held | set(db.session.scalars(select(ChangeRecord.resource_id).where(
        ChangeRecord.resource_type == "translation", ChangeRecord.field_name == "link_id",
        or_(ChangeRecord.replacement_value.in_(ids), ChangeRecord.previous_value.in_(ids)))))


def _translation_labels(records):
    """Return {translation id: "description, Español"} from the history of each."""
    ids = sorted({r.resource_id for r in records if r.resource_type == "translation"})
    said = {}
    for record_id, name, old, new in db.session.execute(select(
            ChangeRecord.resource_id, ChangeRecord.field_name, ChangeRecord.previous_value,
            ChangeRecord.replacement_value).where(ChangeRecord.resource_id.in_(ids),
                                                  ChangeRecord.field_name.in_(
                                                      ("language", "field")))):
        said.setdefault(record_id, {})[name] = new or old
    return {record_id: ", ".join(filter(None, (
        (values.get("field") or "").replace("_", " "),
        language_name(values.get("language"), values.get("language")))))
        for record_id, values in said.items()}


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
    ids |= _translation_ids(ids)
    records = db.session.scalars(
        select(ChangeRecord).where(ChangeRecord.resource_id.in_(sorted(ids)))
        .order_by(ChangeRecord.last_action_date.desc(), ChangeRecord.resource_type,
                  ChangeRecord.resource_id, ChangeRecord.field_name).limit(limit)).all()
    names, translated = _labels(records), _translation_labels(records)
    entries, index = [], {}
    for record in records:
        key = (record.last_action_date, record.updated_by, record.last_action_type,
               record.resource_type, record.resource_id)
        entry = index.get(key)
        if entry is None:
            entry = index[key] = Entry(record.last_action_date, record.updated_by or "",
                                       record.last_action_type, record.resource_type,
                                       record.resource_id,
                                       about=translated.get(record.resource_id, ""))
            entries.append(entry)
        old, new = record.previous_value, record.replacement_value
        if (record.field_name or "").endswith("_id"):
            old, new = names.get(old, old), names.get(new, new)
        entry.fields.append((record.field_name, old, new))
    return entries
