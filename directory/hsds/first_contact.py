"""The first step without a phone call in HSDS. HSDS has a place for most of it (a phone
of `type` "text", a schedule's `attending_type`, the service's email; the flags are
ordinary attributes of this directory's `first-contact` terms), but none for a service's
online form or what happens at its first visit. Those two columns travel as attributes
whose term is the `online-form` or `first-visit` term of the published taxonomy and whose
`value` is the text (models/first_contact.VALUE_TERMS): export writes them from the
columns, import reads them back into the columns and never attaches those terms. The
first visit's Spanish and Vietnamese travel in the `translations` extension like the rest
of the service's text."""

import uuid

from sqlalchemy import select

from ..extensions import db
from ..models import TaxonomyTerm
from ..models.first_contact import FIRST_CONTACT_GROUP, VALUE_TERMS
from ..weblinks import web_link
from .convert import Problem

# Attribute ids are derived from the service and the term: exports stay byte-identical.
NAMESPACE = uuid.UUID("0b6f7c52-4e1a-4c39-8d2e-5a7f9e3b1c64")
# Columns holding a web address: written only when they are a safe link (serialize.py).
LINK_COLUMNS = {"contact_form_url"}


def value_term_ids():
    """Return {term code: id} of the value terms in this directory's taxonomy."""
    group = select(TaxonomyTerm.id).where(TaxonomyTerm.code == FIRST_CONTACT_GROUP,
                                          TaxonomyTerm.parent_id.is_(None))
    return dict(db.session.execute(select(TaxonomyTerm.code, TaxonomyTerm.id).where(
        TaxonomyTerm.code.in_(VALUE_TERMS),
        TaxonomyTerm.parent_id.in_(group.scalar_subquery()))).all())


def value_attributes(service, term_ids):
    """Return the attribute rows that carry a service row's online form and first visit
    (`term_ids` as value_term_ids gives them)."""
    found = []
    for code, column in VALUE_TERMS.items():
        value = service.get(column)
        if value and column in LINK_COLUMNS:
            value = web_link(value)
        if not value or code not in term_ids:
            continue
        found.append({"id": str(uuid.uuid5(NAMESPACE, f"{service['id']}:{code}")),
                      "link_id": service["id"], "taxonomy_term_id": term_ids[code],
                      "link_type": "service", "link_entity": "service", "value": value})
    return found


def _value_terms(tables):
    """Return {term id: code} of the value terms that `tables` (rows by table) and the
    directory hold."""
    terms = tables.get("taxonomy_term") or {}
    groups = {i for i, t in terms.items()
              if t.get("code") == FIRST_CONTACT_GROUP and not t.get("parent_id")}
    groups |= set(db.session.scalars(select(TaxonomyTerm.id).where(
        TaxonomyTerm.code == FIRST_CONTACT_GROUP, TaxonomyTerm.parent_id.is_(None))))
    found = {i: t["code"] for i, t in terms.items()
             if t.get("code") in VALUE_TERMS and t.get("parent_id") in groups}
    found.update({term_id: code for code, term_id in value_term_ids().items()})
    return found


def take_values(tables):
    """Take the value attributes out of `tables` ({table: {id: row}}) so their terms are
    never attached; return ({service id: {column: value}}, a Problem for each one left
    out: sent without its service, or too long for its column). When the file publishes
    the value terms, every service of the file gets both columns (None where it has no
    value); a file of another directory leaves what this one holds alone."""
    from ..models import Service

    attributes = tables.get("attribute") or {}
    value_terms = _value_terms(tables) if attributes else {}
    services, found, left_out, kept = tables.get("service") or {}, {}, [], set()
    for record_id, values in list(attributes.items()):
        code = value_terms.get(values.get("taxonomy_term_id"))
        if code is None or values.get("link_entity") not in (None, "service"):
            continue
        del attributes[record_id]
        column, value = VALUE_TERMS[code], values.get("value")
        most = Service.__table__.columns[column].type.length
        if values.get("link_id") not in services:
            reason = "names no service of the file; left out"
        elif most and isinstance(value, str) and len(value) > most:
            reason = f"is {len(value):,} characters long; at most {most} fit; left out"
        else:
            found.setdefault(values["link_id"], {})[column] = value or None
            continue
        kept.add((values.get("link_id"), column))
        left_out.append(Problem("attribute", record_id, "value", f"{code}: {reason}"))
    if set(tables.get("taxonomy_term") or ()) & set(value_terms):
        # A file that carries these terms (an export of this directory) says all of its
        # services' first step: a value it does not give was removed, not forgotten (one
        # left out for a problem stays as it was).
        found = {service_id: {column: None for column in VALUE_TERMS.values()
                              if (service_id, column) not in kept}
                 | found.get(service_id, {}) for service_id in services}
    return found, left_out


def apply(checked):
    """Put the value attributes of a checked import on their services' columns instead
    of attaching their terms; what is left out is a warning."""
    found, left_out = take_values(checked.valid)
    for service_id, columns in found.items():
        checked.valid["service"][service_id].update(columns)
    checked.warnings.extend(left_out)
