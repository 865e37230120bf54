"""The schedule engine on its own: each iCalendar part HSDS uses, validity dates, times with
"Z" or an offset, hours past midnight, holiday closures and the questions the pages ask
(open now, until when, next opening, the week, evenings and weekends)."""

import time as systime
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from directory import schedules
from directory.schedules import openings
from directory.schedules.rules import Rule, from_signature, parse_clock, rule_of

ZONE = "America/Los_Angeles"


@pytest.fixture(autouse=True)
def _cold_caches():
    """Start each test with the engine's caches empty, so every test computes (and a
    broken computation cannot hide behind an answer an earlier test cached)."""
    openings.dates.cache_clear()
    openings.day_spans.cache_clear()


@pytest.fixture(autouse=True)
def _server_far_east(monkeypatch):
    """Run on a server whose own clock is 14 hours ahead of UTC: the answers must not
    depend on the machine's zone, only on the directory's and the schedules'."""
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    systime.tzset()
    yield
    monkeypatch.undo()
    systime.tzset()
LA = ZoneInfo(ZONE)


def at(*parts):
    """Return an aware moment in Los Angeles (year, month, day, hour, minute, second)."""
    return datetime(*parts, tzinfo=LA)


def row(**fields):
    return dict(fields)


def rows_of(rows):
    return schedules.rules_of(rows)


def is_open(rows, moment):
    return schedules.is_open(rows_of(rows), moment, ZONE)


WEEKDAY_MORNINGS = row(freq="WEEKLY", byday="MO,TU,WE,TH,FR", opens_at="09:00", closes_at="17:00")
# 2026-12-02 is the first Wednesday of December; 2026-12-25 the last Friday.
FIRST_WEDNESDAY = row(freq="MONTHLY", byday="1WE", opens_at="10:00", closes_at="12:00")
LAST_FRIDAY = row(freq="MONTHLY", byday="-1FR", opens_at="10:00", closes_at="12:00")
SECOND_AND_FOURTH_MONDAYS = row(freq="MONTHLY", byday="2MO,4MO", opens_at="10:00",
                                closes_at="12:00")
FIRST_AND_LAST_DAYS = row(freq="MONTHLY", bymonthday="1,-1", opens_at="10:00",
                          closes_at="12:00")


@pytest.mark.parametrize("rows,moment,expected", [
    ([FIRST_WEDNESDAY], at(2026, 12, 2, 11), True),
    ([FIRST_WEDNESDAY], at(2026, 12, 9, 11), False),
    ([FIRST_WEDNESDAY], at(2027, 1, 6, 10), True),
    ([LAST_FRIDAY], at(2026, 12, 25, 11), True),
    ([LAST_FRIDAY], at(2026, 12, 18, 11), False),
    ([SECOND_AND_FOURTH_MONDAYS], at(2026, 12, 14, 11), True),
    ([SECOND_AND_FOURTH_MONDAYS], at(2026, 12, 21, 11), False),
    ([FIRST_AND_LAST_DAYS], at(2026, 12, 31, 11), True),
    ([FIRST_AND_LAST_DAYS], at(2026, 12, 30, 11), False),
])
def test_monthly_rules_count_ordinals_and_days_of_the_month(rows, moment, expected):
    assert is_open(rows, moment) is expected


@pytest.mark.parametrize("fields,moment,expected", [
    ({"valid_to": date(2026, 11, 30)}, at(2026, 12, 2, 10), False),
    ({"valid_to": date(2026, 11, 30)}, at(2026, 11, 30, 10), True),
    ({"valid_from": date(2026, 12, 3)}, at(2026, 12, 2, 10), False),
    ({"valid_from": date(2026, 12, 3)}, at(2026, 12, 3, 10), True),
    ({"until": date(2026, 11, 18)}, at(2026, 11, 18, 10), True),
    ({"until": date(2026, 11, 18)}, at(2026, 11, 19, 10), False),
    ({"dtstart": date(2026, 11, 16), "count": 3}, at(2026, 11, 18, 10), True),
    ({"dtstart": date(2026, 11, 16), "count": 3}, at(2026, 11, 19, 10), False),
    # a count of one is one day, not "no count"
    ({"dtstart": date(2026, 11, 16), "count": 1}, at(2026, 11, 16, 10), True),
    ({"dtstart": date(2026, 11, 16), "count": 1}, at(2026, 11, 17, 10), False),
    # a week start that is no weekday code is ignored: the row still opens by its days
    ({"wkst": "XX"}, at(2026, 11, 18, 10), True),
    ({"wkst": "sunday"}, at(2026, 11, 18, 10), True),
])
def test_validity_until_and_count_end_a_schedule(fields, moment, expected):
    assert is_open([{**WEEKDAY_MORNINGS, **fields}], moment) is expected


