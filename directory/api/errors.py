"""Errors as RFC 9457 problem details: `status`, `title`, `detail` (and `errors`, naming
each bad parameter), served as application/problem+json for every failure under /api."""

from flask import current_app, request
from werkzeug.exceptions import BadRequest, HTTPException, NotFound

from ..errors import storage_unavailable
from ..extensions import db
from . import bp

PROBLEM_TYPE = "application/problem+json"


class BadParameters(BadRequest):
    """A 400 naming each parameter that is wrong and what to send instead."""

    def __init__(self, errors):
        self.errors = dict(errors)
        detail = " ".join(self.errors.values())
        super().__init__(detail)


def problem(status, title, detail, **extra):
    """Return a problem-details response."""
    body = {"type": "about:blank", "status": status, "title": title, "detail": detail, **extra}
    return body, status, {"Content-Type": PROBLEM_TYPE}


def not_found(kind, record_id):
    """Return the NotFound to raise for an unknown id."""
    return NotFound(f"There is no {kind} with the id {record_id!r}.")


@bp.errorhandler(HTTPException)
def http_error(exc):
    extra = {"errors": exc.errors} if isinstance(exc, BadParameters) else {}
    response = problem(exc.code, exc.name, exc.description, **extra)
    if exc.code == 405 and exc.valid_methods:
        response[2]["Allow"] = ", ".join(exc.valid_methods)
    return response


@bp.errorhandler(Exception)
def server_error(exc):
    db.session.rollback()
    unavailable = storage_unavailable(exc)  # the database away: a 503, as on every page
    if unavailable is not None:
        return unavailable
    current_app.logger.exception("Unhandled API error on %s %s", request.method, request.path)
    return problem(500, "Internal Server Error",
                   "Something went wrong on our side. It has been logged.")
