"""The sample directory: enough realistic data to demo, and loading it is idempotent."""

import importlib.util
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import zipcodes
from geopy.distance import geodesic
from sqlalchemy import select

from directory import catalogue, sample
from directory import models as m
from directory.extensions import db

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# The sample is a recovery directory: these ten hold its services (the other categories,
# for what a 2-1-1 lists, are empty in it).
RECOVERY_CATEGORIES = ("residential-treatment", "group-therapy-peer-support", "telehealth",
                       "transportation", "financial-assistance", "practical-support",
                       "family-education-support", "crisis-support", "outpatient-counselling",
                       "housing")


def test_sample_has_the_promised_size_and_spread(seeded_app):
    with seeded_app.app_context():
        counts = catalogue.counts_per_table()
        assert counts["service"] >= 80
        assert counts["organization"] >= 30
        per_category = {t.code: n for t, n in catalogue.category_counts()}
        recovery = {code: per_category.get(code, 0) for code in RECOVERY_CATEGORIES}
        assert all(n >= 4 for n in recovery.values()), recovery
        cities = Counter(a.city for a in db.session.scalars(select(m.Address)))
        for city in ("Lake Forest", "Irvine", "Mission Viejo", "Laguna Hills", "Santa Ana",
                     "Anaheim", "Costa Mesa", "Fullerton", "Huntington Beach", "San Clemente"):
            assert cities[city] >= 1, city


def test_sample_has_statewide_remote_and_transport_services(seeded_app):
    with seeded_app.app_context():
        services = db.session.scalars(select(m.Service)).all()
        statewide = [s for s in services
                     if any(a.extent == "state:CA" for a in s.service_areas)
                     and s.term_codes("delivery") & {"telehealth-video", "phone", "online-group"}]
        assert len(statewide) >= 8
        transport = [s for s in services if "transportation" in s.term_codes("category")]
        assert len(transport) >= 6
        assert all(s.service_areas for s in transport)


def test_sample_coordinates_match_their_zip_codes(seeded_app):
    with seeded_app.app_context():
        for location in db.session.scalars(select(m.Location)):
            if location.location_type != "physical" or not location.addresses:
                continue
            centroid = zipcodes.matching(location.address.postal_code)[0]
            place = (float(centroid["lat"]), float(centroid["long"]))
            assert geodesic(place, (location.latitude, location.longitude)).km < 3, location.name


def test_sample_shows_stale_and_closed_records_and_fiction_phones(seeded_app):
    with seeded_app.app_context():
        services = db.session.scalars(select(m.Service)).all()
        statuses = Counter(s.status for s in services)
        assert statuses["temporarily closed"] >= 2
        stale = [s for s in services if s.assured_date and s.assured_date.year <= 2025
                 and (seeded_app_today() - s.assured_date).days > 365]
        assert len(stale) >= 3
        for phone in db.session.scalars(select(m.Phone)):
            digits = "".join(ch for ch in phone.number if ch.isdigit())
            if len(digits) == 10:
                assert digits[3:6] == "555" and digits[6:8] == "01", phone.number


def seeded_app_today():
    from datetime import date

    return date.today()


def test_seed_twice_changes_nothing(app, runner):
    first = runner.invoke(args=["seed"])
    assert first.exit_code == 0, first.output
    before = catalogue.counts_per_table()
    modified = dict(db.session.execute(select(m.Service.id, m.Service.last_modified)).all())
    second = runner.invoke(args=["seed"])
    assert second.exit_code == 0, second.output
    assert "0 created, 0 updated" in second.output
    assert catalogue.counts_per_table() == before
    db.session.expire_all()
    assert dict(db.session.execute(select(m.Service.id, m.Service.last_modified)).all()) == modified


def test_seed_if_empty_leaves_a_directory_alone(app, runner):
    runner.invoke(args=["seed"])
    result = runner.invoke(args=["seed", "--if-empty"])
    assert result.exit_code == 0
    assert "not seeding" in result.output


def test_sample_banner_follows_each_change_of_the_data(app, client):
    """Worked out once per data stamp: one sample organization added, then removed."""
    organization = m.Organization(id=min(sample.sample_organization_ids()), name="Sample org")
    assert "Sample data" not in client.get("/").get_data(as_text=True)
    db.session.add(organization)
    db.session.commit()
    assert "Sample data" in client.get("/").get_data(as_text=True)
    db.session.delete(organization)
    db.session.commit()
    assert "Sample data" not in client.get("/").get_data(as_text=True)


def test_sample_banner_follows_the_sample_data(app, client):
    assert "Sample data" not in client.get("/").get_data(as_text=True)
    sample.load_directory()
    assert "Sample data" in client.get("/").get_data(as_text=True)


def _run_builder(*args):
    return subprocess.run([sys.executable, str(SEEDS / "build_sample.py"), *args],
                          capture_output=True, text=True, check=False)


def test_sample_directory_is_what_its_records_build(tmp_path):
    built = tmp_path / "directory.json"
    result = _run_builder(str(built))
    assert result.returncode == 0, result.stderr
    assert built.read_bytes() == (SEEDS / "directory.json").read_bytes()


def test_sample_builder_refuses_a_misspelled_field(tmp_path):
    spec = importlib.util.spec_from_file_location("build_sample", SEEDS / "build_sample.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    records = json.loads((SEEDS / "sample_records.json").read_text(encoding="utf-8"))
    records["organizations"][0]["services"][0]["elgibility"] = "Adults"
    misspelled = tmp_path / "records.json"
    misspelled.write_text(json.dumps(records), encoding="utf-8")
    with pytest.raises(AssertionError, match="elgibility"):
        builder.build(misspelled)
