"""When a schedule is open, from its rules: each occurrence's date from `dateutil`'s rrule
(RFC 5545), its opening and closing instants in the row's own zone (the time's offset,
else HSDS's `timezone`, else the directory's), runs past midnight, and holiday closures cut
out whole local days. Every question about hours is answered from these spans."""

from datetime import UTC, date, datetime, time, timedelta, timezone
from functools import lru_cache
from itertools import islice, takewhile
from zoneinfo import ZoneInfo

from dateutil import rrule as rr
from dateutil.relativedelta import relativedelta

from .rules import END_OF_DAY, WEEKDAYS, Rule, from_signature, parse_clock, rules_of

FREQUENCIES = {"DAILY": rr.DAILY, "WEEKLY": rr.WEEKLY, "MONTHLY": rr.MONTHLY,
               "YEARLY": rr.YEARLY}
RRULE_DAYS = dict(zip(WEEKDAYS, (rr.MO, rr.TU, rr.WE, rr.TH, rr.FR, rr.SA, rr.SU),
                      strict=True))
EPOCH = date(2000, 1, 3)  # a Monday: the phase of a rule that names no start
MAX_COUNT = 10_000
DAY = timedelta(days=1)


def as_rules(schedules):
    """Return Rules from Rules or schedule rows (models, records)."""
    schedules = list(schedules or ())
    if all(isinstance(s, Rule) for s in schedules):
        return schedules
    return rules_of(schedules)


def rule_zone(rule, default_zone):
    """Return the zone of a rule's times that carry none ("09:00"): HSDS's `timezone`
    offset, else the directory's zone. A time with "Z" or an offset keeps its own."""
    if rule.offset is not None:
        return timezone(timedelta(hours=rule.offset))
    return ZoneInfo(default_zone)


