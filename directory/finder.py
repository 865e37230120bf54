"""The public search, from query parameters to what the results page shows: the checked
parameters, the place, the hits with their services, the active filters, and help when
nothing is found (what to relax, a spelling, remote services that reach the searcher)."""

from dataclasses import dataclass, field

from flask_babel import gettext
from sqlalchemy.orm import selectinload
from werkzeug.datastructures import MultiDict

from . import catalogue, coverage, locate, populations, search, transit
from .geo import find_places, miles_between
from .models import Service
from .models.service_facts import REMOTE_DELIVERY
from .search.params import GROUP_PARAMS, RADIUS_MAX, SearchParams

FLAG_FILTERS = ("wheelchair", "open_now", "accepting", "transit", "no_call")
# A service page links each ride by name and first phone; nothing else of it is loaded.
RIDE_LINK_OPTIONS = (selectinload(Service.phones),)


@dataclass
class Findings:
    """Everything the results page needs."""

    args: MultiDict
    params: SearchParams
    errors: dict = field(default_factory=dict)
    location_error: str | None = None
    place_choices: list = field(default_factory=list)  # ["Springfield, IL", ...]: which?
    result: object = None
    # [(Hit, card)] and, when nothing was found, the remote services' [(Hit, card)]: the
    # hits of the search, given their cards by the page (public/cards.py)
    items: list = field(default_factory=list)
    remote: list = field(default_factory=list)
    relax: list = field(default_factory=list)  # [(kind, value)] suggestions
    outside: str | None = None  # the area covered ("" unknown), when the place is not in it
    transit_note: str | None = None  # why "Reachable by public transit" did not narrow it

    @property
    def searched(self):
        return bool(self.params.text or self.params.near or self.params.lat
                    or self.params.has_filters)

    @property
    def place(self):
        return self.params.place

    def distance_of(self, hit, card):
        """Return how far a found service is, as exactly as its points allow (`card`: its
        public.cards.Card, whose places are its in-person locations): ("zip",
        "92630") when the searcher gave that ZIP code and the service is in it, or it is
        placed only at its ZIP code and the searcher is in that one (a distance between
        centroids, 0.0 or 0.3, would look exact); ("about", miles) when it is placed only
        at a ZIP code or city centre; else ("miles", miles)."""
        code = _nearest_zip(card.places, self.place)
        if code and self.place.kind == "zip" and code == self.place.postal_code:
            return "zip", code
        if hit.within_miles is None:
            return "miles", hit.distance_miles
        if code and hit.distance_miles <= hit.within_miles:
            return "zip", code
        return "about", hit.distance_miles

    def active_filters(self):
        """Return [(parameter, value)] of every filter the search applies."""
        active = [(name, value) for name in GROUP_PARAMS
                  for value in self.params.terms.get(GROUP_PARAMS[name], [])]
        active += [("language", code) for code in self.params.languages]
        active += [(name, "true") for name in FLAG_FILTERS if getattr(self.params, name)]
        if self.params.age is not None:
            active.append(("age", str(self.params.age)))
        if self.params.verified_within_months:
            active.append(("verified_within_months", str(self.params.verified_within_months)))
        return active


# The parameters of a public search that a service page carries, so that it can link back to
# the same results (the same words, place, filters, order and page).
SEARCH_KEYS = ("q", "near", "lat", "lng", "radius", "sort", "page", *GROUP_PARAMS, "language",
               "age", *FLAG_FILTERS, "verified_within_months")


def search_carry(args):
    """Return {parameter: [values]} of the search parameters in `args` (a MultiDict)."""
    return {key: values for key in SEARCH_KEYS if (values := [v for v in args.getlist(key) if v])}


