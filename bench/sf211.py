"""San Francisco 2-1-1's 2014 export (`../shared/realdata/sf211/sf.json`, the Ohana API's
import format: organization -> locations[] -> services_attributes[]) as an HSDS 3.0 JSON
document that `import-hsds` reads, and a ready directory built from it (tables, the project
taxonomy, the import, the index) for bench/relevance.py and tests/hsds/test_sf211_data.py. What
the export needs and the product does not lives here: a location listed twice by one
export line (once with, once without a description) is one record, its twin's fields
folded in; same-named export lines are one organization; every service gets the name of
its location (SF services have none); the 2-1-1 keywords become terms of a taxonomy of
their own, `sf211`, for the category work to map. Ids are uuid5 of names and addresses, so
judgments written against them never move.

    python bench/sf211.py OUT.json [--database-url URL --index-dir DIR]
"""

import argparse
import json
import re
import sys
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REALDATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "realdata"
SF_FILE = REALDATA / "sf211" / "sf.json"
NAMESPACE = uuid.UUID("5f2a9c1e-2b1d-4c7a-9e0f-211211211211")
TAXONOMY = {"id": str(uuid.uuid5(NAMESPACE, "taxonomy:sf211")), "name": "sf211",
            "description": "San Francisco 2-1-1 (AIRS term names), as its 2014 export "
                           "carries them in services_attributes[].keywords",
            "version": "2014"}
# Text the export writes where it has nothing to say.
EMPTY = {"", "NA", "N/A"}
LANGUAGES = ("English", "Spanish", "Chinese", "Cantonese", "Mandarin", "Vietnamese",
             "Russian", "Tagalog", "Filipino", "French", "Japanese", "German", "Hmong",
             "Korean", "Arabic", "Portuguese", "Italian", "Thai", "Samoan", "Burmese")
DAYS = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA",
        "sun": "SU"}
PHONE_TYPES = {"fax": "fax", "tdd": "textphone", "tty": "textphone", "video phone": "video"}


def unavailable_reason(path=SF_FILE):
    """Return why the SF export cannot be read here, or None when it can."""
    return None if Path(path).is_file() else (
        f"{Path(path).resolve()} is absent: San Francisco 2-1-1's export lives in "
        "../shared/realdata/sf211/ beside the checkout")


def _id(*parts):
    return str(uuid.uuid5(NAMESPACE, "|".join(str(p) for p in parts)))


def _text(value):
    """Return the export's text stripped, or None for its blanks and placeholders."""
    text = " ".join(str(value).split()) if value is not None else ""
    return None if text in EMPTY else text


def _union(*lists):
    """Return the items of lists in order, each once (dicts compared by value)."""
    seen, out = set(), []
    for item in (i for items in lists for i in items or ()):
        key = json.dumps(item, sort_keys=True)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def read_export(path=SF_FILE):
    """Return the export's organizations, one JSON object a line."""
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def location_key(org_name, location):
    address = location["address_attributes"]
    return (org_name.strip(), location["name"].strip(), _text(address.get("street")) or "",
            _text(address.get("zip")) or "")


def merge_twins(locations, org_name):
    """Return (records, folded): one record per place an export line lists, its twins'
    fields folded into the first (the described one comes first in every pair)."""
    groups = defaultdict(list)
    for location in locations:
        groups[location_key(org_name, location)].append(location)
    records = []
    for twins in groups.values():
        twins = sorted(twins, key=lambda t: not _text(t["description"]))  # described first
        merged = dict(twins[0])
        for other in twins[1:]:
            for name in ("description", "short_desc", "hours", "transportation"):
                if not _text(merged.get(name)) and _text(other.get(name)):
                    merged[name] = other[name]
            for name in ("phones_attributes", "faxes_attributes", "emails", "urls",
                         "contacts_attributes", "languages", "accessibility"):
                merged[name] = _union(merged.get(name), other.get(name))
            mine, theirs = merged["services_attributes"][0], other["services_attributes"][0]
            service = dict(mine)
            for name in ("eligibility", "fees", "how_to_apply", "audience"):
                if not _text(service.get(name)) and _text(theirs.get(name)):
                    service[name] = theirs[name]
            for name in ("keywords", "service_areas", "funding_sources"):
                service[name] = _union(mine.get(name), theirs.get(name))
            merged["services_attributes"] = [service]
        records.append(merged)
    return records, len(locations) - len(records)


