"""Transit benchmark: a large agency's GTFS feed over a synthetic directory.

    python bench/transit.py --services 100000

Generates the synthetic California directory (bench/synthetic.py) and rebuilds its index,
then writes a feed the size of a large city's bus agency over Los Angeles: 100 routes on a
grid (50 east-west, 50 north-south; each crosses every route of the other way at a shared
stop), a stop every ~0.45 mile (7,400 stops), 64 weekday trips per route (634,000 stop
times). Times `flask import-gtfs` (reading the feed with partridge, writing
it, linking every location within a walk, and reindexing the services near the stops),
then the per-search cost of "Reachable by public transit": the same seeded searches from
points in the feed's area with and without the filter, in the same run, p50 and p95 and
their ratio; and the service page's lookup of the stops near a place. Figures go to
bench/README.md.
"""

import argparse
import itertools
import os
import random
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from werkzeug.datastructures import MultiDict

from bench import synthetic
from bench.search import percentile, timed
from directory import models as m
from directory import search, transit
from directory.extensions import db
from directory.geo.gazetteer import Place
from directory.transit import feedfile

SOUTH, NORTH, WEST, EAST = 33.75, 34.30, -118.65, -117.95  # Los Angeles
LINES = 50  # routes each way
STOPS_BETWEEN = 1  # stops between two crossings (the spacing is ~0.9 mile between them)
TRIPS, EVERY = 64, 15  # weekday trips per route, minutes apart (5:00 to 21:00)
WORDS = ("counseling", "support group", "housing", "detox", "food pantry", "peer")


def write_feed(path):
    """Write the grid agency's feed at `path`; return (stops, routes, stop times)."""
    lats = [SOUTH + (NORTH - SOUTH) * i / (LINES - 1) for i in range(LINES)]
    lngs = [WEST + (EAST - WEST) * j / (LINES - 1) for j in range(LINES)]
    stops, routes, trips, times = {}, [], [], []

    def stop(lat, lng):
        key = f"{lat:.5f}:{lng:.5f}"
        stops.setdefault(key, (f"S{len(stops)}", f"Stop {len(stops)}", lat, lng))
        return stops[key][0]

    def line(points):
        walk = []
        for (lat1, lng1), (lat2, lng2) in itertools.pairwise(points):
            for k in range(STOPS_BETWEEN + 1):
                share = k / (STOPS_BETWEEN + 1)
                walk.append(stop(lat1 + (lat2 - lat1) * share, lng1 + (lng2 - lng1) * share))
        walk.append(stop(*points[-1]))
        return walk

    for n, lat in enumerate(lats):
        routes.append((f"E{n}", str(100 + n), line([(lat, lng) for lng in lngs])))
    for n, lng in enumerate(lngs):
        routes.append((f"N{n}", str(200 + n), line([(lat, lng) for lat in lats])))
    for route_id, _, route_stops in routes:
        for t in range(TRIPS):
            trip = f"{route_id}-{t}"
            trips.append(f"{route_id},WK,{trip}")
            start = 5 * 60 + t * EVERY
            for seq, stop_id in enumerate(route_stops):
                minute = start + 2 * seq
                clock = f"{minute // 60:02d}:{minute % 60:02d}:00"
                times.append(f"{trip},{clock},{clock},{stop_id},{seq + 1}")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("agency.txt", "agency_id,agency_name,agency_url,agency_timezone\n"
                         "M,Grid Metro,https://transit.example.org,America/Los_Angeles\n")
        archive.writestr("stops.txt", "stop_id,stop_name,stop_lat,stop_lon\n" + "\n".join(
            f"{sid},{name},{lat:.6f},{lng:.6f}" for sid, name, lat, lng in stops.values()))
        archive.writestr("routes.txt", "route_id,agency_id,route_short_name,route_type\n"
                         + "\n".join(f"{rid},M,{short},3" for rid, short, _ in routes))
        archive.writestr("trips.txt", "route_id,service_id,trip_id\n" + "\n".join(trips))
        archive.writestr("stop_times.txt", "trip_id,arrival_time,departure_time,stop_id,"
                         "stop_sequence\n" + "\n".join(times))
        archive.writestr("calendar.txt", "service_id,monday,tuesday,wednesday,thursday,friday,"
                         "saturday,sunday,start_date,end_date\nWK,1,1,1,1,1,0,0,20260101,"
                         "20271231\n")
    return len(stops), len(routes), len(times)


