"""Each rule about a service has one answer wherever a person meets it: "open now", "open
24 hours" and the week's hours agree across search, the service page, matching and the
handout for every sample service at several moments; the index's bulk rows answer as the
model does; the services asked to keep beds and seats fresh are the same in the staff
list as on the service page; and a card, a match and a service page show the same miles."""

import re
from datetime import UTC, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from directory import catalogue, coverage, locate, matching, sample, schedules, search
from directory import models as m
from directory.extensions import db
from directory.geo import miles_between
from directory.matching.rules import Context
from directory.models.service_facts import LISTED, needs_fresh_availability_clause
from directory.referrals.sheet import build_sheet
from directory.search.params import SearchParams
from directory.search.service_rows import ServiceRecord, load_records
from directory.template_helpers import hours_phrase, miles

# Tuesday morning and evening, Friday just before midnight, Saturday, Sunday night.
WHEN = [(2026, 12, 1, 10, 30), (2026, 12, 1, 19, 15), (2026, 12, 4, 23, 30),
        (2026, 12, 5, 10, 30), (2026, 12, 6, 3, 0)]
ROUND_THE_CLOCK = "Open now, 24 hours"
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@pytest.fixture
def sample_app(app):
    """The sample directory, indexed, with two services of the kinds that used to split
    the answers: one whose only hours are its building's, one open round the clock on
    weekdays only; and a referral list holding every service."""
    sample.load_directory()
    assert app.test_cli_runner().invoke(args=["reindex"]).exit_code == 0
    some = db.session.scalars(select(m.Service).order_by(m.Service.name).limit(2)).all()
    building = some[0].organization
    hall = m.Location(location_type="physical", name="Hall", organization=building,
                      latitude=33.64, longitude=-117.68, schedules=[m.Schedule(
                          freq="WEEKLY", byday="MO,TU,WE,TH,FR,SA,SU", opens_at="06:00",
                          closes_at="23:00")])
    db.session.add_all([
        m.Service(name="Meets In The Hall", organization=building, status="active",
                  service_at_locations=[m.ServiceAtLocation(location=hall)]),
        m.Service(name="Weekday Crisis Desk", organization=building, status="active",
                  schedules=[m.Schedule(freq="WEEKLY", byday="MO,TU,WE,TH,FR",
                                        opens_at="00:00", closes_at="23:59")]),
    ])
    db.session.commit()
    listed = db.session.scalars(select(m.Service).where(m.Service.status.in_(LISTED))
                                .order_by(m.Service.name)).all()
    handout = m.ReferralList(title="Everything")
    db.session.add(handout)
    for service in listed:
        handout.add_service(service, "tests@example.org")
    db.session.commit()
    return listed, handout


def _found(**asked):
    """Return {service id: Hit} of every page of a search."""
    hits, params = {}, SearchParams(per_page=100, **asked)
    while True:
        result = search.search(params)
        hits.update({hit.service_id: hit for hit in result.hits})
        if params.page >= result.total_pages:
            return hits
        params.page += 1


def _open_in_search(moment):
    params, hits = SearchParams(open_now=True, per_page=100), set()
    while True:
        result = search.search(params, now=moment)
        hits |= {hit.service_id for hit in result.hits}
        if params.page >= result.total_pages:
            return hits
        params.page += 1


def _open_all_day_in_matching(listed, moment):
    needs = matching.ClientNeeds(barriers={"urgent"}, show_limited=True)
    # matching reads the moment as the database stores times: UTC, without a zone
    context = Context(needs, moment.astimezone(UTC).replace(tzinfo=None), 365,
                      zone=coverage.timezone())
    ranked = matching.rank(_found(), context, {})
    assert {item.service.id for item in ranked} == {s.id for s in listed}
    return {item.service.id for item in ranked
            if any(reason.kind == "hours" for reason in item.fits)}


def test_open_now_24_hours_and_the_hours_agree_everywhere(app, client, sample_app):
    listed, handout = sample_app
    zone = ZoneInfo(coverage.timezone())
    by_name = {s.name: s.id for s in listed}
    closed = {s.id for s in listed if s.is_temporarily_closed}
    for when in WHEN:
        moment = datetime(*when, tzinfo=zone)
        with app.test_request_context():
            page = {s.id: hours_phrase(s, moment) for s in listed}
            sheet = build_sheet(handout, today=moment.date())
        open_on_page = {sid for sid, (state, _) in page.items() if state == "open"}
        assert _open_in_search(moment) == open_on_page, when
        all_day = {sid for sid, (_, words) in page.items() if words == ROUND_THE_CLOCK}
        on_sheet = {item.service_id: line.today for item, line in
                    zip(handout.items, sheet.items, strict=True)}
        assert {sid for sid, today in on_sheet.items()
                if today == "Today: Open 24 hours"} == all_day, when
        assert _open_all_day_in_matching(listed, moment) == all_day - closed, when
        # a building's hours are not the service's: no hours, anywhere
        assert page[by_name["Meets In The Hall"]] == (None, None)
        assert on_sheet[by_name["Meets In The Hall"]] == ""
        weekday = moment.weekday() < 5
        assert (by_name["Weekday Crisis Desk"] in all_day) is weekday, when
    assert all_day - closed, "no sample service is open round the clock on a Sunday night"
    _the_page_and_the_handout_show_the_same_week(app, client, handout)


