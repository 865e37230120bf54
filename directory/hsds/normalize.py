"""Records from other directories, in this directory's terms, after checking and before
writing: a language given by name ("vietnamese", "Tiếng Việt") gets its ISO 639 code, so
the language filter finds it; a location's accessibility written as free text ("Wheelchair
accessible entrance") gives the services there the matching accessibility term, so the
wheelchair filter finds them; a web address without its scheme (`www.example.org`) gets
`https://`. A value that cannot be mapped is kept as written and listed as a warning of
the import report; so is a web address that may not be a link (weblinks.py: javascript:,
data: ...), which pages then show as text and exports and the API leave out."""

import re
import uuid

from sqlalchemy import select

from .. import weblinks
from ..categories import assign as categories
from ..extensions import db
from ..languages import code_for
from .convert import Problem
from .serialize import LINK_FIELDS
from .tables import TABLES

# accessibility term code -> what free text says when the place has it
ACCESSIBILITY = {
    "wheelchair-access": re.compile(
        r"\bwheel ?chairs?\b|\bstep[- ]free\b|\bno steps\b|\bramps?\b|\baccessible "
        r"(entrance|entry|restroom|toilet|bathroom|parking|building|door)|\bada\b"
        r"|\belevators?\b|\blifts?\b", re.IGNORECASE),
    "asl": re.compile(r"\basl\b|\bsign language\b|\bdeaf\b|\btty\b", re.IGNORECASE),
    "near-transit": re.compile(r"\bbus(es)?\b|\btransit\b|\bmetrolink\b|\btrains?\b"
                               r"|\blight rail\b|\bocta\b", re.IGNORECASE),
}
# "Not wheelchair accessible", "no elevator", "without a ramp": the feature is missing.
NEGATED = re.compile(r"\b(no|not|non|without|lacks?|isn't|is not|none)\b[\w\s-]{0,25}$",
                     re.IGNORECASE)
CHUNK = 2000
DERIVED = uuid.UUID("6f0e3c52-8a4e-4f39-9d53-2c1a7b0d9e11")  # namespace of derived ids


def _languages(checked):
    for record_id, values in checked.valid.get("language", {}).items():
        code = code_for(values.get("code") or "") or code_for(values.get("name") or "")
        if code:
            values["code"] = code
            continue
        written = values.get("name") or values.get("code")
        reason = (f"{written!r} is not a language name or code this directory knows; kept "
                  "as written, so the language filter does not find it" if written else
                  "gives neither a name nor a code; kept, but no filter can find it")
        checked.warnings.append(Problem(
            "language", record_id, "name" if values.get("name") else "code", reason))


def _accessibility_terms():
    from ..models import TaxonomyTerm

    parent = select(TaxonomyTerm.id).where(TaxonomyTerm.code == "accessibility",
                                           TaxonomyTerm.parent_id.is_(None))
    rows = db.session.execute(select(TaxonomyTerm.code, TaxonomyTerm.id).where(
        TaxonomyTerm.parent_id.in_(parent.scalar_subquery())))
    return dict(rows.all())


def _services_at(checked, location_ids):
    """Return {location id: {service ids}} from the file and the directory."""
    from ..models import ServiceAtLocation

    found = {}
    for values in checked.valid.get("service_at_location", {}).values():
        if values.get("location_id") in location_ids and values.get("service_id"):
            found.setdefault(values["location_id"], set()).add(values["service_id"])
    ids = sorted(location_ids)
    for start in range(0, len(ids), CHUNK):  # PostgreSQL takes 65,535 parameters at most
        stored = db.session.execute(select(ServiceAtLocation.location_id,
                                           ServiceAtLocation.service_id)
                                    .where(ServiceAtLocation.location_id.in_(
                                        ids[start:start + CHUNK])))
        for location_id, service_id in stored:
            found.setdefault(location_id, set()).add(service_id)
    return found


def _existing_links(checked, service_ids):
    from ..models import Attribute

    links = {(v.get("link_id"), v.get("taxonomy_term_id"))
             for v in checked.valid.get("attribute", {}).values()}
    ids = sorted(service_ids)
    for start in range(0, len(ids), CHUNK):
        links |= set(db.session.execute(select(Attribute.link_id, Attribute.taxonomy_term_id)
                                        .where(Attribute.link_id.in_(
                                            ids[start:start + CHUNK]))).all())
    return links


def _features(text):
    """Return the accessibility codes a text says a place has (not those it lacks)."""
    codes = set()
    for code, pattern in ACCESSIBILITY.items():
        for match in pattern.finditer(text):
            if not NEGATED.search(text[max(0, match.start() - 30):match.start()]):
                codes.add(code)
    return codes


def _accessibility(checked):
    rows = checked.valid.get("accessibility", {})
    if not rows:
        return
    terms = _accessibility_terms()
    said = {}  # location id -> term codes its accessibility text gives
    for record_id, values in rows.items():
        text = " ".join(filter(None, (values.get("description"), values.get("details"))))
        codes = _features(text)
        if not values.get("location_id"):
            reason = "belongs to no location, so no service gets its accessibility"
        elif not codes:
            reason = (f"{text[:80]!r} names no accessibility feature this directory filters "
                      "by (or says one is missing)")
        else:
            said.setdefault(values["location_id"], set()).update(codes)
            continue
        checked.warnings.append(Problem("accessibility", record_id, "description",
                                        reason + "; kept as written"))
    services = _services_at(checked, set(said))
    links = _existing_links(checked, {s for ids in services.values() for s in ids})
    attributes = checked.valid.setdefault("attribute", {})
    for location_id, codes in said.items():
        for service_id in sorted(services.get(location_id, ())):
            for code in sorted(codes):
                term_id = terms.get(code)
                if term_id is None or (service_id, term_id) in links:
                    continue
                derived = str(uuid.uuid5(DERIVED, f"{service_id}:{term_id}"))
                attributes[derived] = {"id": derived, "link_id": service_id,
                                       "link_type": "service", "link_entity": "service",
                                       "taxonomy_term_id": term_id, "value": None,
                                       "label": None}
                links.add((service_id, term_id))


def _web_addresses(checked):
    """Complete bare web addresses; list those that may not be links as warnings."""
    for table_name, name in sorted(LINK_FIELDS):
        limit = TABLES[table_name].model.__table__.columns[name].type.length
        for record_id, values in checked.valid.get(table_name, {}).items():
            value = values.get(name)
            if value is None:
                continue
            judged = weblinks.judge(value)
            if judged.href is None:
                checked.warnings.append(Problem(
                    table_name, record_id, name, f"{value[:80]!r} {judged.reason}; kept as "
                    "written, shown as text, left out of exports and the API"))
            elif judged.href != value and len(judged.href) <= limit:
                values[name] = judged.href


def apply(checked):
    """Map languages and accessibility of checked records to this directory's codes, and
    check their web addresses."""
    _languages(checked)
    _accessibility(checked)
    _web_addresses(checked)
    categories.apply(checked)  # every service in this directory's categories (categories/)
