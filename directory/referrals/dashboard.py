"""The coordinator's dashboard: my open referrals, the follow-ups due today or overdue,
and the outcome counts per service and per category over a chosen period."""

from flask import render_template, request
from flask_login import current_user

from ..labels import term_label
from ..staff.access import today
from . import bp, outcomes
from .forms import STATUS_LABELS, PeriodForm
from .list_queries import refer_required


@bp.get("/")
@refer_required
def dashboard():
    """Show what to follow up and how referrals turned out."""
    day = today()
    form = PeriodForm(request.args)
    valid = form.validate() if request.args else True
    end = form.end.data if valid and form.end.data else day
    start = form.start.data if valid and form.start.data else min(day.replace(day=1), end)
    form.start.data, form.end.data = start, end
    return render_template(
        "referrals/dashboard.html", form=form, today=day, statuses=STATUS_LABELS,
        open_items=outcomes.open_items(current_user), due=outcomes.due_items(current_user, day),
        per_service=outcomes.per_service(start, end),
        per_category=outcomes.per_category(start, end, term_label), start=start, end=end)
