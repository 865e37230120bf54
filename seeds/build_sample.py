"""Build seeds/directory.json from the hand-written records in seeds/sample_records.json.

`.venv/bin/python seeds/build_sample.py [output.json]`. The records (fictional organizations,
their locations and services, the reference tables they use; seeds/README.md describes the
fields) become HSDS 3.0 (Open Referral) JSON: organizations with their services nested
inside, plus HSDS 3.1 service capacities, and the services' and phones' text in Spanish and
Vietnamese in the directory's `translations` extension (README.md). Every id is a uuid5 over
a fixed namespace and a
readable key, and every "random" value (coordinate jitter, verification dates, capacity
update times) comes from a generator seeded from a fixed string: reruns are byte-identical.
"""

import datetime as dt
import json
import random
import sys
import uuid
from collections import Counter
from pathlib import Path

import zipcodes

SEED = "oc-recovery-directory-sample-2026"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://ocrecoverydirectory.example.org/seeds")
HERE = Path(__file__).resolve().parent
RECORDS_FILE = HERE / "sample_records.json"
TAXONOMY_FILE = HERE / "taxonomy.json"
OUTPUT_FILE = HERE / "directory.json"

DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
DAY_NAMES = dict(zip(DAYS, ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                            "Saturday", "Sunday"], strict=True))
TERM_GROUPS = {"cats": "category", "delivery": "delivery", "pay": "payment",
               "pop": "population", "access": "accessibility"}
STATUSES = {"active", "inactive", "defunct", "temporarily closed"}
ASSURED_RANGE = (dt.date(2026, 5, 1), dt.date(2026, 11, 20))
CAPACITY_RANGE = (dt.date(2026, 10, 1), dt.date(2026, 11, 25))
LAST_DAY = dt.date(2026, 11, 25)
JITTER = 0.008  # degrees; keeps every location within about 1.3 km of its ZIP centroid
# A service's `es` and `vi` records: their keys and the HSDS fields they translate.
TRANSLATED = ("es", "vi")
TEXT_FIELDS = {"name": "name", "desc": "description", "app": "application_process",
               "fees": "fees_description", "elig": "eligibility_description", "wait": "wait_time",
               "visit": "first_visit"}
# The first step without a call (directory/models/first_contact.py): the flags a service's
# `first` lists, and the attributes whose value carries its online form and first visit.
FIRST_CONTACT = "first-contact"
FIRST_CONTACT_VALUES = {"form": "online-form", "visit": "first-visit"}
TEXT_LINE = "Text line"


def make_id(*parts):
    """A deterministic UUID for a readable key such as ("service", "svrc-outpatient")."""
    return str(uuid.uuid5(NAMESPACE, ":".join(parts)))


def load_terms(path=TAXONOMY_FILE):
    """Return {group code: {term code: term id}} from the taxonomy file."""
    terms = json.loads(Path(path).read_text(encoding="utf-8"))["terms"]
    roots = {t["id"]: t["code"] for t in terms if t["parent_id"] is None}
    groups = {code: {} for code in roots.values()}
    for term in (t for t in terms if t["parent_id"] is not None):
        groups[roots[term["parent_id"]]][term["code"]] = term["id"]
    return groups


def random_date(rng, start, end):
    """A day between start and end, both included."""
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def timestamp(rng, day):
    """An ISO timestamp during Pacific office hours (15:00-23:59 UTC) on `day`."""
    hour, minute = rng.randint(15, 23), rng.choice([0, 5, 10, 15, 20, 30, 40, 45, 50])
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}:00Z"


def check_fields(records, kind, record, where):
    """Refuse a record with a field its kind does not have (a typo would be lost silently)."""
    unknown = set(record) - set(records["fields"][kind])
    assert not unknown, f"{where}: unknown {kind} fields {unknown}"


