"""Maps of results and services: Leaflet (the `xstatic-leaflet` package) served from our
own /vendor/leaflet/ route, never a CDN, and the tiles from MAP_TILE_URL (OpenStreetMap's
by default) allowed by the Content-Security-Policy. Pages carry only the places to mark,
as data attributes; static/js/map.js fetches Leaflet and the tiles when the person presses
"Show map", because a tile server learns the area someone looks at."""

from urllib.parse import urlsplit

from flask import current_app, send_from_directory
from xstatic.pkg import leaflet

from . import security
from .reader_text import shown_text

LEAFLET_FOLDER = leaflet.BASE_DIR


def tile_origin():
    """Return the scheme and host the map tiles come from, or "" when maps are off."""
    parts = urlsplit(current_app.config.get("MAP_TILE_URL") or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def content_security_policy(origin):
    """Return the site's policy with `origin` added to the image sources (the tiles)."""
    return "; ".join(f"{directive} {origin}" if directive.startswith("img-src") else directive
                     for directive in security.CSP_DIRECTIVES)


def markers_for(services, limit=50):
    """Return [{name (in the reader's language), lat, lng, url-less id}] for in-person
    locations of `services`."""
    return _markers(((service.id, shown_text(service, "name").text,
                      [(loc.latitude, loc.longitude) for loc in service.physical_locations
                       if loc.has_coordinates]) for service in services), limit)


def markers_for_cards(cards, limit=50):
    """Return markers_for's answer for result cards (public/cards.py)."""
    return _markers(((card.service_id, card.name, [place[:2] for place in card.places])
                     for card in cards), limit)


def _markers(rows, limit):
    marks = []
    for service_id, name, points in rows:
        for lat, lng in points:
            if len(marks) < limit:
                marks.append({"id": service_id, "name": name, "lat": round(lat, 5),
                              "lng": round(lng, 5)})
    return marks


def _leaflet_file(filename):
    return send_from_directory(LEAFLET_FOLDER, filename, max_age=7 * 24 * 3600)


def _allow_tiles(response):
    origin = tile_origin()
    if origin and "Content-Security-Policy" not in response.headers:
        response.headers["Content-Security-Policy"] = content_security_policy(origin)
    return response


def init_app(app):
    """Serve Leaflet from our own static route and let pages show the configured tiles."""
    app.add_url_rule("/vendor/leaflet/<path:filename>", "vendor_static", _leaflet_file)
    # Runs before security.add_headers (after_request runs last-registered first), which
    # then leaves this policy in place and adds the other headers.
    app.after_request(_allow_tiles)
    app.jinja_env.globals.update(map_markers=markers_for, card_markers=markers_for_cards,
                                  map_tile_origin=tile_origin)
