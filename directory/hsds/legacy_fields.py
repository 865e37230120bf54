"""HSDS 1.x and 2.0 data packages, table by table and field by field, in HSDS 3.0's terms:
which 3.0 table each file's rows become, which fields are renamed, which are worked out from
their values (legacy_rows.py does that), and which are left out and why. Every field of the
`datapackage.json` of releases 1.0, 1.1 and 2.0.1 of openreferral/specification has its
place here (tests/test_hsds_legacy.py checks the 1.1 sample's); a field with the same name
in both versions passes through unchanged."""

import re
import uuid

from ..schedules import WEEKDAYS, parse_clock
from .tables import TABLES

DERIVED = uuid.UUID("3b0e7c9a-51d2-4c8e-9a67-0d2f6e1b8c45")  # namespace of derived ids
SERVICE_TEXT = "service text"  # rows 3.0 keeps as text of their service, not as records

# file (its name without .csv) -> (3.0 table, {1.x/2.0 field: 3.0 field})
FILES = {
    "organizations": ("organization", {"url": "website"}),
    "programs": ("program", {}),
    # `fees` is the field 3.0 deprecated in favour of fees_description, the one pages
    # show; `eligibility` is how some 1.x exports held the criteria as text
    "services": ("service", {"fees": "fees_description",
                             "eligibility": "eligibility_description"}),
    "services_at_location": ("service_at_location", {}),
    "locations": ("location", {}),
    "phones": ("phone", {}),
    "contacts": ("contact", {}),
    "physical_addresses": ("address", {}),
    "postal_addresses": ("address", {}),
    "regular_schedules": ("schedule", {}),
    "holiday_schedules": ("schedule", {"start_date": "valid_from", "end_date": "valid_to"}),
    "schedules": ("schedule", {}),  # 2.0: 3.0's fields already
    "funding": ("funding", {}),
    "service_areas": ("service_area", {"service_area": "name"}),
    "required_documents": ("required_document", {}),
    "languages": ("language", {}),
    "accessibility_for_disabilities": ("accessibility", {"accessibility": "description"}),
    "taxonomy": ("taxonomy_term", {"vocabulary": "taxonomy"}),  # 1.x: the terms
    "taxonomy_terms": ("taxonomy_term", {"term": "name"}),  # 2.0
    "services_taxonomy": ("attribute", {"service_id": "link_id",
                                        "taxonomy_id": "taxonomy_term_id",
                                        "taxonomy_detail": "value"}),
    "service_attributes": ("attribute", {"service_id": "link_id"}),  # 2.0
    "other_attributes": ("attribute", {}),  # 2.0; link_type is worked out
    "metadata": ("metadata", {}),
    "meta_table_descriptions": ("meta_table_description", {}),
    # 3.0 has no table for these: their values become text of the service they name
    "eligibility": (SERVICE_TEXT, {"eligibility": "eligibility_description"}),
    "payments_accepted": (SERVICE_TEXT, {"payment": "fees_description"}),
    "fees": (SERVICE_TEXT, {"fee": "fees_description"}),  # 1.0
    "interpretation_services": (SERVICE_TEXT, {"language": "interpretation_services"}),  # 1.0
}
# The descriptors' resource names (singular, and 1.0's misspelling) -> file.
RESOURCE_NAMES = {
    "organization": "organizations", "program": "programs", "service": "services",
    "service_at_location": "services_at_location", "location": "locations",
    "phone": "phones", "contact": "contacts", "physical_address": "physical_addresses",
    "postal_address": "postal_addresses", "regular_schedule": "regular_schedules",
    "holiday_schedule": "holiday_schedules", "schedule": "schedules",
    "service_area": "service_areas", "required_document": "required_documents",
    "language": "languages", "taxonomy_term": "taxonomy_terms",
    "service_taxonomy": "services_taxonomy", "service_attribute": "service_attributes",
    "other_attribute": "other_attributes", "meta_table_description": "meta_table_descriptions",
    "payment_accepted": "payments_accepted", "fee": "fees",
    "intepretation_services": "interpretation_services",
}
# Files only 1.x or 2.0 has: one of them in a package means it is not 3.0. (Not
# `taxonomy.csv`: some 3.0 packages call their taxonomies that.)
LEGACY_ONLY = {"physical_addresses", "postal_addresses", "regular_schedules",
               "holiday_schedules", "services_taxonomy", "service_attributes",
               "other_attributes", "accessibility_for_disabilities", "payments_accepted",
               "eligibility", "fees", "interpretation_services"}