def test_a_monthly_rule_mixing_every_saturday_and_the_first_tuesday_opens_on_both():
    """RFC 5545's BYDAY=SA,1TU is every Saturday and the first Tuesday; dateutil alone asks a
    day to be both, and no such rule ever opened."""
    mixed = row(freq="MONTHLY", byday="SA,1TU", dtstart="2026-11-01", opens_at="10:00",
                closes_at="12:00")
    assert openings.dates(rows_of([mixed])[0], date(2026, 12, 1), date(2027, 1, 10)) == (
        date(2026, 12, 1), date(2026, 12, 5), date(2026, 12, 12), date(2026, 12, 19),
        date(2026, 12, 26), date(2027, 1, 2), date(2027, 1, 5), date(2027, 1, 9))
    assert is_open([mixed], at(2026, 12, 1, 11)) and not is_open([mixed], at(2026, 12, 8, 11))
    counted = {**mixed, "count": 3}  # the count is of both kinds' days together
    assert openings.dates(rows_of([counted])[0], date(2026, 11, 1), date(2026, 12, 31)) == (
        date(2026, 11, 3), date(2026, 11, 7), date(2026, 11, 14))


def test_an_interval_keeps_its_phase_from_dtstart_years_later():
    fortnightly = row(freq="WEEKLY", interval=2, byday="WE", dtstart="2026-11-25",
                      opens_at="10:00", closes_at="12:00")
    start = date(2026, 11, 25)
    for weeks, expected in ((0, True), (1, False), (2, True), (120, True), (121, False)):
        day = start + timedelta(weeks=weeks)
        assert is_open([fortnightly], at(day.year, day.month, day.day, 11)) is expected, weeks
    quarterly = row(freq="MONTHLY", interval=3, bymonthday="15", dtstart="2026-01-15",
                    opens_at="10:00", closes_at="12:00")
    assert is_open([quarterly], at(2026, 10, 15, 11)) and is_open([quarterly], at(2031, 1, 15, 11))
    assert not is_open([quarterly], at(2026, 11, 15, 11))
    every_third_day = row(freq="DAILY", interval=3, dtstart="2026-12-01", opens_at="10:00",
                          closes_at="12:00")
    assert is_open([every_third_day], at(2027, 12, 2, 11))  # 366 days later
    assert not is_open([every_third_day], at(2027, 12, 1, 11))
    tenth = row(freq="MONTHLY", bymonthday="10", dtstart="2026-01-20", opens_at="10:00",
                closes_at="12:00")
    assert is_open([tenth], at(2026, 12, 10, 11))
    on_the_29th = row(freq="MONTHLY", dtstart="2026-01-29", opens_at="10:00", closes_at="12:00")
    assert is_open([on_the_29th], at(2027, 3, 29, 11))
    assert not is_open([on_the_29th], at(2027, 2, 28, 11))
    independence = row(freq="YEARLY", dtstart="2020-07-04", opens_at="10:00", closes_at="12:00")
    assert is_open([independence], at(2026, 7, 4, 11))
    assert not is_open([independence], at(2026, 8, 4, 11))
    leap = row(freq="YEARLY", dtstart="2024-02-29", opens_at="10:00", closes_at="12:00")
    assert is_open([leap], at(2028, 2, 29, 11)) and not is_open([leap], at(2027, 2, 28, 11))
    yearly = row(freq="YEARLY", byyearday="1", opens_at="10:00", closes_at="12:00")
    assert is_open([yearly], at(2027, 1, 1, 11)) and not is_open([yearly], at(2027, 1, 2, 11))


