"""Keeping the directory verified: "Mark verified", the dashboard's stale lists (oldest
first), and the quick availability update for residential and group services."""

from datetime import date, datetime, timedelta

from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from directory.staff.access import today
from tests.helpers import builders
from tests.helpers.pages import form_values, html_of, sign_in


def _section(html, heading_id):
    return html.split(f'id="{heading_id}"', 1)[1].split("</section>", 1)[0]


def test_mark_verified_records_today_and_who(editor_client):
    service = builders.service("Verify Me Clinic", assured_date=date(2020, 5, 1))
    response = editor_client.post(f"/staff/services/{service.id}/verify", data={})
    assert response.status_code == 302
    db.session.refresh(service)
    assert service.assured_date == today()
    assert service.assurer_email == "editor@clinic.example.org"
    assert "Verified today" in html_of(editor_client.get(f"/services/{service.id}"))
    change = db.session.scalar(select(m.ChangeRecord).where(
        m.ChangeRecord.resource_id == service.id, m.ChangeRecord.field_name == "assured_date",
        m.ChangeRecord.last_action_type == "update"))
    assert (change.previous_value, change.replacement_value) == (
        "2020-05-01", today().isoformat())


def test_the_dashboard_lists_stale_listings_oldest_first(editor_client):
    now = today()
    never = builders.service("Never Verified Outreach", assured_date=None)
    oldest = builders.service("Oldest Verified House", assured_date=now - timedelta(days=900))
    older = builders.service("Older Verified Group", assured_date=now - timedelta(days=400))
    fresh = builders.service("Fresh Verified Clinic", assured_date=now - timedelta(days=20))
    retired = builders.service("Retired Old Program", assured_date=now - timedelta(days=999),
                               status="defunct")
    stale = _section(html_of(editor_client.get("/staff/")), "stale-heading")
    positions = [stale.index(s.name) for s in (never, oldest, older)]
    assert positions == sorted(positions)
    assert fresh.name not in stale and retired.name not in stale
    assert "Not verified in 180 days" in stale and "(3)" in stale
    editor_client.post(f"/staff/services/{oldest.id}/verify", data={"next": "/staff/"})
    assert oldest.name not in _section(html_of(editor_client.get("/staff/")), "stale-heading")


def test_the_stale_age_is_configurable(app_with, staff_users):
    builders.service("Month Old Clinic", assured_date=today() - timedelta(days=40))
    strict = app_with(STALE_AFTER_DAYS=30)
    client = strict.test_client()
    sign_in(client, "coordinator@clinic.example.org")
    html = html_of(client.get("/staff/"))
    assert "Not verified in 30 days" in html and "Month Old Clinic" in html
    assert "Mark verified" not in html  # a coordinator reads the list, cannot act on it


def _residential(name, **fields):
    terms = {t.code: t for t in db.session.query(m.TaxonomyTerm) if t.code} or \
        builders.load_taxonomy()
    return builders.service(name, terms=[terms["residential-treatment"]], **fields)


def test_availability_update_shows_publicly_with_its_time(editor_client):
    service = _residential("Harbor Residential Program")
    url = f"/staff/services/{service.id}/availability"
    response = editor_client.post(url, data={
        "accepting": "yes", "unit": "beds", "available": "3", "maximum": "12",
        "waitlist_weeks": "", "note": "Women's house"})
    assert response.status_code == 302
    public = html_of(editor_client.get(f"/services/{service.id}"))
    assert "3 of 12 beds available" in public
    assert "(updated today)" in public
    assert "Accepting new clients. Women&#39;s house" in public
    capacity = db.session.scalar(select(m.ServiceCapacity))
    assert capacity.updated > datetime.now() - timedelta(days=2)
    response = editor_client.post(url, data={
        "accepting": "no", "unit": "beds", "available": "0", "maximum": "12",
        "waitlist_weeks": "6", "note": ""})
    db.session.refresh(service)
    assert service.wait_time == "Waitlist: 6 weeks"
    assert [c.available for c in service.capacities] == [0]  # one row per unit, kept current
    public = html_of(editor_client.get(f"/services/{service.id}"))
    assert "No openings right now" in public
    assert "Not accepting new clients. Waitlist: 6 weeks." in public
    again = form_values(html_of(editor_client.get(url)))  # the form starts from what is stored
    assert (again["accepting"], again["available"], again["maximum"], again["waitlist_weeks"],
            again["note"]) == ("no", "0", "12", "6", "")