def language_rows(text, location_id):
    """Return HSDS language rows (by name; the import gives the code) for the export's free
    text ("Chinese (Cantonese, Mandarin)Spanish"): a dialect named replaces "Chinese",
    Tagalog replaces "Filipino"."""
    found = [n for n in LANGUAGES if re.search(rf"{n}(?![a-z])", text, re.IGNORECASE)]
    if "Chinese" in found and ("Cantonese" in found or "Mandarin" in found):
        found.remove("Chinese")
    if "Tagalog" in found and "Filipino" in found:
        found.remove("Filipino")
    if re.search(r"english only", text, re.IGNORECASE):
        found = ["English"]
    return [{"id": _id(location_id, "language", name), "location_id": location_id,
             "name": name, "note": text if len(found) > 1 or text != name else None}
            for name in found]


def _clock(text, afternoon=None):
    """Return (hours, minutes, "am"/"pm"/None) of "9", "9:45", "10:00am", "5:30 pm"."""
    match = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?\s*([ap])?\.?m?\.?", text.strip().lower())
    if not match:
        return None
    return int(match[1]), int(match[2] or 0), {"a": "am", "p": "pm"}.get(match[3], afternoon)


def _span(text):
    """Return ("HH:MM", "HH:MM") for "9-5", "10:00am - 5:30pm", "3-9pm", or None."""
    parts = re.split(r"\s*-\s*", text.strip())
    if len(parts) != 2:
        return None
    close = _clock(parts[1])
    opening = _clock(parts[0], close[2] if close else None)
    if not opening or not close:
        return None

    def hhmm(clock, later_than=None):
        hours, minutes, half = clock
        if half == "pm" and hours < 12:
            hours += 12
        elif half is None and later_than is not None and hours * 60 + minutes <= later_than:
            hours += 12  # "9-5": the close is in the afternoon
        return hours, minutes

    opens = hhmm(opening)
    closes = hhmm(close, opens[0] * 60 + opens[1])
    if opening[2] == "pm" and close[2] == "pm" and opens > closes:  # "3-9pm" read as 15-21
        opens = (opens[0] - 12, opens[1])
    return f"{opens[0]:02d}:{opens[1]:02d}", f"{closes[0]:02d}:{closes[1]:02d}"


def schedule_rows(text, service_id):
    """Return weekly HSDS schedules for "Mon 9-5; Tue 9-5; ...": days with the same hours
    share a row; a day whose hours cannot be read is kept in a row's description."""
    by_span, unread = defaultdict(list), []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        day, _, hours = part.partition(" ")
        code = DAYS.get(day[:3].lower())
        span = _span(hours) if code and hours.strip() else None
        if span:
            by_span[span].append(code)
        elif code and hours.strip():
            unread.append(part)
    rows = [{"id": _id(service_id, "schedule", *span), "service_id": service_id,
             "freq": "WEEKLY", "byday": ",".join(days), "opens_at": span[0],
             "closes_at": span[1], "description": text}
            for span, days in by_span.items()]
    if unread:
        rows.append({"id": _id(service_id, "schedule", "unread"), "service_id": service_id,
                     "description": text})
    return rows


def phone_rows(record, service_id):
    rows = []
    for phone in record.get("phones_attributes") or []:
        written = _text(phone.get("number"))
        if not written:
            continue
        department = _text(phone.get("department"))
        extension = re.search(r"[\s,]*\b(?:ext|x)\.?\s*(\d+)(.*)$", written, re.IGNORECASE)
        number = written[:extension.start()] if extension else written
        # HSDS extensions are numbers: "ext. 117 or 125" keeps 117, the rest is described
        said = written if extension and extension[2].strip() else None
        rows.append({"id": _id(service_id, "phone", written, department),
                     "service_id": service_id, "number": number,
                     "extension": extension[1] if extension else None,
                     "type": PHONE_TYPES.get((department or "").lower(), "voice"),
                     "description": "; ".join(filter(None, (department, said))) or None})
    for fax in record.get("faxes_attributes") or []:
        if _text(fax.get("number")):
            rows.append({"id": _id(service_id, "fax", fax["number"]), "service_id": service_id,
                         "number": _text(fax["number"]), "type": "fax", "description": "Fax"})
    return _union(rows)


def area_rows(areas, service_id):
    """Return HSDS service areas, one per place a list names: "X County" -> county:CA:X,
    "Statewide" -> state:CA, "Nevada" -> state:NV, ZIP codes in parentheses ->
    postal_code; other places ("Northern California", districts) by name only. A text
    naming no county, state or ZIP code ("Oceanview, Ingleside ...") stays one area."""
    rows = []
    for text in areas:
        parts = [p.strip() for p in re.split(r",\s*(?![^()]*\))", text) if p.strip()]
        extents = [_extent(part) for part in parts]
        if not any(extents):
            parts, extents = [text.strip()], [None]
        rows += [{"id": _id(service_id, "area", part), "service_id": service_id,
                  "name": part, "extent": extent, "extent_type": "text" if extent else None}
                 for part, extent in zip(parts, extents, strict=True)]
    return rows


