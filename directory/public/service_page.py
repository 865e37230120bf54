"""The service page at the engine's speed: everything it says of the service is rendered
once per data stamp, reader's language, day and transit feeds (`_service_body.html`) and
kept beside the result cards (cards.py's cache); per request it fills in what depends on
the person and the moment: the distance from the place they searched and directions from
it, the rides from there and the map's mark of it, whether it is open now, the "Ask them
to contact me" form and its token, the staff link, and the print link that keeps their
search."""

from dataclasses import dataclass
from types import SimpleNamespace

from flask import get_template_attribute, render_template
from markupsafe import Markup

from .. import catalogue, coverage, finder, maps, schedules, transit
from ..first_step import first_step
from ..geo import miles_between
from ..reader_text import shown_text
from ..template_helpers import directions_url, local_now, url_with
from . import cards
from .contact import ask_facts, ask_section


@dataclass(frozen=True)
class Page:
    """One service's page body with its slots marked, and what filling them needs."""

    id: str  # the service's (the staff link's template asks for service.id)
    html: str
    name: str  # in the reader's language: the page's title
    points: tuple  # (lat, lng) of each place to visit: the distance, rides near it
    directions: tuple  # (location id, lat, lng) of each place with a map
    signature: str  # the hours' rules (schedules.signature), "" when it lists none
    ask: tuple | None  # (name, destination) when the program takes contact requests
    rides_here: str  # the rides section from the service's own place (no place searched)
    markers: tuple  # the map's (maps.markers_for), beside the place searched

    def filled(self, parts):
        """Return the body with each slot replaced by its part (text is escaped)."""
        return cards.filled(self.html, parts)


def kept(service_id):
    """Return the Page of a listed service, or end the request with catalogue's 404."""
    key = (service_id, "page", *cards.kept_key(), transit.current().version)
    page = cards.cache().get(key)
    if page is None:
        page = cards.cache().put(key, _render(catalogue.listed_service_or_404(service_id)))
    return page


def _render(service):
    today, places = local_now().date(), service.physical_locations
    rules = schedules.rules_of(service.hours_schedules)
    ask = ask_facts(service)
    return Page(
        service.id, render_template(
            "public/_service_body.html", service=service, slot=cards.MARKS,
            week=schedules.week(service.hours_schedules, today, coverage.timezone()),
            first_step=first_step(service, today), transit=transit.at_locations(places),
            walk=transit.walk_miles()),
        shown_text(service, "name").text,
        tuple((loc.latitude, loc.longitude) for loc in places),
        tuple((loc.id, loc.latitude, loc.longitude) for loc in service.locations
              if loc.has_coordinates),
        schedules.signature(rules) if rules else "", ask,
        _rides(service, None), tuple(maps.markers_for([service])))


def body(page, place):
    """Return the page's body for this request, from `place` (the searched one, or None)."""
    distance = min((miles_between(place.point, point) for point in page.points),
                   default=None) if place is not None else None
    parts = {
        "distance": _slot("distance")(distance, place),
        "print": url_with(print="1"),
        "ask": ask_section(page.id, page.ask),
        "transport": Markup(page.rides_here) if place is None else _rides(_visited(page), place),
        "hours": _slot("hours")(*cards.cache().hours(page)),
        "actions": Markup(render_template("staff/_public_actions.html", service=page)),
        "map": Markup(render_template("public/_map.html", markers=list(page.markers),
                                      place=place)),
    }
    origin = place.point if place is not None else None
    for location_id, lat, lng in page.directions:
        parts[f"directions-{location_id}"] = directions_url(
            SimpleNamespace(latitude=lat, longitude=lng), origin)
    return page.filled(parts)


def _rides(service, place):
    """Return the section of rides that take people to `service` (from `place`)."""
    return _slot("transport")(finder.transport_near(service, place))


def _slot(name):
    return get_template_attribute("public/_service_slots.html", name)


def _visited(page):
    """Return the service as the rides near it ask of it: its id and places to visit."""
    return SimpleNamespace(id=page.id, physical_locations=[
        SimpleNamespace(latitude=lat, longitude=lng) for lat, lng in page.points])