def searches(count, seed):
    """Return seeded searches from points in the feed's area: half with words."""
    rng = random.Random(seed)
    found = []
    for n in range(count):
        query = {"lat": rng.uniform(SOUTH, NORTH), "lng": rng.uniform(WEST, EAST)}
        if n % 2:
            query["text"] = rng.choice(WORDS)
        found.append(query)
    return found


def one(query, with_transit):
    args = MultiDict({"radius": "10"})
    if "text" in query:
        args["search"] = query["text"]
    if with_transit:
        args["transit"] = "true"
    params, errors = search.parse(args)
    assert not errors, errors
    params.place = Place(query["lat"], query["lng"], "bench", "CA")
    return search.search(params)


def load():
    return f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=100000)
    parser.add_argument("--searches", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-transit-"))
    app = synthetic.bench_app(f"sqlite:///{work / 'app.db'}", work)
    print(f"== {args.services:,} services; {load()}")
    with app.app_context():
        synthetic.empty_directory()
        start = time.perf_counter()
        synthetic.generate(args.services, args.seed)
        count, seconds = search.rebuild()
        print(f"directory generated and indexed ({count:,}) in "
              f"{time.perf_counter() - start:.0f} s (the index {seconds:.0f} s)")
        start = time.perf_counter()
        stops, routes, stop_times = write_feed(work / "grid-metro.zip")
        print(f"feed written: {stops:,} stops, {routes} routes, {stop_times:,} stop times "
              f"({(work / 'grid-metro.zip').stat().st_size / 1e6:.1f} MB) in "
              f"{time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        feedfile.read_feed(work / "grid-metro.zip")
        read = time.perf_counter() - start
        start = time.perf_counter()
        [report] = transit.import_feeds([work / "grid-metro.zip"], transit.walk_miles())
        total = time.perf_counter() - start
        print(f"import-gtfs: {total:.1f} s in all (reading with partridge {read:.1f} s); "
              f"{report.locations:,} locations within {transit.walk_miles()} mi of a stop, "
              f"{report.services:,} services reindexed; {load()}")
        start = time.perf_counter()
        transit.import_feeds([work / "grid-metro.zip"], transit.walk_miles())
        print(f"the same feed again (nothing changes): {time.perf_counter() - start:.1f} s")
        queries = searches(args.searches, args.seed)
        plain = timed(lambda q: one(q, False), queries)
        filtered = timed(lambda q: one(q, True), queries)
        kept = [one(q, True).total / max(one(q, False).total, 1) for q in queries]
        for label, times in (("without the filter", plain), ("with the filter", filtered)):
            print(f"search {label}: p50 {percentile(times, 50):.2f} ms, "
                  f"p95 {percentile(times, 95):.2f} ms")
        print(f"ratio with / without: p50 {percentile(filtered, 50) / percentile(plain, 50):.2f}"
              f", p95 {percentile(filtered, 95) / percentile(plain, 95):.2f}; the filter kept "
              f"{100 * sum(kept) / len(kept):.0f}% of the results on average")
        reach = timed(lambda q: transit.reachable_tags(q["lat"], q["lng"]), queries)
        print(f"routes reachable from a place (one change): p50 {percentile(reach, 50):.3f} "
              f"ms, p95 {percentile(reach, 95):.3f} ms")
        places = db.session.query(m.Location).join(
            m.TransitLink, m.TransitLink.location_id == m.Location.id).distinct().limit(200).all()
        page = timed(lambda loc: transit.at_locations([loc]), places)
        print(f"a service page's stops near a place: p50 {percentile(page, 50):.2f} ms, "
              f"p95 {percentile(page, 95):.2f} ms; {load()}")


if __name__ == "__main__":
    main()
