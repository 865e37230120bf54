"""Suggested corrections: the public form on every service page (CSRF-protected,
rate-limited per address, with a honeypot) and the editors' queue, where a suggestion is
applied (through the service's edit form) or dismissed with a reason. A public visitor
gets no cookie for it: their form carries a signed token (`anonymous_forms`) and the
thanks is a page of its own, not a flashed message kept in a session."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import anonymous_forms, catalogue
from ..extensions import csrf, db, limiter
from ..models import Suggestion
from . import bp, corrections, lookups
from .access import editor_required
from .account_forms import ConfirmForm, DismissForm, SuggestionForm


def _suggestion_or_404(suggestion_id):
    suggestion = lookups.suggestion(suggestion_id)
    if suggestion is None:
        abort(404, description=_("There is no such suggestion."))
    return suggestion


@corrections.route("/services/<service_id>/suggest", methods=["GET", "POST"])
# Only suggestions that were sent count: someone fixing a typo in the form is not held back.
@limiter.limit(lambda: current_app.config["SUGGESTION_LIMIT"], methods=["POST"],
               deduct_when=lambda response: response.status_code == 302)
@csrf.exempt  # checked below: by session for staff, by a signed token for the public
def suggest(service_id):
    """Let anyone tell the editors that a listing is wrong."""
    service = catalogue.listed_service_or_404(service_id)
    staff = current_user.is_authenticated
    if request.method == "POST":
        if staff and current_app.config.get("WTF_CSRF_ENABLED", True):
            csrf.protect()
        elif not anonymous_forms.valid(request.form.get("form_token"), service.id):
            message = _("This form has expired or did not come from this site. Go back, "
                        "reload the page and send it again.")
            return render_template("staff/refused.html", message=message, code=400), 400
    form = SuggestionForm() if staff else SuggestionForm(meta={"csrf": False})
    if form.validate_on_submit():
        if not form.homepage.data:  # a robot filled the hidden field: thank it, keep nothing
            db.session.add(Suggestion(service_id=service.id, body=form.body.data.strip(),
                                      contact=(form.contact.data or "").strip() or None))
            db.session.commit()
        return redirect(url_for("corrections.suggestion_sent", service_id=service.id))
    token = None if staff else anonymous_forms.issue(service.id)
    return render_template("staff/suggest.html", form=form, service=service, form_token=token)


@corrections.get("/services/<service_id>/suggest/sent")
def suggestion_sent(service_id):
    """Thank the person who sent a suggestion."""
    return render_template("staff/suggestion_sent.html",
                           service=catalogue.listed_service_or_404(service_id))


@corrections.errorhandler(429)
def too_many_suggestions(error):
    """Explain the suggestion rate limit in words."""
    message = _("You have sent several suggestions in a short time. Thank you! Please wait "
                "an hour before sending more.")
    return render_template("staff/refused.html", message=message, code=429), 429


@bp.get("/suggestions")
@editor_required
def suggestions():
    """List the suggestions waiting for an editor, oldest first."""
    return render_template("staff/suggestions.html", suggestions=lookups.open_suggestions(),
                           confirm=ConfirmForm())


@bp.post("/suggestions/<suggestion_id>/apply")
@editor_required
def apply_suggestion(suggestion_id):
    """Mark a suggestion applied (the listing was corrected in one of its editors)."""
    suggestion = _suggestion_or_404(suggestion_id)
    if ConfirmForm().validate_on_submit() and suggestion.is_open:
        suggestion.resolve("applied", current_user.email)
        db.session.commit()
        flash(_("Suggestion marked as applied."), "success")
    return redirect(url_for("staff.suggestions"))


@bp.route("/suggestions/<suggestion_id>/dismiss", methods=["GET", "POST"])
@editor_required
def dismiss_suggestion(suggestion_id):
    """Dismiss a suggestion, saying why."""
    suggestion = _suggestion_or_404(suggestion_id)
    if not suggestion.is_open:
        flash(_("This suggestion was already dealt with."), "info")
        return redirect(url_for("staff.suggestions"))
    form = DismissForm()
    if form.validate_on_submit():
        suggestion.resolve("dismissed", current_user.email, form.reason.data.strip())
        db.session.commit()
        flash(_("Suggestion dismissed."), "success")
        return redirect(url_for("staff.suggestions"))
    return render_template("staff/dismiss.html", form=form, suggestion=suggestion)
