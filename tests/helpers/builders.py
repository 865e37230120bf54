"""Build real directory rows for tests: organizations, services at locations, terms, the
small directory around Lake Forest that referral tests share, and counts of what landed.

These write through the models into the test database; nothing is faked.
"""

import json
from datetime import date, timedelta

from sqlalchemy import func, select

from directory import models as m
from directory import sample
from directory.extensions import db


def load_taxonomy():
    """Load the project taxonomy and return {code: term}."""
    sample.load_taxonomy()
    db.session.commit()
    return {t.code: t for t in db.session.query(m.TaxonomyTerm) if t.code}


def service(name, *, terms=(), zip_code="92630", city="Lake Forest", lat=33.6469,
            lng=-117.6861, org=None, languages=("English",), virtual=False, areas=(),
            commit=True, **fields):
    """Create a service with one location (physical unless `virtual`) and return it."""
    org = org or m.Organization(name=f"{name} Organization", description="Test organization")
    svc = m.Service(name=name, organization=org, status=fields.pop("status", "active"),
                    assured_date=fields.pop("assured_date", date(2026, 11, 1)), **fields)
    if virtual:
        svc.service_areas = [m.ServiceArea(name=label, extent_type="text", extent=extent)
                             for label, extent in (areas or [("California", "state:CA")])]
    else:
        loc = m.Location(location_type="physical", name=f"{name} office", organization=org,
                         latitude=lat, longitude=lng)
        loc.addresses = [m.Address(address_1="1 Test Way", city=city, state_province="CA",
                                   postal_code=zip_code, country="US")]
        svc.service_at_locations = [m.ServiceAtLocation(location=loc)]
        svc.service_areas = [m.ServiceArea(name=label, extent_type="text", extent=extent)
                             for label, extent in areas]
    codes = {"English": "en", "Spanish": "es", "Vietnamese": "vi", "Korean": "ko"}
    svc.languages = [m.Language(name=lang, code=codes.get(lang, lang[:2].lower()))
                     for lang in languages]
    for term in terms:
        svc.tag(term)
    db.session.add(svc)
    if commit:
        db.session.commit()
    return svc


def translate(record, language, commit=True, **texts):
    """Write fields of a service or phone in `language` ({field: text}); return the record."""
    for field, text in texts.items():
        record.set_translation(field, language, text)
    if commit:
        db.session.commit()
    return record


def tagged_service(terms, name, codes, **fields):
    """Make a service carrying the taxonomy terms of `codes` (`terms`: {code: term})."""
    return service(name, terms=[terms[c] for c in codes], **fields)


def count(model, *where):
    """Return how many rows of `model` the database holds (those matching `where`)."""
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def hsds_file(folder, name, document):
    """Write an HSDS document (JSON, or text as it is) to `folder`/`name`; return its path."""
    path = folder / name
    path.write_text(document if isinstance(document, str) else json.dumps(document))
    return path


def referral_directory():
    """Four services near 92630, rich enough to print: {short name: Service}."""
    terms = load_taxonomy()

    def tagged(*codes):
        return [terms[code] for code in codes]

    peer = service(
        "Casa Esperanza Peer Group", languages=("English", "Spanish"), commit=False,
        terms=tagged("group-therapy-peer-support", "in-person", "medi-cal", "sliding-scale",
                     "near-transit", "wheelchair-access"),
        application_process="Walk in on a weekday, or call the front desk.",
        fees_description="No cost with Medi-Cal; others pay $0 to $20.")
    peer.phones = [m.Phone(number="(949) 555-0101", type="voice", description="Front desk")]
    peer.schedules = [m.Schedule(freq="WEEKLY", byday="MO,TU,WE,TH,FR", opens_at="09:00",
                                 closes_at="17:00"),
                      m.Schedule(freq="WEEKLY", byday="SA", opens_at="10:00",
                                 closes_at="12:00")]
    peer.capacities = [m.ServiceCapacity(available=3, unit=m.Unit(name="seats"),
                                         updated=m.utcnow() - timedelta(days=2))]
    residential = service(
        "Harbor Residential Program", zip_code="92653", city="Laguna Hills", lat=33.6125,
        lng=-117.7126, minimum_age=18, wait_time="Waitlist: 6 weeks", commit=False,
        terms=tagged("residential-treatment", "in-person", "medi-cal"),
        assured_date=date(2024, 3, 1))
    residential.phones = [m.Phone(number="(949) 555-0102", type="voice")]
    online = service(
        "Online Recovery Circle", virtual=True, commit=False,
        terms=tagged("telehealth", "group-therapy-peer-support", "online-group", "free"))
    rides = service(
        "Lake Forest Rides", virtual=True, languages=("English", "Spanish"), commit=False,
        areas=[("Lake Forest", "postal_code:92630 92610")],
        terms=tagged("transportation", "in-person", "free"))
    rides.phones = [m.Phone(number="(949) 555-0104", type="voice")]
    db.session.commit()
    return {"peer": peer, "residential": residential, "online": online, "rides": rides}
