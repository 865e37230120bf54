"""Error pages: calm, in the site's layout, and never a stack trace."""

from flask import render_template, request
from werkzeug.exceptions import HTTPException

from .extensions import db
from .logs import redact_path


def wants_json():
    """Return whether the client asked for JSON (the API, or an Accept header)."""
    return request.path.startswith("/api/") or request.path == "/api" or (
        request.accept_mimetypes.best == "application/json"
    )


def init_app(app):
    """Register the error handlers on `app`."""

    @app.errorhandler(HTTPException)
    def http_error(exc):
        if wants_json():
            body = {"status": exc.code, "title": exc.name, "detail": exc.description}
            return body, exc.code
        return render_template("error.html", error=exc), exc.code

    @app.errorhandler(Exception)
    def server_error(exc):
        db.session.rollback()
        app.logger.exception("Unhandled error on %s %s", request.method,
                             redact_path(request.path))
        if wants_json():
            body = {"status": 500, "title": "Internal Server Error",
                    "detail": "Something went wrong on our side. It has been logged."}
            return body, 500
        return render_template("error.html", error=None), 500
