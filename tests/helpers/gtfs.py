"""Small GTFS feeds for tests, written as real zips: an agency, stops placed by miles north
and east of a point, routes that run through their stops every so many minutes on
weekdays (and, when asked, a few weekend trips), and the calendar."""

import zipfile

from directory.geo.distance import MILES_PER_DEGREE_LAT, haversine_miles

# The tests' town (tests/transit/conftest.py): a client's place, and a bus network north
# and east of it.
ORIGIN = (33.60, -117.70)
BUS, FERRY = 3, 4  # GTFS route_type


def at(north=0.0, east=0.0, origin=ORIGIN):
    """Return (lat, lng) `north` and `east` miles from `origin` (exact enough for tests)."""
    lat = origin[0] + north / MILES_PER_DEGREE_LAT
    per_degree_lng = float(haversine_miles(lat, 0.0, lat, 1.0))
    return lat, origin[1] + east / per_degree_lng


def _csv(header, rows):
    return "\n".join([",".join(header), *(",".join(str(v) for v in row) for row in rows)]) + "\n"


def _clock(minutes):
    return f"{minutes // 60:02d}:{minutes % 60:02d}:00"


def write_feed(path, agency, stops, routes, weekend_trips=0, leave_out=()):
    """Write a GTFS zip at `path`; return it.

    `stops`: [(stop id, name, (lat, lng), parent station or "")]; `routes`: [(route id,
    short name, route type, [stop ids in order], weekday trips, minutes between them)].
    Every trip starts at 7:00 and takes 3 minutes between stops; `leave_out` names files
    to omit (a broken feed).
    """
    stop_rows = [(sid, name, f"{lat:.6f}", f"{lng:.6f}", parent, 0)
                 for sid, name, (lat, lng), parent in stops]
    stations = sorted({parent for *_, parent in stops if parent})
    stop_rows += [(s, f"Station {s}", *stop_rows[0][2:4], "", 1) for s in stations]
    trips, times = [], []
    for route_id, _, _, route_stops, count, every in routes:
        runs = [("WK", n * every) for n in range(count)]
        runs += [("WE", 60 * n) for n in range(weekend_trips)]
        for n, (service_id, start) in enumerate(runs):
            trip_id = f"{route_id}-{service_id}-{n}"
            trips.append((route_id, service_id, trip_id))
            for seq, stop_id in enumerate(route_stops):
                clock = _clock(7 * 60 + start + 3 * seq)
                times.append((trip_id, clock, clock, stop_id, seq + 1))
    files = {
        "agency.txt": _csv(("agency_id", "agency_name", "agency_url", "agency_timezone"),
                           [("A1", agency, "https://transit.example.org",
                             "America/Los_Angeles")]),
        "stops.txt": _csv(("stop_id", "stop_name", "stop_lat", "stop_lon", "parent_station",
                           "location_type"), stop_rows),
        "routes.txt": _csv(("route_id", "agency_id", "route_short_name", "route_long_name",
                            "route_type"),
                           [(rid, "A1", short, f"{short} line", kind)
                            for rid, short, kind, *_ in routes]),
        "trips.txt": _csv(("route_id", "service_id", "trip_id"), trips),
        "stop_times.txt": _csv(("trip_id", "arrival_time", "departure_time", "stop_id",
                                "stop_sequence"), times),
        "calendar.txt": _csv(("service_id", "monday", "tuesday", "wednesday", "thursday",
                              "friday", "saturday", "sunday", "start_date", "end_date"),
                             [("WK", 1, 1, 1, 1, 1, 0, 0, 20260101, 20271231),
                              ("WE", 0, 0, 0, 0, 0, 1, 1, 20260101, 20271231)]),
    }
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            if name not in leave_out:
                archive.writestr(name, text)
    return path


STOPS = [("A", "Main St & 1st", at(0.1), ""), ("B", "Oak Ave & 5th", at(5), ""),
         ("C1", "Harbor Station bay 1", at(5, 5), "HS"),
         ("C2", "Harbor Station bay 2", at(5, 5.05), "HS"), ("D", "Pier Rd", at(5, 10), "")]
# 47 shares stop B with 53; 53 and 60 stop at two bays of one station.
ROUTES = [("R47", "47", BUS, ["A", "B"], 20, 15), ("R53", "53", BUS, ["B", "C1"], 8, 90),
          ("R60", "60", BUS, ["C2", "D"], 8, 60)]
