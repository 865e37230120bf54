"""Referral lists between colleagues: anyone who refers may follow a colleague's list up,
and every change says who made it and when; deleting a list and revoking its links belong
to its maker and admins; everyone's lists show a client reference only to them."""

from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from tests.helpers.pages import html_of

YES = {"confirmed": "yes"}  # the second press, from the confirmation page


def test_a_colleague_follows_a_list_up_and_every_change_is_recorded(
        staff_client, referral_list):
    colleague = staff_client("editor")
    url = f"/referrals/lists/{referral_list.id}"
    assert colleague.post(f"{url}/edit", data={
        "title": "Recovery options (follow-up)", "reference": "JD-4411",
        "contact": "Ana Ruiz, (949) 555-0199"}).status_code == 302
    item = referral_list.items[0]
    assert colleague.post(f"{url}/items/{item.id}", data={
        f"item-{item.id}-status": "contacted", f"item-{item.id}-note": "Left a message"},
    ).status_code == 302
    db.session.expire_all()
    changes = db.session.scalars(select(m.ReferralListChange).where(
        m.ReferralListChange.referral_list_id == referral_list.id)).all()
    assert {(c.action, c.changed_by) for c in changes} == {
        ("edited", "editor@clinic.example.org"), ("item", "editor@clinic.example.org")}
    assert all(c.changed_at is not None for c in changes)
    page = html_of(staff_client("coordinator").get(url))
    assert "Changes to this list" in page
    assert page.count("editor@clinic.example.org") >= 2
    assert "Updated a service&#39;s status, follow-up or note: Casa Esperanza Peer Group" \
        in page or "Updated a service's status, follow-up or note: Casa Esperanza" in page


def test_only_the_maker_or_an_admin_deletes_a_list_or_revokes_its_links(
        staff_client, referral_list):
    owner, colleague, admin = (staff_client(role) for role in ("coordinator", "editor",
                                                               "admin"))
    url = f"/referrals/lists/{referral_list.id}"
    assert colleague.post(f"{url}/share").status_code == 302  # following up: allowed
    link = db.session.scalar(select(m.ShareLink))
    assert colleague.post(f"{url}/links/{link.id}/revoke").status_code == 403
    assert colleague.post(f"{url}/delete").status_code == 403
    page = html_of(colleague.get(url))
    assert "Delete this list now" not in page and "Revoke this link" not in page
    assert "Only the coordinator who made this list, or an admin, can delete it." in page
    db.session.expire_all()
    assert db.session.get(m.ShareLink, link.id).revoked_at is None
    assert owner.post(f"{url}/links/{link.id}/revoke", data=YES).status_code == 302
    db.session.expire_all()
    assert db.session.get(m.ShareLink, link.id).revoked_at is not None
    assert admin.post(f"{url}/delete", data=YES).status_code == 302
    db.session.expire_all()
    assert db.session.get(m.ReferralList, referral_list.id) is None
    assert db.session.scalars(select(m.ReferralListChange)).all() == []


def test_everyones_lists_show_a_reference_only_to_its_maker_and_admins(
        staff_client, referral_list):
    assert "JD-4411" not in html_of(staff_client("editor").get("/referrals/lists?all=1"))
    assert "Recovery options" in html_of(staff_client("editor").get("/referrals/lists?all=1"))
    assert "JD-4411" in html_of(staff_client("coordinator").get("/referrals/lists?all=1"))
    assert "JD-4411" in html_of(staff_client("admin").get("/referrals/lists?all=1"))
