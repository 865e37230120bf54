"""What every API answer shares: a POST body read within API_MAX_BODY_BYTES (a 413 in
words past it), a check that the query string is UTF-8 without NUL characters, CORS for any
origin, the HSDS Page object, one record or a 404 naming it, NDJSON streaming, and ETag and
Last-Modified with conditional requests answered 304."""

import hashlib
import json
from datetime import UTC
from urllib.parse import unquote_to_bytes

from flask import Response, current_app, request, stream_with_context
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import RequestEntityTooLarge

from . import bp, queries
from .errors import BadParameters, not_found
from .listing_args import usable_id

NDJSON = "application/x-ndjson"


@bp.before_request
def read_body_within_bounds():
    """Read a POST's body before anything parses it, refusing one past the API's bound."""
    if request.method != "POST":
        return
    most = current_app.config["API_MAX_BODY_BYTES"]
    request.max_content_length = most  # also stops a body sent without a length
    try:
        request.get_data(cache=True)
    except RequestEntityTooLarge:
        raise RequestEntityTooLarge(
            f"The request body is larger than the {most:,} bytes the API accepts. Send only "
            "the search parameters, as a form or a flat JSON object.") from None


@bp.before_request
def check_query_string():
    for part in request.query_string.split(b"&"):
        try:
            unquote_to_bytes(part.replace(b"+", b" ")).decode("utf-8")
        except UnicodeDecodeError:
            raise BadParameters({"query": "The query string is not valid UTF-8: percent-encode "
                                          "text as UTF-8 (for example é as %C3%A9)."}) from None
    fields = request.form if request.method == "POST" else MultiDict()
    for key, value in [*request.args.items(multi=True), *fields.items(multi=True)]:
        if "\x00" in key or "\x00" in value:
            raise BadParameters({key.replace("\x00", "") or "query":
                                 "Parameters cannot contain NUL characters."})


@bp.after_request
def allow_any_origin(response):
    if request.method in ("GET", "HEAD", "OPTIONS", "POST"):
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
        if request.method == "OPTIONS":
            response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, POST, OPTIONS"
            response.headers["Access-Control-Allow-Headers"] = ("If-None-Match, If-Modified-Since, "
                                                                "Content-Type")
            response.headers["Access-Control-Max-Age"] = "86400"
    return response


def page_body(contents, total, paging, **extra):
    """Return an HSDS Page object."""
    pages = max(1, -(-total // paging.per_page))
    return {"total_items": total, "total_pages": pages, "page_number": paging.page,
            "size": len(contents), "first_page": paging.page == 1,
            "last_page": paging.page >= pages, "empty": not contents, **extra,
            "contents": contents}


def _stamp_headers(response, etag_source):
    changed_at = queries.data_changed_at()
    response.set_etag(hashlib.sha256(etag_source).hexdigest()[:32], weak=True)
    if changed_at is not None:
        response.last_modified = changed_at.replace(tzinfo=UTC)
    response.headers["Cache-Control"] = "public, max-age=0, must-revalidate"
    return response.make_conditional(request)


def answer(body, status=200):
    """Return a JSON answer with its validators, or 304 when the client has it already."""
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    response = Response(data, status, mimetype="application/json")
    return _stamp_headers(response, data.encode())


def stream(lines):
    """Return an NDJSON answer streaming `lines` (dicts) as they are made."""
    def generate():
        for item in lines:
            yield json.dumps(item, ensure_ascii=False, separators=(",", ":")) + "\n"

    response = Response(stream_with_context(generate()), mimetype=NDJSON)
    source = f"{request.full_path}|{queries.data_stamp()}".encode()
    return _stamp_headers(response, source)


def answer_one(kind, record_id, find):
    """Answer the object `find(record_id)` returns, or a 404 saying there is no `kind`
    with that id (a path id no record could have is simply not found)."""
    found = find(record_id) if usable_id(record_id) else None
    if found is None:
        raise not_found(kind, record_id)
    return answer(found)
