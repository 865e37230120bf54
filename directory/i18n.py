"""Interface language: English, Spanish or Vietnamese. A choice made in the header's switch
travels in the link (`?lang=vi`), kept by every link and form the page builds, so no
cookie is needed; without one the browser's Accept-Language decides. Records stay as
entered; the text they have in the reader's language is shown by reader_text.py."""

from flask import has_request_context, request
from markupsafe import Markup, escape

from .languages import language_name

# The interface's languages, each named in its own words (Babel's names).
LANGUAGES = {code: language_name(code, code) for code in ("en", "es", "vi")}
PARAMETER = "lang"
# Links that go to other systems or files, where the interface language means nothing.
NOT_CARRIED = ("static", "vendor_static")


def chosen_language():
    """Return the language this request's link carries, or None."""
    if not has_request_context():
        return None
    chosen = request.args.get(PARAMETER)
    return chosen if chosen in LANGUAGES else None


def select_locale():
    """Return the interface language for this request (English outside a request)."""
    if not has_request_context():
        return "en"
    return chosen_language() or request.accept_languages.best_match(list(LANGUAGES)) or "en"


def keep_in_links(endpoint, values):
    """Add the chosen language to every URL built for this request (Flask url_defaults)."""
    chosen = chosen_language()
    if chosen and PARAMETER not in values and endpoint not in NOT_CARRIED \
            and not (endpoint or "").startswith("api."):
        values[PARAMETER] = chosen


def language_field():
    """Return a hidden input carrying the chosen language, for GET forms (whose action
    loses its query string), or nothing when the link carries none."""
    chosen = chosen_language()
    if not chosen:
        return Markup("")
    return Markup('<input type="hidden" name="%s" value="%s">') % (PARAMETER, escape(chosen))
