"""Public transit from the GTFS feeds agencies publish: `flask import-gtfs` reads them
(feedfile.py, with partridge) and links each location to the stops within a short walk
(imports.py); network.py holds the routes and stops in memory and states the rule of
"reachable by public transit"; shown.py says it in words (the service page, matching).
No request handling here; only current_app, for the configuration. partridge and pandas
are loaded only by an import (or a place added or moved while feeds exist)."""

from sqlalchemy import inspect, select

from ..extensions import db, listen_once
from ..models import Location, TransitFeed
from .network import current, reachable_tags, walk_miles
from .shown import at_locations, covered, ride, routes_at, stops_near

__all__ = ["at_locations", "covered", "current", "import_feeds", "init_app", "reachable_tags",
           "ride", "routes_at", "stops_near", "walk_miles"]


def import_feeds(paths, walk):
    """Import the GTFS zips at `paths` (imports.import_feeds); return their FeedReports."""
    from .imports import import_feeds as run

    return run(paths, walk)


def init_app(app):
    """Register `flask import-gtfs` on `app`, and keep the links of a place that is added
    or moved (by an editor, an import through the models) in step with it."""
    from .commands import import_gtfs_command

    app.cli.add_command(import_gtfs_command)
    listen_once(db.session, {"after_flush": _relink_moved_places})


def _relink_moved_places(session, _context):
    """Relink the places this flush added or moved to the stops near them (if any feed)."""
    places = []
    for obj in [*session.new, *session.dirty]:
        if not isinstance(obj, Location):
            continue
        state = inspect(obj)
        if obj in session.new or state.attrs.latitude.history.has_changes() \
                or state.attrs.longitude.history.has_changes() \
                or state.attrs.location_type.history.has_changes():
            physical = obj.location_type in (None, "physical")
            places.append((obj.id, obj.latitude if physical else None, obj.longitude))
    if places and session.execute(select(TransitFeed.id).limit(1)).first() is not None:
        from .imports import relink

        relink(session, places, walk_miles())
