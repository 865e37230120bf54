"""Staff pages for organizations: finding one, its record with services, locations and
history, creating and editing one, and retiring it (all its services become defunct)."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ..extensions import db
from ..models import Organization
from . import bp, editing, lookups
from .access import editor_required, staff_required
from .account_forms import ConfirmForm
from .editor import create_page, editor_page, posted_edit, record_page
from .forms import OrganizationForm


def _organization_or_404(organization_id):
    organization = lookups.organization(organization_id)
    if organization is None:
        abort(404, description=_("There is no such organization."))
    return organization


@bp.get("/organizations")
@staff_required
def organizations():
    """Find organizations by name."""
    text = request.args.get("q", "").strip()[:200]
    found, total = lookups.find_organizations(text)
    return render_template("staff/organizations.html", organizations=found, total=total, q=text)


@bp.get("/organizations/<organization_id>")
@staff_required
def organization(organization_id):
    """Show an organization with its services, locations, phones and history."""
    return record_page("organization", _organization_or_404(organization_id))


@bp.route("/organizations/new", methods=["GET", "POST"])
@editor_required
def new_organization():
    """Create an organization."""
    def build(form):
        record = Organization()
        editing.assign(record, form.data, editing.ORGANIZATION_FIELDS)
        return record

    return create_page(OrganizationForm(), build, _(
        "Organization created. Add its services and locations next."), "staff.organization",
        "staff/organization_form.html", organization=None)


@bp.route("/organizations/<organization_id>/edit", methods=["GET", "POST"])
@editor_required
def edit_organization(organization_id):
    """Edit an organization's details."""
    record = _organization_or_404(organization_id)

    def opened():
        return OrganizationForm(formdata=None, obj=record)

    def apply(form):
        editing.assign(record, form.data, editing.ORGANIZATION_FIELDS)
        return record

    form, conflict, saved = posted_edit(record, opened, OrganizationForm, apply)
    if saved is not None:
        flash(_("Saved."), "success")
        return redirect(url_for("staff.organization", organization_id=record.id))
    return editor_page("staff/organization_form.html", conflict, form=form,
                       organization=record)


@bp.route("/organizations/<organization_id>/retire", methods=["GET", "POST"])
@editor_required
def retire_organization(organization_id):
    """Retire an organization: every one of its services becomes defunct."""
    record = _organization_or_404(organization_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        count = editing.retire_organization(record)
        db.session.commit()
        flash(_("“%(name)s” is retired; %(count)d listed services were taken off the public "
                "directory.", name=record.name, count=count), "success")
        return redirect(url_for("staff.organization", organization_id=record.id))
    return render_template("staff/retire.html", form=form, record=record,
                           kind=_("organization"),
                           back=url_for("staff.organization", organization_id=record.id))
