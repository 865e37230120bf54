"""Template helpers: dates as people say them, times of day, map links, the `web_link`
filter every link to a stored web address goes through (weblinks.py: None means show
the value as text), the record text in the reader's language (reader_text.py), and the
values every page needs (directory name, sample-data banner, interface language)."""

from datetime import UTC, date, datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from flask import current_app, request, url_for
from flask_babel import format_date, get_locale, gettext, ngettext

from . import coverage, finder, helplines, labels, populations, reader_text, schedules
from .i18n import LANGUAGES, language_field, page_gettext
from .sample import sample_data_loaded
from .weblinks import web_link


def time_of_day(value):
    """Return a `time` as "9:00 AM" (English) or "09:00" (24-hour, Spanish, Vietnamese)."""
    if value is None:
        return ""
    if str(get_locale()) != "en":
        return value.strftime("%H:%M")
    return value.strftime("%I:%M %p").lstrip("0")


def ago(value, today=None):
    """Return how long ago a date was, in words ("3 months ago")."""
    if value is None:
        return gettext("never")
    if isinstance(value, datetime):
        value = value.date()
    today = today or local_now().date()  # the directory's day, as assured_date is
    days = (today - value).days
    if days <= 0:
        return gettext("today")
    if days < 31:
        return ngettext("%(num)d day ago", "%(num)d days ago", days)
    months = days // 30
    if months < 12:
        return ngettext("%(num)d month ago", "%(num)d months ago", months)
    years = days // 365
    return ngettext("%(num)d year ago", "%(num)d years ago", years)


def is_stale(value, days=365):
    """Return whether a verification date is older than `days` (or missing)."""
    if value is None:
        return True
    if isinstance(value, datetime):
        value = value.date()
    return (date.today() - value).days > days


def map_url(location):
    """Return an OpenStreetMap link centred on a location."""
    lat, lng = location.latitude, location.longitude
    return f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lng:.5f}#map=17/{lat:.5f}/{lng:.5f}"


def directions_url(location, origin=None):
    """Return OpenStreetMap directions to a location, from `origin` (lat, lng) if known."""
    dest = f"{location.latitude:.5f},{location.longitude:.5f}"
    query = {"route": f"{origin[0]:.5f},{origin[1]:.5f};{dest}" if origin else f";{dest}"}
    return "https://www.openstreetmap.org/directions?" + urlencode(query)


def hours_phrase(service, moment=None):
    """Return (state, words) a person can act on: ("open", "Open now, until 5:00 PM"),
    ("closed", "Closed now. Opens today at 7:00 PM."), ("closed", "Closed now. Opens next
    Tuesday at 10:00 AM."), or (None, None) when the service lists no hours.

    Never a bare weekday that could mean today or next week.
    """
    return rules_phrase(schedules.rules_of(service.hours_schedules), moment)


def rules_phrase(rules, moment=None):
    """Return hours_phrase's (state, words) for a service's schedule rules."""
    if not rules:
        return None, None
    zone = coverage.timezone()
    local = ZoneInfo(zone)
    moment = moment or datetime.now(UTC)
    now = schedules.opening_at(rules, moment, zone)
    if now.is_open:
        if now.around_the_clock:
            return "open", gettext("Open now, 24 hours")
        return "open", gettext("Open now, until %(time)s",
                               time=time_of_day(now.until.astimezone(local).time()))
    if now.today.holiday:
        return "closed", gettext("Closed today (holiday)")
    opening = schedules.next_opening(rules, moment, zone)
    if opening is None:
        return "closed", gettext("Closed now")
    opening = opening.astimezone(local)
    at = time_of_day(opening.time())
    days = (opening.date() - moment.astimezone(local).date()).days
    day = gettext(schedules.DAY_NAMES[schedules.WEEKDAYS[opening.weekday()]])
    if days == 0:
        return "closed", gettext("Closed now. Opens today at %(time)s.", time=at)
    if days == 1:
        return "closed", gettext("Closed now. Opens tomorrow at %(time)s.", time=at)
    if days < 7:
        return "closed", gettext("Closed now. Opens %(day)s at %(time)s.", day=day, time=at)
    if days < 14:
        return "closed", gettext("Closed now. Opens next %(day)s at %(time)s.", day=day,
                                 time=at)
    return "closed", gettext("Closed now. Opens %(date)s at %(time)s.",
                             date=format_date(opening.date(), "full"), time=at)


