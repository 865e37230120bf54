"""Checking imported HSDS records before anything is written: every value converted to its
column (types, and text no longer than its column or than TEXT_MAX_CHARS, the bound the
staff forms share), the fields HSDS requires, the enumerations, coordinates that exist, and
references to records that are in the file or already in the directory; invisible control
characters are taken out of text, with a warning. An invalid record
is set aside with a Problem naming the table, id, field and reason; records that depend on
it are set aside with it, so bad data never half-lands. A reference to a record that exists
nowhere is cleared with a warning when HSDS makes it optional."""

from dataclasses import dataclass, field

from sqlalchemy import Date, DateTime, Float, Integer, String, select

from ..config import limit
from ..extensions import db
from ..hidden_text import has_hidden, without_hidden
from . import coordinates, translations
from .bulk import id_in
from .convert import ENUMS, BadValue, Problem, _to_date, _to_datetime, _to_number
from .rules import NUMBER_TEXT, REQUIRED, TABULAR_REQUIRED, references
from .tables import POLYMORPHIC, SOFT_REFERENCES, TABLES

CHUNK = 2000
KEPT_EMPTY = {("address", name) for name in ("address_1", "city", "state_province",
                                             "postal_code")}
# Text nobody reads as prose, bounded only by the longest value an import takes: a GeoJSON
# service area can be long.
MACHINE_TEXT = {("service_area", "extent")}
HIDDEN_REMOVED = ("held invisible control characters (NUL, a bidirectional override...); "
                  "imported without them")


@dataclass
class Checked:
    """Valid records ({table: {id: values}}), what was set aside, and what was mended."""

    valid: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    coordinates_filled: int = 0


def _text(most, setting=None):
    def convert(value):
        if isinstance(value, (dict, list)):
            raise BadValue("expected text, found a nested object or list")
        text = value if isinstance(value, str) else str(value)
        if most and len(text) > most:
            raise BadValue(f"is {len(text):,} characters long; at most {most:,} are "
                           f"accepted ({setting})" if setting else
                           f"is {len(text)} characters long; at most {most} fit")
        return text
    return convert


def text_limits():
    """Return {setting: characters} bounding the text columns without a length of their own."""
    return {name: limit(name) for name in ("TEXT_MAX_CHARS", "HSDS_IMPORT_MAX_FIELD_CHARS")}


def _bound(table_name, column, unbounded):
    """Return (characters, the setting that says so or None) a text column takes."""
    if column.type.length:
        return column.type.length, None
    setting = "HSDS_IMPORT_MAX_FIELD_CHARS" if (table_name, column.key) in MACHINE_TEXT \
        else "TEXT_MAX_CHARS"
    return unbounded[setting], setting


def _number_text(limit):
    def convert(value):
        number = _to_number(value, integer=False)
        text = str(int(number)) if number == int(number) else str(number)
        if len(text) > limit:
            raise BadValue(f"is {len(text)} characters long; at most {limit} fit")
        return text
    return convert


def _converter(table_name, column, unbounded):
    kind = column.type
    if (table_name, column.key) in NUMBER_TEXT:
        return _number_text(kind.length)
    if isinstance(kind, DateTime):
        return _to_datetime
    if isinstance(kind, Date):
        return _to_date
    if isinstance(kind, Integer):
        return lambda value: _to_number(value, integer=True)
    if isinstance(kind, Float):
        return lambda value: _to_number(value, integer=False)
    return _text(*_bound(table_name, column, unbounded)) if isinstance(kind, String) \
        else _text(None)


class TableRules:
    """The checks of one table, prepared once: converters, required fields, enumerations."""

    def __init__(self, table_name, unbounded=None):
        table = TABLES[table_name]
        columns = table.model.__table__.columns
        unbounded = unbounded or text_limits()
        self.name = table_name
        self.converters = {name: _converter(table_name, columns[name], unbounded)
                           for name in table.fields if name != "id"}
        # plain text fields skip the converter call: the common case of every import
        self.text_limits = {
            name: _bound(table_name, columns[name], unbounded)[0] for name in self.converters
            if isinstance(columns[name].type, String) and (table_name, name) not in NUMBER_TEXT
            and not isinstance(columns[name].type, (Date, DateTime))}
        not_null = {name for name in table.fields
                    if name != "id" and not columns[name].nullable and not columns[name].default}
        self.required = [f for f in table.fields if f in set(REQUIRED.get(table_name, ()))
                         | set(TABULAR_REQUIRED.get(table_name, ())) | not_null]
        self.enums = {f: allowed for (t, f), allowed in ENUMS.items() if t == table_name}

    def convert(self, record_id, raw, warnings=None):
        """Return (values, problems) for one raw record; a required part of an address
        that is missing is kept empty, with a warning in `warnings` (published examples
        leave them out, and the rest of the address is worth keeping)."""
        values, problems = {"id": record_id}, []
        limits = self.text_limits
        for name, value in raw.items():
            convert = self.converters.get(name)
            if convert is None:
                continue
            if value is None:
                values[name] = None
            elif type(value) is str:
                if has_hidden(value):  # PostgreSQL refuses NUL; none shows on a page
                    value = without_hidden(value)
                    if warnings is not None:
                        warnings.append(Problem(self.name, record_id, name, HIDDEN_REMOVED))
                if not value or value.isspace():
                    values[name] = None
                elif name in limits and len(value) <= limits[name]:
                    values[name] = value
                else:
                    try:
                        values[name] = convert(value)
                    except BadValue as exc:
                        problems.append(Problem(self.name, record_id, name, str(exc)))
            else:
                try:
                    values[name] = convert(value)
                except BadValue as exc:
                    problems.append(Problem(self.name, record_id, name, str(exc)))
        for name in self.required:
            if values.get(name) is None and not any(p.field == name for p in problems):
                if (self.name, name) in KEPT_EMPTY and warnings is not None:
                    values[name] = ""
                    warnings.append(Problem(self.name, record_id, name,
                                            "is required but missing; kept empty"))
                    continue
                problems.append(Problem(self.name, record_id, name, "is required"))
        for name, allowed in self.enums.items():
            if values.get(name) is not None and values[name] not in allowed:
                problems.append(Problem(self.name, record_id, name,
                                        f"{values[name]!r} is not one of {', '.join(allowed)}"))
        if has_hidden(record_id):
            problems.append(Problem(self.name, record_id.encode("unicode_escape").decode(),
                                    "id", "holds invisible control characters"))
        elif len(record_id) > 36:
            problems.append(Problem(self.name, record_id, "id",
                                    "is longer than 36 characters (HSDS ids are UUIDs)"))
        return values, problems


