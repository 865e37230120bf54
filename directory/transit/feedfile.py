"""Reading one agency's GTFS feed (a zip) with partridge: its agencies' names (the feed's
key, so a new edition of the same agency's feed replaces the old one), its boarding stops,
its routes, and for each route at each stop the departures of a typical weekday and the
usual minutes between them. A feed that cannot be read raises FeedError, in words an
operator can act on; nothing is written here."""

import re
import unicodedata
import warnings
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import partridge as ptg

REQUIRED = ("agency.txt", "stops.txt", "routes.txt", "trips.txt", "stop_times.txt")
CALENDARS = ("calendar.txt", "calendar_dates.txt")
COLUMNS = {  # file -> the columns this directory reads that the file must have
    "stops": ("stop_id", "stop_lat", "stop_lon"),
    "routes": ("route_id", "route_type"),
    "trips": ("trip_id", "route_id", "service_id"),
    "stop_times": ("trip_id", "stop_id"),
}
KEY_LENGTH = 64


class FeedError(Exception):
    """A GTFS feed that cannot be imported, and why."""


@dataclass
class FeedData:
    """What the directory keeps of one feed, as tables."""

    key: str
    name: str
    source: str
    stops: pd.DataFrame  # stop_id, name, latitude, longitude, station
    routes: pd.DataFrame  # route_id, short_name, long_name, route_type
    served: pd.DataFrame  # stop_id, route_id, weekday_trips, headway_minutes


def feed_key(names):
    """Return the key of a feed from its agencies' names: "Metro Transit" -> "metro-transit"."""
    text = unicodedata.normalize("NFKD", " ".join(sorted(names))).encode("ascii", "ignore")
    slug = re.sub(r"[^a-z0-9]+", "-", text.decode().lower()).strip("-")
    return slug[:KEY_LENGTH].strip("-") or "feed"


def _check_archive(path):
    if not zipfile.is_zipfile(path):
        raise FeedError(f"{path.name} is not a zip file (a GTFS feed is a zip of .txt tables)")
    with zipfile.ZipFile(path) as archive:
        names = {Path(n).name for n in archive.namelist()}
    missing = [name for name in REQUIRED if name not in names]
    if not any(name in names for name in CALENDARS):
        missing.append(" or ".join(CALENDARS))
    if missing:
        raise FeedError(f"{path.name} lacks {', '.join(missing)}: not a complete GTFS feed")


def typical_weekday(by_date):
    """Return the service ids of a typical weekday: those running on the most Mondays to
    Fridays of the feed's calendar (a holiday's or a strike day's set runs on few)."""
    days = Counter(ids for day, ids in by_date.items() if day.weekday() < 5 and ids)
    if not days:
        return frozenset()
    return max(days.items(), key=lambda item: (item[1], len(item[0]), sorted(item[0])))[0]


def _tables(path):
    feed = ptg.load_feed(str(path))
    tables = {name: getattr(feed, name) for name in ("agency", "stops", "routes", "trips",
                                                       "stop_times")}
    for name, columns in COLUMNS.items():
        absent = [c for c in columns if c not in tables[name].columns]
        if absent:
            raise FeedError(f"{path.name}: {name}.txt has no {', '.join(absent)} column")
        if tables[name].empty:
            raise FeedError(f"{path.name}: {name}.txt has no rows")
    return tables, typical_weekday(ptg.read_service_ids_by_date(str(path)))


def _text(frame, column, default=""):
    if column not in frame.columns:
        return pd.Series(default, index=frame.index, dtype=object)
    return frame[column].astype(object).where(frame[column].notna(), default)


