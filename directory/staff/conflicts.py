"""Refusing a save over a colleague's. Every staff edit form carries a stamp: a hash of
what the form showed when it was opened. On save the view rebuilds that form from the
record as it is now; a different stamp means someone else saved in between, and the save
is refused with both versions side by side (theirs as saved, and what this editor sent)
so the editor can merge them and save again. The record's version column (SQLAlchemy's
`version_id_col`) closes the gap between that check and the commit: a colleague's commit
in that gap makes the UPDATE match no row, and the save is refused the same way.

A form's stamp covers only what that form edits, so editing a service's phones while a
colleague fixes its description is not a conflict."""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, time

from flask_babel import gettext as _
from sqlalchemy.orm.exc import StaleDataError
from wtforms import BooleanField, FieldList, FormField, HiddenField, SelectFieldBase

from ..extensions import db

# Fields that are not part of the record: the form's own machinery.
UNSTAMPED = {"csrf_token", "stamp", "suggestion_id"}


def _plain(value):
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return value.strip() or None
    return value


def _values(form):
    """Return the form's data without its machinery, in a form json can hash."""
    data = {}
    for name, value in form.data.items():
        if name in UNSTAMPED:
            continue
        if isinstance(value, dict):
            value = {key: _plain(item) for key, item in value.items()}
        elif isinstance(value, list):
            value = [{k: _plain(v) for k, v in item.items()} if isinstance(item, dict)
                     else _plain(item) for item in value]
        data[name] = _plain(value)
    return data


def stamp_of(form):
    """Return the stamp of a form filled from the record (as a GET would show it)."""
    text = json.dumps(_values(form), sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _text(field_):
    value = field_.data
    if isinstance(field_, BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(field_, SelectFieldBase) and getattr(field_, "choices", None):
        labels = {str(key): str(label) for key, label in field_.choices}
        chosen = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(str(item), str(item)) for item in chosen
                         if item not in (None, ""))
    if isinstance(value, (date, time)):
        return value.strftime("%H:%M") if isinstance(value, time) else value.isoformat()
    if value is None:
        return ""
    return str(value).strip()


def _rows(form, prefix=""):
    """Yield (key, label, text) for each field a person edits, nested rows flattened."""
    for field_ in form:
        if field_.short_name in UNSTAMPED or isinstance(field_, HiddenField):
            continue
        label = f"{prefix}{field_.label.text}" if field_.label else prefix
        if isinstance(field_, FieldList):
            for number, entry in enumerate(field_, start=1):
                yield from _rows(entry.form, f"{label} {number} · ")
        elif isinstance(field_, FormField):
            yield from _rows(field_.form, f"{label} · ")
        else:
            yield field_.name, label, _text(field_)


@dataclass
class Conflict:
    """A refused save: what is saved now and what this editor sent, field by field."""

    stamp: str
    differences: list = field(default_factory=list)  # (label, saved now, yours)


def conflict(posted, opened):
    """Return a Conflict if the record changed since the posted form was opened, else None.

    `opened` is the same form filled from the record as it is now."""
    now = stamp_of(opened)
    if posted.stamp.data == now:
        return None
    saved = {key: (label, text) for key, label, text in _rows(opened)}
    differences = []
    for key, label, text in _rows(posted):
        saved_text = saved.pop(key, (label, ""))[1]
        if saved_text != text:
            differences.append((label, saved_text, text))
    differences += [(label, text, "") for label, text in saved.values() if text]
    return Conflict(now, differences)


def claim(record):
    """Bump the record's version so the commit fails if a colleague committed first."""
    record.version = (record.version or 0) + 1


def commit():
    """Commit the session; return False (rolled back) if a colleague's commit came first."""
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        return False
    return True


ATTEMPTS = 3


def save(form, record, opened, apply):
    """Apply a valid posted `form` to `record` unless a colleague changed what it edits.

    `opened()` returns the form filled from the record as it is now; `apply()` changes
    the record and returns a result, or None when a field of the form refuses (nothing is
    committed then). Returns (Conflict or None, result). A colleague's commit that lands
    between the check and ours, on another part of the record, is not a conflict: the
    check runs again on the fresh record and the change is applied over it.
    """
    for _attempt in range(ATTEMPTS):
        found = conflict(form, opened())
        if found is not None:
            form.stamp.data = found.stamp
            return found, None
        result = apply()
        if result is None:
            return None, None
        claim(record)
        if commit():
            return None, result
    found = conflict(form, opened()) or Conflict(stamp_of(opened()))
    form.stamp.data = found.stamp
    return found, None