def test_an_opening_counts_from_its_minute_not_its_quarter_hour():
    rows = [row(byday="TU", opens_at="10:40", closes_at="11:50")]
    assert not is_open(rows, at(2026, 12, 1, 10, 30))
    assert not is_open(rows, at(2026, 12, 1, 10, 39, 59))
    assert is_open(rows, at(2026, 12, 1, 10, 40))
    assert schedules.open_until(rows_of(rows), at(2026, 12, 1, 10, 40), ZONE) == (
        True, at(2026, 12, 1, 11, 50).astimezone(UTC))
    assert schedules.open_until(rows_of(rows), at(2026, 12, 1, 10, 30), ZONE) == (False, None)
    assert schedules.next_opening(rows_of(rows), at(2026, 12, 1, 10, 40), ZONE) == at(
        2026, 12, 8, 10, 40).astimezone(UTC)
    assert is_open(rows, at(2026, 12, 1, 11, 49, 59))
    assert not is_open(rows, at(2026, 12, 1, 11, 50))


@pytest.mark.parametrize("fields,local_open", [
    ({"opens_at": "17:00Z", "closes_at": "19:00Z"}, (9, 11)),
    ({"opens_at": "12:00-05:00", "closes_at": "14:00-05:00"}, (9, 11)),
    ({"opens_at": "12:00:00+00:00", "closes_at": "13:00:00+00:00"}, (4, 5)),
    ({"opens_at": "12:00", "closes_at": "14:00", "timezone": -5}, (9, 11)),
])
def test_times_with_z_or_an_offset_keep_it(fields, local_open):
    rows = [row(byday="TU", **fields)]
    opens, closes = local_open
    assert is_open(rows, at(2026, 12, 1, opens, 30))
    assert not is_open(rows, at(2026, 12, 1, closes, 30))
    assert not is_open(rows, at(2026, 12, 1, opens - 1, 30))


def test_days_are_counted_where_the_time_is_written():
    # Wednesday 02:00 UTC is Tuesday 18:00 in Los Angeles.
    rows = [row(byday="WE", opens_at="02:00Z", closes_at="04:00Z")]
    assert is_open(rows, at(2026, 12, 1, 18, 30))
    assert not is_open(rows, at(2026, 12, 2, 18, 30))
    tuesday = schedules.today_hours(rows_of(rows), at(2026, 12, 1, 8), ZONE)
    assert tuesday.code == "TU" and tuesday.spans == [(time(18), time(20))]
    # rows as the database holds them, not only rules
    assert schedules.is_open(rows, at(2026, 12, 1, 18, 30), ZONE)


def test_hours_past_midnight_run_into_the_next_day():
    rows = [row(byday="MO", opens_at="22:00", closes_at="02:00")]
    assert is_open(rows, at(2026, 11, 30, 23))
    assert is_open(rows, at(2026, 12, 1, 1, 59))
    assert not is_open(rows, at(2026, 12, 1, 2))
    assert not is_open(rows, at(2026, 11, 30, 1))  # Sunday night was not open
    assert schedules.open_until(rows_of(rows), at(2026, 11, 30, 23), ZONE) == (
        True, at(2026, 12, 1, 2).astimezone(UTC))


def test_round_the_clock_hours():
    weekdays = rows_of([row(byday="MO,TU,WE,TH,FR", opens_at="00:00", closes_at="23:59")])
    tuesday = at(2026, 12, 1, 12)
    assert schedules.open_until(weekdays, tuesday, ZONE) == (True, at(2026, 12, 5).astimezone(UTC))
    assert schedules.today_hours(weekdays, tuesday, ZONE).all_day
    assert not schedules.is_open(weekdays, at(2026, 12, 5, 12), ZONE)
    always = rows_of([row(byday="MO,TU,WE,TH,FR,SA,SU", opens_at="00:00", closes_at="00:00")])
    assert schedules.open_until(always, tuesday, ZONE) == (True, None)
    until_midnight = rows_of([row(byday="TU", opens_at="18:00", closes_at="24:00")])
    assert schedules.open_until(until_midnight, at(2026, 12, 1, 23, 59), ZONE) == (
        True, at(2026, 12, 2).astimezone(UTC))
    assert not schedules.today_hours(until_midnight, tuesday, ZONE).all_day


CHRISTMAS = row(valid_from="2026-12-25", valid_to="2026-12-25", notes="Closed: Christmas Day")


