"""Taxonomies and their terms: `/api/taxonomies` (GET or POST), `/api/taxonomies/{id}`,
`/api/taxonomy_terms` (GET or POST; by `taxonomy_id`, `parent_id`, `top_only` and name) and
`/api/taxonomy_terms/{id}`."""

from ..hsds import serialize
from . import bp, queries
from .http import answer, answer_one, page_body, stream
from .listing_args import flag, paging, raise_if, record_id, request_args, text


def _listing(table_name, ids_for):
    args, errors = request_args(), {}
    page = paging(args, errors)
    filters = ids_for(args, errors)
    raise_if(errors)
    if page.format == "ndjson":
        ids, _ = filters()
        return stream(serialize.objects(table_name, ids, full=False))
    ids, total = filters(page)
    return answer(page_body(serialize.objects(table_name, ids, full=False), total, page))


def _one(table_name, record_id_value):
    return answer_one(table_name.replace("_", " "), record_id_value,
                      lambda rid: serialize.one(table_name, rid, full=False))


@bp.route("/taxonomies", methods=["GET", "POST"])
def taxonomies():
    """A Page of taxonomies, optionally searched by name."""
    def ids_for(args, errors):
        search_text = text(args, "search", errors)
        return lambda page=None: queries.taxonomy_ids(search_text, page)
    return _listing("taxonomy", ids_for)


@bp.get("/taxonomies/<taxonomy_id>")
def taxonomy(taxonomy_id):
    """One taxonomy."""
    return _one("taxonomy", taxonomy_id)


@bp.route("/taxonomy_terms", methods=["GET", "POST"])
def taxonomy_terms():
    """A Page of taxonomy terms, by taxonomy, parent, top level only, or name."""
    def ids_for(args, errors):
        search_text = text(args, "search", errors)
        taxonomy_id = record_id(args, "taxonomy_id", errors)
        parent_id = record_id(args, "parent_id", errors)
        top_only = flag(args, "top_only", errors)
        return lambda page=None: queries.taxonomy_term_ids(search_text, taxonomy_id, parent_id,
                                                           top_only, page)
    return _listing("taxonomy_term", ids_for)


@bp.get("/taxonomy_terms/<term_id>")
def taxonomy_term(term_id):
    """One taxonomy term, with its taxonomy."""
    return _one("taxonomy_term", term_id)