def _forward(rule, freq, start, first):
    """Return a start moved forward by whole periods to just before `first`: the same
    occurrences from `first` on, without iterating years of them (rules without a count)."""
    step = rule.interval
    if freq in ("DAILY", "WEEKLY"):
        period = step * (7 if freq == "WEEKLY" else 1)
        return start + timedelta(days=(first - start).days // period * period)
    by_parts = rule.byday or rule.bymonthday or rule.byweekno or rule.byyearday
    if freq == "MONTHLY":
        months = ((first.year - start.year) * 12 + first.month - start.month) // step * step
        if by_parts:
            return (start + relativedelta(months=months)).replace(day=1)
        return start + relativedelta(months=months) if start.day <= 28 else start
    years = (first.year - start.year) // step * step
    if by_parts:
        return date(start.year + years, 1, 1)
    return start if (start.month, start.day) == (2, 29) else start.replace(year=start.year + years)


@lru_cache(maxsize=8192)
def dates(rule, first, last):
    """Return the dates in [first, last] on which `rule` happens (validity applied)."""
    valid_from, valid_to, until = rule.day("valid_from"), rule.day("valid_to"), rule.day("until")
    low = max(d for d in (first, valid_from) if d)
    high = min(d for d in (last, valid_to, until) if d)
    if low > high:
        return ()
    start = rule.day("dtstart") or valid_from
    if rule.freq is None and rule.closure:  # closed every day of its dates
        start = start or low
        end = valid_to or until or start
        return tuple(low + timedelta(days=i) for i in range((min(high, end) - low).days + 1)
                     if low + timedelta(days=i) >= start)
    freq = rule.freq or "WEEKLY"
    if freq != "DAILY" and not (rule.byday or rule.bymonthday or rule.byweekno
                                or rule.byyearday or rule.dtstart):
        return ()  # "weekly" on no day
    start = start or EPOCH
    if rule.count is None and start < low:
        start = _forward(rule, freq, start, low)
    count = min(rule.count, MAX_COUNT) if rule.count else None
    groups = _byday_groups(rule.byday)
    try:
        recurrence = rr.rruleset()
        for byday in groups:
            recurrence.rrule(rr.rrule(
                FREQUENCIES[freq], dtstart=datetime.combine(start, time()),
                interval=rule.interval, wkst=RRULE_DAYS[rule.wkst] if rule.wkst else None,
                count=count if len(groups) == 1 else None, byweekday=byday or None,
                bymonthday=rule.bymonthday or None, byweekno=rule.byweekno or None,
                byyearday=rule.byyearday or None))
        low, high = datetime.combine(low, time()), datetime.combine(high, time())
        if count and len(groups) > 1:  # the count is of the days of both kinds together
            found = [m for m in takewhile(lambda m: m <= high, islice(recurrence, count))
                     if m >= low]
        else:
            found = recurrence.between(low, high, inc=True)
    except (ValueError, OverflowError):
        return ()
    return tuple(moment.date() for moment in found)


def _byday_groups(byday):
    """Return the rrule weekdays of a BYDAY, in one group, or two when it mixes plain days
    with numbered ones ("SA,1TU": every Saturday and the first Tuesday, RFC 5545): dateutil
    asks a day to be both, so no such rule ever opened, and it looked for a day until the
    year 9999 (a second a question). Each kind is then a rule of its own and their days
    are joined. (A rule no day can meet, BYMONTHDAY=8 with 1TU, still costs that search.)"""
    plain = [RRULE_DAYS[code] for n, code in byday if not n]
    numbered = [RRULE_DAYS[code](n) for n, code in byday if n]
    return [plain, numbered] if plain and numbered else [plain or numbered]


def _at(day, clock, zone):
    return datetime.combine(day, clock.replace(tzinfo=None), clock.tzinfo or zone).astimezone(UTC)


def occurrences(rule, first, last, default_zone):
    """Return the (start, end) UTC instants of each time `rule` is open, or closed for a
    closure, on its local dates in [first, last]."""
    zone = rule_zone(rule, default_zone)
    if rule.closure:
        return [(_at(day, time(), zone), _at(day + DAY, time(), zone))
                for day in dates(rule, first, last)]
    opens, closes = parse_clock(rule.opens), parse_clock(rule.closes)
    found = []
    for day in dates(rule, first, last):
        start = _at(day, opens, zone)
        if closes.replace(tzinfo=None) == END_OF_DAY:
            end = _at(day + DAY, time(), closes.tzinfo or zone)
        else:
            end = _at(day, closes, zone)
        if end <= start:  # runs past midnight (or round the clock when both are equal)
            end = _at(day + DAY, closes, zone)
        found.append((start, end))
    return found


def merge(intervals):
    """Return the intervals sorted, with overlapping or touching ones joined."""
    joined = []
    for start, end in sorted(intervals):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    return joined


def subtract(intervals, cuts):
    """Return `intervals` less every part covered by `cuts` (both merged)."""
    kept = []
    for start, end in intervals:
        for cut_start, cut_end in cuts:
            if cut_end <= start or cut_start >= end:
                continue
            if cut_start > start:
                kept.append((start, cut_start))
            start = max(start, cut_end)
            if start >= end:
                break
        if start < end:
            kept.append((start, end))
    return kept


def raw(rules, first, last, default_zone):
    """Return (openings, closures) on local dates [first, last], closures merged."""
    openings, closures = [], []
    for rule in rules:
        (closures if rule.closure else openings).extend(
            occurrences(rule, first, last, default_zone))
    return openings, merge(closures)


def spans(schedules, start, end, default_zone):
    """Return the merged open (start, end) UTC spans that meet [start, end]."""
    first, last = start.astimezone(UTC).date() - 3 * DAY, end.astimezone(UTC).date() + DAY
    openings, closures = raw(as_rules(schedules), first, last, default_zone)
    return [(s, e) for s, e in subtract(merge(openings), closures) if e > start and s <= end]


@lru_cache(maxsize=65536)
def day_spans(signature_text, default_zone, utc_day):
    """Return the open spans, as (start, end) POSIX seconds, of the rules a signature holds,
    that meet the UTC day `utc_day` (cached: search asks this for every distinct schedule)."""
    start = datetime.combine(utc_day, time(), UTC)
    return tuple((s.timestamp(), e.timestamp())
                 for s, e in spans(from_signature(signature_text), start, start + DAY,
                                   default_zone))
