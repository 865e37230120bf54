"""A service as a search document: the text people search and the facts filters read.

Everything a person may type to find a service is searched: its name and alternate name,
its organization's names and the names of the places it is offered at (many services are
known by their place or agency: "AFTER SCHOOL PROGRAM" at a club house, a CalFresh branch);
a service that does not describe itself is described by its organization's description, as
a person reading the listing would read it. Text recognised as another language the search
reads (languages.json) also goes to that language's field, and so does the service's own
text written in that language (its Spanish or Vietnamese name, description, how to apply,
fees, eligibility and wait: models/translation.py).

The fingerprint is a hash of the document, so check-index can tell a stale entry (a
changed translation changes it too).
"""

import hashlib
import json
from datetime import UTC

from ..models.first_contact import FIRST_CONTACT_GROUP
from ..models.translation import TRANSLATED_FIELDS
from ..populations import AGENCIES, audience_limits, for_agencies
from ..schedules import rules_of, signature
from .fields import LANGUAGE_FIELDS, distinct_words
from .languages import fold, language_of

# A service that can be first contacted without a phone call (models/first_contact.py): the
# "Contact without calling" filter.
NO_CALL_TAG = "first:no-call"
# A service named as its organization: the agency's own listing (ServiceFacts).
AGENCY_TAG = "agency-listing"
# The first step is found through that filter, never by its words: what happens at the
# first visit (in any language) and the first-contact flags' names are not searched.
UNSEARCHED_FIELDS = {"first_visit"}


def _join(*parts):
    return "\n".join(p for p in parts if p)


def schedule_facts(schedules):
    """Return the schedule rules as one signature text (None without hours): "open now"
    is asked of the schedule engine at query time, per distinct signature."""
    rules = rules_of(schedules)
    return signature(rules) if rules else None


def listing_number(service):
    """Return a number for the service's listing key (ServiceFacts.listing_key), equal
    for listings of the same service and 0 for one that has none: the engine shows the
    best-ranked of each number once."""
    key = service.listing_key
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:15], 16) if key else 0


def service_facts(service):
    """Return the facts the filters and facets need, as plain JSON-able values."""
    tags = sorted(f"{t.group}:{t.code}" for t in service.terms if t.group and t.code)
    tags += sorted({f"lang:{lang.code.lower()}" for lang in service.spoken_languages
                    if lang.code})
    tags += sorted(f"term:{a.taxonomy_term_id}" for a in service.attributes)
    tags.append(f"org:{service.organization_id}")
    if service.is_agency_listing:
        tags.append(AGENCY_TAG)
    tags += [f"limited:{group}" for group in sorted(audience_limits(service))]
    if for_agencies(service):  # help for agencies and professionals: not the public's
        tags.append(f"limited:{AGENCIES}")
    held = service.held_languages
    if held and "en" not in held:  # sessions in another language only ("Korean-Language")
        tags += [f"held:{code}" for code in sorted(held)]
    tags += getattr(service, "transit_tags", [])  # routes within a walk (service_rows)
    if service.contactable_without_calling:
        tags.append(NO_CALL_TAG)
    points = [[round(loc.latitude, 6), round(loc.longitude, 6)]
              for loc in service.physical_locations]
    capacity = service.current_capacity
    area_names = [a.name for a in service.service_areas if a.name]
    return {
        "tags": tags,
        "points": points,
        "areas": sorted(service.served_area_keys),
        "area_names": area_names,
        "reaches": service.matched_by_area,  # by service area rather than distance
        "min_age": service.minimum_age,
        "max_age": service.maximum_age,
        "assured": service.assured_date.toordinal() if service.assured_date else None,
        "closed": service.is_temporarily_closed,
        "available": capacity.available if capacity else None,
        "schedule": schedule_facts(service.hours_schedules),
        "listing": listing_number(service),
        "modified": (service.last_modified.replace(tzinfo=UTC).timestamp()
                     if service.last_modified else None),
    }


def _names(service):
    """Return the names of who runs a service and where: the organization's name and
    alternate name, its program's (HSDS `program`: "Healthy Start" for a service named
    "AFTER SCHOOL PROGRAM") and each place's, each once and none that is the service's own
    (a service named after its place would count its name twice)."""
    organization, program = service.organization, service.program
    names = [organization.name, organization.alternate_name] if organization else []
    names += [program.name, program.alternate_name] if program else []
    for location in service.locations:
        names += [location.name, location.alternate_name]
    own = {fold(n).strip() for n in (service.name, service.alternate_name) if n}
    kept = {}
    for name in (n.strip() for n in names if n and n.strip()):
        if fold(name) not in own:
            kept.setdefault(fold(name), name)
    return list(kept.values())


def _own_language_text(parts):
    """Return {field: text} of the parts recognised as each language with a field of its
    own (an alternate name is often the Spanish or Vietnamese one)."""
    fields = {name: [] for name in LANGUAGE_FIELDS.values()}
    for part in parts:
        code = language_of(part) if part else None
        if code in LANGUAGE_FIELDS:
            fields[LANGUAGE_FIELDS[code]].append(part)
    return {name: _join(*texts) for name, texts in fields.items()}


def _translated_text(service):
    """Return {field: text} of the service's translations into each language with a field
    of its own, its fields in the editors' order."""
    order = TRANSLATED_FIELDS["service"]
    fields = {name: [] for name in LANGUAGE_FIELDS.values()}
    for row in sorted(service.translations, key=lambda r: (
            order.index(r.field) if r.field in order else len(order), r.field, r.language)):
        if row.language in LANGUAGE_FIELDS and row.field not in UNSEARCHED_FIELDS:
            fields[LANGUAGE_FIELDS[row.language]].append(row.text)
    return fields


def service_document(service):
    """Return the Whoosh document (a dict of fields) for a listed service."""
    facts = service_facts(service)
    term_names = [t.name for t in service.terms if t.group != FIRST_CONTACT_GROUP]
    languages = [lang.name for lang in service.spoken_languages if lang.name]
    cities = sorted({loc.address.city for loc in service.physical_locations if loc.address})
    body = _join(
        service.described, service.eligibility_description, service.fees_description,
        service.application_process, service.interpretation_services,
        " ".join(o.option or "" for o in service.cost_options), " ".join(cities),
        " ".join(facts["area_names"]),
    )
    names = _names(service)
    own_language = _own_language_text([
        service.name, service.alternate_name, *names, service.described,
        service.eligibility_description, service.fees_description,
        service.application_process, service.interpretation_services])
    for field, texts in _translated_text(service).items():
        own_language[field] = _join(own_language[field], *texts)
    doc = {
        "id": service.id,
        "name": _join(service.name, service.alternate_name),
        "organization": _join(*names),
        "terms": _join(*term_names, *languages),
        "body": body,
        **own_language,
        "tags": ",".join(facts["tags"]),
        "facts": json.dumps(facts, separators=(",", ":"), sort_keys=True),
    }
    # Names and terms only: the body's words would double the cost of indexing, and the
    # concept table's words are a second vocabulary (see spelling.spelling_corrector).
    doc["spell"] = " ".join(distinct_words(_join(doc["name"], doc["organization"],
                                                 doc["terms"], " ".join(cities))))
    doc["fingerprint"] = hashlib.sha1(
        json.dumps(doc, sort_keys=True).encode("utf-8")).hexdigest()
    return doc
