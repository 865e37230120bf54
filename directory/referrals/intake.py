"""Intake matching for a referral list: the coordinator describes the client's needs and
barriers, sees the services ranked with their reasons, and adds one to the list with a
click. The form is posted, never put in a URL, and nothing of it is stored: adding a
service posts the same answers again and shows the results once more."""

from flask import flash, render_template, request
from flask_babel import gettext as _

from .. import catalogue, locate, matching
from ..extensions import db
from ..labels import term_label
from . import bp
from .forms import BARRIER_LABELS, MatchForm
from .getting_there import first_steps, transit_lines
from .list_queries import list_or_404, refer_required, who


def client_needs(form):
    """Return the ClientNeeds the form describes; raise locate.LocationError for the place."""
    return matching.ClientNeeds(
        categories=list(form.categories.data or []), text=(form.text.data or "").strip(),
        # A client's address is looked up for this answer only, never cached.
        place=locate.resolve(form.near.data, remember=False), radius_miles=float(form.radius.data),
        age=form.age.data, languages=list(form.languages.data or []),
        payment=form.payment.data or None, barriers=set(form.barriers.data or []),
        groups=set(form.groups.data or []), show_limited=bool(form.show_limited.data))


@bp.route("/lists/<list_id>/match", methods=["GET", "POST"])
@refer_required
def match(list_id):
    """Show the intake form; on posting it, the ranked services (and add one if asked)."""
    referral_list = list_or_404(list_id)
    form = MatchForm()
    form.categories.choices = [(code, term_label(code, name))
                               for code, name in catalogue.term_choices("category")]
    result, added, steps, transit = None, None, {}, {}
    if form.validate_on_submit():
        try:
            needs = client_needs(form)
        except locate.LocationError as exc:
            form.near.errors = [str(exc)]
        else:
            added = _add(referral_list, request.form.get("add"))
            result = matching.match(needs)
            steps = first_steps(item.service for item in result.matches)
            transit = transit_lines(result.matches, needs.place)
    status = 400 if form.errors else 200
    return render_template("referrals/match.html", form=form, referral_list=referral_list,
                           result=result, added=added, barrier_labels=BARRIER_LABELS,
                           first_steps=steps, transit=transit,
                           on_list={item.service_id for item in referral_list.items}), status


def _add(referral_list, service_id):
    if not service_id:
        return None
    service = catalogue.listed_service(service_id)
    if service is None:
        flash(_("That service is no longer listed; it was not added."), "error")
        return None
    referral_list.add_service(service, who())
    referral_list.record("added", who(), service.name)
    db.session.commit()
    return service
