"""The first step without a phone call travels with HSDS: a text phone and walk-in hours
in their standard places (a phone's `type`, a schedule's `attending_type`), the flags as
ordinary attributes, the online form and the first visit as attributes of the published
taxonomy's `online-form` and `first-visit` terms whose `value` holds them, the first
visit's Spanish and Vietnamese in the `translations` extension; valid against the official
HSDS 3.0 and 3.1 schemas, and whole after export, import into an empty directory and
export again. The sample directory carries first steps the same way."""

import json

import pytest
from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from directory.hsds import export, importer
from tests.helpers import builders
from tests.helpers import official_hsds as official

FORM = "https://quiet.example.org/first-visit"
FIRST_VISIT = {"en": "A counsellor meets you for about 45 minutes; you decide what's next.",
               "es": "Un consejero se reúne con usted unos 45 minutos; usted decide qué sigue.",
               "vi": "Một chuyên viên tư vấn gặp quý vị khoảng 45 phút; quý vị quyết định."}


def _quiet_start(terms):
    service = builders.service(
        "Quiet Start Counselling", email="intake@quiet.example.org", contact_form_url=FORM,
        first_visit=FIRST_VISIT["en"], terms=[terms[code] for code in (
            "outpatient-counselling", "video-first-visit", "someone-may-come",
            "contact-requests")])
    service.phones = [m.Phone(number="(714) 555-0100", type="voice"),
                      m.Phone(number="(714) 555-0104", type="text", description="Text line")]
    service.schedules = [
        m.Schedule(freq="WEEKLY", byday="MO,TU,WE,TH,FR", opens_at="09:00", closes_at="17:00"),
        m.Schedule(freq="WEEKLY", byday="TU", opens_at="13:00", closes_at="15:00",
                   attending_type="walk-in")]
    db.session.commit()
    builders.translate(service, "es", first_visit=FIRST_VISIT["es"])
    builders.translate(service, "vi", first_visit=FIRST_VISIT["vi"])
    return service


def _first_step(service_id):
    """Return all a directory holds of a service's first step, comparable across two."""
    db.session.expire_all()
    service = db.session.get(m.Service, service_id)
    ways = [(way.kind, way.value if isinstance(way.value, str) else
             getattr(way.value, "number", None) or
             [(s.byday, s.opens_at, s.closes_at) for s in way.value or ()])
            for way in service.first_contact_ways]
    return {"ways": ways, "flags": service.term_codes("first-contact"),
            "someone_may_come": service.someone_may_come,
            "first_visit": {lang: service.translation("first_visit", lang) if lang != "en"
                            else service.first_visit for lang in FIRST_VISIT},
            "hours": [s.byday for s in service.hours_schedules]}


@pytest.mark.parametrize("profile", official.VERSIONS)
def test_the_export_puts_the_first_step_in_official_places(app, terms, tmp_path, profile):
    service = _quiet_start(terms)
    export.export(tmp_path / "out", "json", profile=profile)
    services = json.loads((tmp_path / "out" / "services.json").read_text())
    assert official.objects_errors(profile, "service", services) == []
    assert [k for s in services for k in official.unknown_keys(profile, "service", s)] == []
    exported = next(s for s in services if s["id"] == service.id)
    assert "contact_form_url" not in exported and "first_visit" not in exported
    by_term = {a["taxonomy_term"].get("code"): a for a in exported["attributes"]}
    assert by_term["online-form"]["value"] == FORM
    assert by_term["first-visit"]["value"] == FIRST_VISIT["en"]
    assert by_term["online-form"]["taxonomy_term"]["taxonomy_detail"]["name"] == \
        "Recovery Directory"
    assert {"video-first-visit", "someone-may-come", "contact-requests"} <= set(by_term)
    assert sorted(p["type"] for p in exported["phones"]) == ["text", "voice"]
    assert [s.get("attending_type") for s in exported["schedules"]].count("walk-in") == 1
    assert exported["translations"]["es"]["first_visit"] == FIRST_VISIT["es"]
    assert exported["translations"]["vi"]["first_visit"] == FIRST_VISIT["vi"]
    # Exporting twice gives the same bytes (the value attributes' ids are derived).
    export.export(tmp_path / "again", "json", profile=profile)
    assert (tmp_path / "again" / "services.json").read_text() == \
        (tmp_path / "out" / "services.json").read_text()


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_the_first_step_survives_a_round_trip_into_an_empty_directory(
        app, fresh_app, terms, tmp_path, fmt):
    for each in (app, fresh_app):  # both send mail: the contact requests go by email
        each.config.update(MAIL_SERVER="127.0.0.1", MAIL_FROM="directory@example.org")
    service = _quiet_start(terms)
    held = _first_step(service.id)
    assert held["ways"][0] == ("text", "(714) 555-0104")
    assert [kind for kind, _value in held["ways"]] == [
        "text", "online-form", "email", "contact-request", "walk-in", "video"]
    export.export(tmp_path / "out", fmt)
    first = json.loads(export_services(tmp_path / "first-json"))
    with fresh_app.app_context():
        report = importer.import_path(tmp_path / "out")
        assert report.problems == [] and report.ignored == {}
        assert _first_step(service.id) == held
        value_terms = db.session.scalars(select(m.TaxonomyTerm.code).join(
            m.Attribute, m.Attribute.taxonomy_term_id == m.TaxonomyTerm.id)).all()
        assert "online-form" not in value_terms and "first-visit" not in value_terms
        again = json.loads(export_services(tmp_path / "second-json"))
        assert again == first
        assert importer.import_path(tmp_path / "out").changed == 0
        db.session.remove()


