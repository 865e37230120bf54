"""Staff pages for locations: the place with its history, creating and editing one (the
address is placed on the map when saved; the pin can be set by hand), and retiring it."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from .. import catalogue
from ..extensions import db
from ..models import Location
from . import bp, lookups, placing
from .access import editor_required, staff_required
from .account_forms import ConfirmForm
from .editor import create_page, editor_page, posted_edit, record_page
from .forms import LocationForm

PLACED = {
    "street": _l("Placed on the map from the street address."),
    "zip": _l("Placed on the map at the centre of its ZIP code (approximate). To pin the "
              "exact spot, set the latitude and longitude by hand."),
    "city": _l("Placed on the map at the centre of its city (approximate). To pin the exact "
               "spot, set the latitude and longitude by hand."),
    "manual": _l("Placed on the map where you set it."),
}


def _location_or_404(location_id):
    location = lookups.location(location_id)
    if location is None:
        abort(404, description=_("There is no such location."))
    return location


def _save(form, location, organization):
    """Apply a valid form (uncommitted); return how the location was placed on the map,
    or None with a field error."""
    data = form.data
    try:
        coordinates = placing.coordinates_for(location, data)
    except placing.PlacingError as error:
        form.postal_code.errors.append(str(error))
        return None
    chosen = set(data["services"] or ())
    placing.save_location(location, data, coordinates,
                          [s for s in organization.services if s.id in chosen])
    location.organization = organization
    db.session.add(location)
    return coordinates[2]


def _placed(how):
    if how in PLACED:
        flash(str(PLACED[how]), "info")


def _form(location, organization, opened=False):
    """Return the location form: posted, or (`opened`, or a GET) filled from the record."""
    opened = opened or (request.method == "GET" and location is not None)
    form = LocationForm(formdata=None, obj=location) if opened else LocationForm()
    form.services.choices = [(s.id, s.name) for s in organization.services]
    if opened:
        address = location.address
        for field in placing.ADDRESS_FIELDS:
            form[field].data = getattr(address, field) if address else None
        form.services.data = [link.service_id for link in location.service_at_locations]
    return form


@bp.get("/locations/<location_id>")
@staff_required
def location(location_id):
    """Show a location as staff see it, with its history."""
    return record_page("location", _location_or_404(location_id))


@bp.route("/locations/new", methods=["GET", "POST"])
@editor_required
def new_location():
    """Add a location to an organization (and, from a service, deliver that service there)."""
    service = catalogue.get_service(request.args.get("service_id", ""))
    organization = service.organization if service else lookups.organization(
        request.args.get("organization_id", ""))
    if organization is None:
        abort(404, description=_("Open the organization or service the location belongs to."))
    form = _form(None, organization)
    if request.method == "GET":
        form.services.data = [service.id] if service else []

    def build(form):
        record = Location()
        how = _save(form, record, organization)
        if how is None:
            return None
        _placed(how)
        return record

    return create_page(form, build, _("Location added."), "staff.location",
                       "staff/location_form.html", location=None, organization=organization)


@bp.route("/locations/<location_id>/edit", methods=["GET", "POST"])
@editor_required
def edit_location(location_id):
    """Edit a location, its address, its place on the map and the services held there."""
    record = _location_or_404(location_id)
    organization = record.organization
    form, conflict, how = posted_edit(
        record, lambda: _form(record, organization, opened=True),
        lambda: _form(record, organization), lambda form: _save(form, record, organization))
    if how is not None:
        _placed(how)
        flash(_("Location saved."), "success")
        return redirect(url_for("staff.location", location_id=record.id))
    return editor_page("staff/location_form.html", conflict, form=form, location=record,
                       organization=organization)


@bp.route("/locations/<location_id>/retire", methods=["GET", "POST"])
@editor_required
def retire_location(location_id):
    """Remove a location from the directory (its history stays)."""
    record = _location_or_404(location_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        organization_id = record.organization_id
        placing.retire_location(record, db.session)
        db.session.commit()
        flash(_("The location is removed; its services no longer list it."), "success")
        return redirect(url_for("staff.organization", organization_id=organization_id))
    return render_template("staff/retire.html", form=form, record=record, kind=_("location"),
                           back=url_for("staff.location", location_id=record.id))
