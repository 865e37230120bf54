"""Organizations: `/api/organizations` (GET or POST: a Page of organizations, by name or
taxonomy term or taxonomy; `full` nests
their locations, phones, contacts and services) and `/api/organizations/{id}` (fully
nested, its services by their own fields unless `full_service`)."""

from flask import request

from ..hsds import serialize
from . import bp, queries
from .http import answer, answer_one, page_body, stream
from .listing_args import flag, paging, raise_if, record_id, request_args, text


def organization_object(organization_id, full=True, full_service=False):
    """Return the HSDS organization (None if unknown), services nested per `full_service`."""
    store = serialize.RowStore()
    rows = store.load("organization", [organization_id])
    if not rows:
        return None
    store.prefetch("organization", rows, full)
    serializer = serialize.Serializer(store)
    obj = serializer.object("organization", rows[0], full)
    if full and not full_service:
        services = store.children.get(("service", "organization_id", None), {})
        obj["services"] = [serializer.fields("service", row) for row in sorted(
            services.get(organization_id, []), key=lambda r: ((r["name"] or "").lower(), r["id"]))]
    return obj


def _objects(ids, full, full_service):
    if full:
        return [organization_object(i, True, full_service) for i in ids]
    return serialize.objects("organization", ids, full=False)


@bp.route("/organizations", methods=["GET", "POST"])
def organizations():
    """A Page of organizations, optionally searched by name or filtered by taxonomy."""
    args, errors = request_args(), {}
    page = paging(args, errors)
    search_text = text(args, "search", errors)
    full = flag(args, "full", errors)
    full_service = flag(args, "full_service", errors)
    term_id = record_id(args, "taxonomy_term_id", errors)
    taxonomy_id = record_id(args, "taxonomy_id", errors)
    raise_if(errors)
    term_ids = [term_id] if term_id else None
    if page.format == "ndjson":
        ids, _ = queries.organization_ids(search_text, term_ids, taxonomy_id)
        return stream(item for i in ids for item in _objects([i], full, full_service))
    ids, total = queries.organization_ids(search_text, term_ids, taxonomy_id, page)
    return answer(page_body(_objects(ids, full, full_service), total, page))


@bp.get("/organizations/<organization_id>")
def organization(organization_id):
    """One organization, fully nested."""
    errors = {}
    full_service = flag(request.args, "full_service", errors)
    raise_if(errors)
    return answer_one("organization", organization_id,
                      lambda oid: organization_object(oid, True, full_service))
