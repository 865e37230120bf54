"""Readiness for the load balancer: `/healthz` answers 200 only when the database answers
and this server's search index holds the change log to within a few seconds, and 503 with
the reason otherwise (a server still building its index, or catching up, is left out)."""

from flask import Blueprint, jsonify

from . import search

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    """Answer whether this server can serve correct answers now, and why not."""
    ready, reason = search.readiness()
    response = jsonify(status="ready" if ready else "unavailable", reason=reason)
    response.status_code = 200 if ready else 503
    response.headers["Cache-Control"] = "no-store"
    return response
