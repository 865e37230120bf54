"""HSDS 1.x and 2.0 rows made HSDS 3.0 records, as legacy_fields.py says field by field: a
weekday and its times become a weekly schedule, a holiday a closure, the 1.x taxonomy's rows
terms of a named taxonomy, services_taxonomy links attributes, both kinds of address one
address table, eligibility, payments and fees text of their service (and payments this
directory's payment terms, when it holds them). What 3.0 cannot hold as written is a warning;
a row that cannot be read is a Problem naming its file, id and field. Ids are kept; a record
made from another (a phone's languages, a 1.0 service's location) gets an id derived from
it, the same on every import, and so does a row whose id another file of the same 3.0 table
already took (1.1's sample gives a holiday the id of a regular schedule)."""

import re
from collections import Counter, defaultdict

from ..languages import code_for, language_name
from .convert import BadValue, Problem, _to_date
from .legacy_fields import (
    ACCESSIBILITY,
    COUNTRIES,
    FALSE,
    FILES,
    IGNORED,
    LIST,
    PHONE_TYPES,
    SERVICE_TEXT,
    TRUE,
    clock,
    derive,
    entity,
    weekdays,
)
from .legacy_joins import STEPS
from .tables import TABLES

EVERY_DAY = "MO,TU,WE,TH,FR,SA,SU"
CLOSED_NOTE = "Closed (holiday)"  # schedules/rules.py reads a note beginning "Closed"
# 2-1-1 (AIRS) codes, which 1.x packages often use as the taxonomy's ids ("BD-1800.2000")
AIRS_CODE = re.compile(r"[A-Z]{1,2}(-\d{4}(\.\d{3,4}(-\d{3})?(\.\d{2})?)?)?")


class Mapper:
    """{file: {id: row}} of a 1.x/2.0 package -> {table: {id: row}} of HSDS 3.0."""

    def __init__(self, paths):
        self.paths = paths  # file -> its path in the package, for the report
        self.rows = {name: {} for name in TABLES}
        self.problems, self.warnings, self.ignored = [], [], Counter()
        self.origin, self.later = {}, defaultdict(list)

    def problem(self, file, record_id, field, reason):
        target = FILES[file][0] if file in FILES else file
        table = target if target in TABLES else file
        self.problems.append(Problem(table, record_id, field,
                                     f"{reason} ({self.paths.get(file, file)})"))
        return False

    def put(self, table, record_id, values, file):
        """Keep a record; return its id (derived when another file took this one)."""
        if self.origin.setdefault((table, record_id), file) != file:
            record_id = derive(f"{file} {record_id}")
            self.origin[(table, record_id)] = file
        values = {k: v for k, v in values.items() if k in TABLES[table].fields}
        self.rows[table][record_id] = {**values, "id": record_id}
        return record_id

    def map(self, raw):
        """Return the 3.0 rows of `raw` ({file or "3.0:table": {id: row}})."""
        for key, records in raw.items():
            if key.startswith("3.0:"):
                for record_id, row in records.items():
                    self.put(key[4:], record_id, row, key)
        for file, (target, renamed) in FILES.items():
            fix = FIXES.get(file)
            for record_id, row in raw.get(file, {}).items():
                for field, reason in IGNORED.items():
                    if field[0] == file and str(row.get(field[1]) or "").strip():
                        self.ignored[f"{file}.{field[1]} ({reason})"] += 1
                values = {renamed.get(k, k): v for k, v in row.items()}
                if target == SERVICE_TEXT:
                    self.later["text"].append((file, record_id, values))
                elif fix is None or fix(self, file, record_id, values) is not False:
                    self.put(target, record_id, values, file)
        for step in STEPS:
            step(self)
        return self.rows

    def hours(self, file, record_id, values):
        for name in ("opens_at", "closes_at"):
            written = str(values.get(name) or "").strip()
            values[name] = clock(written) if written else None
            if written and values[name] is None:
                return self.problem(file, record_id, name,
                                    f"{written!r} is not a time of day (HH:MM)")
        return True


def _service(mapper, file, record_id, values):
    status = str(values.get("status") or "").strip().lower().replace("_", " ")
    values["status"] = status or None
    for term in re.split(r"\s*[,;*]\s*", str(values.get("taxonomy_ids") or "").strip()):
        if term:  # 1.0's "Food Pantry*Homeless" combines two terms: both are attached
            mapper.later["terms"].append((record_id, term))
    if str(values.get("location_id") or "").strip():
        mapper.later["locations"].append((record_id, values["location_id"].strip()))


def _organization(mapper, file, record_id, values):
    year = re.match(r"(\d{4})-\d\d", str(values.get("year_incorporated") or "").strip())
    if year:  # typed a date in 1.x ("%Y"), and written as a whole one by some
        values["year_incorporated"] = year[1]


def _location(mapper, file, record_id, values):
    # 1.x and 2.0 locations are places people go: 3.0 added postal and virtual ones
    values["location_type"] = values.get("location_type") or "physical"


def _phone(mapper, file, record_id, values):
    kind = str(values.get("type") or "").strip().lower()
    values["type"] = PHONE_TYPES.get(kind, kind) or None
    for code in LIST.split(str(values.get("language") or "").strip()):
        if code:
            mapper.put("language", derive(f"phone {record_id} language {code.lower()}"),
                       {"phone_id": record_id, **_language(code)}, file)


def _address(mapper, file, record_id, values):
    # address_3 and address_4 were deprecated in 1.1 for lines before the city
    lines = [str(values.get(k) or "").strip() for k in ("address_2", "address_3", "address_4")]
    values["address_2"] = ", ".join(line for line in lines if line) or None
    country = str(values.get("country") or "").strip()
    values["country"] = COUNTRIES.get(country.lower(), country.upper() if len(country) == 2
                                      else country) or None
    values["address_type"] = values.get("address_type") or (
        "postal" if file == "postal_addresses" else "physical")


