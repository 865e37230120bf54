"""Referral lists from the coordinator's side: making one (with the warning beside the
client reference), adding, removing and reordering services, notes for the client, the
CSV export, who may do what, and that nothing about the client reaches a URL."""

import csv
import io

from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from tests.helpers.pages import html_of


def _items(referral_list):
    db.session.expire_all()
    return [(item.service.name, item.note) for item in
            db.session.get(m.ReferralList, referral_list.id).items]


def test_a_coordinator_starts_a_list_and_is_taken_to_matching(coordinator_client, staff_users):
    form = html_of(coordinator_client.get("/referrals/lists/new"))
    assert "Initials or a chart number only. Never the client" in form
    assert 'aria-describedby="reference-warning"' in form
    response = coordinator_client.post("/referrals/lists/new", data={
        "title": "Recovery options", "reference": "JD-4411", "contact": "Ana, ext. 12"})
    made = db.session.scalar(select(m.ReferralList))
    assert response.headers["Location"] == f"/referrals/lists/{made.id}/match"
    assert "JD-4411" not in response.headers["Location"]
    assert (made.title, made.reference, made.created_by) == (
        "Recovery options", "JD-4411", staff_users["coordinator"])
    listing = html_of(coordinator_client.get("/referrals/lists"))
    assert "Recovery options" in listing and "JD-4411" in listing


def test_a_name_in_the_reference_is_refused(coordinator_client):
    response = coordinator_client.post("/referrals/lists/new", data={
        "title": "Options", "reference": "Maria Gonzalez"})
    assert response.status_code == 200
    assert "This looks like a name" in html_of(response)
    assert db.session.scalar(select(m.ReferralList)) is None


def test_a_birth_date_or_phone_in_the_shared_title_is_refused(coordinator_client):
    for title in ("Options for JS DOB 01/02/1980", "Call back 555-123-4567"):
        response = coordinator_client.post("/referrals/lists/new", data={"title": title})
        assert response.status_code == 200
        assert "leave out birth dates, phone numbers and names" in html_of(response)
    assert db.session.scalar(select(m.ReferralList)) is None


def test_items_are_reordered_noted_and_removed(coordinator_client, referral_list,
                                               referral_directory):
    base = f"/referrals/lists/{referral_list.id}"
    residential = referral_list.items[1]
    coordinator_client.post(f"{base}/items/{residential.id}/move", data={"direction": "up"})
    assert [name for name, _ in _items(referral_list)] == [
        "Harbor Residential Program", "Casa Esperanza Peer Group"]
    prefix = f"item-{residential.id}-"
    response = coordinator_client.post(f"{base}/items/{residential.id}", data={
        prefix + "status": "suggested", prefix + "note": "Bring your Medi-Cal card",
        prefix + "follow_up_on": ""})
    assert response.status_code == 302
    assert ("Harbor Residential Program", "Bring your Medi-Cal card") in _items(referral_list)
    page = html_of(coordinator_client.get(base))
    assert page.index("Harbor Residential Program") < page.index("Casa Esperanza Peer Group")
    assert "Bring your Medi-Cal card" in page
    asked = html_of(coordinator_client.post(f"{base}/items/{residential.id}/remove"))
    assert "Take “Harbor Residential Program” off the list?" in asked
    assert 'name="confirmed" value="yes"' in asked and "Cancel, keep it" in asked
    assert len(_items(referral_list)) == 2  # the first press only asks
    coordinator_client.post(f"{base}/items/{residential.id}/remove", data={"confirmed": "yes"})
    assert [name for name, _ in _items(referral_list)] == ["Casa Esperanza Peer Group"]
    page = html_of(coordinator_client.get(base))
    assert "Removed: Harbor Residential Program." in page
    assert "Harbor Residential Program</a></h3>" not in page


def test_adding_the_same_service_twice_keeps_one(coordinator_client, referral_list,
                                                 referral_directory):
    answers = {"categories": "group-therapy-peer-support", "near": "92630", "radius": "25",
               "add": referral_directory["peer"].id}
    coordinator_client.post(f"/referrals/lists/{referral_list.id}/match", data=answers)
    assert [name for name, _ in _items(referral_list)].count("Casa Esperanza Peer Group") == 1
    answers["add"] = referral_directory["online"].id
    page = html_of(coordinator_client.post(f"/referrals/lists/{referral_list.id}/match",
                                         data=answers))
    assert "Added to the list: Online Recovery Circle." in page
    assert [name for name, _ in _items(referral_list)][-1] == "Online Recovery Circle"


def test_the_csv_export_lists_each_service_without_the_client_reference(coordinator_client,
                                                                        referral_list):
    response = coordinator_client.get(f"/referrals/lists/{referral_list.id}/csv")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    text = html_of(response)
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [r["Service"] for r in rows] == ["Casa Esperanza Peer Group",
                                            "Harbor Residential Program"]
    assert rows[0]["Phone"] == "(949) 555-0101 (Front desk)"
    assert rows[0]["Note for the client"] == "Ask for Maria, mention Dr. Lee sent you"
    assert rows[0]["Status"] == "Suggested"
    assert "JD-4411" not in text and "Recovery options" not in response.headers[
        "Content-Disposition"]


def test_coordinators_refer_but_cannot_edit_the_directory(staff_client, referral_list,
                                                          referral_directory):
    service = referral_directory["peer"]
    coordinator = staff_client("coordinator")
    assert coordinator.get(f"/staff/services/{service.id}/edit").status_code == 403
    assert coordinator.post(f"/staff/services/{service.id}/edit",
                            data={"name": "Renamed"}).status_code == 403
    assert coordinator.get(f"/referrals/lists/{referral_list.id}").status_code == 200
    assert coordinator.post("/referrals/lists/new", data={"title": "Mine"}).status_code == 302


def test_editors_do_both_and_see_referrals_in_the_header(staff_client, referral_list,
                                                         referral_directory):
    editor = staff_client("editor")
    service = referral_directory["peer"]
    assert editor.get(f"/staff/services/{service.id}/edit").status_code == 200
    page = html_of(editor.get(f"/referrals/lists/{referral_list.id}"))
    assert "Casa Esperanza Peer Group" in page
    assert 'href="/referrals/">Referrals</a>' in html_of(editor.get("/"))
    assert editor.post("/referrals/lists/new", data={"title": "Editor's"}).status_code == 302


def test_visitors_who_are_not_signed_in_see_no_list(client, referral_list):
    for path in ("/referrals/", "/referrals/lists", f"/referrals/lists/{referral_list.id}",
                 f"/referrals/lists/{referral_list.id}/print",
                 f"/referrals/lists/{referral_list.id}/csv",
                 f"/referrals/lists/{referral_list.id}/pdf"):
        response = client.get(path)
        assert response.status_code == 302 and "/staff/login" in response.headers["Location"]
    assert 'href="/referrals/"' not in html_of(client.get("/"))


def test_deleting_a_list_removes_it_and_its_links(coordinator_client, referral_list):
    base = f"/referrals/lists/{referral_list.id}"
    coordinator_client.post(f"{base}/share")
    asked = coordinator_client.post(f"{base}/delete")
    assert asked.status_code == 200 and "Delete the list “" in html_of(asked)
    assert coordinator_client.get(base).status_code == 200  # the first press only asks
    coordinator_client.post(f"{base}/delete", data={"confirmed": "yes"})
    assert coordinator_client.get(base).status_code == 404
    assert db.session.scalar(select(m.ShareLink)) is None
    assert db.session.scalar(select(m.ReferralItem)) is None
