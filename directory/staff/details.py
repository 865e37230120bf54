"""Staff editors for the parts of a listing: phone numbers (of a service, location or
organization), the weekly hours, the service areas and the quick availability update."""

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _

from .. import service_areas as areas
from ..extensions import db
from ..models import TRANSLATED_FIELDS, Location, Organization, Schedule, Service
from ..models.location import WEEKDAYS
from ..schedules import parse_clock
from . import bp, capacity, conflicts, editing, translation_forms, weekly
from .access import editor_required, safe_next, service_or_404
from .editor import editor_page, posted_edit, posted_or
from .forms import AreasForm, AvailabilityForm, PhonesForm
from .hours_forms import HoursForm

OWNERS = {"services": (Service, "staff.service", "service_id"),
          "locations": (Location, "staff.location", "location_id"),
          "organizations": (Organization, "staff.organization", "organization_id")}
BLANK_ROWS = 2


@bp.route("/<any(services, locations, organizations):kind>/<owner_id>/phones",
          methods=["GET", "POST"])
@editor_required
def phones(kind, owner_id):
    """Edit the phone numbers of a service, location or organization."""
    model, endpoint, key = OWNERS[kind]
    owner = db.session.get(model, owner_id)
    if owner is None:
        abort(404)
    return phones_editor(owner, url_for(endpoint, **{key: owner.id}))


def phones_editor(owner, back):
    """Answer the phones editor of `owner` (staff and providers share it); `back` is
    where a save or Cancel goes."""

    def opened():
        rows = [{"id": p.id, "number": p.number, "extension": p.extension,
                 "type": p.type or "voice", "description": p.description,
                 **translation_forms.translations_of(p, TRANSLATED_FIELDS["phone"])}
                for p in owner.phones] + [{"type": "voice"}] * BLANK_ROWS
        return PhonesForm(formdata=None, data={"phones": rows})

    def apply(form):
        editing.save_phones(owner, [entry.data for entry in form.phones])
        return owner

    form, conflict, saved = posted_edit(owner, opened, PhonesForm, apply)
    if saved is not None:
        flash(_("Phone numbers saved."), "success")
        return redirect(back)
    return editor_page("staff/phones.html", conflict, form=form, owner=owner, back=back)


def _week_data(schedules):
    week, notes = weekly.read_week(schedules)
    walk_in = weekly.read_walk_in(schedules)
    data = {"notes": notes}
    for code, day in week.items():
        ranges = (day.ranges + [(None, None)] * 2)[:2]
        door = walk_in[code]
        data[code] = {"mode": day.mode, "opens_1": parse_clock(ranges[0][0]),
                      "closes_1": parse_clock(ranges[0][1]),
                      "opens_2": parse_clock(ranges[1][0]), "closes_2": parse_clock(ranges[1][1]),
                      "walk_in_opens": parse_clock(door[0]),
                      "walk_in_closes": parse_clock(door[1])}
    return data


def _week_from(form):
    week = {}
    for code in WEEKDAYS:
        day = form[code].form
        spans = [(opens, closes) for opens, closes in (
            (day.opens_1.data, day.closes_1.data), (day.opens_2.data, day.closes_2.data))
            if opens and closes]
        week[code] = weekly.Day(day.mode.data, [(o.strftime("%H:%M"), c.strftime("%H:%M"))
                                               for o, c in spans])
    return week


def _walk_in_from(form):
    spans = {}
    for code in WEEKDAYS:
        day = form[code].form
        opens, closes = day.walk_in_opens.data, day.walk_in_closes.data
        spans[code] = (opens.strftime("%H:%M"), closes.strftime("%H:%M")) \
            if opens and closes else (None, None)
    return spans


@bp.route("/services/<service_id>/hours", methods=["GET", "POST"])
@editor_required
def service_hours(service_id):
    """Edit the weekly hours: each day closed, open 24 hours, or one or two time ranges,
    and the hours people may walk in without an appointment."""
    record = service_or_404(service_id)
    return hours_editor(record, url_for("staff.service", service_id=record.id))


