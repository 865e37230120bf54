"""Where imported locations are: coordinates that exist nowhere on Earth are cleared (the
record stays, without a point, and a warning says so), and physical locations without
coordinates are placed at their address (the configured geocoder for the street address,
else the ZIP code or the city)."""

from flask import current_app
from sqlalchemy import select

from ..extensions import db
from ..geo.gazetteer import Place, resolve_place
from ..geo.geocoder import GeocodingUnavailable
from .convert import Problem


def _geocoded(address):
    """Return the street address's Place from the configured geocoder, or None."""
    if not current_app.config.get("GEOCODER"):
        return None
    from ..locate import geocoder

    text = ", ".join(str(address[k]) for k in ("address_1", "city", "state_province",
                                               "postal_code") if address.get(k))
    try:
        latitude, longitude, label = geocoder().locate(text)
    except GeocodingUnavailable:
        return None
    return Place(latitude, longitude, label or text)


def fill(checked, cleared=()):
    """Place physical locations without coordinates at their address: the configured
    geocoder for the street address when there is one, else the ZIP code or the city."""
    addresses = {}
    for values in checked.valid.get("address", {}).values():
        if values.get("location_id"):
            addresses.setdefault(values["location_id"], []).append(values)
    missing = [v for v in checked.valid.get("location", {}).values()
               if v.get("location_type") == "physical" and v["id"] not in cleared
               and (v.get("latitude") is None or v.get("longitude") is None)]
    from ..models import Address

    for values in missing:
        found = addresses.get(values["id"]) or [
            {c: getattr(a, c) for c in ("address_1", "postal_code", "city", "state_province",
                                        "address_type")}
            for a in db.session.scalars(select(Address).where(Address.location_id == values["id"]))
        ]
        found.sort(key=lambda a: a.get("address_type") not in (None, "physical"))
        place = None
        for address in found:
            place = (_geocoded(address) or resolve_place(address.get("postal_code") or "")
                     or resolve_place(f"{address.get('city') or ''}, "
                                      f"{address.get('state_province') or ''}"))
            if place:
                break
        if place is None:
            where = "its address could not be placed" if found else "it has no address"
            checked.warnings.append(Problem("location", values["id"], "latitude",
                                            f"is missing and {where}; imported without "
                                            "coordinates, so it is not found by distance"))
            continue
        values["latitude"], values["longitude"] = place.latitude, place.longitude
        checked.coordinates_filled += 1


def check(checked):
    """Clear coordinates that exist nowhere on Earth (the record stays, without a point,
    and is not placed at its address either: the source said something else)."""
    cleared = set()
    for values in checked.valid.get("location", {}).values():
        half = [n for n in ("latitude", "longitude") if values.get(n) is None]
        if len(half) == 1:  # half a point is no point: placed at its address instead (fill)
            checked.warnings.append(Problem(
                "location", values["id"], half[0],
                "is missing while the other coordinate is given; both set aside"))
            values["latitude"] = values["longitude"] = None
            continue
        for name, limit in (("latitude", 90), ("longitude", 180)):
            value = values.get(name)
            if value is not None and not -limit <= value <= limit:
                cleared.add(values["id"])
                checked.warnings.append(Problem(
                    "location", values["id"], name,
                    f"{value:g} is outside -{limit}..{limit}; imported without coordinates"))
                values["latitude"] = values["longitude"] = None
    return cleared