def _regular(mapper, file, record_id, values):
    written = str(values.get("weekday") or "").strip()
    days = weekdays(written)
    if days is None:
        return mapper.problem(file, record_id, "weekday", (
            f"{written!r} is not a day of the week (1 = Monday to 7 = Sunday, or its name)"
            if written else "is required (the day of the week)"))
    values["freq"], values["byday"] = "WEEKLY", ",".join(days)
    if mapper.hours(file, record_id, values) is False:
        return False
    if not (values["opens_at"] and values["closes_at"]):
        mapper.warnings.append(Problem("schedule", record_id, "opens_at", (
            "gives a day without its opening and closing times; kept, but no hours can be "
            f"shown ({mapper.paths[file]})")))


def _holiday(mapper, file, record_id, values):
    for field, written in (("start_date", "valid_from"), ("end_date", "valid_to")):
        text = str(values.get(written) or "").strip()
        try:
            values[written] = _to_date(text).isoformat() if text else None
        except BadValue as exc:
            return mapper.problem(file, record_id, field, str(exc))
    if values["valid_from"] is None:
        return mapper.problem(file, record_id, "start_date", "is required")
    if mapper.hours(file, record_id, values) is False:
        return False
    closed = str(values.get("closed") or "").strip().lower()
    hours = values["opens_at"] and values["closes_at"]
    if closed and closed not in TRUE | FALSE:
        return mapper.problem(file, record_id, "closed", f"{closed!r} is not true or false")
    if closed in TRUE or (closed not in FALSE and not hours):
        values.update(opens_at=None, closes_at=None, notes=CLOSED_NOTE)
        return True
    if not hours:
        return mapper.problem(file, record_id, "closed",
                              "is false, but no opening and closing times are given")
    # 3.0 schedules add up: the regular hours of those days stay (the engine's closures
    # take a whole day), so hours shorter than usual cannot be said
    values.update(freq="WEEKLY", byday=EVERY_DAY)
    mapper.warnings.append(Problem("schedule", record_id, "opens_at", (
        f"holiday hours from {values['valid_from']} to {values['valid_to'] or 'then'} are "
        "added to the regular hours of those days, which this directory cannot shorten "
        f"({mapper.paths[file]})")))


def _schedule(mapper, file, record_id, values):
    interval = str(values.get("interval") or "1").strip()
    if str(values.get("freq") or "").strip().upper() == "DAILY" and not values.get("byday") \
            and interval in ("1", "1.0"):  # 3.0 repeats weekly or monthly: every day is weekly
        values.update(freq="WEEKLY", byday=EVERY_DAY)
    return mapper.hours(file, record_id, values)


def _language(text):
    code = code_for(text)
    if code and code == text.strip().lower():  # written as a code: give it its name too
        return {"code": code, "name": language_name(code) or text.strip()}
    return {"name": text.strip()}  # a name: normalize.py gives it its code


def _languages(mapper, file, record_id, values):
    written = [part for part in LIST.split(str(values.get("language") or "").strip()) if part]
    for number, other in enumerate(written[1:], 1):  # "English; Spanish": one record each
        mapper.put("language", derive(f"language {record_id} {number}"),
                   {**values, **_language(other)}, file)
    values.update(_language(written[0]) if written else {})


def _accessibility(mapper, file, record_id, values):
    code = str(values.get("description") or "").strip()
    values["description"] = ACCESSIBILITY.get(code.lower(), code) or None


def _term(mapper, file, record_id, values):
    values["description"] = values.get("description") or values.get("name")  # 3.0 needs one
    if not values.get("parent_id") and str(values.get("parent_name") or "").strip():
        mapper.later["parents"].append((record_id, values["parent_name"].strip()))
    if file == "taxonomy" and not values.get("code") and AIRS_CODE.fullmatch(record_id):
        values["code"] = record_id
    name = str(values.get("taxonomy") or "").strip()
    if name and not values.get("taxonomy_id"):  # 3.0 names the taxonomy by a record
        values["taxonomy_id"] = mapper.put("taxonomy", derive(f"taxonomy {name.lower()}"), {
            "name": name, "uri": name if name.startswith(("http://", "https://")) else None,
            "description": f"The taxonomy an HSDS 1.x or 2.0 package names {name!r}."}, file)


def _attribute(mapper, file, record_id, values):
    if file == "other_attributes":
        written = str(values.get("link_type") or "").strip()
        table = entity(written)
        if table is None:
            return mapper.problem(file, record_id, "link_type", (
                f"{written!r} records have no table in HSDS 3.0 (eligibility and payments "
                "are text of their service there); the term is not attached"))
    else:
        table = "service"
    values["link_entity"], values["link_type"] = table, table  # as this directory's own


def _change(mapper, file, record_id, values):
    written = str(values.get("resource_type") or "").strip()
    values["resource_type"] = entity(written) or written or None
    if not written:  # 1.x says which record, not which table: found once all are read
        mapper.later["changes"].append((file, record_id, values))
        return False


FIXES = {"services": _service, "organizations": _organization, "locations": _location,
         "phones": _phone, "physical_addresses": _address, "postal_addresses": _address,
         "regular_schedules": _regular, "holiday_schedules": _holiday,
         "schedules": _schedule, "languages": _languages,
         "accessibility_for_disabilities": _accessibility, "taxonomy": _term,
         "taxonomy_terms": _term, "services_taxonomy": _attribute,
         "service_attributes": _attribute, "other_attributes": _attribute,
         "metadata": _change}
