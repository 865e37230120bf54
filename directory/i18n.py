"""Interface language: English, Spanish or Vietnamese. A choice made in the header's switch
travels in the link (`?lang=vi`), kept by every link and form the page builds, so no
cookie is needed; without one the browser's Accept-Language decides. Records stay as
entered; the text they have in the reader's language is shown by reader_text.py."""

from flask import has_request_context, request
from flask_babel import get_translations
from jinja2 import pass_context
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


def page_gettext():
    """Return the `gettext` and `ngettext` of a template being rendered, bound to the
    translations of the language it renders in (a context processor: found once per page,
    in `force_locale` too). Flask-Babel's look the translations up again for each string,
    15 µs each, and a page says 60 to 300 of them. They answer as Jinja's newstyle gettext
    does: the translation trusted where the page escapes, the values put into it escaped."""
    translations = get_translations()
    one, several = translations.ugettext, translations.ungettext

    @pass_context
    def gettext(context, message, /, **values):
        said = one(message)
        return (Markup(said) if context.eval_ctx.autoescape else said) % values

    @pass_context
    def ngettext(context, singular, plural, num, /, **values):
        values.setdefault("num", num)
        said = several(singular, plural, num)
        return (Markup(said) if context.eval_ctx.autoescape else said) % values

    return {"gettext": gettext, "ngettext": ngettext}
