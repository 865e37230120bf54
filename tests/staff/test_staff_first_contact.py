"""The first step without a phone call in the staff workspace: the service editor's
"First contact without calling" (its flags saved as terms, the online form and the first
visit in three languages, in the history and on the staff page), the rule that a program
takes "Ask them to contact me" requests only where one can reach it, a stale save refused,
and walk-in hours in the hours editor."""

import re

from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.pages import form_values, html_of, text_of

FIRST_VISIT = "A counsellor meets you for about 45 minutes; you decide together what's next."
FIRST_VISIT_ES = "Un consejero se reúne con usted unos 45 minutos y juntos deciden qué sigue."
FIRST_VISIT_VI = "Một chuyên viên tư vấn gặp quý vị khoảng 45 phút để cùng quyết định."


def _opened(client, service):
    return form_values(html_of(client.get(f"/staff/services/{service.id}/edit")))


def _post(client, service, data):
    return client.post(f"/staff/services/{service.id}/edit", data=data)


def _words(response):
    """Return the page's text as a person reads it: no tags, one space between words."""
    return " ".join(re.sub(r"<[^>]+>", " ", text_of(response)).split())


def _codes(service):
    db.session.expire_all()
    return db.session.get(m.Service, service.id).term_codes("first-contact")


def test_the_first_step_is_saved_in_the_history_and_shown_to_staff(editor_client, terms):
    service = builders.service("Harbor First Step Counselling", email="intake@harbor.example.org")
    data = _opened(editor_client, service)
    data.update(first_contact=[terms["video-first-visit"].id, terms["someone-may-come"].id],
                contact_form_url="harbor.example.org/first-visit", first_visit=FIRST_VISIT,
                first_visit_es=FIRST_VISIT_ES, first_visit_vi=FIRST_VISIT_VI)
    assert _post(editor_client, service, data).status_code == 302

    assert _codes(service) == {"video-first-visit", "someone-may-come"}
    saved = db.session.get(m.Service, service.id)
    assert saved.contact_form_url == "https://harbor.example.org/first-visit"
    assert saved.first_visit == FIRST_VISIT
    assert saved.translation("first_visit", "es") == FIRST_VISIT_ES
    assert saved.translation("first_visit", "vi") == FIRST_VISIT_VI
    assert [way.kind for way in saved.first_contact_ways] == ["online-form", "email", "video"]
    change = db.session.scalar(select(m.ChangeRecord).where(
        m.ChangeRecord.resource_id == service.id,
        m.ChangeRecord.field_name == "contact_form_url"))
    assert change.replacement_value == "https://harbor.example.org/first-visit"

    page = _words(editor_client.get(f"/staff/services/{service.id}"))
    assert "First contact without calling" in page
    assert "Online form: https://harbor.example.org/first-visit" in page
    assert "Email: intake@harbor.example.org" in page
    assert "First visit by video" in page
    assert "Someone may come along to the first visit" in page
    assert FIRST_VISIT in page
    # The history shows the change like any other field's, and the terms added.
    assert "contact form url (empty) → https://harbor.example.org/first-visit" in page
    assert page.count("added term") == 2

    # The editor reads it all back, and unticking a flag takes its term off.
    again = _opened(editor_client, service)
    assert sorted(again["first_contact"]) == sorted(
        [terms["video-first-visit"].id, terms["someone-may-come"].id])
    assert again["first_visit_vi"] == FIRST_VISIT_VI
    again["first_contact"] = terms["someone-may-come"].id
    assert _post(editor_client, service, again).status_code == 302
    assert _codes(service) == {"someone-may-come"}


def test_the_editor_offers_the_flags_and_says_where_the_other_ways_are(editor_client, terms):
    service = builders.service("Flag Words House")
    page = _words(editor_client.get(f"/staff/services/{service.id}/edit"))
    for label in ("First visit can be by video", "Someone may come along to the first visit",
                  "Takes “Ask them to contact me” requests from this directory"):
        assert label in page
    assert "Text messages" in page and "walk-in hours" in page
    # The value terms travel in exports only: never offered as a box to tick.
    offered = re.findall(r'name="first_contact"[^>]*value="([^"]+)"',
                         html_of(editor_client.get(f"/staff/services/{service.id}/edit")))
    assert sorted(offered) == sorted(terms[code].id for code in (
        "video-first-visit", "someone-may-come", "contact-requests"))


