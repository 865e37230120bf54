"""The shapes the staff pages of a record share: its page with its history; creating one
(committed, then its page); and every editor (a service's details, its phones, hours,
areas and availability, an organization, a location, a provider's text): on a GET the
form as filled from the record, with its stamp; on a valid POST the change applied and
committed unless a colleague changed what the form edits since it was opened, in which
case the editor is shown again with both versions and answers 409 Conflict (`conflicts.py`)."""

from flask import flash, redirect, render_template, request, url_for

from ..extensions import db
from . import conflicts, history


def record_page(kind, record, **values):
    """Render the staff page of `record` (staff/<kind>.html) with its history."""
    return render_template(f"staff/{kind}.html", **{kind: record},
                           history=history.history(kind, record.id), **values)


def create_page(form, build, message, endpoint, template, **values):
    """Answer a page that creates a record: a valid posted `form` becomes `build(form)`
    (the new record, uncommitted; None when a field of the form refuses), committed, with
    `message` said and its page opened (`endpoint`, given its id as `<table name>_id`);
    else `template` shows the form."""
    if form.validate_on_submit():
        record = build(form)
        if record is not None:
            db.session.add(record)
            db.session.commit()
            flash(message, "success")
            return redirect(url_for(endpoint, **{f"{record.__tablename__}_id": record.id}))
    return render_template(template, form=form, **values)


def posted_or(opened, posted):
    """Return the posted form (`posted()`), or on a GET the form as `opened()` fills it,
    with its stamp."""
    if request.method != "GET":
        return posted()
    form = opened()
    form.stamp.data = conflicts.stamp_of(form)
    return form


def posted_edit(record, opened, posted, apply):
    """Return (form, conflict, result) of an editor of `record`.

    `opened()` is the form filled from the record as it is now, `posted()` the form as
    posted; `apply(form)` changes the record (uncommitted) and returns a result, or None
    when a field of the form refuses. `conflict` is the Conflict that refused a save, and
    `result` what `apply` returned once committed (None when nothing was saved).
    """
    form = posted_or(opened, posted)
    if not form.validate_on_submit():
        return form, None, None
    conflict, result = conflicts.save(form, record, opened, lambda: apply(form))
    return form, conflict, result


def editor_page(template, conflict, **values):
    """Render an editor; a refused save (a colleague's came first) answers 409 Conflict."""
    return render_template(template, conflict=conflict, **values), 409 if conflict else 200
