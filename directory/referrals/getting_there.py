"""How the coordinator's match and the printed or sent lists say to reach each service:
its first step without a phone call (first_step.first_step_summary says it) and public
transit: the ride from the client's place where it is known and the feeds cover both
places (matching.travel decides it), else the nearest stop to the service and the routes
serving it, as the service page says them (transit/shown.py). Call inside the locale of
the page or list."""

from types import SimpleNamespace

from ..first_step import first_step_summary
from ..matching import travel
from ..transit import stops_near


def first_steps(services, today=None):
    """Return {service id: its first step on one line} for the services that have one."""
    steps = {service.id: first_step_summary(service, today) for service in services}
    return {service_id: step for service_id, step in steps.items() if step}


def nearest_stops(services):
    """Return {service id: "Bus 47 and 53 — stop Main St & 1st, 0.2 miles"} for the stop
    nearest to any of each service's places (absent: no stop within a walk, or no feed)."""
    places = {loc.id: service.id for service in services
              for loc in service.physical_locations}
    if not places:
        return {}
    nearest = {}
    for location_id, lines in stops_near(places).items():
        if not lines:
            continue
        service_id = places[location_id]
        if service_id not in nearest or lines[0].miles < nearest[service_id].miles:
            nearest[service_id] = lines[0]
    return {service_id: line.text for service_id, line in nearest.items()}


def ways_there(services):
    """Return {service id: how to get there by public transit}: the nearest stop and its
    routes where a feed covers the place, else what the record says of getting there
    ("Getting there": the location's `transportation`), else nothing."""
    lines = nearest_stops(services)
    for service in services:
        if service.id not in lines:
            said = next((loc.transportation for loc in service.physical_locations
                         if loc.transportation), None)
            if said:
                lines[service.id] = said
    return lines


def transit_lines(matches, place):
    """Return {service id: transit line} for the match's items: the ride from the client's
    `place` when the feeds cover both places and a route (or two) reach the service, else
    the nearest stop to the service, else what the record says of getting there."""
    context = SimpleNamespace(transit=travel.from_place(place))
    stops = ways_there([item.service for item in matches])
    lines = {}
    for item in matches:
        ride = travel.ride_to(item, context)
        line = ride.text if ride else stops.get(item.service.id)
        if line:
            lines[item.service.id] = line
    return lines