# Evidence of each release, looked for in this order.
RELEASES = (("2.0", {"service_attributes", "other_attributes", "taxonomy_terms", "schedules"}),
            ("1.0", {"fees", "interpretation_services"}),
            ("1.1", {"services_taxonomy"}))

# Fields whose 3.0 value is worked out from theirs (legacy_rows.py), and what they become.
WORKED_OUT = {
    ("services", "taxonomy_ids"): "an attribute for each term listed (1.0, deprecated in 1.1)",
    ("services", "location_id"): "a service_at_location (1.0)",
    ("phones", "language"): "a language of the phone for each code listed",
    ("physical_addresses", "address_3"): "address_2, after its own text",
    ("physical_addresses", "address_4"): "address_2, after its own text",
    ("postal_addresses", "address_3"): "address_2, after its own text",
    ("postal_addresses", "address_4"): "address_2, after its own text",
    ("regular_schedules", "weekday"): "byday of a weekly schedule",
    ("holiday_schedules", "closed"): "a closure (notes 'Closed'), or hours on those dates",
    ("taxonomy", "parent_name"): "parent_id, when a row gives a parent's name only",
    ("languages", "language"): "name or code (a list gives one language each)",
    ("other_attributes", "link_type"): "link_entity (the 3.0 table of the record)",
    ("eligibility", "service_id"): "the service whose eligibility_description it joins",
    ("payments_accepted", "service_id"): "the service whose fees_description it joins",
    ("fees", "service_id"): "the service whose fees_description it joins",
    ("interpretation_services", "service_id"): "the service whose text it joins",
}
# Fields 3.0 has no place for, and why they are left out.
IGNORED = {
    ("phones", "department"): "deprecated in HSDS 1.1; 3.0's phone has none (a contact's "
                              "department holds it)",
    ("services_at_location", "url"): "HSDS 1.0 only; 3.0's service_at_location has no web "
                                     "address (the service's own is kept)",
    ("services_at_location", "email"): "HSDS 1.0 only; 3.0's service_at_location has no "
                                       "email (the service's own is kept)",
}

# 1.x accessibility codes in words (normalize.py then finds the features we filter by).
ACCESSIBILITY = {
    "cd": "Information on CD", "deaf_interpreter": "Deaf interpreter",
    "disabled_parking": "Disabled parking", "elevator": "Elevator", "ramp": "Ramp",
    "restroom": "Accessible restroom", "tape_braille": "Information on tape or in Braille",
    "tty": "TTY", "wheelchair": "Wheelchair accessible",
    "wheelchair_van": "Wheelchair-accessible van",
}
# 1.0's phone types were free text; 1.1 took RFC 6350's.
PHONE_TYPES = {"fixed": "voice", "landline": "voice", "phone": "voice", "main": "voice",
               "office": "voice", "hotline": "voice", "toll free": "voice",
               "cellular": "cell", "mobile": "cell", "sms": "text", "tty": "textphone",
               "tdd": "textphone", "fax machine": "fax"}
COUNTRIES = {"usa": "US", "u.s.": "US", "u.s.a.": "US", "united states": "US",
             "united states of america": "US", "uk": "GB", "united kingdom": "GB"}
# 1.x payments -> this directory's payment terms (seeds/taxonomy.json), when it holds them.
# SNAP, WIC and EBT pay for food, not for a service: they stay in the text.
PAYMENTS = {"cash": "cash", "check": "cash", "cheque": "cash", "money order": "cash",
            "credit card": "cash", "debit card": "cash", "self-pay": "cash",
            "self pay": "cash", "medicare": "medicare", "medicaid": "medi-cal",
            "medi-cal": "medi-cal", "insurance": "private-insurance",
            "private insurance": "private-insurance", "sliding scale": "sliding-scale",
            "free": "free"}
# 2.0's other_attribute link types and metadata resource types -> 3.0 tables.
ENTITIES = {"physical_address": "address", "postal_address": "address",
            "accessibility_for_disabilities": "accessibility", "service_attribute": "attribute",
            "other_attribute": "attribute", "regular_schedule": "schedule",
            "holiday_schedule": "schedule"}


def derive(text):
    """Return the id of a record made from a 1.x/2.0 row: the same on every import."""
    return str(uuid.uuid5(DERIVED, text))