def find(args, reads=()):
    """Run the search the query parameters ask for; return Findings.

    `reads` names the languages the searcher reads (the page's interface language):
    services held only in other languages rank lower for them.
    """
    params, errors = search.parse(args, catalogue.allowed_terms())
    params.reads = list(reads)
    findings = Findings(args, params, errors)
    try:
        params.place = locate.resolve(params.near, params.lat, params.lng)
    except locate.LocationError as exc:
        findings.location_error = str(exc)
        findings.place_choices = [p.label for p in getattr(exc, "choices", ())]
        return findings
    _check_transit(findings)
    findings.result = search.search(params)
    findings.items = findings.result.hits
    if params.place is not None and coverage.is_outside(params.place, findings.result.hits):
        findings.outside = coverage.area_label()
    if findings.result.total == 0 and findings.searched:
        if findings.outside is None:
            findings.relax = _what_to_relax(findings)
        if params.place is not None:
            findings.remote = _remote_services(params)
    return findings


def _check_transit(findings):
    """Note why "Reachable by public transit" cannot narrow this search, if it cannot."""
    problem, note = transit_reach(findings.params)
    if problem:
        findings.errors["transit"] = problem
    findings.transit_note = note


def transit_reach(params):
    """Give `params` the routes reachable from its place when it asks for "Reachable by
    public transit"; return (problem, note): the problem when it has no place to start
    from, the note when no feed covers the place. Either way the filter is left off."""
    if not params.transit:
        return None, None
    if params.place is None:
        params.transit = False
        return gettext("To see what public transit reaches, enter where you are: a ZIP code, "
                       "city or address."), None
    params.transit_routes = transit.reachable_tags(params.place.latitude,
                                                   params.place.longitude)
    if params.transit_routes is not None:
        return None, None
    params.transit = False
    return None, gettext("No transit timetable covers %(place)s yet: the results are not "
                         "narrowed to public transit.", place=params.place.label)


def _nearest_zip(places, place):
    """Return the ZIP code of the located place (lat, lng, ZIP code or None without an
    address) nearest to `place` among those with an address, or None."""
    located = [row for row in places if row[2] is not None]
    if place is None or not located:
        return None
    nearest = min(located, key=lambda row: miles_between(place.point, row[:2]))
    return nearest[2] or None


def _with_services(hits, options):
    services = {s.id: s for s in catalogue.get_services([h.service_id for h in hits], options)}
    return [(hit, services[hit.service_id]) for hit in hits if hit.service_id in services]


def _what_to_relax(findings):
    params, relax = findings.params, []
    if params.text and params.place is None:  # "Boston" typed as the need: a place?
        relax += [("near", place.label) for place in find_places(params.text,
                                                                 coverage.home_states)]
    if params.place is not None and params.radius_miles < RADIUS_MAX:
        relax.append(("radius", str(min(int(params.radius * 2), int(RADIUS_MAX)))))
    relax += [("filter", f"{name}={value}") for name, value in findings.active_filters()]
    if params.text:
        relax.append(("text", params.text))
    return relax


def _remote_services(params):
    """Return the services delivered where the client is (video, online, phone, home
    visits) that serve the searcher's area."""
    remote = SearchParams(place=params.place, terms={"delivery": list(REMOTE_DELIVERY)},
                          reach_only=True, per_page=10)
    return search.search(remote).hits


def transport_near(service, place=None):
    """Return transport services that reach a service's location (or `place`)."""
    anchor = place
    if anchor is None and service.physical_locations:
        loc = service.physical_locations[0]
        anchor = locate.nearest_place(loc.latitude, loc.longitude)
    if anchor is None:
        return []
    params = SearchParams(place=anchor, terms={"category": ["transportation"]}, per_page=5)
    rides = _with_services(search.search(params).hits, RIDE_LINK_OPTIONS)
    # Rides open to everyone first; the page says whom each of the others is for.
    return sorted((s for _, s in rides if s.id != service.id and s.takes_trips_to(service)),
                  key=lambda ride: bool(populations.limited_to(ride)) or ride.minimum_age
                  is not None or ride.maximum_age is not None)