def _the_page_and_the_handout_show_the_same_week(app, client, handout):
    with app.test_request_context():
        sheet = build_sheet(handout)
    for item, line in zip(handout.items, sheet.items, strict=True):
        html = client.get(f"/services/{item.service_id}").get_data(as_text=True)
        if not item.service.hours_schedules:
            assert "Hours are not listed" in html and line.hours == [] and not line.today
            continue
        shown = {day: ("Closed" if text.startswith("Closed") else text)
                 for day, text in _week_on_page(html).items()}
        assert shown == _week_on_sheet(line.hours), item.service.name


def _week_on_page(html):
    """Return {day: hours text} of the service page's hours table."""
    table = html.split('class="hours"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<th[^>]*>([^<]+)</th>\s*<td>(.*?)</td>", table, re.DOTALL)
    return {day.strip(): " ".join(re.sub(r"<[^>]+>", "", text).split())
            for day, text in rows if day.strip() in DAYS}


def _week_on_sheet(lines):
    """Return {day: hours text} of a handout's lines ("Monday to Friday: 9:00 AM – ...")."""
    week = dict.fromkeys(DAYS, "Closed")
    for line in lines:
        days, hours = line.split(": ", 1)
        if " to " in days:
            first, last = days.split(" to ")
            named = DAYS[DAYS.index(first):DAYS.index(last) + 1]
        else:
            named = days.split(", ")
        week.update(dict.fromkeys(named, hours))
    return week


def test_the_index_rows_answer_as_the_model_does(seeded_app):
    with seeded_app.app_context():
        listed = db.session.scalars(select(m.Service).where(m.Service.status.in_(LISTED))).all()
        _rows_answer_as_the_model(listed)


def _rows_answer_as_the_model(listed):
    records = {r.id: r for r in load_records(db.session, [s.id for s in listed])}
    assert set(records) == {s.id for s in listed}
    for service in listed:
        record = records[service.id]
        for fact in ("is_listed", "is_temporarily_closed", "remote_ways", "is_ride",
                     "reaches_without_visit", "served_area_keys", "matched_by_area",
                     "needs_fresh_availability"):
            assert getattr(record, fact) == getattr(service, fact), (service.name, fact)
        for group in (None, "category", "delivery", "payment", "population"):
            assert record.term_codes(group) == service.term_codes(group), service.name
        assert sorted(map(repr, schedules.rules_of(record.hours_schedules))) == \
            sorted(map(repr, schedules.rules_of(service.hours_schedules))), service.name
        capacity, row = service.current_capacity, record.current_capacity
        assert (capacity and capacity.available) == (row and row.available), service.name


def test_the_staff_list_asks_for_the_beds_and_seats_the_service_page_offers(seeded_app):
    with seeded_app.app_context():
        _the_clause_is_the_property()


def _the_clause_is_the_property():
    everyone = db.session.scalars(select(m.Service)).all()
    in_sql = set(db.session.scalars(select(m.Service.id).where(
        needs_fresh_availability_clause(m.Service.id))))
    assert in_sql == {s.id for s in everyone if s.needs_fresh_availability}
    assert any(s.term_codes("category") & {"group-therapy-peer-support"} for s in everyone
               if s.id in in_sql)


def test_a_card_a_match_and_the_service_page_show_the_same_miles(seeded_app, seeded_client):
    app, client = seeded_app, seeded_client
    place = locate.resolve("92630")
    hits = _found(place=place, radius=25)
    near = [hit for hit in hits.values() if hit.distance_miles is not None]
    assert len(near) > 10
    for hit in near:
        service = catalogue.get_service(hit.service_id)
        exact = min(miles_between(place.point, (loc.latitude, loc.longitude))
                    for loc in service.physical_locations)
        assert hit.distance_miles == pytest.approx(exact, abs=1e-9), service.name
    hit = min(near, key=lambda h: abs(h.distance_miles - 3))
    with app.test_request_context():
        shown = miles(hit.distance_miles)
    html = client.get(f"/services/{hit.service_id}?near=92630").get_data(as_text=True)
    assert f"{shown} from" in html


def test_term_codes_are_every_coded_term_or_one_group_s():
    record = ServiceRecord(terms=[SimpleNamespace(code="telehealth", group="category"),
                                  SimpleNamespace(code="phone", group="delivery"),
                                  SimpleNamespace(code=None, group="category")])
    assert record.term_codes() == {"telehealth", "phone"}  # a term without a code is none
    assert record.term_codes("category") == {"telehealth"}
    assert record.term_codes("payment") == set()
