"""`flask import-gtfs FEED.zip [FEED.zip ...]`: import the GTFS feeds of one or more transit
agencies; a feed already imported (the same agencies) is replaced."""

import sys
import time

import click

from .network import walk_miles


@click.command("import-gtfs")
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False))
def import_gtfs_command(paths):
    """Import GTFS feeds (zips): stops, routes and weekday trips, and the stops within
    TRANSIT_WALK_MILES of each location. All feeds or none are imported."""
    from . import imports  # partridge and pandas: loaded for an import only
    from .feedfile import FeedError

    started = time.perf_counter()
    try:
        reports = imports.import_feeds(paths, walk_miles())
    except FeedError as exc:
        click.echo(f"Nothing was imported: {exc}", err=True)
        sys.exit(1)
    for report in reports:
        click.echo(f"{report.name} ({report.key}): {report.stops:,} stops, {report.routes:,} "
                   f"routes; {report.locations:,} locations within {walk_miles():g} miles of "
                   f"a stop; {report.services:,} services reindexed.")
    click.echo(f"Imported {len(reports)} feed(s) in {time.perf_counter() - started:.1f} s.")
