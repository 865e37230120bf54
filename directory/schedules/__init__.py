"""The schedule engine: HSDS `schedule` rows as RFC 5545 recurrence rules (python-dateutil's
rrule, zoneinfo zones), and every answer about opening hours drawn from them: open now,
open until, next opening, the coming week, holiday closures, evenings and weekends. Pure:
no Flask, no database; the search index, the pages, the handouts and matching all ask here.

A holiday closure is a schedule row with no `opens_at`/`closes_at` whose `notes` begin with
"Closed" ("Closed: Thanksgiving"); it closes the service on each of its dates: those of its
rule (`freq`, `byday`, `bymonthday`, `dtstart`, `until`, `count`), or with no `freq`, every
day from `valid_from` (or `dtstart`) to `valid_to` (or `until`; one day when neither is set).
Only HSDS fields, so it round-trips through HSDS export and import unchanged.
"""

from .hours import (
    DAY_NAMES,
    DayHours,
    days,
    evenings_or_weekends,
    is_open,
    next_opening,
    open_signature,
    open_until,
    opening_at,
    today_hours,
    week,
)
from .rules import WEEKDAYS, Rule, parse_clock, rule_of, rules_of, signature

__all__ = ["DAY_NAMES", "WEEKDAYS", "DayHours", "Rule", "days", "evenings_or_weekends",
           "is_open", "next_opening", "open_signature", "open_until", "opening_at",
           "parse_clock", "rule_of", "rules_of", "signature", "today_hours", "week"]