def spoken_list(names):
    """['a'] -> 'a'; ['a', 'b', 'c'] -> 'a, b and c'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def service_translations(svc, langs):
    """{"translations": ...} of a service from its `es` and `vi` records ({} without any):
    only in a language its staff speak, and only fields its English has."""
    found = {code: {TEXT_FIELDS[k]: svc[code][k] for k in TEXT_FIELDS if k in svc[code]}
             for code in TRANSLATED if code in svc}
    assert all(code in langs and len(texts) == len(svc[code]) and all(
        svc.get(k) for k in svc[code]) for code, texts in found.items()), svc["key"]
    return {"translations": found} if found else {}


def label_translations(records, label):
    """{"translations": ...} of a phone labelled `label`, from `phone_labels` ({} if none)."""
    found = records["phone_labels"].get(label) or {}
    assert set(found) <= set(TRANSLATED), label
    return {"translations": {c: {"description": t} for c, t in found.items()}} if found else {}


def rows(kind, key, parent, items, **fixed):
    """HSDS child rows: an id from (kind, key, position), the parent's id, then the fields."""
    return [{"id": make_id(kind, *key, str(i)), **parent, **fixed, **item}
            for i, item in enumerate(items)]


def expand_days(spec):
    """'MO-FR' -> ['MO', ..., 'FR']; 'TU,TH' -> ['TU', 'TH']; ranges and lists may mix."""
    days = []
    for part in spec.split(","):
        first, _, last = part.partition("-")
        days.extend(DAYS[DAYS.index(first): DAYS.index(last or first) + 1])
    return days


def clock(hhmm):
    hour, minute = (int(x) for x in hhmm.split(":"))
    suffix, hour12 = "AM" if hour < 12 else "PM", hour % 12 or 12
    return f"{hour12} {suffix}" if minute == 0 else f"{hour12}:{minute:02d} {suffix}"


def describe_days(days):
    if len(days) == 7:
        return "Every day"
    indexes = [DAYS.index(d) for d in days]
    if len(days) >= 3 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"{DAY_NAMES[days[0]]} to {DAY_NAMES[days[-1]]}"
    return spoken_list([DAY_NAMES[d] + "s" for d in days])


def build_schedules(service_id, service_key, hours, walk_in=False):
    """Weekly schedule rows for "MO-FR 09:00-17:00; SA 10:00-14:00 | note" or "24/7";
    with `walk_in`, the hours people may walk in (`attending_type` "walk-in")."""
    items = []
    for segment in hours.split(";"):
        when, _, note = (s.strip() for s in segment.partition("|"))
        if when == "24/7":
            days, opens, closes, text = DAYS, "00:00", "23:59", "Open 24 hours a day, 7 days a week"
        else:
            day_spec, times = when.split()
            (opens, closes), days = times.split("-"), expand_days(day_spec)
            text = f"{describe_days(days)}, {clock(opens)} to {clock(closes)}"
        items.append({"byday": ",".join(days), "opens_at": opens, "closes_at": closes,
                      "description": f"{note}: {text}" if note else text,
                      "valid_from": None, "valid_to": None, "timezone": None,
                      **({"attending_type": "walk-in"} if walk_in else {})})
    key = [service_key, "walk-in"] if walk_in else [service_key]
    return rows("schedule", key, {"service_id": service_id}, items, freq="WEEKLY")


def build_location(records, org, org_id, loc_key, spec):
    check_fields(records, "location", spec, f"{org['key']}/{loc_key}")
    location = {"id": make_id("location", org["key"], loc_key),
                "location_type": "virtual" if spec.get("virtual") else "physical",
                "organization_id": org_id, "name": spec["name"], "description": spec["desc"]}
    if spec.get("virtual"):
        return {**location, "transportation": None, "latitude": None, "longitude": None,
                "addresses": [], "accessibility": []}
    texts, centroid = records["accessibility"], zipcodes.matching(spec["zip"])[0]
    rng = random.Random(":".join((SEED, "location", org["key"], loc_key)))
    lat, lon = (round(float(centroid[c]) + rng.uniform(-JITTER, JITTER), 6)
                for c in ("lat", "long"))
    access = [("Wheelchair accessible", spec.get("access_note") or texts["wheelchair"])
              if spec["wheelchair"] else ("Limited wheelchair access", spec["access_note"]),
              ("ASL interpretation", texts["asl"]) if spec.get("asl") else None,
              ("Near public transit", spec["transit"]) if spec.get("near_transit") else None]
    parent = {"location_id": location["id"]}
    return {
        **location, "transportation": spec["transit"], "latitude": lat, "longitude": lon,
        "addresses": [{"id": make_id("address", org["key"], loc_key), **parent,
                       "attention": None, "address_1": spec["street"],
                       "address_2": spec.get("unit"), "city": records["cities"][spec["zip"]],
                       "region": "Orange County", "state_province": "CA",
                       "postal_code": spec["zip"], "country": "US", "address_type": "physical"}],
        "accessibility": rows("accessibility", [org["key"], loc_key], parent,
                              [{"description": a, "details": t, "url": None}
                               for a, t in filter(None, access)]),
    }


