"""Locations as staff edit them: the address, where it sits on the map, and which of the
organization's services are delivered there.

Saving an address places it on the map: through the street geocoder when one is
configured (GEOCODER), else at its ZIP code (or city) from the offline gazetteer, the
same one searches use (`directory.locate`). Staff can instead set the latitude and
longitude by hand, and a pin set by hand stays until the address itself changes.
A location placed at its ZIP code or city sits exactly on the gazetteer's own point, which
is how searches know its distance is approximate (`geo.precision`).
"""

from flask import current_app
from flask_babel import lazy_gettext as _l

from .. import locate
from ..geo.geocoder import GeocodingUnavailable
from ..models import Address, ServiceAtLocation
from .editing import assign

ADDRESS_FIELDS = ("address_1", "address_2", "city", "state_province", "postal_code")
LOCATION_FIELDS = ("name", "location_type", "description", "transportation")


class PlacingError(ValueError):
    """The address cannot be put on the map; the message says what to do."""


def address_changed(location, data):
    """Return whether the form's address differs from the location's current one."""
    current = location.address
    if current is None:
        return True
    return any((getattr(current, f) or "") != (data.get(f) or "").strip()
               for f in ADDRESS_FIELDS)


def place(data):
    """Return (latitude, longitude, how) for an address: "street", "zip" or "city"."""
    street = ", ".join(p for p in (data.get("address_1"), data.get("city"),
                                    f"{data.get('state_province') or ''} "
                                    f"{data.get('postal_code') or ''}".strip()) if p)
    if current_app.config.get("GEOCODER"):
        try:
            latitude, longitude, _label = locate.geocoder().locate(street)
            return latitude, longitude, "street"
        except GeocodingUnavailable:
            current_app.logger.info("Street geocoding failed; placing at the ZIP code.")
    attempts = ((data.get("postal_code") or "")[:5], "zip"), (
        f"{data.get('city') or ''}, {data.get('state_province') or ''}", "city")
    for near, how in attempts:
        try:
            found = locate.resolve(near=near)
        except locate.LocationError:
            continue
        if found is not None:
            return found.latitude, found.longitude, how
    raise PlacingError(_l("We could not find this ZIP code or city. Check them, or place the "
                          "location on the map by hand."))


def coordinates_for(location, data):
    """Return (latitude, longitude, how) the saved location should have.

    `how` is "manual", "kept" (address unchanged: the pin stays), "street", "zip", "city"
    or "none" (a virtual location has no place).
    """
    if data.get("location_type") == "virtual":
        return None, None, "none"
    if data.get("set_coordinates"):
        return float(data["latitude"]), float(data["longitude"]), "manual"
    if location.has_coordinates and not address_changed(location, data):
        return location.latitude, location.longitude, "kept"
    return place(data)


def save_location(location, data, coordinates, services):
    """Apply the location form: fields, the address, the coordinates and the services
    delivered here (`services`: the chosen Service rows of the organization)."""
    assign(location, data, LOCATION_FIELDS)
    if data.get("location_type") == "virtual":
        for address in list(location.addresses):
            location.addresses.remove(address)
    else:
        address = location.address
        if address is None:
            address = Address(country="US", address_type="physical")
            location.addresses.append(address)
        assign(address, data, ADDRESS_FIELDS)
    latitude, longitude, _how = coordinates
    if location.latitude != latitude:
        location.latitude = latitude
    if location.longitude != longitude:
        location.longitude = longitude
    link_services(location, services)
    return location


def link_services(location, services):
    """Make the location's services exactly `services`."""
    wanted = {service.id: service for service in services}
    for link in list(location.service_at_locations):
        if link.service_id not in wanted:
            location.service_at_locations.remove(link)
        else:
            wanted.pop(link.service_id)
    for service in wanted.values():
        location.service_at_locations.append(ServiceAtLocation(service=service))


def retire_location(location, session):
    """Delete a location: unlinked from its services first, so their listings (and the
    search index) lose it at once; its history stays."""
    for link in list(location.service_at_locations):
        location.service_at_locations.remove(link)
    session.delete(location)
