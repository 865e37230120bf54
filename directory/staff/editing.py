"""Changing directory records from what staff entered: a service's own fields, its
taxonomy terms, languages, phones (with their labels in Spanish and Vietnamese) and service
areas; an organization; retiring and verifying. These functions change the records in the session and leave the commit to
the caller; the audit history, `last_modified` and the search index follow the commit
on their own (directory/audit.py, directory/search/sync.py)."""

import re

from ..languages import code_for
from ..models import TRANSLATED_FIELDS, Language, Phone, ServiceArea
from . import translation_forms

SERVICE_FIELDS = ("name", "alternate_name", "description", "status", "alert", "url", "email",
                  "application_process", "fees_description", "eligibility_description",
                  "minimum_age", "maximum_age", "interpretation_services", "accreditations",
                  "licenses", "contact_form_url", "first_visit")
ORGANIZATION_FIELDS = ("name", "alternate_name", "description", "email", "website")
TERM_GROUPS = ("categories", "delivery", "payment", "population", "accessibility")
GROUP_CODES = {"categories": "category", "delivery": "delivery", "payment": "payment",
               "population": "population", "accessibility": "accessibility"}


def _clean(value):
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def assign(record, data, fields):
    """Set `fields` of `record` from `data`, empty text becoming None."""
    for name in fields:
        if name in data:
            value = _clean(data[name])
            if getattr(record, name) != value:
                setattr(record, name, value)


def parse_languages(text, current=()):
    """Return ([(name, code)], [unknown names]) from "English, Spanish"; names already
    on the record (`current`, Language rows) are always accepted."""
    known = {lang.name.lower(): (lang.name, lang.code) for lang in current if lang.name}
    found, unknown = [], []
    for name in (p.strip() for p in re.split(r"[,;\n]", text or "")):
        if not name:
            continue
        code = code_for(name)  # the name stays as typed ("Farsi"); the code is ISO's
        shown = name if any(c.isupper() for c in name) else name.capitalize()
        match = known.get(name.lower()) or (code and (shown, code))
        if not match:
            unknown.append(name)
        elif match[0].lower() not in {n.lower() for n, _ in found}:
            found.append(match)
    return found, unknown


def set_languages(service, languages):
    """Make the service's spoken languages exactly `languages` ([(name, code)])."""
    wanted = {name.lower(): (name, code) for name, code in languages}
    for row in list(service.languages):
        if (row.name or "").lower() not in wanted:
            service.languages.remove(row)
        else:
            wanted.pop(row.name.lower())
    for name, code in languages:
        if name.lower() in wanted:
            service.languages.append(Language(name=name, code=code))


def set_terms(service, group_terms, chosen_ids):
    """Make the service's terms among `group_terms` exactly those in `chosen_ids`."""
    group_ids = {term.id for term in group_terms}
    for attribute in list(service.attributes):
        if attribute.taxonomy_term_id in group_ids and \
                attribute.taxonomy_term_id not in chosen_ids:
            service.attributes.remove(attribute)
    for term in group_terms:
        if term.id in chosen_ids:
            service.tag(term)


def save_service(service, data, groups, languages):
    """Apply the service form: fields, terms per group ({form field: terms}), languages."""
    assign(service, data, SERVICE_FIELDS)
    for field, terms in groups.items():
        set_terms(service, terms, set(data.get(field) or ()))
    set_languages(service, languages)
    return service


def save_phones(owner, rows):
    """Apply the phones editor to the phones of `owner` (service, location, organization).

    Each row is a dict (id, number, extension, type, description, remove, and the
    description's translation boxes); a row naming a phone that is not the owner's is
    ignored, and a row whose number was cleared removes it.
    """
    existing = {phone.id: phone for phone in owner.phones}
    for row in rows:
        values = {key: _clean(row.get(key)) for key in ("number", "extension", "type",
                                                         "description")}
        phone = existing.get(row.get("id") or "")
        if phone is not None:
            # A cleared number means the number is gone: the row has nothing left to dial.
            if row.get("remove") or not values["number"]:
                owner.phones.remove(phone)
            else:
                assign(phone, values, values)
                translation_forms.save(phone, row, TRANSLATED_FIELDS["phone"])
        elif values["number"] and not row.get("remove"):
            phone = Phone(**values)
            owner.phones.append(phone)
            translation_forms.save(phone, row, TRANSLATED_FIELDS["phone"])


def save_areas(service, rows):
    """Apply the areas editor: rows are dicts (id, extent, name, remove); areas the editor
    does not show (other extent types) are kept."""
    existing = {area.id: area for area in service.service_areas}
    for row in rows:
        area = existing.get(row.get("id") or "")
        if area is not None and row.get("remove"):
            service.service_areas.remove(area)
        elif area is not None:
            assign(area, {"extent": row["extent"], "name": row["name"],
                          "extent_type": "text"}, ("extent", "name", "extent_type"))
        elif row.get("extent") and not row.get("remove"):
            service.service_areas.append(ServiceArea(
                extent=row["extent"], name=row["name"], extent_type="text"))


def retire_service(service, status):
    """Take the service off the public directory as "inactive" or "defunct"."""
    if status not in ("inactive", "defunct"):
        raise ValueError(status)
    service.status = status


def retire_organization(organization):
    """Mark every service of the organization defunct; return how many were listed."""
    listed = [s for s in organization.services if s.is_listed]
    for service in organization.services:
        if service.status != "defunct":
            service.status = "defunct"
    return len(listed)


def mark_verified(service, email, today):
    """Record that `email` confirmed the listing `today`."""
    service.assured_date = today
    service.assurer_email = email
