"""The API's root and its services: `/api/` (what this API is), `/api/services` (GET, or
POST with the parameters in the body: the search engine's full-text, location and filter
search as an HSDS Page of services by their own fields, fully nested with `full`, or just
id, name, status and last_modified with `minimal`; or NDJSON) and `/api/services/{id}`
(one fully nested service)."""

from datetime import UTC, datetime

from flask import current_app, url_for

from .. import catalogue, coverage, finder, locate, search
from ..extensions import kept_by_app
from ..hsds import serialize
from ..kept import KeptByStamp
from . import bp, queries
from .errors import BadParameters
from .http import answer, answer_one, page_body, stream
from .listing_args import (
    Paging,
    clamped,
    flag,
    paging,
    raise_if,
    record_id,
    request_args,
)

HSDS_VERSION = "3.0"
PROFILE = "https://docs.openreferral.org/en/latest/hsds/"
STREAM_CHUNK = 200
EVERYTHING = 10 ** 9
MINIMAL_PER_PAGE_MAX = 1000  # the specification: "aim to return all services within one call"
MINIMAL_FIELDS = ("id", "name", "status", "last_modified")
NO_TERM = "-"  # a term id nothing has: a taxonomy without terms matches no service


@bp.get("/")
def about():
    """What this API is: its HSDS version, profile and OpenAPI document."""
    return answer({
        "version": HSDS_VERSION, "profile": PROFILE,
        "openapi_url": url_for("api.openapi_document", _external=True),
        "description": f"{current_app.config['DIRECTORY_NAME']}: mental-health recovery "
                       "resources, read-only (HSDS 3.0 with this directory's extensions).",
        "publisher": {"name": current_app.config["DIRECTORY_NAME"]},
    })


def _modified_after_fits(args):
    """Return whether modified_after, if given, is a moment the calendar can hold in UTC."""
    raw = (args.get("modified_after") or "").strip()
    try:
        moment = datetime.fromisoformat(raw) if raw else None
        if moment is not None and moment.tzinfo is not None:
            moment.astimezone(UTC)
    except (ValueError, OverflowError):
        return False
    return True


def search_request(args, extra=None):
    """Return (SearchParams with its place, format) from the parameters, or raise 400
    (naming the problems noted in `extra` too)."""
    if not _modified_after_fits(args):
        raise BadParameters({"modified_after": "modified_after must be an ISO 8601 date or "
                                               "date-time between years 1 and 9999 in UTC."})
    params, errors = search.parse(clamped(args), catalogue.allowed_terms())
    errors.update(extra or {})
    format_errors = {}
    fmt = paging(args, format_errors).format
    if "format" in format_errors:
        errors["format"] = format_errors["format"]
    taxonomy_id = record_id(args, "taxonomy_id", errors)
    raise_if(errors)
    if taxonomy_id:
        in_taxonomy = set(queries.terms_of_taxonomy(taxonomy_id))
        wanted = [t for t in params.taxonomy_term_ids if t in in_taxonomy] \
            if params.taxonomy_term_ids else sorted(in_taxonomy)
        params.taxonomy_term_ids = wanted or [NO_TERM]
    try:
        params.place = locate.resolve(params.near, params.lat, params.lng)
    except locate.LocationError as exc:
        raise BadParameters({"near": str(exc)}) from None
    problem, note = finder.transit_reach(params)
    if problem or note:  # a client asking for what transit reaches gets it, or a reason
        raise BadParameters({"transit": problem or note})
    return params, fmt


def service_items(hits, full=True, minimal=False, kept=False):
    """Return the HSDS service objects of search hits, each with its distance (or, with
    `minimal`, only the fields that say which service and when it last changed). `kept`:
    from the objects this worker keeps for the current data (a page's; a whole answer
    streamed would only push the most asked for out)."""
    full = full and not minimal
    ids = [h.service_id for h in hits]
    objects = _kept().get([(i, full) for i in ids], coverage.data_stamp(),
                          lambda keys: _read(keys, full)) if kept else \
        serialize.objects("service", ids, full=full)
    if minimal:
        return [{k: obj[k] for k in MINIMAL_FIELDS if k in obj} for obj in objects]
    found = {s["id"]: s for s in objects}
    return [{**found[h.service_id], "distance_miles": None if h.distance_miles is None
             else round(h.distance_miles, 2)} for h in hits if h.service_id in found]


def _kept():
    return kept_by_app("api_services",
                       lambda: KeptByStamp(current_app.config["API_SERVICES_KEPT"]))


def _read(keys, full):
    return {(o["id"], full): o for o in serialize.objects("service", [k[0] for k in keys], full)}


def _all_hits(params, full, minimal):
    params.page, params.per_page = 1, EVERYTHING
    hits = search.search(params).hits
    for start in range(0, len(hits), STREAM_CHUNK):
        yield from service_items(hits[start:start + STREAM_CHUNK], full, minimal)


@bp.route("/services", methods=["GET", "POST"])
def services():
    """Search services: a Page of HSDS services with distances and facets."""
    args, errors = request_args(), {}
    full, minimal = flag(args, "full", errors), flag(args, "minimal", errors)
    params, fmt = search_request(args, errors)
    if minimal:
        params.per_page = paging(args, {}, MINIMAL_PER_PAGE_MAX).per_page
    if fmt == "ndjson":
        return stream(_all_hits(params, full, minimal))
    result = search.search(params)
    body = page_body(service_items(result.hits, full, minimal, kept=True), result.total,
                     Paging(result.page, result.per_page), facets=result.facets,
                     suggestion=result.suggestion)
    return answer(body)


@bp.get("/services/<service_id>")
def service(service_id):
    """One service, fully nested."""
    return answer_one("service", service_id, lambda sid: serialize.one("service", sid))