def export_services(folder):
    """Export the directory as JSON to `folder`; return its services.json."""
    export.export(folder, "json")
    return (folder / "services.json").read_text()


def test_an_import_sets_the_columns_and_a_value_never_becomes_a_term(app, terms, tmp_path):
    service = _quiet_start(terms)
    export.export(tmp_path / "out", "json")
    services = json.loads((tmp_path / "out" / "services.json").read_text())
    exported = next(s for s in services if s["id"] == service.id)
    for attribute in exported["attributes"]:
        if attribute["taxonomy_term"].get("code") == "first-visit":
            attribute["value"] = "You can bring a friend; we start with a cup of tea."
        if attribute["taxonomy_term"].get("code") == "online-form":
            attribute["value"] = "https://quiet.example.org/" + "x" * 600
    builders.hsds_file(tmp_path, "services.json", [exported])
    report = importer.import_path(tmp_path / "services.json")
    assert report.problems == []
    assert [w.reason for w in report.warnings if w.table == "attribute"] == [
        "online-form: is 626 characters long; at most 500 fit; left out"]
    db.session.expire_all()
    saved = db.session.get(m.Service, service.id)
    assert saved.first_visit == "You can bring a friend; we start with a cup of tea."
    assert saved.contact_form_url == FORM  # kept: the new one does not fit
    assert "first-visit" not in {t.code for t in saved.terms}


def test_a_value_removed_at_the_source_is_removed_here(app, terms, tmp_path):
    """Re-importing an export whose service no longer says what happens at its first
    visit clears it (and keeps the online form it still gives); a file of another
    directory, which knows nothing of these terms, leaves both alone."""
    service = _quiet_start(terms)
    export.export(tmp_path / "out", "json")
    path = tmp_path / "out" / "services.json"
    services = json.loads(path.read_text())
    exported = next(s for s in services if s["id"] == service.id)
    exported["attributes"] = [a for a in exported["attributes"]
                              if a["taxonomy_term"].get("code") != "first-visit"]
    path.write_text(json.dumps(services))
    assert importer.import_path(tmp_path / "out").problems == []
    db.session.expire_all()
    saved = db.session.get(m.Service, service.id)
    assert (saved.first_visit, saved.contact_form_url) == (None, FORM)

    saved.first_visit = FIRST_VISIT["en"]
    db.session.commit()
    elsewhere = {key: exported[key] for key in ("id", "name", "organization_id", "status")}
    builders.hsds_file(tmp_path, "theirs.json", [elsewhere])
    assert importer.import_path(tmp_path / "theirs.json").problems == []
    db.session.expire_all()
    saved = db.session.get(m.Service, service.id)
    assert (saved.first_visit, saved.contact_form_url) == (FIRST_VISIT["en"], FORM)


def test_the_sample_directory_offers_first_steps_where_they_fit(seeded_app):
    with seeded_app.app_context():
        services = db.session.scalars(select(m.Service)).all()
        with_ways = [s for s in services if s.contactable_without_calling and (
            s.contact_form_url or s.text_phones or s.walk_in_schedules
            or s.term_codes("first-contact"))]
        assert 15 <= len(with_ways) <= 30
        visits = [s for s in services if s.first_visit]
        assert len(visits) >= 10
        assert any(s.translation("first_visit", "es") for s in visits)
        assert any(s.translation("first_visit", "vi") for s in visits)
        assert any(s.walk_in_schedules and s.hours_schedules != s.schedules for s in services)
        requests = [s for s in services if "contact-requests" in s.term_codes("first-contact")]
        assert 4 <= len(requests) <= 5
        assert all(s.email for s in requests)  # where mail is sent, a request can go
        db.session.remove()
