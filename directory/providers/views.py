"""Provider pages: the organization's listings with what needs a look, the shared staff
editors (availability, hours, phones) scoped to the provider's own records, the text of a
listing, "still accurate"; the invitation (admin side and taking it) and a reminder's
one-time confirmation."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import contact_requests, messaging
from ..audit import ACTOR
from ..extensions import csrf, db
from ..models import Organization
from ..staff import details, editing, editor, lookups, translation_forms
from ..staff.access import admin_required, role_required, today
from ..staff.account_forms import ConfirmForm
from ..staff.auth import sign_in
from . import bp, edits, invitations, program_referrals, reminders, tokens
from .forms import AcceptForm, InviteForm, ListingTextForm

provider_required = role_required("provide")


def _service(service_id):
    service = edits.own_service(current_user, service_id)
    if service is None:
        abort(404, description=_("There is no such service among your listings."))
    return service


def _home():
    return url_for("providers.home")


@bp.get("/provider/")
@provider_required
def home():
    """Show the organization's listings and what needs a look."""
    organization = current_user.organization
    services = edits.services_of(current_user.organization_id)
    stale_ids = {s.id for s in reminders.stale_services(current_user.organization_id, today())}
    waiting = [r for r in program_referrals.incoming(current_user.organization_id)
               if r.status == "requested"]
    return render_template("providers/home.html", organization=organization,
                           services=services, stale_ids=stale_ids, waiting=waiting,
                           confirm=ConfirmForm(), reviewed=edits.text_reviewed(),
                           asked=contact_requests.waiting_count(current_user.organization_id))


@bp.route("/provider/services/<service_id>/availability", methods=["GET", "POST"])
@provider_required
def availability(service_id):
    """Update beds or seats free and the waitlist (published at once)."""
    return details.availability_editor(_service(service_id), _home())


@bp.route("/provider/services/<service_id>/hours", methods=["GET", "POST"])
@provider_required
def hours(service_id):
    """Edit the weekly hours (published at once)."""
    return details.hours_editor(_service(service_id), _home())


@bp.route("/provider/<any(services, locations):kind>/<owner_id>/phones",
          methods=["GET", "POST"])
@provider_required
def phones(kind, owner_id):
    """Edit the phone numbers of one of the organization's services or locations."""
    find = edits.own_service if kind == "services" else edits.own_location
    owner = find(current_user, owner_id)
    if owner is None:
        abort(404, description=_("There is no such record among your listings."))
    return details.phones_editor(owner, _home())


@bp.route("/provider/services/<service_id>/text", methods=["GET", "POST"])
@provider_required
def text(service_id):
    """Edit the description and eligibility, in English, Spanish and Vietnamese
    (published, or proposed to the editors)."""
    service = _service(service_id)

    def opened():
        form = ListingTextForm(formdata=None, obj=service)
        translation_forms.fill(form, service)
        edits.fill_first_contact(form, service)
        return form

    form, conflict, saved = editor.posted_edit(
        service, opened, ListingTextForm,
        lambda form: edits.save_text(service, form.data, current_user))
    if saved is not None:
        flash({"published": _("Saved. The public page shows the change now."),
               "proposed": _("Sent to the directory's editors: the public page changes "
                             "when they apply it."),
               "unchanged": _("Nothing changed.")}[saved], "success")
        return redirect(_home())
    return editor.editor_page("providers/text.html", conflict, form=form, service=service,
                              reviewed=edits.text_reviewed())


@bp.post("/provider/services/<service_id>/verify")
@provider_required
def verify(service_id):
    """Mark the listing still accurate today (published at once)."""
    service = _service(service_id)
    if ConfirmForm().validate_on_submit():
        editing.mark_verified(service, current_user.email, today())
        db.session.commit()
        flash(_("“%(name)s” is marked still accurate today.", name=service.name), "success")
    return redirect(_home())


@bp.route("/staff/providers/invite", methods=["GET", "POST"])
@admin_required
def invite():
    """Invite someone at a program to keep its listings (admins)."""
    form = InviteForm()
    form.organization_id.choices = [(o.id, o.name) for o in lookups.all_organizations()]
    link = None
    if form.validate_on_submit():
        organization = db.session.get(Organization, form.organization_id.data)
        try:
            link = invitations.invite(form.email.data, organization, current_user.email,
                                      form.name.data)
            if messaging.email_ready():
                invitations.email_invitation(form.email.data, organization, link)
                link = None
        except (invitations.InvitationProblem, messaging.SendError) as problem:
            db.session.rollback()
            form.email.errors.append(str(problem))
        else:
            db.session.commit()
            flash(_("Invitation made for %(email)s.", email=form.email.data), "success")
            if link is None:
                return redirect(url_for("providers.invite"))
    return render_template("providers/invite.html", form=form, link=link)


@bp.route("/provider/invitation/<token>", methods=["GET", "POST"])
def accept_invitation(token):
    """Take an invitation: choose a name and password; the account starts signed in."""
    row = tokens.find("invite", token)
    if row is None or not row.usable():
        return render_template("providers/link_gone.html"), 410
    form = AcceptForm(data={"name": row.name} if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            user = invitations.accept(row, form.name.data, form.password.data)
        except (invitations.InvitationProblem, ValueError) as problem:
            form.password.errors.append(str(problem))
        else:
            db.session.commit()
            sign_in(user)
            flash(_("Welcome. These are your organization's listings."), "success")
            return redirect(_home())
    return render_template("providers/accept.html", form=form, row=row)


@bp.route("/provider/confirm/<token>", methods=["GET", "POST"])
@csrf.exempt  # the signed one-time link in the URL is the proof; no session is needed
def confirm(token):
    """A reminder's link: one press confirms every listing still accurate, once."""
    row = tokens.find("confirm", token)
    if row is None or not row.usable():
        return render_template("providers/link_gone.html"), 410
    if request.method == "POST":
        if row.user is not None:
            db.session.info[ACTOR] = edits.actor_label(row.user)
        try:
            services = reminders.confirm_all(row, today())
            db.session.commit()
        finally:
            db.session.info.pop(ACTOR, None)
        return render_template("providers/confirmed.html", services=services)
    return render_template("providers/confirm.html", row=row,
                           services=reminders.stale_services(row.organization_id, today()))
