"""Staff pages for services: the record with its history, creating and editing one (its
terms, languages, eligibility and ages, and its text in Spanish and Vietnamese beside the
English), marking it verified, and retiring it."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import catalogue, coverage, schedules
from ..categories import choice as category_choice
from ..extensions import db
from ..first_step import first_step
from ..labels import term_label
from ..models import Service
from ..template_helpers import local_now
from . import bp, editing, first_contact, lookups, translation_forms
from .access import editor_required, safe_next, service_or_404, staff_required, today
from .account_forms import ConfirmForm, RetireForm
from .editor import create_page, editor_page, posted_edit, record_page
from .forms import ServiceForm


def _term_groups():
    groups = {field: catalogue.term_group(code) for field, code in editing.GROUP_CODES.items()}
    groups[first_contact.FIELD] = first_contact.flag_terms()
    return groups


def _prepare(form, groups):
    form.organization_id.choices = [(o.id, o.name) for o in lookups.all_organizations()]
    for field, terms in groups.items():
        form[field].choices = [(term.id, term_label(term.code, term.name)) for term in terms]
    form.first_contact.choices = first_contact.choices(groups[first_contact.FIELD])


def _fill(form, service, groups):
    held = {term.id for term in service.terms}
    for field, terms in groups.items():
        form[field].data = [term.id for term in terms if term.id in held]
    form.languages.data = ", ".join(lang.name for lang in service.languages if lang.name)
    translation_forms.fill(form, service)
    for field in (form.minimum_age, form.maximum_age):
        field.data = int(field.data) if field.data is not None else None


@bp.get("/services/<service_id>")
@staff_required
def service(service_id):
    """Show a service as staff see it: every field, what to do, and its history."""
    record = service_or_404(service_id)
    return record_page(
        "service", record, week=schedules.week(
            record.hours_schedules, local_now().date(), coverage.timezone()),
        confirm=ConfirmForm(), suggestions=lookups.open_suggestions(record.id),
        takes_availability=record.needs_fresh_availability, first_step=first_step(record))


def _opened(service, groups):
    """Return the edit form filled from the service as it is now."""
    form = ServiceForm(formdata=None, obj=service)
    _prepare(form, groups)
    _fill(form, service, groups)
    return form


def _posted(groups):
    """Return the edit form as posted, its choices ready."""
    form = ServiceForm()
    _prepare(form, groups)
    return form


def _save(form, service, groups):
    """Apply a valid form to `service` (uncommitted); return None (with a field error) if
    it cannot."""
    languages, unknown = editing.parse_languages(form.languages.data,
                                                 service.languages if service else ())
    if unknown:
        form.languages.errors.append(_(
            "We do not know these languages: %(names)s. Write their English names, like "
            "Spanish or Vietnamese.", names=", ".join(unknown)))
        return None
    if not first_contact.requests_reachable(form.first_contact, groups[first_contact.FIELD],
                                            form.organization_id.data, form.email.data):
        return None
    organization = lookups.organization(form.organization_id.data)
    if service is None:
        service = Service(status="active")
    before = {term.id for term in service.categories}
    editing.save_service(service, form.data, groups, languages)
    translation_forms.save(service, form.data, form.translated)
    if {term.id for term in service.categories} != before:  # imports leave the choice alone
        category_choice.mark(service, current_user.email)
    service.organization = organization
    db.session.add(service)
    suggestion = lookups.suggestion(form.suggestion_id.data) if form.suggestion_id.data \
        else None
    if suggestion is not None and suggestion.is_open and suggestion.service_id == service.id:
        suggestion.resolve("applied", current_user.email)
    return service


@bp.route("/services/new", methods=["GET", "POST"])
@editor_required
def new_service():
    """Create a service for an organization."""
    groups = _term_groups()
    form = _posted(groups)
    if request.method == "GET":
        form.organization_id.data = request.args.get("organization_id")
        form.languages.data = "English"
    return create_page(form, lambda form: _save(form, None, groups), _(
        "Service created. Add its location, phones and hours next."), "staff.service",
        "staff/service_form.html", service=None)


@bp.route("/services/<service_id>/edit", methods=["GET", "POST"])
@editor_required
def edit_service(service_id):
    """Edit a service's details; opened from a suggestion, saving marks it applied."""
    record = service_or_404(service_id)
    groups = _term_groups()
    form, conflict, saved = posted_edit(record, lambda: _opened(record, groups),
                                        lambda: _posted(groups),
                                        lambda form: _save(form, record, groups))
    if saved is not None:
        flash(_("Saved. The public page and search show the change now."), "success")
        return redirect(url_for("staff.service", service_id=record.id))
    if request.method == "GET":
        form.suggestion_id.data = request.args.get("suggestion", "")
    suggestion = lookups.suggestion(form.suggestion_id.data) if form.suggestion_id.data \
        else None
    if suggestion is not None and suggestion.service_id != record.id:
        suggestion = None
    return editor_page("staff/service_form.html", conflict, form=form, service=record,
                       suggestion=suggestion)


@bp.post("/services/<service_id>/verify")
@editor_required
def verify_service(service_id):
    """Mark the listing verified today by the signed-in editor."""
    record = service_or_404(service_id)
    if ConfirmForm().validate_on_submit():
        editing.mark_verified(record, current_user.email, today())
        db.session.commit()
        flash(_("“%(name)s” is marked verified today.", name=record.name), "success")
    target = url_for("staff.service", service_id=record.id)
    return redirect(safe_next(request.form.get("next"), target))


@bp.route("/services/<service_id>/retire", methods=["GET", "POST"])
@editor_required
def retire_service(service_id):
    """Take a service off the public directory (it stays here, with its history)."""
    record = service_or_404(service_id)
    form = RetireForm()
    if form.validate_on_submit():
        editing.retire_service(record, form.status.data)
        db.session.commit()
        flash(_("“%(name)s” is retired: the public no longer sees it.", name=record.name),
              "success")
        return redirect(url_for("staff.service", service_id=record.id))
    return render_template("staff/retire.html", form=form, record=record,
                           kind=_("service"), back=url_for("staff.service",
                                                           service_id=record.id))
