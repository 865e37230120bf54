"""A service as a search document: the text people search and the facts filters read.

The fingerprint is a hash of the document, so check-index can tell a stale entry.
"""

import hashlib
import json
from datetime import UTC

from ..geo import extent_keys
from ..languages import session_languages
from ..models.service import REMOTE_DELIVERY
from ..populations import audience_limits
from ..schedules import rules_of, signature
from .schema import distinct_words, looks_spanish


def _join(*parts):
    return "\n".join(p for p in parts if p)


def schedule_facts(schedules):
    """Return the schedule rules as one signature text (None without hours): "open now"
    is asked of the schedule engine at query time, per distinct signature."""
    rules = rules_of(schedules)
    return signature(rules) if rules else None


def service_facts(service):
    """Return the facts the filters and facets need, as plain JSON-able values."""
    tags = sorted(f"{t.group}:{t.code}" for t in service.terms if t.group and t.code)
    tags += sorted({f"lang:{lang.code.lower()}" for lang in service.languages if lang.code})
    tags += sorted(f"term:{a.taxonomy_term_id}" for a in service.attributes)
    tags.append(f"org:{service.organization_id}")
    tags += [f"limited:{group}" for group in sorted(audience_limits(service))]
    held = session_languages(service)
    if held and "en" not in held:  # sessions in another language only ("Korean-Language")
        tags += [f"held:{code}" for code in sorted(held)]
    delivery = service.term_codes("delivery")
    categories = service.term_codes("category")
    points = [[round(loc.latitude, 6), round(loc.longitude, 6)]
              for loc in service.physical_locations]
    areas = sorted({key for a in service.service_areas if a.extent_type == "text"
                    for key in extent_keys(a.extent)})
    capacity = service.current_capacity
    area_names = [a.name for a in service.service_areas if a.name]
    return {
        "tags": tags,
        "points": points,
        "areas": areas,
        "area_names": area_names,
        # matched by service area rather than distance
        "reaches": bool(areas) and (not points or bool(delivery.intersection(REMOTE_DELIVERY))
                                    or "transportation" in categories),
        "min_age": service.minimum_age,
        "max_age": service.maximum_age,
        "assured": service.assured_date.toordinal() if service.assured_date else None,
        "closed": service.status == "temporarily closed",
        "available": capacity.available if capacity else None,
        "schedule": schedule_facts(service.schedules),
        "modified": (service.last_modified.replace(tzinfo=UTC).timestamp()
                     if service.last_modified else None),
    }


def service_document(service):
    """Return the Whoosh document (a dict of fields) for a listed service."""
    facts = service_facts(service)
    term_names = [t.name for t in service.terms]
    languages = [lang.name for lang in service.languages if lang.name]
    cities = sorted({loc.address.city for loc in service.physical_locations if loc.address})
    body = _join(
        service.description, service.eligibility_description, service.fees_description,
        service.application_process, service.interpretation_services,
        " ".join(o.option or "" for o in service.cost_options), " ".join(cities),
        " ".join(facts["area_names"]),
    )
    doc = {
        "id": service.id,
        "name": _join(service.name, service.alternate_name),
        "organization": service.organization.name if service.organization else "",
        "terms": _join(*term_names, *languages),
        "body": body,
        # Spanish text gets Spanish analysis too; an alternate name is often the Spanish one.
        "es": _join(*[part for part in (
            service.name, service.alternate_name, service.description,
            service.eligibility_description, service.fees_description,
            service.application_process, service.interpretation_services)
            if part and looks_spanish(part)]),
        "tags": ",".join(facts["tags"]),
        "facts": json.dumps(facts, separators=(",", ":"), sort_keys=True),
    }
    # Names and terms only: the body's words would double the cost of indexing, and the
    # concept table's words are a second vocabulary (see textquery.spelling_corrector).
    doc["spell"] = " ".join(distinct_words(_join(doc["name"], doc["organization"],
                                                 doc["terms"], " ".join(cities))))
    doc["fingerprint"] = hashlib.sha1(
        json.dumps(doc, sort_keys=True).encode("utf-8")).hexdigest()
    return doc