def _extent(place):
    county = re.fullmatch(r"([A-Z][\w ]+?) County", place)
    zips = re.findall(r"\b9\d{4}\b", place)
    if county:
        return f"county:CA:{county[1]}"
    if place in ("Statewide", "Nevada", "Nevada State"):
        return "state:CA" if place == "Statewide" else "state:NV"
    return "postal_code:" + " ".join(zips) if zips else None


def term_row(keyword):
    return {"id": _id("sf211 term", keyword), "name": keyword, "description": keyword,
            "taxonomy": TAXONOMY["name"], "taxonomy_id": TAXONOMY["id"], "language": "en"}


@dataclass
class Conversion:
    """The HSDS document and what the conversion did."""

    document: list = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)


def _urls(lists):
    """Return the web addresses of the export's lists, two typed in one string split."""
    return list(dict.fromkeys(u for text in lists for u in (text or "").split() if _text(u)))


def _service(org_name, org_id, record, location_id, service_id):
    attributes = record["services_attributes"][0]
    emails = [e.strip() for e in record.get("emails") or [] if _text(e)]
    urls = _urls(record.get("urls") or [])
    languages = _text(" ".join(record.get("languages") or []))
    contacts = [{"id": _id(service_id, "contact", c.get("name"), c.get("title")),
                 "service_id": service_id, "name": _text(c.get("name")),
                 "title": _text(c.get("title"))}
                for c in _union(record.get("contacts_attributes")) if _text(c.get("name"))]
    contacts += [{"id": _id(service_id, "email", e), "service_id": service_id, "email": e}
                 for e in emails[1:]]
    sources = [s.strip() for line in attributes.get("funding_sources") or []
               for s in line.split(";") if _text(s)]
    hours = _text(record.get("hours"))
    return {
        "id": service_id, "organization_id": org_id, "name": record["name"].strip(),
        "description": _text(record.get("description")),
        "url": urls[0] if urls else None, "email": emails[0] if emails else None,
        "status": "active",
        "interpretation_services": languages if languages and re.search(
            r"interpret|bilingual|language line", languages, re.IGNORECASE) else None,
        "application_process": _text(attributes.get("how_to_apply")),
        "fees_description": _text(attributes.get("fees")),
        "eligibility_description": _text(attributes.get("eligibility")),
        "phones": phone_rows(record, service_id),
        "schedules": schedule_rows(hours, service_id) if hours else [],
        "service_areas": area_rows(attributes.get("service_areas") or [], service_id),
        "contacts": contacts,
        "funding": [{"id": _id(service_id, "funding", s), "service_id": service_id,
                     "source": s} for s in dict.fromkeys(sources)],
        "additional_urls": [{"id": _id(service_id, "url", u), "service_id": service_id,
                             "url": u} for u in urls[1:]],
        "attributes": [{"id": _id(service_id, "keyword", k), "link_id": service_id,
                        "link_type": "service", "link_entity": "service",
                        "taxonomy_term_id": term_row(k)["id"]}
                       for k in dict.fromkeys(attributes.get("keywords") or [])],
        "service_at_locations": [{"id": _id(service_id, "at", location_id),
                                  "service_id": service_id, "location_id": location_id}],
    }


def _location(org_id, record, location_id):
    address = record["address_attributes"]
    street = _text(address.get("street")) or ""
    # four places have [null, null]: the import places them at their ZIP code or city
    longitude, latitude = (float(c) if c else None for c in record["coordinates"])
    languages = _text(" ".join(record.get("languages") or []))
    cross = _text(record.get("short_desc"))
    return {
        "id": location_id, "organization_id": org_id, "location_type": "physical",
        "name": record["name"].strip(), "description": cross,
        "transportation": _text(record.get("transportation")),
        "latitude": latitude, "longitude": longitude,
        "addresses": [{"id": _id(location_id, "address"), "location_id": location_id,
                       "address_1": street, "city": _text(address.get("city")) or "",
                       # every place of the export is in San Francisco; four omit the state
                       "state_province": _text(address.get("state")) or "CA",
                       "postal_code": _text(address.get("zip")) or "", "country": "US",
                       "address_type": "postal" if re.match(r"p\.?\s*o\.?\s*box\b", street,
                                                            re.IGNORECASE) else "physical"}],
        "languages": language_rows(languages, location_id) if languages else [],
        "accessibility": [{"id": _id(location_id, "accessibility", a), "location_id":
                           location_id, "description": a}
                          for a in _union(record.get("accessibility")) if _text(a)],
    }


