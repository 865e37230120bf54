"""Search parameters: read from a query string (web page or API), checked, and turned
into a SearchParams. Each problem is a message that says what to fix."""

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime

from flask_babel import gettext

from ..languages import code_for

MAX_TEXT = 300
RADIUS_DEFAULT, RADIUS_MIN, RADIUS_MAX = 25.0, 1.0, 200.0
PER_PAGE_DEFAULT, PER_PAGE_MAX = 20, 100
SORTS = ("relevance", "distance")
UNITS = ("mi", "km")
GROUP_PARAMS = {  # query parameter -> taxonomy group
    "category": "category", "delivery": "delivery", "payment": "payment",
    "population": "population", "accessibility": "accessibility",
}
TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


@dataclass
class SearchParams:
    """A search, checked: text, place, radius and filters."""

    text: str = ""
    near: str = ""
    lat: str | None = None
    lng: str | None = None
    place: object = None
    radius: float = RADIUS_DEFAULT
    unit: str = "mi"
    terms: dict = field(default_factory=dict)  # group -> [codes]
    languages: list = field(default_factory=list)
    age: int | None = None
    wheelchair: bool = False
    open_now: bool = False
    accepting: bool = False
    no_call: bool = False  # only services that can be first contacted without a phone call
    verified_within_months: int | None = None
    organization_id: str | None = None
    taxonomy_term_ids: list = field(default_factory=list)
    modified_after: datetime | None = None
    sort: str = "relevance"
    reach_only: bool = False  # only services that reach the place by their service area
    transit: bool = False  # only services reachable by public transit from the place
    # The search tags of the routes reachable from the place (search.search sets them when
    # a transit feed covers the place; None: no feed does, or no place).
    transit_routes: frozenset | None = None
    as_typed: bool = False  # run the words as typed: no spelling corrections
    reads: list = field(default_factory=list)  # languages the searcher reads (the interface)
    page: int = 1
    per_page: int = PER_PAGE_DEFAULT

    @property
    def radius_miles(self):
        return self.radius / 1.609344 if self.unit == "km" else self.radius

    @property
    def has_filters(self):
        return bool(any(self.terms.values()) or self.languages or self.age is not None
                    or self.wheelchair or self.open_now or self.accepting or self.no_call
                    or self.verified_within_months or self.organization_id
                    or self.taxonomy_term_ids or self.modified_after or self.transit)


def _values(args, name):
    values = []
    for raw in args.getlist(name):
        values.extend(v.strip() for v in raw.split(",") if v.strip())
    return values


def _flag(args, name, errors):
    raw = (args.get(name) or "").strip().lower()
    if raw in TRUE:
        return True
    if raw in FALSE:
        return False
    errors[name] = gettext("%(name)s must be true or false.", name=name)
    return False


def _number(args, name, errors, low, high, integer=True, default=None, label=None):
    raw = (args.get(name) or "").strip()
    if raw == "":
        return default
    try:
        value = int(raw) if integer else float(raw)
    except ValueError:
        errors[name] = (gettext("%(name)s must be a whole number.", name=label or name) if integer
                        else gettext("%(name)s must be a number.", name=label or name))
        return default
    if math.isnan(value) or not low <= value <= high:
        bounds = {"low": f"{low:g}", "high": f"{high:g}"}
        errors[name] = gettext("%(name)s must be between %(low)s and %(high)s.",
                               name=label or name, **bounds)
        return default
    return value


def parse(args, allowed_terms=None):
    """Return (SearchParams, {parameter: message}) from a MultiDict of query parameters.

    `allowed_terms` ({group: set of codes}) rejects codes the directory does not have.
    """
    errors = {}
    text = " ".join((args.get("search") or args.get("q") or "").split())
    if len(text) > MAX_TEXT:
        errors["search"] = gettext(
            "The search text is too long: use at most %(max)d characters.", max=MAX_TEXT)
        text = ""
    params = SearchParams(text=text, near=(args.get("near") or "").strip()[:200],
                          lat=args.get("lat"), lng=args.get("lng"))
    params.unit = (args.get("unit") or "mi").strip().lower()
    if params.unit not in UNITS:
        errors["unit"] = gettext("unit must be mi or km.")
        params.unit = "mi"
    params.radius = _number(args, "radius", errors, RADIUS_MIN, RADIUS_MAX, integer=False,
                            default=RADIUS_DEFAULT, label="radius")
    for name, group in GROUP_PARAMS.items():
        codes = _values(args, name)
        if allowed_terms is not None:
            unknown = [c for c in codes if c not in allowed_terms.get(group, ())]
            if unknown:
                choices = ", ".join(sorted(allowed_terms.get(group, ())))
                errors[name] = gettext("Unknown %(name)s %(values)s; use one of: %(choices)s.",
                                       name=name, values=", ".join(unknown), choices=choices)
                codes = [c for c in codes if c not in unknown]
        params.terms[group] = codes
    for value in _values(args, "language"):
        code = code_for(value) or value.lower()
        if len(code) > 8 or not code.replace("-", "").isalpha():
            errors["language"] = gettext(
                "language must be a language code such as es, or a name.")
        else:
            params.languages.append(code)
    params.age = _number(args, "age", errors, 0, 120, label="age")
    params.wheelchair = _flag(args, "wheelchair", errors)
    params.open_now = _flag(args, "open_now", errors)
    params.as_typed = _flag(args, "as_typed", errors)
    params.accepting = _flag(args, "accepting", errors)
    params.transit = _flag(args, "transit", errors)
    params.no_call = _flag(args, "no_call", errors)
    params.verified_within_months = _number(args, "verified_within_months", errors, 1, 120)
    params.organization_id = (args.get("organization_id") or "").strip()[:64] or None
    params.taxonomy_term_ids = _values(args, "taxonomy_term_id")[:20]
    raw_modified = (args.get("modified_after") or "").strip()
    if raw_modified:
        try:
            moment = datetime.fromisoformat(raw_modified)
            if moment.tzinfo is not None:
                moment = moment.astimezone(UTC).replace(tzinfo=None)
            moment.replace(tzinfo=UTC).timestamp()  # the engine compares timestamps
            params.modified_after = moment
        except (ValueError, OverflowError):
            errors["modified_after"] = gettext(
                "modified_after must be an ISO 8601 date or date-time.")
    params.sort = (args.get("sort") or "relevance").strip().lower()
    if params.sort not in SORTS:
        errors["sort"] = gettext("sort must be relevance or distance.")
        params.sort = "relevance"
    params.page = _number(args, "page", errors, 1, 100000, default=1)
    params.per_page = _number(args, "per_page", errors, 1, PER_PAGE_MAX,
                              default=PER_PAGE_DEFAULT)
    return params, errors