def test_contact_requests_need_somewhere_to_go(app, editor_client, terms):
    service = builders.service("Nowhere To Go Group")
    data = _opened(editor_client, service)
    data.update(first_contact=terms["contact-requests"].id)
    refused = _post(editor_client, service, data)
    assert refused.status_code == 200
    page = html_of(refused)
    assert 'id="first_contact-error"' in page
    assert "A request would have nowhere to go" in text_of(refused)
    assert _codes(service) == set()

    # An email is somewhere to go only where this directory sends mail.
    data.update(email="intake@nowhere.example.org")
    refused = _post(editor_client, service, data)
    assert "this directory does not send email" in text_of(refused)
    assert _codes(service) == set()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_FROM="directory@example.org")
    assert _post(editor_client, service, data).status_code == 302
    assert _codes(service) == {"contact-requests"}


def test_a_provider_inbox_is_somewhere_to_go_without_an_email(app, editor_client, terms):
    service = builders.service("Inbox Only Group")
    db.session.add(m.User(email="lee@inbox.example.org", role="provider", active=True,
                          organization_id=service.organization_id, password_hash="x"))
    db.session.commit()
    data = _opened(editor_client, service)
    data.update(first_contact=terms["contact-requests"].id)
    assert _post(editor_client, service, data).status_code == 302
    assert _codes(service) == {"contact-requests"}


def test_a_bad_online_form_address_is_refused_next_to_its_field(editor_client, terms):
    service = builders.service("Bad Address House")
    data = _opened(editor_client, service)
    data.update(contact_form_url="not a web address")
    response = _post(editor_client, service, data)
    assert response.status_code == 200
    assert 'id="contact_form_url-error"' in html_of(response)
    db.session.expire_all()
    assert db.session.get(m.Service, service.id).contact_form_url is None


def test_a_stale_save_of_the_first_step_is_refused(staff_client, terms):
    service = builders.service("Two Editors First Step", email="intake@two.example.org")
    url = f"/staff/services/{service.id}/edit"
    alice, bob = staff_client("editor"), staff_client("admin")
    alice_form = form_values(html_of(alice.get(url)))
    bob_form = form_values(html_of(bob.get(url)))
    bob_form.update(first_visit_es=FIRST_VISIT_ES, first_contact=terms["video-first-visit"].id)
    assert bob.post(url, data=bob_form).status_code == 302

    alice_form.update(first_visit=FIRST_VISIT)
    refused = alice.post(url, data=alice_form)
    assert refused.status_code == 409
    page = text_of(refused)
    assert FIRST_VISIT_ES in page  # the colleague's, shown beside this editor's
    db.session.expire_all()
    saved = db.session.get(m.Service, service.id)
    assert saved.first_visit is None
    assert saved.translation("first_visit", "es") == FIRST_VISIT_ES


def _week(**days):
    data = {"notes": ""}
    for code in ("MO", "TU", "WE", "TH", "FR", "SA", "SU"):
        data[f"{code}-mode"] = "closed"
    for code, fields in days.items():
        data.update({f"{code}-{name}": value for name, value in fields.items()})
    return data


def test_walk_in_hours_are_saved_beside_the_opening_hours(editor_client):
    service = builders.service("Walk In Clinic")
    url = f"/staff/services/{service.id}/hours"
    opening = {"mode": "open", "opens_1": "09:00", "closes_1": "17:00"}
    walk_in = {"walk_in_opens": "13:00", "walk_in_closes": "15:00"}
    response = editor_client.post(url, data=_week(MO=opening, TU={**opening, **walk_in},
                                                  TH={**opening, **walk_in}))
    assert response.status_code == 302
    db.session.expire_all()
    saved = db.session.get(m.Service, service.id)
    rows = sorted((s.byday, s.opens_at, s.closes_at, s.attending_type) for s in saved.schedules)
    assert rows == [("MO,TU,TH", "09:00", "17:00", None), ("TU,TH", "13:00", "15:00", "walk-in")]
    ways = dict(saved.first_contact_ways)
    assert [s.byday for s in ways["walk-in"]] == ["TU,TH"]
    assert [s.byday for s in saved.hours_schedules] == ["MO,TU,TH"]

    read_back = form_values(html_of(editor_client.get(url)))
    assert (read_back["TU-walk_in_opens"], read_back["TU-walk_in_closes"]) == ("13:00", "15:00")
    assert read_back["MO-walk_in_opens"] == ""
    assert (read_back["TU-opens_1"], read_back["TU-closes_1"]) == ("09:00", "17:00")
    assert "Walk in: Tuesday" in _words(editor_client.get(f"/staff/services/{service.id}"))

    # Clearing Thursday's walk-in hours leaves the opening hours alone.
    read_back.update({"TH-walk_in_opens": "", "TH-walk_in_closes": ""})
    assert editor_client.post(url, data=read_back).status_code == 302
    db.session.expire_all()
    saved = db.session.get(m.Service, service.id)
    assert sorted((s.byday, s.attending_type) for s in saved.schedules) == [
        ("MO,TU,TH", None), ("TU", "walk-in")]


