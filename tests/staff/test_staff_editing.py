"""Editing the directory from the staff workspace: organizations and services, their
terms, languages, ages and links; every save searchable at once and in the history."""

from datetime import datetime
from html import unescape

import pytest
from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.pages import form_values, html_of
from tests.helpers.results import found


def _edit(client, service, **changes):
    """Open the service's edit form, change some answers, post it; return the response."""
    data = form_values(html_of(client.get(f"/staff/services/{service.id}/edit")))
    data.update(changes)
    return client.post(f"/staff/services/{service.id}/edit", data=data)


def test_an_editor_creates_an_organization_and_a_service(editor_client):
    terms = builders.load_taxonomy()
    response = editor_client.post("/staff/organizations/new", data={
        "name": "Harbor Light Recovery", "website": "harborlight.example.org",
        "email": "hello@harborlight.example.org"})
    organization = db.session.scalar(select(m.Organization))
    assert response.headers["Location"] == f"/staff/organizations/{organization.id}"
    assert organization.website == "https://harborlight.example.org"
    page = html_of(editor_client.get(f"/staff/services/new?organization_id={organization.id}"))
    data = form_values(page)
    data.update(name="Harbor Light Evening Group", status="active",
                description="A peer support circle for anxiety, Tuesdays after work.",
                categories=terms["group-therapy-peer-support"].id,
                payment=[terms["free"].id, terms["medi-cal"].id], languages="English, Spanish")
    response = editor_client.post("/staff/services/new", data=data)
    service = db.session.scalar(select(m.Service))
    assert response.headers["Location"] == f"/staff/services/{service.id}"
    assert service.organization is organization
    assert {t.code for t in service.terms} == {"group-therapy-peer-support", "free", "medi-cal"}
    assert sorted((lang.name, lang.code) for lang in service.languages) == [
        ("English", "en"), ("Spanish", "es")]
    public = html_of(editor_client.get(f"/services/{service.id}"))
    assert "Harbor Light Evening Group" in public and "Medi-Cal" in public
    assert service.id in found("circle")


def test_an_edit_is_searchable_at_once_and_in_the_history(editor_client):
    service = builders.service("Sunrise Counselling")
    assert service.id not in found("mindfulness")
    response = _edit(editor_client, service, name="Sunrise Mindfulness Counselling",
                     description="Weekly mindfulness sessions for adults in recovery.")
    assert response.status_code == 302
    assert service.id in found("mindfulness")
    assert "Sunrise Mindfulness Counselling" in html_of(
        editor_client.get(f"/services/{service.id}"))
    change = db.session.scalar(select(m.ChangeRecord).where(
        m.ChangeRecord.resource_id == service.id, m.ChangeRecord.field_name == "name",
        m.ChangeRecord.last_action_type == "update"))
    assert (change.previous_value, change.replacement_value) == (
        "Sunrise Counselling", "Sunrise Mindfulness Counselling")
    assert change.updated_by == "editor@clinic.example.org"
    assert change.resource_type == "service"
    history = html_of(editor_client.get(f"/staff/services/{service.id}"))
    assert "History" in history and "editor@clinic.example.org" in history
    assert '<span class="old">Sunrise Counselling</span> → Sunrise Mindfulness Counselling' \
        in history


def test_every_save_updates_last_modified_even_for_a_child_row(editor_client):
    service = builders.service("Freshness Check House")
    service.last_modified = datetime(2020, 1, 1)
    db.session.commit()
    editor_client.post(f"/staff/services/{service.id}/phones", data={
        "phones-0-number": "714 834 1234", "phones-0-type": "voice"})
    db.session.refresh(service)
    assert service.last_modified > datetime(2025, 1, 1)
    assert service.phones[0].number == "(714) 834-1234"


def test_validation_messages_sit_next_to_their_fields(editor_client):
    service = builders.service("Validation Check Clinic")
    cases = [
        ({"url": "not a web address"}, "url", "Enter a full web address"),
        ({"url": "ftp://files.example.org"}, "url", "Enter a full web address"),
        ({"email": "intake@"}, "email", "Enter an email address"),
        ({"minimum_age": "130"}, "minimum_age", "Enter an age from 0 to 120"),
        ({"maximum_age": "-1"}, "maximum_age", "Enter an age from 0 to 120"),
        ({"minimum_age": "30", "maximum_age": "20"}, "maximum_age",
         "The oldest age cannot be below the youngest age"),
        ({"name": ""}, "name", "Enter the service's name"),
        ({"languages": "English, Klingonese"}, "languages", "Klingonese"),
    ]
    for changes, field, message in cases:
        response = _edit(editor_client, service, **changes)
        html = html_of(response)
        assert response.status_code == 200, changes
        error = unescape(html.split(f'id="{field}-error"', 1)[1].split("</p>", 1)[0])
        assert message in error, (changes, error)
        assert f'aria-describedby="{field}-error"' in html or \
            f'aria-describedby="{field}-hint {field}-error"' in html
    db.session.refresh(service)
    assert service.name == "Validation Check Clinic" and service.url is None


