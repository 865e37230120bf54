"""Reading the directory for pages: one service or organization with everything it
holds (a service the public may see, or a 404 saying it is not listed), the categories
with their counts, and the services of a category."""

from functools import cache

from flask_babel import gettext
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload
from werkzeug.exceptions import abort

from . import coverage, search
from .extensions import db
from .models import (
    Attribute,
    Location,
    Organization,
    Phone,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from .models.service_facts import LISTED, TEMPORARILY_CLOSED
from .search.params import GROUP_PARAMS

CATEGORY_GROUP = "category"
PAGE_SIZE = 20


def _card_parts():
    """Return the eager loads of what every card and page shows of a service."""
    return (
        selectinload(Service.organization),
        selectinload(Service.schedules),
        selectinload(Service.service_areas),
        selectinload(Service.languages),
        selectinload(Service.capacities),
        selectinload(Service.attributes).selectinload(Attribute.taxonomy_term)
        .selectinload(TaxonomyTerm.parent),
        selectinload(Service.translations),  # its text in the reader's language
    )


@cache
def service_loader_options():
    """Return the eager loads that bring a service and everything shown about it (built
    once: SQLAlchemy reuses the options, and building them costs more than the query)."""
    return (
        *_card_parts(),
        selectinload(Service.phones).options(selectinload(Phone.languages),
                                             selectinload(Phone.translations)),
        selectinload(Service.cost_options),
        selectinload(Service.contacts),
        selectinload(Service.service_at_locations).selectinload(ServiceAtLocation.location)
        .options(selectinload(Location.addresses), selectinload(Location.accessibility),
                 selectinload(Location.phones), selectinload(Location.languages)),
    )


@cache
def card_loader_options():
    """Return the eager loads of what a result or category card shows: no contacts, cost
    options, phone languages, or a location's own phones, hours and accessibility (its
    languages, yes: a service that lists none speaks its places')."""
    return (
        *_card_parts(),
        selectinload(Service.phones).selectinload(Phone.translations),
        selectinload(Service.service_at_locations).selectinload(ServiceAtLocation.location)
        .options(selectinload(Location.addresses), selectinload(Location.languages)),
    )


def get_service(service_id):
    """Return the service with `service_id` and all it holds, or None."""
    return db.session.scalar(
        select(Service).where(Service.id == service_id).options(*service_loader_options())
    )


def listed_service(service_id):
    """Return the service with `service_id` and all it holds if the public may see it,
    else None (not in the directory, or no longer listed)."""
    service = get_service(service_id)
    return service if service is not None and service.is_listed else None


def listed_service_or_404(service_id):
    """Return the listed service with `service_id`, or end the request with a 404 that
    says it is not in the directory (the service page and the suggestion form ask)."""
    service = listed_service(service_id)
    if service is None:
        abort(404, description=gettext(
            "This service is not in the directory, or is no longer listed."))
    return service


def get_services(ids, options=None):
    """Return the services with these ids, in the order of `ids`, with what `options` load
    (everything shown about a service when None)."""
    if not ids:
        return []
    found = db.session.scalars(
        select(Service).where(Service.id.in_(list(ids)))
        .options(*(service_loader_options() if options is None else options))
    ).all()
    by_id = {s.id: s for s in found}
    return [by_id[i] for i in ids if i in by_id]


def get_organization(organization_id):
    """Return the organization with its phones and services (their own rows only: what
    its page shows of them comes from their cards), or None."""
    return db.session.scalar(
        select(Organization).where(Organization.id == organization_id)
        .options(selectinload(Organization.phones), selectinload(Organization.services))
    )


def term_group(code):
    """Return the children of the top-level project term `code`, by name."""
    parent = db.session.scalar(
        select(TaxonomyTerm).where(TaxonomyTerm.code == code, TaxonomyTerm.parent_id.is_(None))
    )
    return sorted(parent.children, key=lambda t: t.name) if parent else []


def taxonomy_codes(groups):
    """Return {group: set of codes} of the project taxonomy's `groups`, read again only
    when the directory's data stamp moves (any taxonomy change moves it)."""
    groups = tuple(sorted(groups))
    return coverage.per_stamp(("taxonomy codes", groups), lambda: {
        group: frozenset(t.code for t in term_group(group)) for group in groups})


def term_choices(code):
    """Return [(code, name)] of the terms of the group `code`, by name (a form's choices),
    read again only when the directory's data stamp moves."""
    return coverage.per_stamp(("term choices", code),
                              lambda: [(t.code, t.name) for t in term_group(code)])


def allowed_terms():
    """Return {group: set of codes} of the project taxonomy for every filter parameter, so
    the public search and the API refuse the same unknown codes."""
    return taxonomy_codes(set(GROUP_PARAMS.values()))


def get_term(code):
    """Return the project term with this code, or None."""
    return db.session.scalar(
        select(TaxonomyTerm).where(TaxonomyTerm.code == code, TaxonomyTerm.parent_id.is_not(None))
    )


def category_counts():
    """Return [(term, number of listed services)] for every category, counted from the
    search index's facts (which hold exactly the listed services)."""
    counts = search.tag_counts(CATEGORY_GROUP)
    return [(term, counts.get(term.code, 0)) for term in term_group(CATEGORY_GROUP)]


def category_sections():
    """Return {"open-eligibility:<top group name>" (or "" for none): [(term, count)]}: each
    category with a listed service under the Open Eligibility top group it maps to, for
    "See every category" (a category of none would be a link to an empty page). The
    groups are read with one query, once per index version."""
    return _sections([(term, count) for term, count in category_counts() if count],
                     search.remember("open-eligibility-tops", _tops))


def _tops():
    """Return {taxonomy term id: the name of its top-level ancestor} for every term."""
    rows = db.session.execute(select(TaxonomyTerm.id, TaxonomyTerm.name,
                                     TaxonomyTerm.parent_id)).all()
    parents = {row.id: row for row in rows}
    tops = {}
    for row in rows:
        top, seen = row, set()
        while top.parent_id in parents and top.id not in seen:  # a cycle ends the walk
            seen.add(top.id)
            top = parents[top.parent_id]
        tops[row.id] = top.name
    return tops


def _sections(counts, tops):
    sections = {}
    for term, count in counts:
        top = tops.get(term.open_eligibility_term_id)
        sections.setdefault(f"open-eligibility:{top}" if top else "", []).append((term, count))
    return sections


def category_counts_in_database():
    """Return [(term, number of listed services)] counted from the tables: a scan of
    every attribute row, for the operator's `stats` command, never for a page."""
    counts = dict(db.session.execute(
        select(Attribute.taxonomy_term_id, func.count(func.distinct(Service.id)))
        .join(Service, Service.id == Attribute.link_id)
        .where(Attribute.link_entity == "service", Service.status.in_(LISTED))
        .group_by(Attribute.taxonomy_term_id)
    ).all())
    return [(term, counts.get(term.id, 0)) for term in term_group(CATEGORY_GROUP)]


def services_in_term(term, page=1, per_page=PAGE_SIZE):
    """Return (the ids of one page of the listed services tagged with `term`, how many
    there are), open ones first, then by name, a service listed twice once. The order is
    read once per index version (every change to a service changes the index): a page
    costs no more than its cards."""
    order = search.remember(("services in term", term.id), lambda: _ordered_in_term(term))
    start = (max(page, 1) - 1) * per_page
    return order[start:start + per_page], len(order)


def _ordered_in_term(term):
    rows = db.session.execute(
        select(Service.id, Service.status, Service.name)
        .join(Attribute, Attribute.link_id == Service.id)
        .where(Attribute.link_entity == "service", Attribute.taxonomy_term_id == term.id,
               Service.status.in_(LISTED))
    ).all()
    rows = sorted(set(rows),
                  key=lambda r: (r.status == TEMPORARILY_CLOSED, r.name.lower(), r.id))
    return search.first_listings([r.id for r in rows])


def counts_per_table():
    """Return {table name: row count} for every table of the data model."""
    return {
        table.name: db.session.scalar(select(func.count()).select_from(table))
        for table in db.metadata.sorted_tables
    }
