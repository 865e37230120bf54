"""The `translations` extension of HSDS, which has no place for a record's text in other
languages (the official schemas allow extra properties). A service or phone object carries
`translations`: {"es": {"description": "..."}, "vi": {...}}, left out when it has none;
the tabular form has a `translation` table (translations.csv: id, link_entity, link_id,
language, field, text). English stays in the standard fields. This module turns a
record's translation rows into that property and back, gives every translation the id
derived from what it translates (models/translation.py), and says why an imported one
cannot be kept (a language or a field the directory does not translate, or text longer than
the English field holds). README.md
documents the extension for other directories."""

from ..models.translation import TRANSLATED_FIELDS, TRANSLATED_LANGUAGES, translation_id
from .convert import Problem
from .tables import TABLES

TABLE = "translation"
KEY = "translations"  # the property of a service or phone object


def _in_order(known, names):
    """Return `names` in the order of `known`, any others after them alphabetically."""
    return sorted(names, key=lambda name: (known.index(name) if name in known
                                           else len(known), name))


def to_json(rows):
    """Return the `translations` property of a record from its translation rows (None when
    it has none): languages and fields in the editors' order."""
    found = {}
    for row in rows:
        found.setdefault(row["language"], {})[row["field"]] = row["text"]
    fields = [name for names in TRANSLATED_FIELDS.values() for name in names]
    return {code: {name: found[code][name] for name in _in_order(fields, found[code])}
            for code in _in_order(TRANSLATED_LANGUAGES, found)} or None


def json_schema():
    """Return the JSON Schema of the `translations` property (for the OpenAPI document)."""
    fields = sorted({name for names in TRANSLATED_FIELDS.values() for name in names})
    texts = {"type": "object", "properties": {name: {"type": "string"} for name in fields},
             "additionalProperties": False}
    return {"type": "object", "description": "This directory's extension of HSDS: the "
            "record's text in other languages, by language code, then by field.",
            "properties": {code: texts for code in TRANSLATED_LANGUAGES},
            "additionalProperties": False}


def as_children(value):
    """Return the `translations` property of an imported object as child rows, the shape
    the table map nests (link_entity and link_id come from the object they are in). A
    list of rows is taken as it is; text that is empty is no translation."""
    if isinstance(value, list):
        return value
    if not isinstance(value, dict):
        return [{"language": None, "field": None, "text": value}]  # refused when checked
    rows = []
    for language, fields in value.items():
        if not isinstance(fields, dict):
            rows.append({"language": language, "field": None, "text": fields})
            continue
        rows += [{"language": language, "field": name, "text": text}
                 for name, text in fields.items() if text not in (None, "")]
    return rows


def derived_id(row, given=None):
    """Return the id a translation row is kept under: derived from what it translates,
    whatever id the file gave it (`given`, kept when the row names no record)."""
    parts = [row.get(name) for name in ("link_entity", "link_id", "language", "field")]
    if parts[1] in (None, "") and given:
        return given
    return translation_id(*("" if part is None else str(part).strip() for part in parts))


def rekey(rows):
    """Key the read translation rows ({table: {id: row}}) by their derived ids, so a file
    that numbers them its own way updates the translations already held."""
    table = rows.get(TABLE) or {}
    rows[TABLE] = {derived_id(row, record_id): {**row, "id": derived_id(row, record_id)}
                   for record_id, row in table.items()}


def problems(record_id, values, found=()):
    """Return the Problems of a translation read from a file: those its values had
    (`found`), and a record kind, language or field the directory does not translate;
    each says whose translation it is."""
    entity, language, field = (values.get(name) for name in ("link_entity", "language",
                                                             "field"))
    what = f"the translation of {entity or 'a record'} {values.get('link_id') or ''}".strip()
    found = [Problem(p.table, p.record_id, p.field, f"{what}: {p.reason}") for p in found]
    if found:
        return found
    if entity not in TRANSLATED_FIELDS:
        return [Problem(TABLE, record_id, "link_entity", (
            f"{what}: only the text of a {' or a '.join(TRANSLATED_FIELDS)} is translated"))]
    if language not in TRANSLATED_LANGUAGES:
        found.append(Problem(TABLE, record_id, "language", (
            f"{what}: {language!r} is not a language this directory keeps text in besides "
            f"English (it keeps {', '.join(TRANSLATED_LANGUAGES)})")))
    if field not in TRANSLATED_FIELDS[entity]:
        found.append(Problem(TABLE, record_id, "field", (
            f"{what}: {field!r} is not a field of a {entity} that is translated (these are: "
            f"{', '.join(TRANSLATED_FIELDS[entity])})")))
        return found
    most, text = TABLES[entity].model.__table__.columns[field].type.length, values["text"]
    if most and len(text) > most:
        found.append(Problem(TABLE, record_id, "text", (
            f"{what}: its {field} is {len(text)} characters long; at most {most} fit, as in "
            "the English")))
    return found
