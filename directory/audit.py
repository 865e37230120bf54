"""Recording every change to directory data, and keeping `Service.last_modified` fresh.

One `before_flush` listener, registered once from create_app, sees every record the
session is about to write. For directory records it appends HSDS `metadata` rows
(`ChangeRecord`): one per field, with the old and the new value, who made the change
and when. Creating a record logs each field it starts with; deleting one logs each
field it had. Who is `db.session.info["actor"]` when a caller sets it (the HSDS
importer says "import"), else the signed-in staff member, else "system". The same
listener stamps `last_modified` on every service whose own fields or children
(phones, schedules, areas, languages, capacities, attributes, locations, addresses)
changed. The history is append-only: changing or deleting a `ChangeRecord` through
the ORM raises `AuditHistoryReadOnly`.
"""

from datetime import date, datetime

from flask import has_request_context
from sqlalchemy import inspect
from sqlalchemy.orm import MANYTOONE, ONETOMANY
from sqlalchemy.orm.base import NO_VALUE

from . import models as m
from .extensions import listen_once

ACTOR = "actor"
STAMPED = "audit_stamped_services"
SYSTEM_ACTOR = "system"

AUDITED = (*m.DIRECTORY_RECORDS, m.User)
# Fields whose change is not news (last_modified follows every change) or is secret.
SKIPPED = {"id", "last_modified", "session_version", "version"}
SECRET = {"password_hash": "password"}


class AuditHistoryReadOnly(RuntimeError):
    """Raised when something tries to change or delete recorded history."""


def actor(session):
    """Return who is making the changes the session is about to write."""
    if session.info.get(ACTOR):
        return session.info[ACTOR]
    if has_request_context():
        from flask_login import current_user

        if current_user and current_user.is_authenticated:
            return current_user.email
        return "public"
    return SYSTEM_ACTOR


def text_value(value):
    """Return a value as the text the history keeps (None stays None)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _ensure_id(obj):
    if getattr(obj, "id", None) is None:
        obj.id = m.new_id()
    return obj.id


def _loaded(state, key):
    """Return a relationship's value if it is loaded, without loading it."""
    value = state.attrs[key].loaded_value
    return None if value is NO_VALUE else value


def _set_key(obj, key, value):
    if getattr(obj, key, None) != value:
        setattr(obj, key, value)


def _link_foreign_keys(session):
    """Give new records their ids, and set the foreign keys that relationships changed in
    this flush imply (a new phone's service_id, a service moved to another organization).

    The unit of work would set them during the flush; the history (and the owner of a
    new phone or schedule) needs them before it.
    """
    for obj in list(session.new):
        if isinstance(obj, AUDITED):
            _ensure_id(obj)
            for column in inspect(obj).mapper.columns:
                default = column.default
                if (getattr(obj, column.key, None) is None and default is not None
                        and default.is_scalar):
                    setattr(obj, column.key, default.arg)
    for obj in list(session.new) + list(session.dirty):
        if not isinstance(obj, AUDITED):
            continue
        state, is_new = inspect(obj), obj in session.new
        for rel in state.mapper.relationships:
            if rel.viewonly or rel.secondary is not None or \
                    _loaded(state, rel.key) is None:
                continue
            added = [item for item in state.attrs[rel.key].history.added if item is not None]
            if rel.direction is MANYTOONE:
                parent = added[0] if added else (_loaded(state, rel.key) if is_new else None)
                for local, remote in rel.local_remote_pairs:
                    if parent is not None and remote.key == "id":
                        _set_key(obj, local.key, _ensure_id(parent))
            elif rel.direction is ONETOMANY:
                for child in added:
                    for local, remote in rel.local_remote_pairs:
                        if local.key == "id":
                            _set_key(child, remote.key, _ensure_id(obj))


def _column_keys(obj):
    return [c.key for c in inspect(obj).mapper.columns if c.key not in SKIPPED]


def _records(obj, action, when, who):
    """Return the ChangeRecords describing `action` (create/update/delete) on `obj`."""
    state = inspect(obj)
    kind = obj.__table__.name
    rows = []
    for key in _column_keys(obj):
        if action == "update":
            history = state.attrs[key].history
            if not history.has_changes():
                continue
            old = text_value(history.deleted[0]) if history.deleted else None
            new = text_value(history.added[0]) if history.added else None
            if old == new:
                continue
        else:
            value = text_value(getattr(obj, key))
            if value is None:
                continue
            old, new = (None, value) if action == "create" else (value, None)
        if key in SECRET:
            key, old, new = SECRET[key], None, None
        rows.append(m.ChangeRecord(
            resource_id=obj.id, resource_type=kind, last_action_date=when,
            last_action_type=action, field_name=key, previous_value=old,
            replacement_value=new, updated_by=who,
        ))
    return rows


def _changed(session):
    """Yield (object, action) for the audited records this flush writes."""
    for obj in session.new:
        if isinstance(obj, AUDITED):
            yield obj, "create"
    for obj in session.dirty:
        if not isinstance(obj, AUDITED):
            continue
        state = inspect(obj)
        # A row taken out of its parent's collection is deleted by the flush itself
        # (delete-orphan), after this hook: it is a deletion, not an update.
        if state.has_identity and state.mapper._is_orphan(state):
            yield obj, "delete"
        elif session.is_modified(obj, include_collections=False):
            yield obj, "update"
    for obj in session.deleted:
        if isinstance(obj, AUDITED):
            yield obj, "delete"


def _stamp_services(session, service_ids, when):
    """Set last_modified on the services touched, once per transaction.

    A service created in this transaction, or whose last_modified its writer set (an
    import carries the source's own), keeps that value: its children often follow in
    a later flush of the same transaction.
    """
    settled = session.info.setdefault(STAMPED, set())
    for service in session.new:
        if isinstance(service, m.Service):
            settled.add(service.id)
    for service in session.dirty:
        if isinstance(service, m.Service) and \
                inspect(service).attrs.last_modified.history.has_changes():
            settled.add(service.id)
    for service_id in service_ids - settled:
        service = session.get(m.Service, service_id)
        if service is not None and service not in session.deleted:
            service.last_modified = when
            settled.add(service_id)


def _forget_stamps(session, *_args):
    session.info.pop(STAMPED, None)


def before_flush(session, _context, _instances):
    """Record the history of what this flush changes, and stamp the services it touches."""
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, m.ChangeRecord) and (
                obj in session.deleted or session.is_modified(obj)):
            raise AuditHistoryReadOnly("The change history cannot be edited or deleted.")
    _link_foreign_keys(session)
    changed = list(_changed(session))
    if not changed:
        return
    when, who = m.utcnow(), actor(session)
    _stamp_services(session, m.services_touched(session, [obj for obj, _ in changed]), when)
    for obj, action in changed:
        session.add_all(_records(obj, action, when, who))


def _keep_old_value(_target, value, _old, _initiator):
    return value


def register(session_factory):
    """Listen to the session once for the whole process."""
    # Setting a field of a record whose values expired (after a commit) must still know
    # the value it replaces: `active_history` loads it first.
    for model in AUDITED:
        for column in inspect(model).column_attrs:
            listen_once(getattr(model, column.key), {"set": _keep_old_value},
                        active_history=True, retval=True)
    listen_once(session_factory, {"before_flush": before_flush,
                                  "after_commit": _forget_stamps,
                                  "after_rollback": _forget_stamps})