def test_walk_in_hours_need_both_times_in_order(editor_client):
    service = builders.service("Half Walk In Clinic")
    url = f"/staff/services/{service.id}/hours"
    response = editor_client.post(url, data=_week(WE={"walk_in_opens": "13:00"},
                                                  FR={"walk_in_opens": "15:00",
                                                      "walk_in_closes": "14:00"}))
    assert response.status_code == 200
    page = html_of(response)
    assert 'id="WE-walk_in_closes-error"' in page and 'id="FR-walk_in_closes-error"' in page
    assert "Give both walk-in times, or neither." in text_of(response)
    db.session.expire_all()
    assert db.session.get(m.Service, service.id).schedules == []


def _two_monday_walk_ins():
    """A service walked into twice on Mondays: the editor shows the first span only."""
    service = builders.service("Two Doors Clinic")
    service.schedules = [
        m.Schedule(freq="WEEKLY", byday="MO,WE", opens_at="08:00", closes_at="16:00"),
        m.Schedule(freq="WEEKLY", byday="MO", opens_at="09:00", closes_at="10:00",
                   attending_type="Walk-in"),
        m.Schedule(freq="WEEKLY", byday="MO", opens_at="14:00", closes_at="15:00",
                   attending_type="Walk-in")]
    db.session.commit()
    return service


def test_walk_in_hours_the_editor_cannot_show_survive_a_save(editor_client):
    service = _two_monday_walk_ins()
    url = f"/staff/services/{service.id}/hours"
    data = form_values(html_of(editor_client.get(url)))
    assert (data["MO-walk_in_opens"], data["MO-walk_in_closes"]) == ("09:00", "10:00")
    data.update({"TU-mode": "open", "TU-opens_1": "09:00", "TU-closes_1": "17:00"})
    assert editor_client.post(url, data=data).status_code == 302
    db.session.expire_all()
    saved = db.session.get(m.Service, service.id)
    assert sorted((s.byday, s.opens_at, s.attending_type) for s in saved.schedules) == [
        ("MO", "09:00", "Walk-in"), ("MO", "14:00", "Walk-in"), ("MO,WE", "08:00", None),
        ("TU", "09:00", None)]


def test_a_day_s_second_walk_in_span_survives_a_change_to_another_day(editor_client):
    service = _two_monday_walk_ins()
    url = f"/staff/services/{service.id}/hours"
    data = form_values(html_of(editor_client.get(url)))
    data.update({"WE-walk_in_opens": "13:00", "WE-walk_in_closes": "14:30"})
    assert editor_client.post(url, data=data).status_code == 302
    db.session.expire_all()
    saved = db.session.get(m.Service, service.id)
    def spans_on(day):
        return sorted((s.opens_at, s.closes_at) for s in saved.walk_in_schedules
                      if day in s.byday.split(","))

    assert spans_on("WE") == [("13:00", "14:30")]
    assert spans_on("MO") == [("09:00", "10:00"), ("14:00", "15:00")]


def test_walk_in_hours_on_a_closed_day_are_refused_next_to_them(editor_client):
    service = builders.service("Weekday Clinic")
    service.schedules = [m.Schedule(freq="WEEKLY", byday="MO,TU,WE,TH,FR", opens_at="09:00",
                                    closes_at="17:00")]
    db.session.commit()
    url = f"/staff/services/{service.id}/hours"
    data = form_values(html_of(editor_client.get(url)))
    data.update({"SA-walk_in_opens": "10:00", "SA-walk_in_closes": "12:00"})
    refused = editor_client.post(url, data=data)
    assert refused.status_code == 200
    assert re.search(r'id="SA-walk_in_closes-error">.{0,200}?Walk-in hours must be inside '
                     r"the day's opening hours", text_of(refused), re.DOTALL)
    data.update({"SA-walk_in_opens": "", "SA-walk_in_closes": "",
                 "TU-walk_in_opens": "16:00", "TU-walk_in_closes": "18:00"})  # past closing
    assert "Walk-in hours must be inside" in text_of(editor_client.post(url, data=data))
    data.update({"TU-walk_in_closes": "17:00"})
    assert editor_client.post(url, data=data).status_code == 302
    db.session.expire_all()
    assert [(s.byday, s.opens_at) for s in db.session.get(m.Service, service.id)
            .walk_in_schedules] == [("TU", "16:00")]
