"""Turn HSDS JSON or CSV values into column values, and say precisely what is wrong when
one does not fit: the table, the record id, the field and the reason."""

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Date, DateTime, Float, Integer, String

from .. import models as m

ENUMS = {
    ("service", "status"): m.SERVICE_STATUSES,
    ("location", "location_type"): m.LOCATION_TYPES,
    ("phone", "type"): m.Phone.TYPES,
    ("schedule", "freq"): ("WEEKLY", "MONTHLY"),
    ("schedule", "wkst"): ("MO", "TU", "WE", "TH", "FR", "SA", "SU"),
    ("address", "address_type"): ("physical", "postal", "virtual"),
    ("service_area", "extent_type"): ("geojson", "topojson", "kml", "text"),
}


@dataclass(frozen=True)
class Problem:
    """Why one record cannot be imported."""

    table: str
    record_id: str | None
    field: str | None
    reason: str

    def __str__(self):
        where = f"{self.table} {self.record_id or '(no id)'}"
        return f"{where}: {self.field}: {self.reason}" if self.field else f"{where}: {self.reason}"


class BadValue(ValueError):
    """A value that does not fit its column; the message says why."""


def _to_date(value):
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise BadValue(f"{value!r} is not a date (expected YYYY-MM-DD)") from None


def _to_datetime(value):
    if isinstance(value, datetime):
        parsed = value
    else:
        text = str(value).strip()
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            raise BadValue(f"{value!r} is not a date-time (expected ISO 8601)") from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def _to_number(value, integer):
    if isinstance(value, bool):
        raise BadValue(f"{value!r} is not a number")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise BadValue(f"{value!r} is not a number") from None
    if not math.isfinite(number):
        raise BadValue(f"{value!r} is not a finite number")
    if integer:
        if number != int(number):
            raise BadValue(f"{value!r} is not a whole number")
        return int(number)
    return number


def column_value(column, value):
    """Return `value` converted for `column`; None and "" become None."""
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return None
    kind = column.type
    if isinstance(kind, DateTime):
        return _to_datetime(value)
    if isinstance(kind, Date):
        return _to_date(value)
    if isinstance(kind, Integer):
        return _to_number(value, integer=True)
    if isinstance(kind, Float):
        return _to_number(value, integer=False)
    if isinstance(value, (dict, list)):
        raise BadValue("expected text, found a nested object or list")
    text = str(value)
    if isinstance(kind, String) and kind.length and len(text) > kind.length:
        raise BadValue(f"is {len(text)} characters long; at most {kind.length} fit")
    return text


def convert_row(table, row):
    """Return (values, problems) for one raw row of `table` (a tables.Table)."""
    columns = table.model.__table__.columns
    values, problems = {}, []
    record_id = row.get("id")
    for name in table.fields:
        if name not in row:
            continue
        try:
            values[name] = column_value(columns[name], row[name])
        except BadValue as exc:
            problems.append(Problem(table.name, record_id, name, str(exc)))
    for name in table.fields:
        column = columns[name]
        if name != "id" and not column.nullable and values.get(name) is None and not column.default:
            problems.append(Problem(table.name, record_id, name, "is required"))
    if not record_id:
        problems.append(Problem(table.name, None, "id", "is required"))
    for (enum_table, name), allowed in ENUMS.items():
        if enum_table == table.name and values.get(name) not in (None, *allowed):
            problems.append(Problem(table.name, record_id, name,
                                    f"{values[name]!r} is not one of {', '.join(allowed)}"))
    return values, problems