def local_now():
    """Return the current time in the directory's zone."""
    return datetime.now(ZoneInfo(coverage.timezone()))


def url_with(**changes):
    """Return the current URL with some query parameters changed (None removes one)."""
    args = request.args.to_dict(flat=False)
    for key, value in changes.items():
        if value is None:
            args.pop(key, None)
        else:
            args[key] = value if isinstance(value, list) else [value]
    return _with_query(request.path if request.endpoint is None  # an error page
                       else url_for(request.endpoint, **(request.view_args or {})), args)


def _with_query(path, args):
    # The query is joined here, never passed to url_for: a parameter named like a view
    # argument (service_id), or like url_for's own (endpoint, _anchor, _method, _scheme,
    # _external), would clash with them.
    # url_for may already have added the chosen language (i18n's url defaults); `args` holds
    # the request's own, so the path's query gives way to it.
    query = urlencode(args, doseq=True)
    return path.split("?", 1)[0] + ("?" + query if query else "")


def toggle_url(name, value, endpoint="public.results"):
    """Return the results URL with one filter value added, or removed if it is on."""
    key = f"directory.toggle_url:{endpoint}"  # a page has dozens: the path once a request
    if key not in request.environ:
        request.environ[key] = (url_for(endpoint), request.args.to_dict(flat=False))
    path, asked = request.environ[key]
    args = dict(asked)
    values = [v for raw in args.get(name, []) for v in raw.split(",") if v]
    values = [v for v in values if v != value] if value in values else values + [value]
    if values:
        args[name] = values
    else:
        args.pop(name, None)
    args.pop("page", None)
    return _with_query(path, args)


def miles(value):
    """Return a distance as people read it: "0.4 miles", "12 miles"."""
    if value is None:
        return ""
    shown = f"{value:.1f}" if value < 10 else f"{value:.0f}"
    if shown == "1.0":
        return gettext("1 mile")
    return gettext("%(distance)s miles", distance=shown)


def init_app(app):
    """Register the filters and the per-page values on `app`."""
    app.jinja_env.filters.update(
        time_of_day=time_of_day, ago=ago, map_url=map_url, directions_url=directions_url,
        format_day=format_date, web_link=web_link,
    )
    app.jinja_env.globals.update(
        hours_phrase=hours_phrase, is_stale=is_stale, url_with=url_with,
        DAY_NAMES=schedules.DAY_NAMES, term_label=labels.term_label,
        language_label=labels.language_label, filter_label=labels.filter_label,
        GROUP_LABELS=labels.GROUPS, FLAG_LABELS=labels.FLAGS, HOME_TILES=labels.HOME_TILES,
        age_range=labels.age_range, search_carry=finder.search_carry,
        toggle_url=toggle_url, miles=miles, language_field=language_field,
        SAMHSA_NUMBER=helplines.SAMHSA_NUMBER, SAMHSA_TEL=helplines.SAMHSA_TEL,
        is_treatment_search=helplines.is_treatment_search,
        is_treatment_service=helplines.is_treatment_service,
        only_for=populations.only_words, for_agencies=populations.for_agencies,
        # record text in the reader's language (reader_text.py)
        shown_text=reader_text.shown_text, phone_label=reader_text.phone_label,
        language_names=reader_text.language_names, fees_text=reader_text.fees_text,
    )

    @app.context_processor
    def page_values():
        return {
            "directory_name": current_app.config["DIRECTORY_NAME"],
            "sample_data": sample_data_loaded(),
            "languages": LANGUAGES,
            "current_language": str(get_locale()),
            **page_gettext(),
        }