def test_a_holiday_closure_closes_the_whole_day():
    rules = rows_of([WEEKDAY_MORNINGS, CHRISTMAS])
    assert not schedules.is_open(rules, at(2026, 12, 25, 10), ZONE)
    assert schedules.is_open(rules, at(2026, 12, 24, 10), ZONE)
    day = schedules.today_hours(rules, at(2026, 12, 25, 8), ZONE)
    assert day.holiday and day.spans == []
    assert not schedules.today_hours(rules, at(2026, 12, 24, 8), ZONE).holiday
    assert schedules.next_opening(rules, at(2026, 12, 24, 18), ZONE) == at(
        2026, 12, 28, 9).astimezone(UTC)
    assert not schedules.is_open(rules, at(2026, 12, 24, 18), ZONE)  # a later closure
    assert schedules.open_until(rules, at(2026, 12, 24, 16), ZONE) == (
        True, at(2026, 12, 24, 17).astimezone(UTC))
    evening = rows_of([row(byday="FR", opens_at="20:00", closes_at="23:59"), CHRISTMAS])
    assert schedules.week(evening, date(2026, 12, 22), ZONE)[4].spans == []
    overnight = rows_of([row(byday="TH", opens_at="22:00", closes_at="02:00"), CHRISTMAS])
    assert schedules.is_open(overnight, at(2026, 12, 24, 23), ZONE)
    assert not schedules.is_open(overnight, at(2026, 12, 25, 1), ZONE)


def test_closures_over_several_days_or_by_rule():
    new_year = rows_of([WEEKDAY_MORNINGS, row(valid_from="2026-12-31", valid_to="2027-01-01",
                                              notes="CLOSED - New Year")])
    assert not schedules.is_open(new_year, at(2026, 12, 31, 10), ZONE)
    assert not schedules.is_open(new_year, at(2027, 1, 1, 10), ZONE)
    assert schedules.is_open(new_year, at(2026, 12, 30, 10), ZONE)
    single = rows_of([WEEKDAY_MORNINGS, row(valid_from="2026-12-30", notes="closed")])
    assert not schedules.is_open(single, at(2026, 12, 30, 10), ZONE)
    assert schedules.is_open(single, at(2026, 12, 31, 10), ZONE)
    training = rows_of([WEEKDAY_MORNINGS, row(freq="MONTHLY", byday="1MO", notes="Closed")])
    assert not schedules.is_open(training, at(2026, 12, 7, 10), ZONE)
    assert schedules.is_open(training, at(2026, 12, 14, 10), ZONE)


def test_a_row_without_times_that_is_no_closure_changes_nothing():
    rules = rows_of([WEEKDAY_MORNINGS, row(valid_from="2026-12-25", notes="Call first")])
    assert [r.closure for r in rules] == [False]
    assert schedules.is_open(rules, at(2026, 12, 25, 10), ZONE)
    assert schedules.rules_of([row(valid_from="2026-12-25", notes="Call first")]) == []


def test_the_week_from_today_monday_first():
    rules = rows_of([row(freq="WEEKLY", byday="MO,WE", opens_at="09:00", closes_at="17:00"),
                     row(freq="WEEKLY", byday="WE", opens_at="18:00", closes_at="20:30"),
                     row(byday="SA", opens_at="00:00", closes_at="23:59"), FIRST_WEDNESDAY,
                     CHRISTMAS, row(byday="FR", opens_at="09:00", closes_at="10:00")])
    week = schedules.week(rules, date(2026, 12, 1), ZONE)
    assert [d.code for d in week] == ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
    assert week[0].day == date(2026, 12, 7) and week[1].day == date(2026, 12, 1)
    assert week[0].spans == [(time(9), time(17))]
    assert week[2].spans == [(time(9), time(17)), (time(18), time(20, 30))]
    assert week[1].spans == [] and not week[1].holiday
    assert week[5].all_day and week[5].spans == [(time(0), time(0))]
    assert week[4].spans == [(time(9), time(10))]
    christmas_week = schedules.week(rules, date(2026, 12, 22), ZONE)
    assert christmas_week[4].holiday and christmas_week[4].spans == []
    assert not christmas_week[5].holiday and not christmas_week[3].holiday


def test_next_opening_finds_a_monthly_date_weeks_away():
    rules = rows_of([FIRST_WEDNESDAY])
    assert schedules.next_opening(rules, at(2026, 12, 3, 9), ZONE) == at(
        2027, 1, 6, 10).astimezone(UTC)
    assert schedules.next_opening(rules, at(2026, 12, 2, 9), ZONE) == at(
        2026, 12, 2, 10).astimezone(UTC)
    ended = rows_of([{**WEEKDAY_MORNINGS, "valid_to": "2026-11-30"}])
    assert schedules.next_opening(ended, at(2026, 12, 1, 8), ZONE) is None