def test_availability_rules(editor_client):
    service = _residential("Rules Residential Program")
    url = f"/staff/services/{service.id}/availability"
    cases = [
        ({"accepting": "no", "available": "2"}, "available",
         "When no new clients are accepted, 0 are available"),
        ({"accepting": "yes", "available": "9", "maximum": "4"}, "maximum",
         "The total cannot be less than what is available"),
        ({"accepting": "yes", "available": "-1"}, "available", "Enter a number from 0 up"),
        ({"accepting": "yes", "available": "1", "waitlist_weeks": "300"}, "waitlist_weeks",
         "Enter a number of weeks from 0 to 104"),
        ({"available": "1"}, "accepting", "Say whether new clients are being accepted"),
    ]
    for data, field, message in cases:
        html = html_of(editor_client.post(url, data={"unit": "beds", **data}))
        assert message in html.split(f'id="{field}-error"')[1].split("</p>")[0], data
    assert db.session.scalar(select(m.ServiceCapacity)) is None


def test_the_dashboard_lists_residential_availability_not_updated(editor_client):
    stale = _residential("Stale Beds House")
    stale.capacities.append(m.ServiceCapacity(available=2, maximum=10,
                                              updated=datetime.now() - timedelta(days=20)))
    never = _residential("Never Counted House")
    recent = _residential("Recent Beds House")
    recent.capacities.append(m.ServiceCapacity(available=1, updated=datetime.now()))
    group = builders.service("Not Residential Group")
    db.session.commit()
    section = _section(html_of(editor_client.get("/staff/")), "availability-heading")
    assert section.index(never.name) < section.index(stale.name)
    assert recent.name not in section and group.name not in section
    editor_client.post(f"/staff/services/{stale.id}/availability?next=/staff/", data={
        "accepting": "yes", "unit": "beds", "available": "4", "maximum": "10"})
    section = _section(html_of(editor_client.get("/staff/")), "availability-heading")
    assert stale.name not in section


def test_stale_availability_is_the_database_s_answer_in_its_order(app):
    from sqlalchemy import func, or_

    from directory.models.service_facts import LISTED, needs_fresh_availability_clause
    from directory.staff.lookups import stale_availability

    now = datetime.now()
    for name in ("Cedar House", "Aspen House", "Birch House"):  # never counted
        _residential(name)
    for name, days in (("Oak House", 30), ("Elm House", 90), ("Pine House", 9)):
        service = _residential(name)
        service.capacities.append(m.ServiceCapacity(available=1, updated=now
                                                    - timedelta(days=days)))
    fresh = _residential("Fresh House")
    fresh.capacities.append(m.ServiceCapacity(available=1, updated=now))
    _residential("Closed House", status="inactive")
    db.session.commit()

    def database(limit):  # the answer as one SQL query gives it
        latest = (select(m.ServiceCapacity.service_id, func.max(m.ServiceCapacity.updated)
                         .label("updated")).group_by(m.ServiceCapacity.service_id).subquery())
        return [name for name, _ in db.session.execute(
            select(m.Service.name, latest.c.updated)
            .outerjoin(latest, latest.c.service_id == m.Service.id)
            .where(m.Service.status.in_(LISTED), needs_fresh_availability_clause(m.Service.id),
                   or_(latest.c.updated.is_(None),
                       latest.c.updated < now - timedelta(days=7)))
            .order_by(latest.c.updated.asc().nulls_first(), m.Service.name).limit(limit))]

    for limit in (2, 4, 50):
        found = [service.name for service, _ in stale_availability(now, 7, limit)]
        assert found == database(limit), limit
    assert [s.name for s, _ in stale_availability(now, 7)] == [
        "Aspen House", "Birch House", "Cedar House", "Elm House", "Oak House", "Pine House"]


def test_the_coordinators_dashboard_leads_to_referrals_not_to_verifying(coordinator_client,
                                                                        editor_client):
    builders.service("Long Unverified Clinic", assured_date=today() - timedelta(days=400))
    coordinator = html_of(coordinator_client.get("/staff/"))
    stale = _section(coordinator, "stale-heading")
    assert "Long Unverified Clinic" in stale
    assert "then mark it verified" not in coordinator and "Mark verified" not in coordinator
    assert "call the service before you refer a client to it" in stale
    refer = _section(coordinator, "refer-heading")
    assert 'href="/referrals/lists/new"' in refer and 'href="/referrals/"' in refer
    editor = html_of(editor_client.get("/staff/"))
    assert "then mark it verified" in _section(editor, "stale-heading")
    assert 'id="refer-heading"' not in editor