def hours_editor(record, back):
    """Answer the weekly hours editor of a service (staff and providers share it)."""

    def opened():
        return HoursForm(formdata=None, data=_week_data(record.schedules))

    def apply(form):
        opening = weekly.write_week(record, _week_from(form), form.notes.data, Schedule)
        walk_in = weekly.write_walk_in(record, _walk_in_from(form), Schedule)
        return opening or walk_in

    form, conflict, changed = posted_edit(record, opened, HoursForm, apply)
    if changed is not None:
        if changed:
            flash(_("Hours saved."), "success")
        else:
            flash(_("The hours were already like that; nothing changed."), "info")
        return redirect(back)
    kept = [s for s in record.schedules if not weekly.editable(s)]
    return editor_page("staff/hours.html", conflict, form=form, service=record, days=WEEKDAYS,
                 kept=kept, back=back)


@bp.route("/services/<service_id>/areas", methods=["GET", "POST"])
@editor_required
def service_areas(service_id):
    """Edit the areas a service covers: states, counties or ZIP codes."""
    record = service_or_404(service_id)
    shown = {a.id: areas.parse_extent(a.extent) for a in record.service_areas
             if a.extent_type == "text" and areas.parse_extent(a.extent)}

    def opened():
        now = {a.id: areas.parse_extent(a.extent) for a in record.service_areas
               if a.extent_type == "text" and areas.parse_extent(a.extent)}
        rows = [{"id": a.id, "kind": now[a.id][0], "value": now[a.id][1], "name": a.name}
                for a in record.service_areas if a.id in now] + [{}] * BLANK_ROWS
        return AreasForm(formdata=None, data={"areas": rows})

    form = posted_or(opened, AreasForm)
    conflict = None
    if form.validate_on_submit():
        rows, ok = [], True
        for entry in form.areas:
            row = dict(entry.data)
            if row["remove"] or not (row["value"] or "").strip():
                if row["id"] and not row["remove"]:
                    entry.value.errors.append(_("Enter the area, or tick “Remove this area”."))
                    ok = False
                rows.append(row)
                continue
            try:
                row["extent"], default_name = areas.build_extent(row["kind"], row["value"])
            except areas.AreaError as error:
                entry.value.errors.append(str(error))
                ok = False
                continue
            row["name"] = (row["name"] or "").strip() or default_name
            rows.append(row)
        if ok:
            conflict, saved = conflicts.save(form, record, opened,
                                             lambda: editing.save_areas(record, rows) or record)
            if saved is not None:
                flash(_("Service areas saved."), "success")
                return redirect(url_for("staff.service", service_id=record.id))
    other = [a for a in record.service_areas if a.id not in shown]
    return editor_page("staff/areas.html", conflict, form=form, service=record, other=other)


@bp.route("/services/<service_id>/availability", methods=["GET", "POST"])
@editor_required
def availability(service_id):
    """Update beds or seats free, whether new clients are accepted, and the waitlist."""
    record = service_or_404(service_id)
    target = url_for("staff.service", service_id=record.id)
    return availability_editor(record, safe_next(request.args.get("next"), target))


def availability_editor(record, back):
    """Answer the availability update of a service (staff and providers share it)."""

    def opened():
        return AvailabilityForm(formdata=None, data=capacity.current(record))

    def apply(form):
        capacity.update(record, capacity.unit_named(form.unit.data), form.accepting.data,
                        form.available.data, form.maximum.data, form.waitlist_weeks.data,
                        form.note.data)
        return record

    form, conflict, saved = posted_edit(record, opened, AvailabilityForm, apply)
    if saved is not None:
        flash(_("Availability updated for “%(name)s”.", name=record.name), "success")
        return redirect(back)
    return editor_page("staff/availability.html", conflict, form=form, service=record, back=back)
