"""The first step without a phone call has one answer (models/first_contact.py) and one set
of words (first_step.py): which ways a service offers and in what order, that walk-in
hours are a way in and not the service's opening hours, and how each way is said and
linked, in English and in Spanish."""

from datetime import date

import pytest
from flask_babel import force_locale

from directory import models as m
from directory.extensions import db
from directory.first_step import first_step, first_step_summary
from directory.models.first_contact import is_walk_in
from tests.helpers import builders

TUESDAY = date(2026, 12, 1)


def _schedule(attending_type=None, byday="TU", opens="13:00", closes="15:00"):
    return m.Schedule(freq="WEEKLY", byday=byday, opens_at=opens, closes_at=closes,
                      attending_type=attending_type)


@pytest.fixture
def every_way(app, terms, smtp_server):  # mail is sent: a contact request can go by email
    """A service offering every way without calling, and its opening hours."""
    return builders.service(
        "Every Way Counselling",
        terms=[terms["video-first-visit"], terms["someone-may-come"],
               terms["contact-requests"]],
        email="intake@example.org", contact_form_url="https://example.org/first-visit",
        first_visit="A counsellor meets you for 45 minutes.",
        phones=[m.Phone(number="(714) 555-0100", type="voice"),
                m.Phone(number="714-555-0199", type="text")],
        schedules=[_schedule(byday="MO,TU,WE,TH,FR", opens="09:00", closes="17:00"),
                   _schedule("Walk-in")])


@pytest.mark.parametrize(("number", "uri"), [
    ("(714) 555-0199", "sms:+17145550199"), ("714-555-0199 ext. 4", "sms:+17145550199"),
    ("Text 714.555.0199", "sms:+17145550199"), ("741741", "sms:741741")])
def test_a_text_link_opens_the_number_whatever_is_written_around_it(number, uri):
    from directory.first_step import sms_uri

    assert sms_uri(m.Phone(number=number)) == uri


def test_a_service_with_only_a_voice_phone_has_no_way_without_calling(app, terms):
    service = builders.service("Call Only", phones=[m.Phone(number="(714) 555-0100",
                                                            type="voice")])
    assert service.first_contact_ways == ()
    assert not service.contactable_without_calling
    with app.test_request_context():
        assert not first_step(service, TUESDAY)
        assert first_step_summary(service, TUESDAY) == ""


def test_every_way_is_offered_quietest_first(every_way):
    kinds = [way.kind for way in every_way.first_contact_ways]
    assert kinds == ["text", "online-form", "email", "contact-request", "walk-in", "video"]
    assert every_way.first_contact_ways[0].value.number == "714-555-0199"
    assert every_way.contactable_without_calling
    assert every_way.someone_may_come and every_way.takes_contact_requests


def test_walk_in_hours_are_not_the_opening_hours_unless_they_are_all_there_is(every_way):
    assert [s.opens_at for s in every_way.hours_schedules] == ["09:00"]
    assert [s.opens_at for s in every_way.walk_in_schedules] == ["13:00"]
    drop_in = builders.service("Drop-in Centre", schedules=[_schedule("drop-in")])
    assert drop_in.hours_schedules == drop_in.schedules == drop_in.walk_in_schedules


@pytest.mark.parametrize(("attending", "walk_in"), [
    ("walk-in", True), ("Walk in", True), ("WALK-IN hours", True), ("Drop-in", True),
    ("Walk-ins welcome, no appointment needed", True), ("drop in", True),
    ("appointment", False), ("", False), (None, False), ("online", False),
    ("No walk-ins", False), ("Walk-ins not accepted", False), ("no drop-ins accepted", False),
    ("Appointment only, no walk-in", False), ("walk-ins are not taken", False),
    ("Not a drop-in group", False), ("walkthrough", False)])
def test_walk_in_is_read_from_hsds_attending_type_as_people_write_it(attending, walk_in):
    assert is_walk_in(m.Schedule(attending_type=attending)) is walk_in


def test_each_way_is_said_and_linked(app, every_way):
    with app.test_request_context():
        step = first_step(every_way, TUESDAY)
    lines = {line.kind: line for line in step.lines}
    assert lines["text"].href == "sms:+17145550199"
    assert [line.kind for line in step.lines][3] == "contact-request"  # on the page
    assert lines["text"].value == "714-555-0199"
    assert lines["online-form"].href == "https://example.org/first-visit"
    assert lines["email"].href == "mailto:intake@example.org"
    assert lines["walk-in"].value == "Tuesday: 1:00 PM – 3:00 PM"
    assert lines["video"].label == "First visit by video"
    assert step.someone_may_come
    assert str(step.first_visit) == "A counsellor meets you for 45 minutes."


def test_a_contact_request_way_is_offered_only_where_a_request_can_go(app, terms):
    service = builders.service("Nowhere To Send", terms=[terms["contact-requests"]])
    assert service.first_contact_ways == () and not service.takes_contact_requests
    service.email = "intake@example.org"
    db.session.commit()
    assert [w.kind for w in service.first_contact_ways] == ["email"]  # no mail is sent here
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_FROM="directory@example.org")
    assert [w.kind for w in service.first_contact_ways] == ["email", "contact-request"]
    with app.test_request_context():
        assert [line.kind for line in first_step(service, TUESDAY).lines] == [
            "email", "contact-request"]
    inbox_only = builders.service("Inbox Only", terms=[terms["contact-requests"]])
    provider = m.User(email="p@inbox.example.org", role="provider", password_hash="x",
                      organization_id=inbox_only.organization_id)
    db.session.add(provider)
    db.session.commit()
    assert [w.kind for w in inbox_only.first_contact_ways] == ["contact-request"]
    provider.active = False
    db.session.commit()
    assert inbox_only.first_contact_ways == ()


def test_the_summary_reads_in_the_lists_language(app, every_way):
    with app.test_request_context():
        assert first_step_summary(every_way, TUESDAY) == (
            "Text 714-555-0199 · Online form: https://example.org/first-visit · "
            "Email intake@example.org · "
            "Walk in: Tuesday: 1:00 PM – 3:00 PM · First visit by video · "
            "Someone may come with you")
        with force_locale("es"):
            summary = first_step_summary(every_way, TUESDAY)
    assert summary.startswith("Mensaje de texto 714-555-0199 · Formulario en línea: ")
    assert "· Sin cita: martes: 13:00 – 15:00 ·" in summary
    assert summary.endswith("Puede venir con alguien")