def interpretation(records, langs):
    """The interpretation sentence for the languages the staff speak."""
    listed = spoken_list([records["languages"][code] for code in langs])
    case = "english only" if listed == "English" else "with english" if "en" in langs else "other"
    return records["interpretation"][case].format(languages=listed)


def contact_email(name, domain):
    first, *_, last = name.lower().split()
    return f"{first}.{last}@{domain}"


def accessibility_codes(svc, locations):
    physical = [locations[k] for k in svc.get("locs", []) if not locations[k].get("virtual")]
    implied = {"wheelchair-access": bool(physical) and all(p["wheelchair"] for p in physical),
               "asl": any(p.get("asl") for p in physical),
               "near-transit": any(p.get("near_transit") for p in physical)}
    codes = [*svc.get("access", []), *(code for code, holds in implied.items() if holds)]
    return list(dict.fromkeys(codes))


def build_attributes(svc, service_id, locations, terms):
    codes = {"cats": svc["cats"], "delivery": svc["delivery"], "pay": svc["pay"],
             "pop": svc.get("pop", ["adults"]), "access": accessibility_codes(svc, locations)}
    attributes = []
    for field, group_codes in codes.items():
        group = terms[TERM_GROUPS[field]]
        for code in group_codes:
            assert code in group, f"{svc['key']}: {code} is not a {TERM_GROUPS[field]} term"
            attributes.append({"id": make_id("attribute", svc["key"], code),
                               "link_id": service_id, "link_type": "service",
                               "link_entity": "service", "taxonomy_term_id": group[code],
                               "value": None, "label": None})
    return attributes + first_contact_attributes(svc, service_id, terms[FIRST_CONTACT])


def first_contact_attributes(svc, service_id, group):
    """The first step's flags (`first`) as attributes, and its online form (`form`) and
    first visit (`visit`) as attributes whose value holds them, as exports write them."""
    flags = [(code, None) for code in svc.get("first", [])]
    values = [(code, svc[key]) for key, code in FIRST_CONTACT_VALUES.items() if svc.get(key)]
    found = []
    for code, value in flags + values:
        assert code in group, f"{svc['key']}: {code} is not a {FIRST_CONTACT} term"
        assert (code in FIRST_CONTACT_VALUES.values()) == (value is not None), svc["key"]
        found.append({"id": make_id("attribute", svc["key"], code), "link_id": service_id,
                      "link_type": "service", "link_entity": "service",
                      "taxonomy_term_id": group[code], "value": value, "label": None})
    return found


def build_capacities(svc, service_id, rng):
    if not (capacity := svc.get("capacity")):
        return []
    unit = capacity["unit"]
    assert unit in ("beds", "seats") and 0 <= capacity["available"] <= capacity["maximum"], svc
    return [{
        "id": make_id("capacity", svc["key"]), "service_id": service_id,
        "unit": {"id": make_id("unit", unit), "name": unit, "scheme": None,
                 "identifier": None, "uri": None},
        **{field: capacity[field] for field in ("available", "maximum", "description")},
        "updated": timestamp(rng, random_date(rng, *CAPACITY_RANGE)),
    }]


