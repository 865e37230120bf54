"""Build real directory rows for tests: organizations, services at locations, terms.

These write through the models into the test database; nothing is faked.
"""

from datetime import date

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
