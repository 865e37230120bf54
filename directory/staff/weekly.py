"""The weekly hours editor's model: a week of days, each closed, open all day, or open
for up to two time ranges, read from and written to HSDS `schedule` rows.

Days that share the same hours are written as one weekly row (`freq` WEEKLY, `byday`
"MO,TU,WE", `opens_at`, `closes_at`), which is what HSDS readers expect. Saving changes
only the rows that differ, so the audit history shows what really changed. Schedules the
editor cannot show (monthly ones, seasonal ones with dates) are left as they are.
Walk-in hours (`attending_type` "walk-in": models/first_contact.py) are a week of their
own beside the opening hours, read and written apart (`walk_in=True`); the opening hours'
rows keep whatever `attending_type` they have.
"""

from dataclasses import dataclass, field

from ..models.first_contact import WALK_IN, is_walk_in
from ..models.location import WEEKDAYS
from ..schedules import parse_clock

ALL_DAY = ("00:00", "23:59")
MAX_RANGES = 2


@dataclass
class Day:
    """One day of the week in the editor: "closed", "open" (with ranges) or "24h"."""

    mode: str = "closed"
    ranges: list = field(default_factory=list)


def clock(text):
    """Return a time written "HH:MM", or None when it is not a local time (a time with
    "Z" or an offset is kept as it is: the editor would lose its zone)."""
    parsed = parse_clock(text)
    return parsed.strftime("%H:%M") if parsed and parsed.tzinfo is None else None


def editable(schedule):
    """Return whether the editor can show this schedule row (a plain weekly one)."""
    return ((schedule.freq or "WEEKLY").upper() == "WEEKLY" and bool(schedule.days)
            and clock(schedule.opens_at) is not None and clock(schedule.closes_at) is not None
            and not (schedule.valid_from or schedule.valid_to or schedule.until
                     or schedule.count or schedule.bymonthday or schedule.byweekno
                     or schedule.byyearday or schedule.service_at_location_id)
            and (schedule.interval or 1) == 1)


def _shown(schedule, walk_in):
    """Return whether the editor of opening hours (or of walk-in hours) shows the row."""
    return editable(schedule) and is_walk_in(schedule) == walk_in


def read_week(schedules, walk_in=False):
    """Return ({day code: Day}, notes) from a service's schedule rows: its opening hours,
    or with `walk_in` its walk-in hours."""
    week = {day: Day() for day in WEEKDAYS}
    notes = None
    for schedule in schedules:
        if not _shown(schedule, walk_in):
            continue
        span = (clock(schedule.opens_at), clock(schedule.closes_at))
        notes = notes or schedule.description
        for day in schedule.days:
            if span not in week[day].ranges:
                week[day].ranges.append(span)
    for day in week.values():
        day.ranges.sort()
        if day.ranges == [ALL_DAY]:
            day.mode, day.ranges = "24h", []
        elif day.ranges:
            day.mode = "open"
    return week, notes


def plan(week):
    """Return {(opens, closes): [day codes]} for a week: the rows it needs."""
    rows = {}
    for code in WEEKDAYS:
        day = week[code]
        spans = [ALL_DAY] if day.mode == "24h" else day.ranges if day.mode == "open" else []
        for span in spans[:MAX_RANGES]:
            rows.setdefault(tuple(span), []).append(code)
    return dict(sorted(rows.items(), key=lambda item: (WEEKDAYS.index(item[1][0]), item[0])))


def write_week(service, week, notes, schedule_class, walk_in=False):
    """Make the service's weekly rows say `week` (and `notes`); return whether they changed.
    With `walk_in` the rows are its walk-in hours (new ones say so in `attending_type`).

    The notes field edits the note the editor showed (the first row's); every other row
    keeps its own note, and a row rewritten for new times keeps the note of the row it
    replaces on the same days.
    """
    wanted = plan(week)
    shown = read_week(service.schedules, walk_in)[1]
    existing, replaced, changed = {}, {}, False
    for schedule in list(service.schedules):
        if _shown(schedule, walk_in):
            span = (clock(schedule.opens_at), clock(schedule.closes_at))
            if span in existing or span not in wanted:
                for day in schedule.days if schedule.description else ():
                    replaced.setdefault(day, schedule.description)
                service.schedules.remove(schedule)
                changed = True
            else:
                existing[span] = schedule
    rows = []
    for span, days in wanted.items():
        row = existing.get(span)
        if row is None:
            row = schedule_class(freq="WEEKLY", opens_at=span[0], closes_at=span[1],
                                 attending_type=WALK_IN if walk_in else None)
            service.schedules.append(row)
            changed = True
            description = next((replaced[day] for day in days if day in replaced), None)
        else:
            description = row.description
        rows.append([row, days, description])
    notes = (notes or "").strip() or None
    if notes != shown and rows:
        carrier = next((entry for entry in rows if shown and entry[2] == shown), rows[0])
        carrier[2] = notes
    for row, days, description in rows:
        byday = ",".join(days)
        if (row.byday, row.description) != (byday, description):
            row.byday, row.description = byday, description
            changed = True
    return changed


def read_walk_in(schedules):
    """Return {day code: (opens, closes), or (None, None)}: the walk-in hours as the editor
    shows them, one span a day (the first)."""
    week = read_week(schedules, walk_in=True)[0]
    return {code: ([ALL_DAY] if day.mode == "24h" else day.ranges or [(None, None)])[0]
            for code, day in week.items()}


def write_walk_in(service, spans, schedule_class):
    """Make the service's walk-in rows say `spans` (as read_walk_in gives them); return
    whether they changed. Nothing is rewritten when the editor's spans are what it showed,
    and a day whose span is what it showed keeps a second span the editor does not show
    (imported: the editor shows one a day)."""
    shown = read_walk_in(service.schedules)
    if spans == shown:
        return False
    held, notes = read_week(service.schedules, walk_in=True)
    # A day the editor did not change keeps every span it had, not only the one shown.
    week = {code: held[code] if span == shown.get(code) else
            Day("open", [span]) if span[0] else Day() for code, span in spans.items()}
    return write_week(service, week, notes, schedule_class, walk_in=True)
