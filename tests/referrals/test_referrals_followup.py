"""Closing the loop: each referral's status with who changed it and when, the
coordinator's dashboard (open referrals, follow-ups due or overdue, outcome counts per
service and category over a period), and the `purge` command that deletes old lists while
the counts stay right."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from directory.models import utcnow
from directory.template_helpers import local_now
from tests.helpers.pages import html_of


def _set(client, item, status, follow_up="", note=""):
    prefix = f"item-{item.id}-"
    return client.post(f"/referrals/lists/{item.referral_list_id}/items/{item.id}", data={
        prefix + "status": status, prefix + "follow_up_on": follow_up, prefix + "note": note})


def _outcomes_today(client):
    """Return the dashboard's page with today's outcome counts."""
    today = local_now().date()
    return html_of(client.get(f"/referrals/?start={today}&end={today}"))


def _row(page, heading, label):
    """Return (referred, enrolled) of a row in the outcome table under `heading`."""
    section = page.split(f"<h3>{heading}</h3>")[1].split("</table>")[0]
    cells = re.search(rf"<td>{re.escape(label)}</td><td>(\d+)</td><td>(\d+)</td>", section)
    return (int(cells.group(1)), int(cells.group(2))) if cells else None


def test_a_status_change_records_who_and_when(coordinator_client, referral_list, staff_users):
    item = referral_list.items[0]
    response = _set(coordinator_client, item, "contacted", note="Called on Monday")
    assert response.status_code == 302
    db.session.expire_all()
    item = db.session.get(m.ReferralItem, item.id)
    assert item.status == "contacted"
    assert item.status_changed_by == staff_users["coordinator"].email
    assert utcnow() - item.status_changed_at < timedelta(minutes=5)
    # Contacting the service about the client is a referral: the history says so.
    assert [c.status for c in item.history] == ["suggested", "referred", "contacted"]
    page = html_of(coordinator_client.get(f"/referrals/lists/{referral_list.id}"))
    assert "Status: <strong>Contacted</strong>" in page
    assert f"by {staff_users['coordinator'].email}" in page


def test_handing_over_the_list_marks_suggested_services_referred(coordinator_client,
                                                                  referral_list):
    coordinator_client.post(f"/referrals/lists/{referral_list.id}/referred")
    db.session.expire_all()
    assert {i.status for i in db.session.get(m.ReferralList, referral_list.id).items} == {
        "referred"}


def test_the_dashboard_lists_open_referrals_and_follow_ups_due(coordinator_client,
                                                               referral_list):
    today = local_now().date()
    peer, residential = referral_list.items
    _set(coordinator_client, peer, "referred", follow_up=(today - timedelta(days=2)).isoformat())
    _set(coordinator_client, residential, "referred",
         follow_up=(today + timedelta(days=5)).isoformat())
    page = html_of(coordinator_client.get("/referrals/"))
    due = page.split('id="due-heading"')[1].split("</section>")[0]
    assert "Casa Esperanza Peer Group" in due and "overdue" in due
    assert "Harbor Residential Program" not in due
    mine = page.split('id="open-heading"')[1].split("</section>")[0]
    assert "Casa Esperanza Peer Group" in mine and "Harbor Residential Program" in mine
    _set(coordinator_client, peer, "enrolled")
    page = html_of(coordinator_client.get("/referrals/"))
    assert "Casa Esperanza Peer Group" not in page.split('id="open-heading"')[1].split(
        "</section>")[0]


@pytest.mark.parametrize("status", m.REFERRAL_STATUSES)
def test_a_follow_up_due_is_on_the_dashboard_whatever_the_status(coordinator_client,
                                                                 referral_list, status):
    today = local_now().date()
    peer = referral_list.items[0]
    _set(coordinator_client, peer, status, follow_up=(today - timedelta(days=1)).isoformat())
    page = html_of(coordinator_client.get("/referrals/"))
    due = page.split('id="due-heading"')[1].split("</section>")[0]
    assert "Casa Esperanza Peer Group" in due
    mine = page.split('id="open-heading"')[1].split("</section>")[0]
    # a failed try is still open; an outcome (enrolled, declined...) is not
    assert ("Casa Esperanza Peer Group" in mine) == (status in m.OPEN_STATUSES)
    assert ("Casa Esperanza Peer Group" in mine) == (status in (
        "suggested", "referred", "contacted", "could-not-reach"))
    _set(coordinator_client, peer, status, follow_up="")  # cleared: no longer due
    page = html_of(coordinator_client.get("/referrals/"))
    assert "Casa Esperanza Peer Group" not in page.split('id="due-heading"')[1].split(
        "</section>")[0]


def test_the_dashboard_shows_only_my_own_open_referrals(staff_client, referral_list):
    page = html_of(staff_client("editor").get("/referrals/"))
    assert "Casa Esperanza Peer Group" not in page.split('id="open-heading"')[1].split(
        "</section>")[0]


def test_outcome_counts_per_service_and_category_over_a_period(coordinator_client,
                                                               referral_list):
    peer, residential = referral_list.items
    _set(coordinator_client, peer, "referred")
    _set(coordinator_client, peer, "enrolled")
    _set(coordinator_client, residential, "referred")
    _set(coordinator_client, residential, "no-capacity")
    page = _outcomes_today(coordinator_client)
    assert _row(page, "Per service", "Casa Esperanza Peer Group") == (1, 1)
    assert _row(page, "Per service", "Harbor Residential Program") == (1, 0)
    assert _row(page, "Per category", "Groups and peer support") == (1, 1)
    assert _row(page, "Per category", "Residential treatment") == (1, 0)
    assert "JD-4411" not in page.split('id="outcomes-heading"')[1]
    # A period before any of it counts nothing.
    today = local_now().date()
    earlier = today - timedelta(days=40)
    page = html_of(coordinator_client.get(
        f"/referrals/?start={earlier}&end={earlier + timedelta(days=7)}"))
    assert "No referrals in this period." in page
    # A period that makes no sense is explained, and the default month is counted instead.
    page = html_of(coordinator_client.get(f"/referrals/?start={today}&end={earlier}"))
    assert "The end date must be on or after the start date." in page
    assert _row(page, "Per service", "Casa Esperanza Peer Group") == (1, 1)


def test_a_referral_contacted_or_enrolled_straight_from_suggested_counts_as_referred(
        coordinator_client, referral_list):
    peer, residential = referral_list.items
    _set(coordinator_client, peer, "contacted")
    _set(coordinator_client, peer, "enrolled")
    _set(coordinator_client, residential, "enrolled")
    page = _outcomes_today(coordinator_client)
    assert _row(page, "Per service", "Casa Esperanza Peer Group") == (1, 1)
    assert _row(page, "Per service", "Harbor Residential Program") == (1, 1)
    db.session.expire_all()
    history = [c.status for c in db.session.get(m.ReferralItem, peer.id).history]
    assert history == ["suggested", "referred", "contacted", "enrolled"]  # referred once


def test_a_suggestion_the_client_declines_is_not_counted_as_referred(coordinator_client,
                                                                     referral_list):
    peer, _residential = referral_list.items
    _set(coordinator_client, peer, "client-declined")
    page = _outcomes_today(coordinator_client)
    assert _row(page, "Per service", "Casa Esperanza Peer Group") is None


def test_purge_deletes_old_lists_and_keeps_the_counts(runner, coordinator_client,
                                                      referral_list, referral_directory,
                                                      staff_users):
    list_id = referral_list.id
    _set(coordinator_client, referral_list.items[0], "referred")
    recent = m.ReferralList(title="Still in use", created_by=staff_users["coordinator"])
    db.session.add(recent)
    recent.add_service(referral_directory["online"], "someone")
    coordinator_client.post(f"/referrals/lists/{list_id}/share")
    db.session.commit()
    old = db.session.get(m.ReferralList, list_id)
    old.updated_at = utcnow() - timedelta(days=91)
    db.session.commit()

    result = runner.invoke(args=["purge"])
    assert result.exit_code == 0, result.output
    assert "Purged 1 referral list(s) not changed in 90 days." in result.output
    db.session.expire_all()
    assert [lst.title for lst in db.session.scalars(select(m.ReferralList))] == ["Still in use"]
    assert db.session.scalar(select(m.ShareLink)) is None
    assert coordinator_client.get(f"/referrals/lists/{list_id}").status_code == 404
    page = _outcomes_today(coordinator_client)
    assert _row(page, "Per service", "Casa Esperanza Peer Group") == (1, 0)

    again = runner.invoke(args=["purge"])
    assert "Purged 0 referral list(s)" in again.output
    shorter = runner.invoke(args=["purge", "--days", "0"])
    assert "Purged 1 referral list(s) not changed in 0 days." in shorter.output
    assert db.session.scalar(select(m.ReferralList)) is None


def test_dates_out_of_any_plausible_range_are_field_errors(coordinator_client):
    response = coordinator_client.get("/referrals/?start=9999-12-31&end=9999-12-31")
    assert response.status_code == 200
    assert "Enter a date between 2000 and 2100." in response.get_data(as_text=True)
