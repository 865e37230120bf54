"""What every response carries for safety: security headers (a Content-Security-Policy
that allows no inline script or style, no framing, no MIME sniffing, a same-origin
referrer), session cookies that are `HttpOnly`, `SameSite=Lax` and `Secure` whenever the
request came over HTTPS, sessions that expire after `SESSION_HOURS` of inactivity, the
proxy headers trusted when `PROXY_FIX` says how many proxies stand in front, a calm
page when a form's CSRF token is missing or stale, and `Cache-Control: no-store` on every
staff, provider and referral page."""

from datetime import timedelta

from flask import render_template, request
from flask.sessions import SecureCookieSessionInterface
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.middleware.proxy_fix import ProxyFix

from .hidden_text import has_hidden

CSP_DIRECTIVES = (
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
)
CONTENT_SECURITY_POLICY = "; ".join(CSP_DIRECTIVES)

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # Search pages carry what people look for in their URLs: never send them elsewhere.
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(self), payment=()",
}


class SessionInterface(SecureCookieSessionInterface):
    """The signed-cookie session, marked `Secure` when the request itself is HTTPS."""

    def get_cookie_secure(self, app):
        return bool(app.config.get("SESSION_COOKIE_SECURE")) or (
            bool(request) and request.is_secure)


def add_headers(response):
    """Add the security headers to a response (leaving any a view set itself)."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    return response


# Staff, programs' and referral pages (and a list's share link) show records still being
# edited and lists about a client: no browser history, shared computer or proxy keeps them.
PRIVATE_BLUEPRINTS = frozenset({"staff", "corrections", "providers", "referrals", "shared"})


def keep_private_pages_out_of_caches(response):
    """Mark every response of the staff, provider and referral blueprints `no-store`."""
    if request.blueprint in PRIVATE_BLUEPRINTS:
        response.headers["Cache-Control"] = "no-store"
    return response


def csrf_refused(error):
    """Explain a refused form in words, with a way back."""
    message = _l("This form has expired or did not come from this site. Go back, reload the "
                 "page and send it again.")
    return render_template("staff/refused.html", message=message, code=400), 400


def refuse_hidden_characters():
    """Refuse a posted form carrying invisible control characters, naming the field."""
    if request.method != "POST" or request.blueprint == "api" or not request.form:
        return None  # the API's POST forms are searches; it checks them itself (api/http.py)
    for name, value in request.form.items(multi=True):
        if has_hidden(value):
            message = _l("The field “%(field)s” contains invisible control characters (often "
                         "from copying and pasting). Go back, retype that text and send the "
                         "form again.", field=name)
            return render_template("staff/refused.html", message=message, code=400), 400
    return None


def refuse_nul_in_address():
    """Answer 404 for a path, and 400 for query parameters, carrying a NUL character: no
    record has one, and PostgreSQL refuses it outright."""
    from flask import abort

    if "\x00" in request.path:
        abort(404)
    if request.blueprint == "api":  # the API names each bad parameter itself (api/http.py)
        return
    if any("\x00" in key or "\x00" in value
           for key, value in request.args.items(multi=True)):
        abort(400, description=str(_l("The address contains an invisible control character. "
                                      "Retype it, or go back and search again.")))


def init_app(app):
    """Apply the headers, cookie rules, session lifetime and proxy trust to `app`."""
    app.session_interface = SessionInterface()
    app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(
        hours=float(app.config.get("SESSION_HOURS", 8)))
    app.config.setdefault("SESSION_REFRESH_EACH_REQUEST", True)
    proxies = int(app.config.get("PROXY_FIX") or 0)
    if proxies > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies,
                                x_host=proxies, x_port=proxies)
    app.after_request(add_headers)
    app.after_request(keep_private_pages_out_of_caches)
    app.before_request(refuse_nul_in_address)
    app.before_request(refuse_hidden_characters)
    app.register_error_handler(CSRFError, csrf_refused)