def _stops(stops):
    kind = stops["location_type"] if "location_type" in stops.columns else None
    boarding = stops if kind is None else stops[kind.isna() | (kind == 0)]
    boarding = boarding.dropna(subset=["stop_lat", "stop_lon"])
    boarding = boarding[boarding.stop_lat.between(-90, 90) & boarding.stop_lon.between(-180, 180)
                        & ~((boarding.stop_lat == 0) & (boarding.stop_lon == 0))]
    station = _text(boarding, "parent_station")
    return pd.DataFrame({
        "stop_id": boarding.stop_id.astype(str), "name": _text(boarding, "stop_name"),
        "latitude": boarding.stop_lat.astype(float), "longitude": boarding.stop_lon.astype(float),
        "station": station.where(station != "", boarding.stop_id).astype(str),
    }).drop_duplicates("stop_id")


def _routes(routes):
    short, long = _text(routes, "route_short_name"), _text(routes, "route_long_name")
    short = short.where(short != "", long)  # what riders call it: the number, else the name
    short = short.where(short != "", routes.route_id.astype(str))
    return pd.DataFrame({
        "route_id": routes.route_id.astype(str),
        "short_name": short.str.slice(0, 255),
        "long_name": long.str.slice(0, 255).where(long != "", None),
        "route_type": pd.to_numeric(routes.route_type, errors="coerce").fillna(3).astype(int),
    }).drop_duplicates("route_id")


def _served(trips, stop_times, weekday):
    """Return each (stop, route) pair with its departures on a typical weekday and the
    median minutes between them."""
    times = stop_times[["trip_id", "stop_id"]].copy()
    departure = stop_times.get("departure_time")
    arrival = stop_times.get("arrival_time")
    times["time"] = (departure if departure is not None else arrival)
    if departure is not None and arrival is not None:
        times["time"] = departure.fillna(arrival)
    times = times.merge(trips[["trip_id", "route_id", "service_id"]], on="trip_id")
    keys = ["stop_id", "route_id"]
    pairs = times[keys].drop_duplicates()
    today = times[times.service_id.isin(weekday)]
    trips_there = today.groupby(keys).trip_id.nunique().rename("weekday_trips")
    timed = today.dropna(subset=["time"]).sort_values([*keys, "time"])
    timed = timed.assign(gap=timed.groupby(keys)["time"].diff())
    headway = (timed.groupby(keys).gap.median() / 60).round().rename("headway_minutes")
    served = pairs.merge(trips_there, on=keys, how="left").merge(headway, on=keys, how="left")
    served["weekday_trips"] = served.weekday_trips.fillna(0).astype(int)
    served["headway_minutes"] = served.headway_minutes.astype(object).where(
        served.headway_minutes.notna() & (served.weekday_trips > 1), None)
    served["stop_id"] = served.stop_id.astype(str)
    served["route_id"] = served.route_id.astype(str)
    return served


def read_feed(path):
    """Return the FeedData of the GTFS zip at `path`; raise FeedError if it cannot be used."""
    path = Path(path)
    if not path.is_file():
        raise FeedError(f"{path} does not exist")
    _check_archive(path)
    try:
        with warnings.catch_warnings():  # partridge's pandas calls that pandas 4 drops
            warnings.simplefilter("ignore", DeprecationWarning)
            tables, weekday = _tables(path)
        stops = _stops(tables["stops"])
        routes = _routes(tables["routes"])
        served = _served(tables["trips"], tables["stop_times"], weekday)
    except FeedError:
        raise
    except Exception as exc:  # partridge and pandas say what they could not parse
        raise FeedError(f"{path.name} could not be read as GTFS: {exc}") from exc
    served = served[served.stop_id.isin(stops.stop_id) & served.route_id.isin(routes.route_id)]
    if served.empty:
        raise FeedError(f"{path.name}: no trip stops at a stop with coordinates")
    stops = stops[stops.stop_id.isin(served.stop_id)]
    routes = routes[routes.route_id.isin(served.route_id)]
    names = [n for n in _text(tables["agency"], "agency_name").tolist() if n] or [path.stem]
    return FeedData(feed_key(names), ", ".join(sorted(names))[:255], path.name[:255],
                    stops.reset_index(drop=True), routes.reset_index(drop=True),
                    served.reset_index(drop=True))
