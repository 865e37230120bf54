"""Programs keeping their own listings: an admin's invitation (a one-time link that
expires) or one from the command line, the provider's scoped editors publishing at once
(availability, hours, phones, "still accurate"; text by a setting), the history naming
the provider, and a provider seeing nothing but its own organization's records."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from tests.helpers.pages import STAFF_PASSWORD, sign_in, staff_password_hash

WEEK_OFF = {f"{day}-mode": "closed" for day in ("MO", "TU", "WE", "TH", "FR", "SA", "SU")}


@pytest.fixture
def provider(referral_directory):
    """An active provider account for the peer group's organization."""
    service = referral_directory["peer"]
    user = m.User(email="maria@casa.example.org", role="provider", name="Maria Lopez",
                  organization_id=service.organization_id, password_hash=staff_password_hash())
    db.session.add(user)
    db.session.commit()
    return user


@pytest.fixture
def provider_client(app, provider):
    client = app.test_client()
    assert sign_in(client, provider.email).headers["Location"].endswith("/provider/")
    return client


def _invite_link(admin_client, service):
    response = admin_client.post("/staff/providers/invite", data={
        "email": "New.Person@casa.example.org", "name": "Lee",
        "organization_id": service.organization_id})
    assert response.status_code == 200, response.get_data(as_text=True)
    html = response.get_data(as_text=True)
    start = html.index("http://localhost/provider/invitation/")
    return html[start:html.index("<", start)].removeprefix("http://localhost")


def test_an_admin_invites_and_the_link_works_once(app, admin_client, referral_directory):
    service = referral_directory["peer"]
    link = _invite_link(admin_client, service)
    newcomer = app.test_client()
    page = newcomer.get(link)
    assert page.status_code == 200 and "Casa Esperanza Peer Group Organization" in \
        page.get_data(as_text=True)
    response = newcomer.post(link, data={"name": "Lee Tran", "password": STAFF_PASSWORD})
    assert response.headers["Location"].endswith("/provider/")
    user = db.session.scalar(select(m.User).where(m.User.email == "new.person@casa.example.org"))
    assert (user.role, user.name, user.organization_id) == ("provider", "Lee Tran",
                                                             service.organization_id)
    assert "Casa Esperanza Peer Group" in newcomer.get("/provider/").get_data(as_text=True)
    again = app.test_client().post(link, data={"name": "Someone", "password": STAFF_PASSWORD})
    assert again.status_code == 410
    assert "no longer works" in again.get_data(as_text=True)


def test_an_expired_invitation_is_refused(app, admin_client, referral_directory):
    link = _invite_link(admin_client, referral_directory["peer"])
    row = db.session.scalar(select(m.ProviderToken))
    row.expires_at = m.utcnow() - timedelta(minutes=1)
    db.session.commit()
    assert app.test_client().get(link).status_code == 410
    assert app.test_client().get(link[:-3] + "abc").status_code == 410  # forged signature


def test_only_admins_invite(staff_client, referral_directory):
    for role in ("coordinator", "editor"):
        assert staff_client(role).get("/staff/providers/invite").status_code == 403


def test_the_command_line_invites_with_a_link(app, runner, referral_directory):
    organization = referral_directory["residential"].organization
    result = runner.invoke(args=["invite-provider", "intake@harbor.example.org",
                                 organization.name])
    assert result.exit_code == 0, result.output
    link = result.output.strip().splitlines()[-1]
    assert link.startswith("http://localhost:5000/provider/invitation/")
    page = app.test_client().get(link.removeprefix("http://localhost:5000"))
    assert page.status_code == 200
    missing = runner.invoke(args=["invite-provider", "x@example.org", "No Such Org"])
    assert missing.exit_code != 0 and "no organization" in missing.output


def test_beds_hours_and_verification_publish_at_once_under_the_providers_name(
        client, provider_client, referral_directory, provider):
    service = referral_directory["peer"]
    saved = provider_client.post(f"/provider/services/{service.id}/availability", data={
        "unit": "seats", "accepting": "yes", "available": "7", "maximum": "12"})
    assert saved.status_code == 302, saved.get_data(as_text=True)
    week = {**WEEK_OFF, "MO-mode": "open", "MO-opens_1": "08:30", "MO-closes_1": "16:15"}
    saved = provider_client.post(f"/provider/services/{service.id}/hours", data=week)
    assert saved.status_code == 302, saved.get_data(as_text=True)
    home = provider_client.get("/provider/").get_data(as_text=True)
    verified = provider_client.post(f"/provider/services/{service.id}/verify", data={})
    assert verified.status_code == 302
    db.session.expire_all()
    assert service.assured_date is not None and service.assured_date > date(2026, 11, 1)
    assert service.assurer_email == provider.email
    public = client.get(f"/services/{service.id}").get_data(as_text=True)
    assert "7 of 12 seats available" in public and "8:30" in public
    names = set(db.session.scalars(select(m.ChangeRecord.updated_by)))
    assert "Maria Lopez, provider at Casa Esperanza Peer Group Organization " \
        "(maria@casa.example.org)" in names
    assert "Casa Esperanza Peer Group" in home


def test_text_publishes_or_waits_for_review_by_the_setting(app, provider_client,
                                                           referral_directory):
    service = referral_directory["peer"]
    url = f"/provider/services/{service.id}/text"
    provider_client.post(url, data={"description": "Peer group, Tuesdays.",
                                    "eligibility_description": "Adults 18+"})
    db.session.expire_all()
    assert service.description == "Peer group, Tuesdays."
    app.config["PROVIDER_TEXT_REVIEW"] = True
    provider_client.post(url, data={"description": "Peer group, Thursdays.",
                                    "eligibility_description": "Adults 18+"})
    db.session.expire_all()
    assert service.description == "Peer group, Tuesdays."
    suggestion = db.session.scalar(select(m.Suggestion))
    assert "Thursdays" in suggestion.body and suggestion.contact == "maria@casa.example.org"


def test_a_provider_sees_only_its_own_organization(provider_client, referral_directory,
                                                   referral_list):
    other = referral_directory["residential"]
    own = referral_directory["peer"]
    for path in (f"/provider/services/{other.id}/availability",
                 f"/provider/services/{other.id}/hours",
                 f"/provider/services/{other.id}/text",
                 f"/provider/services/{other.id}/phones",
                 f"/provider/locations/{other.locations[0].id}/phones"):
        assert provider_client.get(path).status_code == 404, path
    assert provider_client.post(f"/provider/services/{other.id}/verify").status_code == 404
    assert provider_client.get(f"/provider/locations/{own.locations[0].id}/phones") \
        .status_code == 200
    for path in ("/staff/", "/staff/services", f"/staff/services/{own.id}", "/referrals/",
                 "/referrals/lists", f"/referrals/lists/{referral_list.id}",
                 f"/referrals/lists/{referral_list.id}/print", "/staff/providers/invite"):
        assert provider_client.get(path).status_code == 403, path
    home = provider_client.get("/provider/").get_data(as_text=True)
    assert own.name in home and other.name not in home
