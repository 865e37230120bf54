"""Referrals between a coordinator and a program: the coordinator sends a list item to
the program (with the details the client agreed to share) and can download it as a FHIR
R4 Bundle; the provider sees the referrals sent to its own organization only, and
answers them."""

import json

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..extensions import db
from ..models import ProgramReferral
from ..referrals.list_queries import item_or_404, list_or_404, refer_required, who
from . import bp, fhir, notices, program_referrals
from .forms import AnswerForm, SendToProgramForm
from .views import provider_required


@bp.route("/referrals/lists/<list_id>/items/<item_id>/program", methods=["GET", "POST"])
@refer_required
def send_to_program(list_id, item_id):
    """Send one referral to the program running its service (coordinators)."""
    referral_list = list_or_404(list_id)
    item = item_or_404(referral_list, item_id)
    if not program_referrals.receives_referrals(item.service):
        abort(404, description=_("This program does not take referrals through the "
                                 "directory yet: call or email them instead."))
    form = SendToProgramForm(data={"contact": referral_list.contact or current_user.email})
    if form.validate_on_submit():
        referral = program_referrals.send(item, who(), form.contact.data, form.shared())
        db.session.commit()
        flash(_("Sent to “%(name)s”. Their answer shows on your follow-up dashboard.",
                name=item.service.name), "success")
        _emailed, failed = notices.tell_program(referral)
        if failed:
            flash(_("The program could not be emailed about it: they see the referral when "
                    "they sign in. Call them if it is urgent."), "error")
        return redirect(url_for("referrals.show_list", list_id=list_id))
    return render_template("providers/send.html", form=form, referral_list=referral_list,
                           item=item, sent=program_referrals.latest(item))


@bp.get("/referrals/lists/<list_id>/items/<item_id>/fhir.json")
@refer_required
def fhir_bundle(list_id, item_id):
    """Download the referral as a FHIR R4 Bundle (ServiceRequest, Task and the program)."""
    referral_list = list_or_404(list_id)
    item = item_or_404(referral_list, item_id)
    bundle = fhir.referral_bundle(item, program_referrals.latest(item))
    response = current_app.response_class(json.dumps(bundle, indent=2),
                                          mimetype="application/fhir+json")
    response.headers["Content-Disposition"] = f'attachment; filename="referral-{item.id}.json"'
    return response


def _own_referral(referral_id):
    referral = db.session.get(ProgramReferral, referral_id)
    if referral is None or referral.organization_id != current_user.organization_id:
        abort(404, description=_("There is no such referral to your program."))
    return referral


@bp.get("/provider/referrals")
@provider_required
def referrals():
    """Show the referrals sent to the provider's organization."""
    return render_template("providers/referrals.html",
                           referrals=program_referrals.incoming(current_user.organization_id),
                           words=program_referrals.words)


@bp.route("/provider/referrals/<referral_id>", methods=["GET", "POST"])
@provider_required
def answer(referral_id):
    """Answer one referral: accepted, declined, waitlisted, no capacity, and later."""
    referral = _own_referral(referral_id)
    form = AnswerForm()
    if form.validate_on_submit():
        program_referrals.answer(referral, form.answer.data, form.reason_text.data,
                                 current_user.email)
        db.session.commit()
        flash(_("Answer saved: the coordinator sees it now."), "success")
        return redirect(url_for("providers.referrals"))
    return render_template("providers/answer.html", form=form, referral=referral,
                           words=program_referrals.words)