def build_service(records, org, org_id, svc, built_locations, terms):
    key, locations, domain = svc["key"], org["locations"], org["domain"]
    check_fields(records, "service", svc, key)
    service_id = make_id("service", key)
    status = svc.get("status", "active")
    assert status in STATUSES, f"{key}: bad status {status}"
    assert 1 <= len(svc["cats"]) <= 2, f"{key}: needs 1-2 categories"
    physical = [k for k in svc.get("locs", []) if not locations[k].get("virtual")]
    assert bool(physical) == ("in-person" in svc["delivery"]) or not physical, key
    assert physical or svc.get("areas"), f"{key}: services without a physical location need areas"
    rng = random.Random(f"{SEED}:service:{key}")  # independent of build order
    assured = (dt.date.fromisoformat(svc["assured"]) if svc.get("assured")
               else random_date(rng, *ASSURED_RANGE))
    modified = (random_date(rng, dt.date(2026, 10, 1), LAST_DAY) if status != "active"
                else min(assured + dt.timedelta(days=rng.randint(0, 6)), LAST_DAY))
    assurer = rng.choice(records["assurers"])
    langs = svc.get("langs", ["en"])
    phones = svc.get("phones") or [{"type": "voice", "number": org["phone"],
                                    "description": "Main line"}]
    if svc.get("text"):
        phones = [*phones, {"type": "text", "number": svc["text"], "description": TEXT_LINE}]
    capacities = build_capacities(svc, service_id, rng)
    parent = {"service_id": service_id}
    return {
        "id": service_id, "organization_id": org_id, "name": svc["name"],
        "alternate_name": svc.get("alt"), "description": svc["desc"],
        "url": f"https://{domain}/programs/{svc.get('path') or key.split('-', 1)[1]}",
        "email": svc.get("email") or f"intake@{domain}", "status": status,
        "interpretation_services": svc.get("interp") or interpretation(records, langs),
        "application_process": svc["app"], "fees_description": svc["fees"],
        "wait_time": svc["wait"], "eligibility_description": svc["elig"],
        "minimum_age": svc.get("min_age"), "maximum_age": svc.get("max_age"),
        "assured_date": assured.isoformat(), "assurer_email": assurer,
        "alert": svc.get("alert"), "last_modified": timestamp(rng, modified),
        "phones": rows("phone", ["service", key], parent, [
            {"number": p["number"], "extension": None, "type": p["type"],
             "description": p["description"], "languages": [],
             **label_translations(records, p["description"])} for p in phones]),
        "schedules": build_schedules(service_id, key, svc["hours"]) + (
            build_schedules(service_id, key, svc["walk_in"], walk_in=True)
            if svc.get("walk_in") else []),
        "service_areas": rows("service_area", [key], parent, [
            {"name": a["name"], "description": a["description"], "extent_type": "text",
             "extent": a["extent"], "uri": None}
            for a in (records["areas"][name] for name in svc.get("areas", []))]),
        "service_at_locations": [
            {"id": make_id("service_at_location", key, loc_key), **parent,
             "location_id": built_locations[loc_key]["id"], "description": None,
             "location": built_locations[loc_key]}
            for loc_key in svc.get("locs", [])],
        "languages": [
            {"id": make_id("language", key, code), **parent,
             "name": records["languages"][code], "code": code, "note": None}
            for code in langs],
        "cost_options": rows("cost_option", [key], parent, [
            {"valid_from": None, "valid_to": None, "option": c["option"], "currency": "USD",
             "amount": c["amount"], "amount_description": c["description"]}
            for c in svc.get("costs", [])]),
        "contacts": rows("contact", [key], parent, [
            {"name": c["name"], "title": c["title"], "department": None,
             "email": contact_email(c["name"], domain)} for c in svc.get("contacts", [])]),
        "capacities": capacities,
        "attributes": build_attributes(svc, service_id, locations, terms),
        **service_translations(svc, langs),
    }


def build_organization(records, org, terms):
    check_fields(records, "organization", org, org["key"])
    org_id = make_id("organization", org["key"])
    built = {k: build_location(records, org, org_id, k, spec)
             for k, spec in org["locations"].items()}
    return {
        "id": org_id, "name": org["name"], "alternate_name": org["alt"], "description": org["desc"],
        "email": f"info@{org['domain']}", "website": f"https://{org['domain']}",
        "phones": [{"id": make_id("phone", "organization", org["key"]),
                    "organization_id": org_id, "number": org["phone"], "extension": None,
                    "type": "voice", "description": "Main office line", "languages": [],
                    **label_translations(records, "Main office line")}],
        "services": [build_service(records, org, org_id, svc, built, terms)
                     for svc in org["services"]],
    }


def build(records_file=RECORDS_FILE):
    records = json.loads(Path(records_file).read_text(encoding="utf-8"))
    terms = load_terms()
    organizations = records["organizations"]
    keys = Counter(svc["key"] for org in organizations for svc in org["services"])
    assert keys.most_common(1)[0][1] == 1, f"duplicate service keys: {keys.most_common(3)}"
    return [build_organization(records, org, terms) for org in organizations]


def main(argv):
    output = Path(argv[1]) if len(argv) > 1 else OUTPUT_FILE
    document = build()
    output.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(document)} organizations and "
          f"{sum(len(org['services']) for org in document)} services to {output}")


if __name__ == "__main__":
    main(sys.argv)
