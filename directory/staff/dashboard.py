"""The staff dashboard (what needs attention, oldest first) and finding a service."""

from flask import redirect, render_template, request

from ..models import SERVICE_STATUSES, utcnow
from ..paging import Pages, page_number
from ..template_helpers import url_with
from . import bp, lookups
from .access import setting, staff_required, today


@bp.get("/")
@staff_required
def dashboard():
    """List what needs attention: stale listings, stale availability, suggestions."""
    stale, stale_total = lookups.stale_services(today(), setting("STALE_AFTER_DAYS"))
    availability = lookups.stale_availability(utcnow(), setting("AVAILABILITY_STALE_DAYS"))
    return render_template(
        "staff/dashboard.html", stale=stale, stale_total=stale_total,
        availability=availability, suggestions=lookups.open_suggestions(),
        stale_days=setting("STALE_AFTER_DAYS"),
        availability_days=setting("AVAILABILITY_STALE_DAYS"))


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
