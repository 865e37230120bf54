"""The staff dashboard (what needs attention, oldest first) and finding a service. A
coordinator sees their own work first (follow-ups due, their latest lists); the queues of
services to verify are the editors' work, folded away below it for a coordinator."""

from flask import redirect, render_template, request
from flask_login import current_user

from ..models import SERVICE_STATUSES, utcnow
from ..paging import Pages, page_number
from ..referrals import outcomes
from ..referrals.forms import STATUS_LABELS
from ..referrals.list_queries import lists_of
from ..template_helpers import url_with
from . import bp, lookups
from .access import setting, staff_required, today

MY_LISTS = 5  # a coordinator's latest lists on the dashboard; the rest are one link away


@bp.get("/")
@staff_required
def dashboard():
    """List what needs attention: a coordinator's follow-ups and lists, then stale
    listings, stale availability and suggestions."""
    day = today()
    stale, stale_total = lookups.stale_services(day, setting("STALE_AFTER_DAYS"))
    availability = lookups.stale_availability(utcnow(), setting("AVAILABILITY_STALE_DAYS"))
    coordinator = current_user.can("refer") and not current_user.can("edit")
    mine = {}
    if coordinator:
        mine = {"due": outcomes.due_items(current_user, day), "statuses": STATUS_LABELS,
                "my_lists": lists_of(current_user, limit=MY_LISTS), "today": day}
    return render_template(
        "staff/dashboard.html", stale=stale, stale_total=stale_total,
        availability=availability, suggestions=lookups.open_suggestions(),
        stale_days=setting("STALE_AFTER_DAYS"), coordinator=coordinator,
        availability_days=setting("AVAILABILITY_STALE_DAYS"), **mine)


@bp.get("/services")
@staff_required
def services():
    """Find services by name or organization, in any status."""
    text = request.args.get("q", "").strip()[:200]
    status = request.args.get("status", "")
    if status not in (*SERVICE_STATUSES, "listed"):
        status = ""
    page = page_number(request.args)
    found, total = lookups.find_services(text, status or None, page)
    pages = Pages(page, lookups.PAGE, total)
    if pages.past_the_end:
        return redirect(url_with(page=pages.count))
    return render_template("staff/services.html", services=found, total=total, q=text,
                           status=status, statuses=SERVICE_STATUSES, pages=pages)