def file_for(name):
    """Return the 1.x/2.0 file a CSV stem or resource name stands for, or None."""
    name = name.strip().lower()
    return name if name in FILES else RESOURCE_NAMES.get(name)


def entity(name):
    """Return the 3.0 table a 2.0 link type or resource type names, or None."""
    name = (name or "").strip().lower()
    return ENTITIES.get(name) or (name if name in TABLES else None)


def accepted(file):
    """Return the columns read from a 1.x/2.0 file (3.0's own too: a package that mixes
    versions loses nothing)."""
    target, renamed = FILES[file]
    own = set(TABLES[target].fields) if target in TABLES else {"id", "service_id"}
    worked = {f for t, f in WORKED_OUT if t == file}
    ignored = {f for t, f in IGNORED if t == file}
    return own | set(renamed) | worked | ignored


def place(file, field):
    """Return where a 1.x/2.0 field goes in 3.0 (a description), or None if nowhere."""
    target, renamed = FILES[file]
    if field == "id":
        return f"{target}.id" if target in TABLES else "the row's id, in the report"
    if field in renamed:
        return f"{target if target in TABLES else 'service'}.{renamed[field]}"
    if (file, field) in WORKED_OUT:
        return WORKED_OUT[(file, field)]
    if (file, field) in IGNORED:
        return "left out: " + IGNORED[(file, field)]
    if target in TABLES and field in TABLES[target].fields:
        return f"{target}.{field}"
    return None


DAY_NAMES = {name: code for code, names in zip(WEEKDAYS, (
    ("monday", "mon", "mo"), ("tuesday", "tue", "tues", "tu"), ("wednesday", "wed", "we"),
    ("thursday", "thu", "thur", "thurs", "th"), ("friday", "fri", "fr"),
    ("saturday", "sat", "sa"), ("sunday", "sun", "su")), strict=True) for name in names}
DAY_RANGE = re.compile(r"\s*(?:-|–|\bto\b|\bthrough\b|\bthru\b)\s*")
LIST = re.compile(r"\s*[,;]\s*")
TWELVE_HOUR = re.compile(r"(\d{1,2})(?:[:.](\d\d))?\s*([ap])\.?\s*m\.?", re.IGNORECASE)
WORDS_OF_TIME = {"noon": "12:00", "midday": "12:00", "midnight": "00:00"}
TRUE, FALSE = {"true", "t", "yes", "y", "1"}, {"false", "f", "no", "n", "0"}


def _day(text):
    text = text.strip().rstrip(".")
    if re.fullmatch(r"[0-7](?:\.0)?", text):  # 1 = Monday ... 7 = Sunday; 0 is Sunday as
        return WEEKDAYS[(int(float(text)) - 1) % 7]  # JavaScript counts (1-6 agree)
    return DAY_NAMES.get(text) or DAY_NAMES.get(text.removesuffix("s"))


def weekdays(text):
    """Return the weekday codes a 1.x `weekday` names ("1", "Monday", "Mon-Fri", "1;3"),
    or None when it names none or something else."""
    found = []
    for part in LIST.split(str(text or "").strip().lower()):
        ends = [_day(end) for end in DAY_RANGE.split(part)] if part else [None]
        if None in ends or len(ends) > 2:
            return None
        if len(ends) == 2:
            first, last = (WEEKDAYS.index(code) for code in ends)
            ends = [WEEKDAYS[(first + i) % 7] for i in range((last - first) % 7 + 1)]
        found += [code for code in ends if code not in found]
    return found or None


def clock(text):
    """Return an HSDS time for an opening time as 1.x packages write it ("09:00",
    "17:30:00", "09:00-05:00", "9:00 AM", "5pm", "1700", "noon"), or None."""
    text = str(text).strip()
    if parse_clock(text) is not None:
        return text
    twelve = TWELVE_HOUR.fullmatch(text)
    if twelve and 1 <= int(twelve[1]) <= 12 and int(twelve[2] or 0) < 60:
        hour = int(twelve[1]) % 12 + (12 if twelve[3].lower() == "p" else 0)
        return f"{hour:02d}:{int(twelve[2] or 0):02d}"
    if re.fullmatch(r"\d{4}", text) and int(text[:2]) < 24 and int(text[2:]) < 60:
        return f"{text[:2]}:{text[2:]}"
    return WORDS_OF_TIME.get(text.lower())