def convert(lines):
    """Return a Conversion of the export's organizations (a list of dicts)."""
    result, counts = Conversion(), Counter(lines=len(lines))
    by_name = defaultdict(list)
    for line in lines:
        by_name[line["name"].strip()].append(line)
    keywords, service_keys = {}, Counter()
    for org_name, same_named in by_name.items():
        org_id = _id("organization", org_name)
        locations, services, records = {}, [], []
        for line in same_named:
            counts["export locations"] += len(line["locations"])
            merged, folded = merge_twins(line["locations"], org_name)
            counts["twins folded"] += folded
            records += merged
        for record in records:
            key = location_key(org_name, record)
            location_id = _id("location", *key)
            if location_id in locations:
                counts["services sharing a place with another export line"] += 1
            else:
                locations[location_id] = _location(org_id, record, location_id)
            service_keys[key] += 1  # same org, place and name on two export lines: two services
            index = service_keys[key] - 1
            service_id = _id("service", *key, *([index] if index else []))
            services.append(_service(org_name, org_id, record, location_id, service_id))
            for keyword in record["services_attributes"][0].get("keywords") or []:
                keywords[keyword] = term_row(keyword)
        described = [r for r in records if _text(r.get("description"))]
        urls = _urls(u for line in same_named for u in line.get("urls") or [])
        emails = [e.strip() for r in records for e in r.get("emails") or [] if _text(e)]
        result.document.append({
            "id": org_id, "name": org_name,
            # HSDS requires a description; the export has none for organizations
            "description": _text(described[0]["description"]) if described else org_name,
            "website": urls[0] if urls else None, "email": emails[0] if emails else None,
            "additional_websites": [{"id": _id(org_id, "url", u), "organization_id": org_id,
                                     "url": u} for u in urls[1:]],
            "locations": list(locations.values()), "services": services})
        counts["organizations"] += 1
        counts["locations"] += len(locations)
        counts["services"] += len(services)
    result.document[:0] = [dict(TAXONOMY)] + sorted(keywords.values(), key=lambda t: t["name"])
    counts["sf211 terms"] = len(keywords)
    result.counts = counts
    return result


def write(out, path=SF_FILE):
    """Write the HSDS document for the export at `path` to `out`; return the Conversion."""
    conversion = convert(read_export(path))
    Path(out).write_text(json.dumps(conversion.document, ensure_ascii=False, indent=1),
                         encoding="utf-8")
    return conversion


def build_directory(database_url, index_dir, document, progress=print):
    """Build a ready SF directory: tables, the project taxonomy, the import of the converted
    export (written to `document`), the search index. Return (app, conversion, report)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from directory import create_app, sample
    from directory.extensions import db
    from directory.hsds import importer

    started = time.perf_counter()
    conversion = write(document)
    progress(f"sf211: converted {conversion.counts['services']} services "
             f"({time.perf_counter() - started:.1f} s); importing and indexing...")
    app = create_app({"TESTING": True, "SECRET_KEY": "bench", "GEOCODER": "",
                      "SQLALCHEMY_DATABASE_URI": database_url,
                      "SEARCH_INDEX_DIR": str(index_dir), "RATELIMIT_ENABLED": False})
    with app.app_context():
        db.create_all()
        sample.load_taxonomy()  # the project's own categories, as a clinic's install has
        db.session.commit()
        report = importer.import_path(document)
        db.session.remove()
    progress(f"sf211: ready ({time.perf_counter() - started:.1f} s)")
    return app, conversion, report


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="where to write the HSDS JSON document")
    parser.add_argument("--database-url", help="also import it into this (new) database")
    parser.add_argument("--index-dir", help="the search index folder of that database")
    args = parser.parse_args()
    reason = unavailable_reason()
    if reason:
        sys.exit(reason)
    if args.database_url:
        if not args.index_dir:
            parser.error("--database-url needs --index-dir")
        _, conversion, report = build_directory(args.database_url, args.index_dir, args.out)
        for line in report.summary_lines():
            print(line)
        for problem in report.problems:
            print(f"skipped: {problem}")
        for kind, count in Counter(f"{w.table}.{w.field}" for w in report.warnings).items():
            print(f"warnings: {kind}: {count}")
        print(f"coordinates filled from the address: {report.coordinates_filled}")
    else:
        conversion = write(args.out)
    for name, count in conversion.counts.items():
        print(f"{name}: {count}")


if __name__ == "__main__":
    main()
