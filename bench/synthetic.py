"""A synthetic directory for benchmarks: N services with realistic text lengths, spread
over California's ZIP centroids (the state benches) or, with spread="national", over the
whole country weighted by where people live (bench/million_places.py); about 10%
telehealth (no location, a statewide area). Rows are written with SQLAlchemy Core in bulk;
the same seed gives the same directory."""

import random
import uuid
from datetime import date, timedelta

import zipcodes
from sqlalchemy import insert

from bench import million_places
from directory import create_app, sample
from directory import models as m
from directory.extensions import db

WORDS = [
    "recovery",
    "support",
    "group",
    "counseling",
    "therapy",
    "treatment",
    "residential",
    "detox",
    "sober",
    "living",
    "peer",
    "family",
    "parents",
    "youth",
    "adults",
    "veterans",
    "women",
    "men",
    "spanish",
    "bilingual",
    "trauma",
    "anxiety",
    "depression",
    "grief",
    "relapse",
    "prevention",
    "outpatient",
    "intensive",
    "program",
    "meeting",
    "weekly",
    "evening",
    "weekend",
    "medication",
    "psychiatry",
    "assessment",
    "intake",
    "referral",
    "case",
    "management",
    "housing",
    "shelter",
    "food",
    "pantry",
    "groceries",
    "childcare",
    "transportation",
    "rides",
    "bus",
    "van",
    "appointment",
    "insurance",
    "medi-cal",
    "medicaid",
    "medicare",
    "sliding",
    "scale",
    "free",
    "cost",
    "help",
    "crisis",
    "hotline",
    "telehealth",
    "video",
    "online",
    "phone",
    "clinic",
    "center",
    "community",
    "health",
    "wellness",
    "education",
    "classes",
    "skills",
    "coping",
    "mindfulness",
    "yoga",
    "art",
    "music",
    "employment",
    "legal",
    "benefits",
    "enrollment",
    "navigation",
    "advocacy",
    "harm",
    "reduction",
    "naloxone",
    "aftercare",
    "alumni",
    "mentoring",
    "coaching",
    "sponsorship",
    "twelve",
    "steps",
    "smart",
    "mothers",
    "pregnant",
    "seniors",
    "lgbtq",
    "affirming",
    "culturally",
    "responsive",
    "vietnamese",
    "korean",
    "mandarin",
    "farsi",
    "arabic",
]
FILLER = [
    "the",
    "and",
    "for",
    "with",
    "who",
    "are",
    "our",
    "we",
    "you",
    "your",
    "to",
    "of",
    "in",
    "a",
    "on",
    "at",
    "by",
    "from",
    "as",
    "is",
    "can",
    "every",
    "each",
    "all",
    "new",
    "people",
    "clients",
    "staff",
    "licensed",
    "trained",
    "caring",
    "safe",
    "welcoming",
    "confidential",
    "local",
    "nearby",
    "available",
    "open",
    "call",
    "visit",
    "walk",
    "ask",
    "about",
]
NAME_NOUNS = [
    "Harbor",
    "Bridge",
    "Haven",
    "Path",
    "Beacon",
    "Anchor",
    "Compass",
    "Summit",
    "Valley",
    "Oak",
    "Cedar",
    "Willow",
    "Horizon",
    "Meadow",
    "River",
    "Coast",
    "Canyon",
    "Mesa",
    "Pine",
    "Sierra",
    "Golden",
    "Pacific",
    "Desert",
]
NAME_KINDS = (
    "Recovery Center",
    "Counseling Services",
    "Peer Support Group",
    "Family Program",
    "Treatment Program",
    "Wellness Clinic",
    "Sober Living Home",
    "Ride Program",
    "Crisis Line",
    "Outreach Team",
    "Food Pantry",
    "Childcare Collective",
)
CATEGORIES = (
    "residential-treatment",
    "group-therapy-peer-support",
    "telehealth",
    "transportation",
    "financial-assistance",
    "practical-support",
    "family-education-support",
    "crisis-support",
    "outpatient-counselling",
    "housing",
)
PAYMENTS = ("medi-cal", "medicare", "private-insurance", "sliding-scale", "free", "cash")
LANGUAGES = (
    ("English", "en"),
    ("Spanish", "es"),
    ("Vietnamese", "vi"),
    ("Korean", "ko"),
    ("Mandarin", "zh"),
)


def _text(rng, low, high):
    count = rng.randint(low, high)
    return (
        " ".join(
            rng.choice(WORDS) if rng.random() < 0.45 else rng.choice(FILLER) for _ in range(count)
        ).capitalize()
        + "."
    )


def california_points():
    """Return the active California ZIP centroids as (zip, city, lat, lng)."""
    return [
        (z["zip_code"], z["city"].title(), float(z["lat"]), float(z["long"]))
        for z in zipcodes.filter_by(state="CA")
        if z["active"]
    ]


