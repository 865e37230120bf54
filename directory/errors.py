"""Error pages: calm, in the site's layout, and never a stack trace. An error page that
cannot be drawn (its layout failing on the same bad request) falls back to a plain page,
so the answer still carries its status and the security headers."""

from flask import make_response, render_template, request
from werkzeug.exceptions import HTTPException

from .extensions import db
from .logs import redact_path

PLAIN_PAGE = ("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>{code}</title>"
              "<h1>{code}</h1><p>Something went wrong. Please go back and try again.</p>"
              "<p><a href=\"/\">Go to the home page</a></p><p>In crisis? Call or text 988.</p>"
              "</html>")


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
            response = make_response(body, exc.code)
        else:
            response = make_response(_page(exc, exc.code), exc.code)
        # A 405 says which methods the address takes (RFC 9110).
        for name, value in exc.get_headers():
            if name.lower() != "content-type":
                response.headers[name] = value
        return response

    @app.errorhandler(Exception)
    def server_error(exc):
        db.session.rollback()
        # redacted (share tokens), and %r: a path's control characters are escaped, not raw
        app.logger.exception("Unhandled error on %s %r", request.method,
                             redact_path(request.path))
        if wants_json():
            body = {"status": 500, "title": "Internal Server Error",
                    "detail": "Something went wrong on our side. It has been logged."}
            return body, 500
        return _page(None, 500), 500


def _page(error, code):
    """Return the error page in the site's layout, or the plain page if that fails."""
    from flask import current_app

    try:
        return render_template("error.html", error=error)
    except Exception:
        db.session.rollback()
        current_app.logger.exception("The error page for %s %r failed", request.method,
                                     request.path)
        return PLAIN_PAGE.format(code=int(code))
