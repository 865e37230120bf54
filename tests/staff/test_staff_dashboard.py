"""The dashboard each role lands on after signing in: a coordinator's own work first (the
follow-ups due, their latest lists) with the editors' verification queues folded below it;
an editor's or admin's queues open, with nothing of a coordinator's; and who is signed in
said once."""

from datetime import timedelta

from directory.extensions import db
from directory.staff.access import today
from tests.helpers import builders
from tests.helpers.pages import html_of, sign_in


def _section(html, heading_id):
    return html.split(f'id="{heading_id}"', 1)[1].split("</section>", 1)[0]


def test_a_coordinator_sees_their_own_work_before_the_editors_queues(coordinator_client,
                                                                     referral_list):
    builders.service("Long Unverified Clinic", assured_date=today() - timedelta(days=400))
    due = referral_list.items[0]
    due.follow_up_on = today() - timedelta(days=2)
    db.session.commit()
    page = html_of(coordinator_client.get("/staff/"))
    order = [page.index(f'id="{heading}"') for heading in (
        "refer-heading", "due-heading", "my-lists-heading", "stale-heading",
        "availability-heading")]
    assert order == sorted(order), "the coordinator's work comes first"
    follow_ups = _section(page, "due-heading")
    assert due.service.name in follow_ups and "Recovery options" in follow_ups
    assert "overdue" in follow_ups
    lists = _section(page, "my-lists-heading")
    assert f'href="/referrals/lists/{referral_list.id}"' in lists
    assert "2 services" in lists and 'href="/referrals/lists"' in lists
    # The editors' queue is there to look at, folded: the coordinator does not verify.
    stale = _section(page, "stale-heading")
    assert '<details class="queue">' in stale and "Long Unverified Clinic" in stale
    assert stale.index("<summary>") < stale.index("Long Unverified Clinic")


def test_a_coordinator_with_nothing_due_and_no_list_is_told_so(coordinator_client):
    page = html_of(coordinator_client.get("/staff/"))
    assert "Nothing due." in _section(page, "due-heading")
    assert 'href="/referrals/lists/new"' in _section(page, "my-lists-heading")


def test_editors_and_admins_see_the_queues_open_and_no_coordinators_panels(editor_client,
                                                                           admin_client):
    builders.service("Long Unverified Clinic", assured_date=today() - timedelta(days=400))
    for client in (editor_client, admin_client):
        page = html_of(client.get("/staff/"))
        for heading in ("due-heading", "my-lists-heading", "refer-heading"):
            assert f'id="{heading}"' not in page
        stale = _section(page, "stale-heading")
        assert "Long Unverified Clinic" in stale and "Mark verified" in stale
        assert "<details" not in stale


def test_who_is_signed_in_is_said_once(client, staff_users):
    sign_in(client, "coordinator@clinic.example.org")
    page = html_of(client.get("/staff/"))
    assert page.count("Signed in as") == 1  # the message after signing in
    assert "Sign out coordinator@clinic.example.org" in page  # the header, on every page
