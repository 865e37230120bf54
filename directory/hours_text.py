"""Hours in words for what is printed, sent and listed: "Monday to Friday: 9:00 AM –
5:00 PM", "Today: 9:00 AM – 5:00 PM", "Closed today (holiday)". The schedule engine
(schedules/) answers which hours; this module only says them, in the reader's language."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from . import coverage
from .models.location import WEEKDAYS
from .schedules import days as hours_on
from .schedules import week
from .template_helpers import time_of_day

DAY_LABELS = dict(zip(WEEKDAYS, (_l("Monday"), _l("Tuesday"), _l("Wednesday"), _l("Thursday"),
                                 _l("Friday"), _l("Saturday"), _l("Sunday")), strict=True))


def _zone():
    return coverage.timezone()


def times_text(entry):
    """Return a day's hours in words: "Open 24 hours", "9:00 AM – 5:00 PM, 6:00 PM – ..."."""
    if entry.all_day:
        return _("Open 24 hours")
    return ", ".join(f"{time_of_day(opens)} – {time_of_day(closes)}"
                     for opens, closes in entry.spans)


def today_line(schedules, day):
    """Return the hours of `day` in a few words: "Today: 9:00 AM – 5:00 PM", "Closed
    today" or "Closed today (holiday)"."""
    entry = hours_on(schedules, day, 1, _zone())[0]
    if not entry.spans:
        return _("Closed today (holiday)") if entry.holiday else _("Closed today")
    return _("Today: %(hours)s", hours=times_text(entry))


def hours_lines(schedules, today):
    """Return the coming week's hours as short lines: "Monday to Friday: 9:00 AM – 5:00 PM"."""
    groups = {}
    for entry in week(schedules, today, _zone()):
        if entry.spans:
            groups.setdefault(times_text(entry), []).append(entry.code)
    return [f"{days_text(days)}: {times}" for times, days in groups.items()]


def days_text(days):
    """Return weekday codes in words: "Monday to Friday" for a run of three or more."""
    indexes = [WEEKDAYS.index(d) for d in days]
    if len(days) >= 3 and indexes == list(range(indexes[0], indexes[0] + len(days))):
        return _("%(first)s to %(last)s", first=DAY_LABELS[days[0]],
                 last=DAY_LABELS[days[-1]])
    return ", ".join(str(DAY_LABELS[d]) for d in days)
