"""Public pages: home, search results, browse by category, a category, a service, an
organization, and how to browse safely."""

from flask import (
    abort,
    current_app,
    redirect,
    render_template,
    request,
    send_from_directory,
    url_for,
)
from flask_babel import get_locale, gettext

from .. import catalogue, coverage, finder, locate, search
from ..paging import Pages, page_number
from ..template_helpers import url_with
from . import bp, cards, organization_page, service_page


@bp.get("/")
def home():
    """Show the search form with the categories people need most (the rest one link away)."""
    return render_template("public/home.html")


@bp.get("/favicon.ico")
def favicon():
    """The site's icon, where every browser asks for it (static/favicon.ico)."""
    return send_from_directory(current_app.static_folder, "favicon.ico", max_age=7 * 24 * 3600)


@bp.get("/search")
def results():
    """Show the services that match what and where the person asked for."""
    findings = finder.find(request.args, reads=[str(get_locale())])
    findings.items = cards.with_cards(findings.items)
    findings.remote = cards.with_cards(findings.remote)
    result = findings.result
    if result is not None and result.total and result.page > result.total_pages:
        # A page past the end (an old link, a typed URL): show the last one instead.
        return redirect(url_with(page=result.total_pages))
    status = 400 if findings.errors else 200
    return render_template("public/results.html", findings=findings,
                           elsewhere=coverage.ELSEWHERE, link_query=cards.search_query(
                               finder.search_carry(request.args))), status


@bp.get("/categories")
def categories():
    """List every category with how many services it holds."""
    return render_template("public/categories.html", sections=catalogue.category_sections())


@bp.get("/categories/<code>")
def category(code):
    """List the services of one category."""
    term = catalogue.get_term(code)
    if term is None or term.group != catalogue.CATEGORY_GROUP:
        abort(404, description=gettext("There is no such category."))
    page = page_number(request.args)
    service_ids, total = catalogue.services_in_term(term, page)
    pages = Pages(page, catalogue.PAGE_SIZE, total)
    if pages.past_the_end:  # an old link to a page the category no longer fills
        return redirect(url_with(page=pages.count))
    return render_template("public/category.html", term=term, pages=pages,
                           services=cards.listing(service_ids))


@bp.get("/services/<service_id>")
def service(service_id):
    """Show everything the directory holds about one service: the page kept for it
    (service_page.py), with what depends on this request filled in."""
    page = service_page.kept(service_id)
    return render_template("public/service.html", page=page,
                           body=service_page.body(page, _searched_place()),
                           print_view=request.args.get("print") == "1",
                           back_to_results=_results_link())


def _results_link():
    """Return the address of the search results this page was opened from, or None."""
    carried = finder.search_carry(request.args)
    return url_for("public.results", **carried) if carried else None


def _searched_place():
    """Return the place the person searched from (carried in the link), or None."""
    try:
        return locate.resolve(request.args.get("near"), request.args.get("lat"),
                              request.args.get("lng"))
    except locate.LocationError:
        return None


@bp.get("/browse-safely")
def browse_safely():
    """Explain private windows, clearing history and leaving quickly, in plain words."""
    return render_template("public/browse_safely.html")


@bp.get("/organizations/<organization_id>")
def organization(organization_id):
    """Show an organization and the services it lists."""
    page = organization_page.kept(organization_id)
    return render_template("public/organization.html", page=page,
                           services=cards.listing(search.first_listings(page.listed)))
