"""Error pages: calm, in the site's layout, and never a stack trace. An error page that
cannot be drawn (its layout failing on the same bad request) falls back to a plain page,
so the answer still carries its status and the security headers. When the storage is
away (a database that refuses writes, a moved file, a failing disk: `health.storage_problem`
judges), the answer is a 503 that says nothing was saved and to try again in a few
minutes, logged once in one line that names the cause and the place, never the data."""

import contextlib
import os
import traceback

from flask import current_app, make_response, render_template, request
from flask_babel import gettext as _
from markupsafe import escape
from werkzeug.exceptions import HTTPException

from .extensions import db
from .health import forget_connections, storage_problem, watch_storage
from .i18n import select_locale
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
    """Register the error handlers on `app`, and have its connections follow the database
    file once the storage is back."""
    watch_storage(app)

    @app.errorhandler(HTTPException)
    def http_error(exc):
        # An error after the view (an after_request hook writing to the database, as the
        # sign-in limit does) reaches here as a 500 wrapping it.
        unavailable = storage_unavailable(getattr(exc, "original_exception", None))
        if unavailable is not None:
            return unavailable
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
        _roll_back()
        unavailable = storage_unavailable(exc)
        if unavailable is not None:
            return unavailable
        # redacted (share tokens), and %r: a path's control characters are escaped, not raw
        app.logger.exception("Unhandled error on %s %r", request.method,
                             redact_path(request.path))
        if wants_json():
            body = {"status": 500, "title": "Internal Server Error",
                    "detail": "Something went wrong on our side. It has been logged."}
            return body, 500
        return _page(None, 500), 500


RETRY_SECONDS = 120  # "a few minutes": what the page says, and what Retry-After tells clients
PLAIN_STORAGE_PAGE = ("<!doctype html><html lang=\"{lang}\"><meta charset=\"utf-8\">"
                      "<title>503</title><h1>{title}</h1><p>{what}</p><p>{when}</p>"
                      "<p><a href=\"/\">{home}</a></p><p>In crisis? Call or text 988.</p>"
                      "</html>")
PACKAGE = os.path.dirname(os.path.abspath(__file__))


def _roll_back():
    """Roll the session back; a connection too broken for that is thrown away instead."""
    try:
        db.session.rollback()
    except Exception:  # noqa: BLE001 (the error being answered is the one to report)
        with contextlib.suppress(Exception):
            db.session.remove()


def _where(exc):
    """Return the innermost place in our own code that the error passed through."""
    frames = [frame for frame in traceback.extract_tb(exc.__traceback__)
              if os.path.abspath(frame.filename).startswith(PACKAGE)]
    if not frames:
        return "outside the directory's code"
    last = frames[-1]
    return f"{os.path.relpath(last.filename, os.path.dirname(PACKAGE))}:{last.lineno} " \
           f"in {last.name}"


def storage_unavailable(exc):
    """Return the 503 for an error that means the storage is away (a page, or problem
    details for the API: nothing was saved, try again soon), logged once; else None."""
    problem = storage_problem(exc)
    if problem is None:
        return None
    _roll_back()
    # One line, no traceback: the exception's text quotes the SQL, and its cause is known.
    current_app.logger.error("Storage unavailable on %s %r (%s, at %s): %s", request.method,
                             redact_path(request.path), request.endpoint, _where(exc), problem)
    if wants_json():
        body = {"type": "about:blank", "status": 503, "title": "Service Unavailable",
                "detail": "The directory cannot store or read data at the moment. Nothing "
                          "was saved. Please try again in a few minutes."}
        response = make_response(body, 503)
        response.headers["Content-Type"] = "application/problem+json"
    else:
        response = make_response(_storage_page(), 503)
    response.headers["Retry-After"] = str(RETRY_SECONDS)
    response.headers["Cache-Control"] = "no-store"
    # Only now (the page's layout may still read through them): new connections next time.
    _roll_back()
    forget_connections(db.engine, problem)
    return response


def _storage_page():
    """Return the storage page in the site's layout, or a plain one if that fails too."""
    try:
        return render_template("errors/storage.html")
    except Exception:  # noqa: BLE001 (the layout reads the database that is away)
        _roll_back()
        return PLAIN_STORAGE_PAGE.format(
            lang=escape(select_locale() or "en"), title=escape(_("Nothing was saved")),
            what=escape(_("The directory cannot store changes at the moment, so what you "
                          "sent was not saved.")),
            when=escape(_("Please try again in a few minutes. If you were filling in a form, "
                          "go back with your browser: what you typed may still be there.")),
            home=escape(_("Go to the home page")))


def _page(error, code):
    """Return the error page in the site's layout, or the plain page if that fails."""
    try:
        return render_template("error.html", error=error)
    except Exception:
        db.session.rollback()
        current_app.logger.exception("The error page for %s %r failed", request.method,
                                     request.path)
        return PLAIN_PAGE.format(code=int(code))
