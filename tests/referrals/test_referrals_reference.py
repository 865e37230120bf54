"""A list's client reference is seen only by the coordinator who made it and by admins: a
colleague following the list up walks every referral route (pages, hand-outs, forms sent
back with errors, confirmation pages) and never meets it, and saving the list's edit form
keeps it rather than clearing it."""

import pytest
from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from directory.referrals.sharing import link_token
from tests.helpers.pages import sign_in

REFERENCE = "JD-4411"  # the `referral_list` fixture's reference


def _every_list_route(app, referral_list):
    """Yield (method, path) for every route of the referral blueprints, ids filled in."""
    link = db.session.scalar(select(m.ShareLink).where(
        m.ShareLink.referral_list_id == referral_list.id))
    values = {"list_id": referral_list.id, "item_id": referral_list.items[0].id,
              "link_id": link.id, "token": link_token(link.id)}
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith(("referrals.", "shared.")):
            continue
        path = rule.rule
        for name, value in values.items():
            path = path.replace(f"<{name}>", str(value))
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield method, path


@pytest.fixture
def shared_list(staff_client, referral_list):
    owner = staff_client("coordinator")
    assert owner.post(f"/referrals/lists/{referral_list.id}/share").status_code == 302
    return referral_list


def _second_coordinator(app, staff_users):
    """Return a client signed in as another coordinator (same password as the others)."""
    user = m.User(email="second.coordinator@clinic.example.org", role="coordinator",
                  active=True, password_hash=staff_users["coordinator"].password_hash)
    db.session.add(user)
    db.session.commit()
    client = app.test_client()
    assert sign_in(client, user.email).status_code == 302
    return client


@pytest.mark.parametrize("role", ["editor", "another coordinator"])
def test_a_colleague_meets_the_reference_on_no_referral_route(
        app, staff_client, staff_users, shared_list, role):
    colleague = (_second_coordinator(app, staff_users) if role == "another coordinator"
                 else staff_client(role))
    walked = 0
    for method, path in _every_list_route(app, shared_list):
        if method == "POST" and path.endswith(("/delete", "/revoke")):
            continue  # refused with 403 before any page is drawn (test_referrals_colleagues)
        response = colleague.get(path) if method == "GET" else colleague.post(path, data={})
        assert response.status_code < 500, (method, path, response.status_code)
        assert REFERENCE.encode() not in response.get_data(), (method, path)
        walked += 1
    assert walked >= 15
    db.session.expire_all()
    assert db.session.get(m.ReferralList, shared_list.id).reference == REFERENCE


def test_a_colleagues_save_of_the_edit_form_keeps_the_reference(staff_client, referral_list):
    colleague = staff_client("editor")
    url = f"/referrals/lists/{referral_list.id}/edit"
    form = colleague.get(url).get_data(as_text=True)
    assert REFERENCE not in form and 'name="reference"' not in form
    assert "shown only to the coordinator who made this list" in form
    assert colleague.post(url, data={"title": "Recovery options, May", "reference": "",
                                     "contact": ""}).status_code == 302
    db.session.expire_all()
    saved = db.session.get(m.ReferralList, referral_list.id)
    assert (saved.title, saved.reference) == ("Recovery options, May", REFERENCE)


@pytest.mark.parametrize("role", ["coordinator", "admin"])
def test_the_maker_and_admins_still_see_and_edit_the_reference(
        staff_client, referral_list, role):
    asker = staff_client(role)
    url = f"/referrals/lists/{referral_list.id}"
    assert f"<strong>{REFERENCE}</strong>" in asker.get(url).get_data(as_text=True)
    assert f'value="{REFERENCE}"' in asker.get(f"{url}/edit").get_data(as_text=True)
    assert asker.post(f"{url}/edit", data={"title": "Recovery options",
                                           "reference": "JD-5522"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(m.ReferralList, referral_list.id).reference == "JD-5522"
