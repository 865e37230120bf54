"""Interface language: English or Spanish, from the header switch (remembered in a
cookie) or else the browser's Accept-Language. Records stay as entered."""

from flask import has_request_context, request

LANGUAGES = {"en": "English", "es": "Español"}
COOKIE = "lang"


def select_locale():
    """Return the interface language for this request (English outside a request)."""
    if not has_request_context():
        return "en"
    chosen = request.args.get("lang") or request.cookies.get(COOKIE)
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match(list(LANGUAGES)) or "en"


def remember_choice(response):
    """Keep a language picked with ?lang= for the next visits."""
    chosen = request.args.get("lang")
    if chosen in LANGUAGES and request.cookies.get(COOKIE) != chosen:
        response.set_cookie(COOKIE, chosen, max_age=365 * 24 * 3600, samesite="Lax",
                            httponly=True, secure=request.is_secure)
    return response