def generate(services, seed=7, batch=5000, spread="california", chunk=None):
    """Insert `services` synthetic services (and their rows) into the app's database;
    return how many. With `chunk`, rows are written every `chunk` services (a million
    services' rows do not fit in memory at once); without, all at the end, as the
    California benches were measured (their directory must stay the same row for row)."""
    rng = random.Random(seed)
    terms = {t.code: t.id for t in db.session.query(m.TaxonomyTerm) if t.code}
    if spread not in ("california", "national"):
        raise ValueError(f"spread is california or national, not {spread!r}")
    national = million_places.national() if spread == "national" else None
    points = california_points() if national is None else None
    org_count = max(1, services // 4)
    orgs = [
        {
            "id": str(uuid.UUID(int=rng.getrandbits(128))),
            "name": f"{rng.choice(NAME_NOUNS)} {rng.choice(NAME_NOUNS)} Alliance {i}",
            "description": _text(rng, 10, 30),
        }
        for i in range(org_count)
    ]
    _insert(m.Organization, orgs, batch)
    tables = _empty_tables()
    areas = {}  # service id -> (state code, name) of a service reaching people at home
    today = date(2026, 11, 26)
    for i in range(services):
        if chunk and len(tables["service"]) >= chunk:
            _write(tables, _areas(rng, tables, areas), batch)
            tables, areas = _empty_tables(), {}
        sid = str(uuid.UUID(int=rng.getrandbits(128)))
        org = orgs[rng.randrange(org_count)]
        remote = rng.random() < 0.10
        category = "telehealth" if remote else rng.choice(CATEGORIES)
        tables["service"].append(
            {
                "id": sid,
                "organization_id": org["id"],
                "status": "active",
                "name": f"{rng.choice(NAME_NOUNS)} {rng.choice(NAME_KINDS)} {i}",
                "description": _text(rng, 40, 120),
                "eligibility_description": _text(rng, 8, 25),
                "fees_description": _text(rng, 5, 15),
                "application_process": _text(rng, 10, 30),
                "assured_date": today - timedelta(days=rng.randint(0, 700)),
                "minimum_age": rng.choice((None, None, 18, 12, 60)),
            }
        )
        codes = {
            category,
            rng.choice(PAYMENTS),
            rng.choice(PAYMENTS),
            "telehealth-video" if remote else "in-person",
        }
        if not remote and rng.random() < 0.8:
            codes.add("wheelchair-access")
        for code in codes:
            tables["attribute"].append(
                {
                    "id": str(uuid.UUID(int=rng.getrandbits(128))),
                    "link_id": sid,
                    "link_entity": "service",
                    "link_type": "service",
                    "taxonomy_term_id": terms[code],
                }
            )
        for name, code in {LANGUAGES[0], rng.choice(LANGUAGES)}:
            tables["language"].append(
                {
                    "id": str(uuid.UUID(int=rng.getrandbits(128))),
                    "service_id": sid,
                    "name": name,
                    "code": code,
                }
            )
        tables["schedule"].append(
            {
                "id": str(uuid.UUID(int=rng.getrandbits(128))),
                "service_id": sid,
                "freq": "WEEKLY",
                "byday": "MO,TU,WE,TH,FR",
                "opens_at": "09:00",
                "closes_at": rng.choice(("17:00", "19:00", "21:00")),
            }
        )
        if remote:
            if national is not None:
                areas[sid] = national.state(rng)
            continue
        if national is None:
            zip_code, city, lat, lng = rng.choice(points)
            state = "CA"
        else:
            zip_code, city, state, lat, lng = national.point(rng)
        lid = str(uuid.UUID(int=rng.getrandbits(128)))
        tables["location"].append(
            {
                "id": lid,
                "organization_id": org["id"],
                "location_type": "physical",
                "name": f"{city} office",
                "latitude": lat + rng.uniform(-0.02, 0.02),
                "longitude": lng + rng.uniform(-0.02, 0.02),
            }
        )
        tables["address"].append(
            {
                "id": str(uuid.UUID(int=rng.getrandbits(128))),
                "location_id": lid,
                "address_1": f"{rng.randint(1, 9999)} Main St",
                "city": city,
                "state_province": state,
                "postal_code": zip_code,
                "country": "US",
            }
        )
        tables["sal"].append(
            {"id": str(uuid.UUID(int=rng.getrandbits(128))), "service_id": sid, "location_id": lid}
        )
    _write(tables, _areas(rng, tables, areas), batch)
    return services


def _empty_tables():
    return {
        name: []
        for name in ("service", "location", "address", "sal", "attribute", "language", "schedule")
    }


def _areas(rng, tables, states):
    """Return the service areas of the services without a location: California, or the
    state each was given (`states`: service id -> (code, name))."""
    sal_services = {row["service_id"] for row in tables["sal"]}
    return [
        {
            "id": str(uuid.UUID(int=rng.getrandbits(128))),
            "service_id": s["id"],
            "name": states[s["id"]][1] if s["id"] in states else "California",
            "extent_type": "text",
            "extent": f"state:{states[s['id']][0]}" if s["id"] in states else "state:CA",
        }
        for s in tables["service"]
        if s["id"] not in sal_services
    ]


def _write(tables, areas, batch):
    for model, rows in (
        (m.Service, tables["service"]),
        (m.Location, tables["location"]),
        (m.Address, tables["address"]),
        (m.ServiceAtLocation, tables["sal"]),
        (m.Attribute, tables["attribute"]),
        (m.Language, tables["language"]),
        (m.Schedule, tables["schedule"]),
        (m.ServiceArea, areas),
    ):
        _insert(model, rows, batch)
    db.session.commit()


def _insert(model, rows, batch):
    for start in range(0, len(rows), batch):
        db.session.execute(insert(model), rows[start : start + batch])


def bench_app(url, folder, **settings):
    """Return an app on database `url` for a benchmark: an index folder of its own under
    `folder`, no street geocoder, and any other `settings`."""
    return create_app({"TESTING": True, "SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": url,
                       "SEARCH_INDEX_DIR": str(folder / f"index-{uuid.uuid4().hex[:6]}"),
                       "GEOCODER": "", **settings})


def empty_directory():
    """Create the tables and load the taxonomy, in the app's context: what a benchmark fills."""
    db.create_all()
    sample.load_taxonomy()
    db.session.commit()