def test_evenings_and_weekends():
    cases = [
        ([row(byday="MO", opens_at="16:00", closes_at="18:30")], (True, False)),
        ([row(byday="MO", opens_at="16:00", closes_at="18:29")], (False, False)),
        ([row(byday="MO", opens_at="22:00", closes_at="01:00")], (True, False)),
        ([row(freq="MONTHLY", byday="1SA", opens_at="09:00", closes_at="12:00")],
         (False, True)),
        ([row(byday="SA,SU", opens_at="09:00", closes_at="12:00", valid_to="2026-11-30")],
         (False, False)),
        ([row(byday="SU", opens_at="00:00", closes_at="23:59")], (True, True)),
        ([row(byday="MO", opens_at="10:00", closes_at="10:00")], (True, False)),
        ([row(byday="TU", opens_at="16:00", closes_at="19:00"),
          row(byday="WE", opens_at="09:00", closes_at="12:00")], (True, False)),
    ]
    for rows, expected in cases:
        assert schedules.evenings_or_weekends(rows_of(rows), date(2026, 12, 1), ZONE) == \
            expected, rows


@pytest.mark.parametrize("text,expected", [
    ("09:00", time(9)), ("9:05", time(9, 5)), ("17:30:15", time(17, 30, 15)),
    ("09:00Z", time(9, tzinfo=UTC)), ("24:00", time(0)), (" 08:00 ", time(8)),
    ("noon", None), ("", None), (None, None), ("25:00", None),
])
def test_clock_times(text, expected):
    assert parse_clock(text) == expected


def test_rules_read_model_rows_as_well_as_dicts():
    from types import SimpleNamespace

    from directory.models import Schedule

    model = Schedule(freq="MONTHLY", byday="1WE", opens_at="10:00", closes_at="12:00",
                     timezone=-8.0, wkst="SU")
    record = SimpleNamespace(freq="MONTHLY", byday="1WE", opens_at="10:00", closes_at="12:00",
                             timezone=-8.0, wkst="SU")
    assert rule_of(model) == rule_of(record) == rule_of(
        row(freq="MONTHLY", byday="1WE", opens_at="10:00", closes_at="12:00", timezone=-8.0,
            wkst="SU")) == Rule(freq="MONTHLY", byday=((1, "WE"),), opens="10:00:00",
                                closes="12:00:00", offset=-8.0, wkst="SU")
    assert rule_of(row(wkst="XX", timezone=14)).wkst is None
    assert rule_of(row(timezone=14)).offset == 14.0


def test_a_row_needs_both_times_or_a_closure_note():
    assert schedules.rules_of([row(byday="MO", opens_at="09:00"),
                               row(byday="MO", closes_at="17:00")]) == []
    assert rule_of(row(byday="53MO,54MO,0MO")).byday == ((53, "MO"),)


def test_a_rule_reads_every_hsds_part_and_travels_as_json():
    rule = rule_of(row(freq="monthly", interval="2", byday="1we, -1FR, XX", bymonthday="1,40",
                       byweekno="5", byyearday="-1", wkst="su", dtstart=date(2026, 1, 7),
                       until="2027-06-30", count=0, valid_from="2026-01-01",
                       valid_to="not a date", opens_at="09:00+02:00", closes_at="17:00",
                       timezone=2.5, notes="x"))
    assert rule == Rule(freq="MONTHLY", interval=2, byday=((1, "WE"), (-1, "FR")),
                        bymonthday=(1,), byweekno=(5,), byyearday=(-1,), wkst="SU",
                        dtstart="2026-01-07", until="2027-06-30", count=None,
                        valid_from="2026-01-01", valid_to=None, opens="09:00:00+02:00",
                        closes="17:00:00", offset=2.5, closure=False)
    assert from_signature(schedules.signature([rule])) == [rule]
    assert rule_of(row(freq="HOURLY", timezone=99)).freq is None
    assert rule_of(row(timezone=99)).offset is None


def test_a_weekly_rule_on_no_day_never_opens():
    assert openings.dates(Rule(opens="09:00", closes="10:00"), date(2026, 12, 1),
                          date(2026, 12, 31)) == ()
    on_start = Rule(dtstart="2026-12-02", opens="09:00", closes="10:00")
    assert openings.dates(on_start, date(2026, 12, 1), date(2026, 12, 10)) == (
        date(2026, 12, 2), date(2026, 12, 9))
