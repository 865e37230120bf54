"""Matching for a client who finds calling hard ("Social anxiety, or prefers remote"): a
service they can first contact without a phone call gains NO_CALL_POINTS and names the
first way, in directory/first_step.py's words and order; a service whose only way is a
call loses nothing and says nothing about it."""

import pytest

from directory import models as m
from directory.extensions import db
from directory.matching.weights import NO_CALL_POINTS
from tests.helpers import builders
from tests.helpers.pages import staff_password_hash
from tests.helpers.results import match_at_now, names, reasons

COUNSELLING = ["outpatient-counselling", "in-person"]


def _clinic(terms, name, codes=COUNSELLING, phones=(("(949) 555-0100", "voice"),), **fields):
    made = builders.tagged_service(terms, name, codes, commit=False, **fields)
    made.phones = [m.Phone(number=number, type=kind) for number, kind in phones]
    return made


@pytest.fixture
def pair(app):
    terms = builders.load_taxonomy()
    _clinic(terms, "Phone Clinic")  # first by name when nothing else tells them apart
    _clinic(terms, "Text Clinic", phones=(("(949) 555-0100", "voice"),
                                          ("(714) 555-0100", "text")))
    db.session.commit()
    return terms


def _item(result, name):
    return next(i for i in result.matches if i.service.name == name)


def test_a_first_contact_by_text_comes_first_and_says_the_number(pair):
    plain = match_at_now(categories=["outpatient-counselling"])
    assert names(plain) == ["Phone Clinic", "Text Clinic"]
    anxious = match_at_now(categories=["outpatient-counselling"], barriers={"remote"})
    assert names(anxious) == ["Text Clinic", "Phone Clinic"]
    fits, _ = reasons(anxious, "Text Clinic")
    assert "First contact by text: (714) 555-0100" in fits
    assert _item(anxious, "Text Clinic").score - _item(anxious, "Phone Clinic").score == \
        pytest.approx(NO_CALL_POINTS)
    assert all("First contact" not in r for r in reasons(plain, "Text Clinic")[0])


def test_calling_only_is_neither_a_penalty_nor_a_reason(pair):
    plain = match_at_now(categories=["outpatient-counselling"])
    anxious = match_at_now(categories=["outpatient-counselling"], barriers={"remote"})
    fits, misfits = reasons(anxious, "Phone Clinic")
    assert not [r for r in fits + misfits if "phone" in r.lower() or "contact" in r.lower()]
    # "In person only" is the barrier's own misfit, the same for both clinics.
    assert _item(plain, "Phone Clinic").score - _item(anxious, "Phone Clinic").score == \
        _item(plain, "Text Clinic").score - _item(anxious, "Text Clinic").score + NO_CALL_POINTS


@pytest.mark.parametrize("fields,extra_codes,reason", [
    ({"contact_form_url": "https://example.org/first"}, [], "Online form for a first request"),
    ({"email": "intake@example.org"}, [], "First contact by email: intake@example.org"),
    ({}, ["video-first-visit"], "First visit by video"),
    ({"walk_in": True}, [], "Walk-in hours, no appointment"),
    # Two ways: the quieter one, as the page lists them, names it.
    ({"email": "intake@example.org", "walk_in": True}, [],
     "First contact by email: intake@example.org"),
])
def test_each_way_is_named_by_its_first_step(app, fields, extra_codes, reason):
    terms = builders.load_taxonomy()
    walk_in = fields.pop("walk_in", False)
    made = _clinic(terms, "Quiet Clinic", COUNSELLING + extra_codes, **fields)
    if walk_in:
        made.schedules = [m.Schedule(freq="WEEKLY", byday="TU", opens_at="13:00",
                                     closes_at="15:00", attending_type="Walk-in")]
    db.session.commit()
    fits, _ = reasons(match_at_now(categories=["outpatient-counselling"],
                                   barriers={"remote"}), "Quiet Clinic")
    assert [r for r in fits if r == reason] == [reason]
    assert len([r for r in fits if "First" in r or "Online form" in r or "Walk-in" in r]) == 1


def test_contact_requests_count_only_where_a_request_can_reach_the_program(app):
    terms = builders.load_taxonomy()
    clinic = _clinic(terms, "Opted In Clinic", COUNSELLING + ["contact-requests"])
    db.session.commit()  # no provider inbox and no email: a request has nowhere to go
    fits, _ = reasons(match_at_now(categories=["outpatient-counselling"],
                                   barriers={"remote"}), "Opted In Clinic")
    assert not [r for r in fits if "contact" in r.lower()]
    db.session.add(m.User(email="maria@example.org", role="provider", active=True,
                          password_hash=staff_password_hash(),
                          organization_id=clinic.organization_id))
    db.session.commit()
    fits, _ = reasons(match_at_now(categories=["outpatient-counselling"],
                                   barriers={"remote"}), "Opted In Clinic")
    assert "Takes requests to be contacted from this directory" in fits