def _in_directory(table_name, ids):
    model = TABLES[table_name].model
    found, ids = set(), sorted(ids)
    for start in range(0, len(ids), CHUNK):
        found.update(db.session.scalars(
            select(model.id).where(id_in(model.id, ids[start:start + CHUNK]))))
    return found


SOFT = "soft"  # a reference kept as written when its record is nowhere
# Fields naming a record of the table another field names, and whether one pointing nowhere
# is kept: a translation of nothing is not.
LINKS = {"attribute": ("link_id", SOFT), "metadata": ("resource_id", SOFT),
         translations.TABLE: ("link_id", True)}


def _targets(table_name, values):
    """Return [(field, target table, required (True, False or SOFT), id)] for the
    references a record makes."""
    found = [(name, target, required, values[name])
             for name, (target, required) in references(table_name).items()
             if values.get(name) is not None]
    found += [(name, target, SOFT, values[name])
              for (table, name), target in SOFT_REFERENCES.items()
              if table == table_name and values.get(name) is not None]
    if table_name in LINKS:
        entity, (link, required) = values.get(POLYMORPHIC[table_name]), LINKS[table_name]
        if entity in TABLES and values.get(link) is not None:
            found.append((link, entity, required, values[link]))
    return found


def _check_references(checked, invalid):
    """Set aside records whose references fail; clear optional ones that point nowhere."""
    wanted = {}
    for name, records in checked.valid.items():
        for values in records.values():
            for _, target, _, target_id in _targets(name, values):
                if target_id not in checked.valid.get(target, {}):
                    wanted.setdefault(target, set()).add(target_id)
    known = {target: _in_directory(target, ids) for target, ids in wanted.items()}
    changed, warned = True, set()
    while changed:
        changed = False
        for name, records in checked.valid.items():
            for record_id, values in list(records.items()):
                for field_name, target, required, target_id in list(_targets(name, values)):
                    if target_id in checked.valid.get(target, {}) \
                            or target_id in known.get(target, ()):
                        continue
                    if required == SOFT:
                        if (name, record_id, field_name) in warned:
                            continue
                        warned.add((name, record_id, field_name))
                        checked.warnings.append(Problem(
                            name, record_id, field_name,
                            f"refers to {target} {target_id}, which is neither in the file "
                            "nor in the directory; kept as written"))
                        continue
                    if target_id in invalid.get(target, ()):
                        reason = f"refers to {target} {target_id}, which is skipped"
                    elif required:
                        reason = (f"refers to {target} {target_id}, which is neither in the "
                                  "file nor in the directory")
                    else:
                        checked.warnings.append(Problem(
                            name, record_id, field_name,
                            f"refers to {target} {target_id}, which is neither in the file "
                            "nor in the directory; imported without it"))
                        values[field_name] = None
                        continue
                    checked.problems.append(Problem(name, record_id, field_name, reason))
                    invalid.setdefault(name, set()).add(record_id)
                    del records[record_id]
                    changed = True
                    break


def check(rows, progress=None, skipped=()):
    """Return a Checked for flattened rows ({table: {id: raw row}}); `skipped` lists the
    (table, id) of records already set aside while reading (a broken CSV row)."""
    checked, invalid, unbounded = Checked(), {}, text_limits()
    for table_name, record_id in skipped:
        if record_id:
            invalid.setdefault(table_name, set()).add(record_id)
    done = 0
    for name in TABLES:
        rules = TableRules(name, unbounded)
        valid = checked.valid.setdefault(name, {})
        for record_id, raw in (rows.get(name) or {}).items():
            if set(raw) <= {"id"}:
                continue  # only named, as {"id": ...}: a reference, checked as one
            values, problems = rules.convert(str(record_id), raw, checked.warnings)
            if name == translations.TABLE:
                problems = translations.problems(str(record_id), values, problems)
            if problems:
                checked.problems.extend(problems)
                invalid.setdefault(name, set()).add(str(record_id))
            else:
                valid[str(record_id)] = values
            done += 1
            if progress and done % 1000 == 0:
                progress(1000)
    if progress:
        progress(done % 1000)
    cleared = coordinates.check(checked)
    _check_references(checked, invalid)
    coordinates.fill(checked, cleared)
    return checked
