"""HSDS `schedule` rows read into plain recurrence rules: the iCalendar parts (`freq`,
`interval`, `byday` with ordinals, `bymonthday`, `byweekno`, `byyearday`, `wkst`,
`dtstart`, `until`, `count`), the validity dates, the opening and closing times (with a
"Z" or UTC offset kept), and whether the row is a holiday closure. A rule is a frozen
value that also travels as JSON (in the search index) and reads back equal."""

import json
import re
from dataclasses import asdict, dataclass
from datetime import date, time

FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# A closure row says so in its notes: "Closed", "closed: Thanksgiving", "CLOSED - holiday".
CLOSURE_NOTE = re.compile(r"^\s*closed\b", re.IGNORECASE)
BYDAY_PART = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
END_OF_DAY = time(23, 59)  # "closes 23:59" means "until midnight" (what editors type)


# What rule_of reads of a schedule row.
ROW_FIELDS = ("freq", "interval", "byday", "bymonthday", "byweekno", "byyearday", "wkst",
              "dtstart", "until", "count", "valid_from", "valid_to", "opens_at", "closes_at",
              "timezone", "notes")


@dataclass(frozen=True)
class Rule:
    """One schedule row as a recurrence: the days it happens and the hours it is open.

    `byday` holds (ordinal or None, weekday code) pairs; `opens`/`closes` are ISO times as
    written, offset included; `offset` is HSDS's `timezone` (UTC offset in hours).
    """

    freq: str | None = None  # None: weekly (a closure: every day of its dates)
    interval: int = 1
    byday: tuple = ()
    bymonthday: tuple = ()
    byweekno: tuple = ()
    byyearday: tuple = ()
    wkst: str | None = None
    dtstart: str | None = None
    until: str | None = None
    count: int | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    opens: str | None = None
    closes: str | None = None
    offset: float | None = None
    closure: bool = False

    def to_json(self):
        """Return the rule as a JSON-able dict (tuples become lists)."""
        return asdict(self)

    @classmethod
    def from_json(cls, data):
        """Return the rule `to_json` wrote."""
        data = dict(data)
        data["byday"] = tuple(tuple(part) for part in data.get("byday") or ())
        for key in ("bymonthday", "byweekno", "byyearday"):
            data[key] = tuple(data.get(key) or ())
        return cls(**data)

    def day(self, name):
        """Return the date field `name` (dtstart, until, valid_from, valid_to) as a date."""
        value = getattr(self, name)
        return date.fromisoformat(value) if value else None


def parse_clock(text):
    """Return a `time` from an HSDS time ("09:00", "17:30:00", "09:00Z", "09:00-05:00"),
    aware when the text carries a zone; None when it is not a time. "24:00" is midnight."""
    if text is None:
        return None
    clock = str(text).strip()
    if re.match(r"\d:\d\d", clock):  # "9:00"
        clock = "0" + clock
    midnight = re.match(r"24:00(?::00)?(.*)$", clock)
    if midnight:
        clock = "00:00" + midnight.group(1)
    try:
        return time.fromisoformat(clock)
    except ValueError:
        return None


def _numbers(text, low, high):
    """Return the comma-separated non-zero integers within ±`high` in `text`, in order."""
    found = []
    for part in str(text or "").split(","):
        part = part.strip()
        if re.fullmatch(r"[+-]?\d{1,3}", part) and low <= abs(int(part)) <= high:
            found.append(int(part))
    return tuple(found)


def _byday(text):
    parts = []
    for part in str(text or "").upper().replace(" ", "").split(","):
        match = BYDAY_PART.match(part)
        if match and (match.group(1) is None or 1 <= abs(int(match.group(1))) <= 53):
            parts.append((int(match.group(1)) if match.group(1) else None, match.group(2)))
    return tuple(parts)


def _iso(value):
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        return None


def _positive(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def _clock_text(value):
    parsed = parse_clock(value)
    return parsed.isoformat() if parsed is not None else None


def row_key(row):
    """Return a hashable key of what `row` (a schedule row or a Rule) says: rows with
    equal keys make equal Rules, and the key costs far less than the Rule."""
    if isinstance(row, Rule):
        return row
    if isinstance(row, dict):
        return tuple(row.get(name) for name in ROW_FIELDS)
    return tuple(getattr(row, name, None) for name in ROW_FIELDS)


def rule_of(row):
    """Return the Rule a schedule row (model, SimpleNamespace or dict-like object) says."""
    get = (lambda name: row.get(name)) if isinstance(row, dict) else (
        lambda name: getattr(row, name, None))
    freq = str(get("freq") or "").strip().upper()
    opens, closes = _clock_text(get("opens_at")), _clock_text(get("closes_at"))
    wkst = str(get("wkst") or "").strip().upper()
    offset = get("timezone")
    return Rule(
        freq=freq if freq in FREQUENCIES else None,
        interval=_positive(get("interval")) or 1,
        byday=_byday(get("byday")), bymonthday=_numbers(get("bymonthday"), 1, 31),
        byweekno=_numbers(get("byweekno"), 1, 53), byyearday=_numbers(get("byyearday"), 1, 366),
        wkst=wkst if wkst in WEEKDAYS else None,
        dtstart=_iso(get("dtstart")), until=_iso(get("until")), count=_positive(get("count")),
        valid_from=_iso(get("valid_from")), valid_to=_iso(get("valid_to")),
        opens=opens, closes=closes,
        offset=float(offset) if isinstance(offset, int | float) and abs(offset) <= 14 else None,
        closure=(opens is None and closes is None
                 and bool(CLOSURE_NOTE.match(str(get("notes") or "")))),
    )


def rules_of(rows):
    """Return the Rules of schedule rows, skipping those that say neither hours nor closure."""
    rules = (rule_of(row) for row in rows)
    return [r for r in rules if r.closure or (r.opens is not None and r.closes is not None)]


def signature(rules):
    """Return the rules as one canonical JSON text (equal rules, equal text)."""
    return json.dumps([r.to_json() for r in rules], sort_keys=True, separators=(",", ":"))


def from_signature(text):
    """Return the rules `signature` wrote."""
    return [Rule.from_json(item) for item in json.loads(text)]