def test_web_addresses_gain_https_and_ages_are_saved(editor_client):
    service = builders.service("Address Check Clinic")
    _edit(editor_client, service, url="clinic.example.org/intake", minimum_age="18",
          maximum_age="64")
    db.session.refresh(service)
    assert service.url == "https://clinic.example.org/intake"
    assert (service.minimum_age, service.maximum_age) == (18, 64)
    assert "Ages: 18 to 64" in html_of(editor_client.get(f"/services/{service.id}"))


def test_phone_numbers_are_parsed_and_normalised(editor_client):
    service = builders.service("Phone Check Line")
    url = f"/staff/services/{service.id}/phones"
    response = editor_client.post(url, data={"phones-0-number": "555-12", "phones-0-type": "voice"})
    assert "choose “Text messages” as its kind" in html_of(response).split(
        'id="phones-0-number-error"')[1].split("</p>")[0]
    response = editor_client.post(url, data={"phones-0-number": "12", "phones-0-type": "voice"})
    assert "This is not a phone number we can dial" in html_of(response).split(
        'id="phones-0-number-error"')[1].split("</p>")[0]
    response = editor_client.post(url, data={"phones-0-number": "714.834.1234",
                                              "phones-0-extension": "x12", "phones-0-type": "voice"})
    assert "Use digits only for the extension" in html_of(response)
    response = editor_client.post(url, data={
        "phones-0-number": "714.834.1234", "phones-0-extension": "12", "phones-0-type": "voice",
        "phones-0-description": "Intake", "phones-1-number": "988", "phones-1-type": "text",
        "phones-2-number": "+44 20 7946 0958", "phones-2-type": "voice",
        "phones-3-number": "741741", "phones-3-type": "text"})
    assert response.status_code == 302
    db.session.refresh(service)
    assert sorted(p.number for p in service.phones) == ["(714) 834-1234", "+44 20 7946 0958",
                                                        "741741", "988"]
    intake = next(p for p in service.phones if p.description == "Intake")
    data = form_values(html_of(editor_client.get(url)))
    index = next(k.split("-")[1] for k, v in data.items() if v == intake.id)
    data[f"phones-{index}-remove"] = "y"
    editor_client.post(url, data=data)
    db.session.refresh(service)
    assert "(714) 834-1234" not in {p.number for p in service.phones}
    data = form_values(html_of(editor_client.get(url)))
    index = next(k.split("-")[1] for k, v in data.items() if v and k.endswith("-number")
                 and v == "988")
    data[f"phones-{index}-number"] = ""  # clearing a number removes it, no error page
    assert editor_client.post(url, data=data).status_code == 302
    db.session.refresh(service)
    assert "988" not in {p.number for p in service.phones}
    removed = db.session.scalar(select(m.ChangeRecord).where(
        m.ChangeRecord.resource_id == intake.id, m.ChangeRecord.field_name == "number",
        m.ChangeRecord.last_action_type == "delete"))
    assert removed.previous_value == "(714) 834-1234"
    assert "(714) 834-1234" in html_of(editor_client.get(f"/staff/services/{service.id}"))


def test_retiring_a_service_takes_it_off_the_public_directory(editor_client):
    service = builders.service("Retiring Soon Program")
    assert service.id in found("retiring")
    response = editor_client.post(f"/staff/services/{service.id}/retire",
                                  data={"status": "defunct"})
    assert response.status_code == 302
    assert editor_client.get(f"/services/{service.id}").status_code == 404
    assert service.id not in found("retiring")
    assert "Defunct" in html_of(editor_client.get(f"/staff/services/{service.id}"))
    _edit(editor_client, service, status="active")
    assert editor_client.get(f"/services/{service.id}").status_code == 200
    assert service.id in found("retiring")


def test_retiring_an_organization_retires_its_services(editor_client):
    first = builders.service("Closing Agency Detox")
    second = builders.service("Closing Agency Groups", org=first.organization)
    editor_client.post(f"/staff/organizations/{first.organization_id}/retire", data={})
    db.session.expire_all()
    assert {first.status, second.status} == {"defunct"}
    assert found("closing") == set()


def test_editing_an_organization_checks_its_email_and_website(editor_client):
    service = builders.service("Org Check Services")
    url = f"/staff/organizations/{service.organization_id}/edit"
    data = form_values(html_of(editor_client.get(url)))
    data.update(email="not-an-email", website="no spaces allowed.org/a b")
    html = html_of(editor_client.post(url, data=data))
    assert "Enter an email address" in html.split('id="email-error"')[1]
    assert "Enter a full web address" in html.split('id="website-error"')[1]
    data.update(email="front.desk@agency.example.org", website="agency.example.org",
                name="Renamed Agency")
    assert editor_client.post(url, data=data).status_code == 302
    db.session.refresh(service.organization)
    assert service.organization.name == "Renamed Agency"
    assert service.id in found("renamed")  # the organization's name is indexed too


@pytest.mark.parametrize(("minimum", "maximum", "words"), [
    (18, None, "18 and over"), (None, 17, "Up to 17"), (12, 17, "12 to 17"),
    (None, None, "Any age")])
def test_the_staff_page_says_the_ages_in_words(editor_client, minimum, maximum, words):
    service = builders.service("Ages Clinic", minimum_age=minimum, maximum_age=maximum)
    html = html_of(editor_client.get(f"/staff/services/{service.id}"))
    assert f"<dt>Ages</dt><dd>{words}</dd>" in html
    assert "–  —" not in html and "— –" not in html
