"""Opening hours from HSDS weekly schedules: the week as a table, whether a service is
open at a moment, and when it next opens. Pure functions; no Flask, no database."""

from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from .models.location import WEEKDAYS

DAY_NAMES = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday",
             "FR": "Friday", "SA": "Saturday", "SU": "Sunday"}


def parse_time(text):
    """Return a `time` from "HH:MM" or "HH:MM:SS" (an offset suffix is ignored), or None."""
    if not text:
        return None
    clock = str(text).strip().rstrip("Z")
    for sign in ("+", "-"):
        if sign in clock[1:]:
            clock = clock[: clock.index(sign, 1)]
    try:
        parts = [int(p) for p in clock.split(":")]
        return time(parts[0], parts[1] if len(parts) > 1 else 0)
    except (ValueError, IndexError):
        return None


def weekly_hours(schedules):
    """Return [(day code, [(opens, closes), ...]), ...] Monday to Sunday, times as `time`."""
    week = {day: [] for day in WEEKDAYS}
    for schedule in schedules:
        opens, closes = parse_time(schedule.opens_at), parse_time(schedule.closes_at)
        if opens is None or closes is None:
            continue
        for day in schedule.days:
            week[day].append((opens, closes))
    return [(day, sorted(set(week[day]))) for day in WEEKDAYS]


def _zone(schedule, default_zone):
    if schedule.timezone is not None:
        return timezone(timedelta(hours=schedule.timezone))
    return ZoneInfo(default_zone)


def _valid_on(schedule, day):
    return not ((schedule.valid_from and day < schedule.valid_from)
                or (schedule.valid_to and day > schedule.valid_to))


def _open_at(schedule, moment):
    """Return whether `schedule` is open at the aware `moment` (converted to its zone)."""
    local = moment
    if not _valid_on(schedule, local.date()):
        return False
    opens, closes = parse_time(schedule.opens_at), parse_time(schedule.closes_at)
    if opens is None or closes is None:
        return False
    day = WEEKDAYS[local.weekday()]
    now = local.time()
    if closes <= opens:  # runs past midnight: open from `opens` today until `closes` tomorrow
        yesterday = WEEKDAYS[(local.weekday() - 1) % 7]
        return (day in schedule.days and now >= opens) or (
            yesterday in schedule.days and now < closes)
    if closes == time(23, 59):
        return day in schedule.days and now >= opens
    return day in schedule.days and opens <= now < closes


def is_open(schedules, moment, default_zone):
    """Return whether any schedule is open at `moment` (an aware datetime)."""
    return any(_open_at(s, moment.astimezone(_zone(s, default_zone))) for s in schedules)


def _open_until(schedule, local):
    """Return when the period of `schedule` open at `local` ends (None: all day, every day)."""
    opens, closes = parse_time(schedule.opens_at), parse_time(schedule.closes_at)
    if opens == time(0, 0) and closes in (time(0, 0), time(23, 59)):
        if set(schedule.days) == set(WEEKDAYS):
            return None
        return datetime.combine(local.date() + timedelta(days=1), time(0, 0), local.tzinfo)
    if closes == time(23, 59):
        return datetime.combine(local.date() + timedelta(days=1), time(0, 0), local.tzinfo)
    if closes <= opens and local.time() >= opens:  # past midnight: ends tomorrow
        return datetime.combine(local.date() + timedelta(days=1), closes, local.tzinfo)
    return datetime.combine(local.date(), closes, local.tzinfo)


def open_until(schedules, moment, default_zone):
    """Return (open, until): whether a schedule is open at `moment` and when it closes.

    `until` is an aware local datetime, or None for a service open around the clock.
    """
    ends = []
    for schedule in schedules:
        local = moment.astimezone(_zone(schedule, default_zone))
        if _open_at(schedule, local):
            ends.append(_open_until(schedule, local))
    if not ends:
        return False, None
    if None in ends:
        return True, None
    return True, max(ends)


def next_opening(schedules, moment, default_zone):
    """Return the next aware local datetime at which a schedule opens within 7 days, or None."""
    best = None
    for schedule in schedules:
        opens = parse_time(schedule.opens_at)
        if opens is None or not schedule.days:
            continue
        local = moment.astimezone(_zone(schedule, default_zone))
        for offset in range(8):
            day = (local + timedelta(days=offset)).date()
            if WEEKDAYS[day.weekday()] not in schedule.days or not _valid_on(schedule, day):
                continue
            start = datetime.combine(day, opens, tzinfo=local.tzinfo)
            if start > local:
                best = start if best is None or start < best else best
                break
    return best


def open_evenings_or_weekends(schedules):
    """Return (evenings, weekends): open after 6 pm on some day; open Saturday or Sunday."""
    evening = weekend = False
    for schedule in schedules:
        closes = parse_time(schedule.closes_at)
        if closes and (closes >= time(18, 30) or closes < (parse_time(schedule.opens_at) or closes)):
            evening = True
        if {"SA", "SU"} & set(schedule.days):
            weekend = True
    return evening, weekend
