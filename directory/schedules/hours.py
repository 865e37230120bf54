"""The questions asked of a service's hours, all answered from the same open spans: open
at a moment (the search filter and the pages ask it the same way), until when, whether
around the clock (the pages' "Open now, 24 hours" and matching's "Open 24 hours"), when it
next opens, each day of the coming week (holiday closures marked), and whether it opens
evenings or weekends (matching)."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .openings import DAY, as_rules, day_spans, merge, raw, spans, subtract
from .rules import WEEKDAYS, row_key, signature

DAY_NAMES = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday",
             "FR": "Friday", "SA": "Saturday", "SU": "Sunday"}
HORIZON = timedelta(days=8)  # open longer than this without a break: "24 hours"
LOOKAHEAD = timedelta(days=62)  # far enough for a monthly schedule's next date
EVENING = time(18, 30)
WEEKEND = ("SA", "SU")
LATE_HOURS_KEPT = 20_000  # evenings_or_weekends answers kept (a few MB at most)
_LATE_HOURS = {}


@dataclass
class DayHours:
    """One local day: its openings (local start and end times), whether it is open all
    day, and whether a holiday closure falls on it."""

    day: date
    code: str
    spans: list
    all_day: bool = False
    holiday: bool = False


def open_signature(signature_text, moment, zone):
    """Return whether the rules a signature holds are open at the aware `moment`."""
    stamp = moment.timestamp()
    return any(start <= stamp < end for start, end in
               day_spans(signature_text, zone, moment.astimezone(UTC).date()))


def is_open(schedules, moment, zone):
    """Return whether any schedule is open at `moment` (an aware datetime)."""
    rules = as_rules(schedules)
    return bool(rules) and open_signature(signature(rules), moment, zone)


def open_until(schedules, moment, zone):
    """Return (open, until): whether open at `moment`, and the aware UTC end of that
    opening (None when it runs without a break for over a week)."""
    if not is_open(schedules, moment, zone):
        return False, None
    for start, end in spans(schedules, moment, moment + HORIZON, zone):
        if start <= moment < end:
            return True, (None if end >= moment + HORIZON else end)
    return False, None  # pragma: no cover - is_open said it is open


@dataclass
class Opening:
    """Whether a service is open at a moment, until when (aware UTC; None when it runs
    without a break for over a week), and the local day the moment falls on."""

    is_open: bool
    until: datetime | None
    today: DayHours

    @property
    def around_the_clock(self):
        """Return whether it is open with no closing in sight today: without a break for
        over a week, or for the whole of today (Monday to Friday round the clock, say)."""
        return self.is_open and (self.until is None or self.today.all_day)


def opening_at(schedules, moment, zone):
    """Return the Opening of `schedules` at the aware `moment` (the directory's `zone`)."""
    is_open_now, until = open_until(schedules, moment, zone)
    return Opening(is_open_now, until, today_hours(schedules, moment, zone))


def next_opening(schedules, moment, zone):
    """Return the aware UTC start of the next opening after `moment` (62 days), or None."""
    later = [start for start, _end in spans(schedules, moment, moment + LOOKAHEAD, zone)
             if start > moment]
    return later[0] if later else None


def days(schedules, first_day, count, zone):
    """Return a DayHours for each of `count` local days (the directory's zone) from
    `first_day`: the openings that start that day, less holiday closures."""
    local = ZoneInfo(zone)
    openings, closures = raw(as_rules(schedules), first_day - 2 * DAY,
                             first_day + (count + 1) * DAY, zone)
    found = []
    for offset in range(count):
        day = first_day + offset * DAY
        begin = datetime.combine(day, time(), local).astimezone(UTC)
        end = datetime.combine(day + DAY, time(), local).astimezone(UTC)
        pieces = merge(subtract(merge([o for o in openings if begin <= o[0] < end]), closures))
        found.append(DayHours(
            day, WEEKDAYS[day.weekday()],
            [(s.astimezone(local).time(), e.astimezone(local).time()) for s, e in pieces],
            all_day=any(s <= begin and e >= end for s, e in pieces),
            holiday=any(s < end and e > begin for s, e in closures)))
    return found


def week(schedules, today, zone):
    """Return the coming seven days (from `today`) as DayHours, Monday first."""
    return sorted(days(schedules, today, 7, zone), key=lambda d: d.day.weekday())


def today_hours(schedules, moment, zone):
    """Return the DayHours of the local day `moment` falls on."""
    return days(schedules, moment.astimezone(ZoneInfo(zone)).date(), 1, zone)[0]


def evenings_or_weekends(schedules, today, zone):
    """Return (evenings, weekends): open after 6:30 pm on some day, open on a Saturday or
    Sunday, in the five weeks from `today`. Answered once per set of rules, day and zone:
    matching asks it of hundreds of candidates, most of which share their hours."""
    key = (tuple(row_key(row) for row in schedules or ()), today, zone)
    if key not in _LATE_HOURS:
        if len(_LATE_HOURS) >= LATE_HOURS_KEPT:
            _LATE_HOURS.clear()
        _LATE_HOURS[key] = _evenings_or_weekends(as_rules(schedules), today, zone)
    return _LATE_HOURS[key]


def _evenings_or_weekends(rules, today, zone):
    evening = weekend = False
    for entry in days(rules, today, 35, zone):
        for opens, closes in entry.spans:
            evening = evening or entry.all_day or closes >= EVENING or closes <= opens
        weekend = weekend or (entry.code in WEEKEND and bool(entry.spans))
    return evening, weekend
