"""The public HSDS API 3.0 under /api: read-only JSON (and NDJSON) for other systems,
described by an OpenAPI 3.1 document at /api/openapi.json. Views are thin: they check
parameters, call the search engine, `queries` and the HSDS serializer, and answer with
RFC 9457 problem details when something is wrong. CORS allows any origin to read."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api")

from . import (  # noqa: F401
    errors,
    http,
    openapi,
    organizations,
    service_at_locations,
    services,
    taxonomies,
)
