"""`flask import-gtfs`: a feed's stops, routes and weekday trips land, each location is
linked to the stops within a walk, a service page names the routes near it, a re-import
replaces the feed, several agencies import at once, and a broken feed changes nothing."""

from directory import models as m
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.gtfs import FERRY, ROUTES, STOPS, at, write_feed


def _import(runner, *paths):
    return runner.invoke(args=["import-gtfs", *(str(p) for p in paths)])


def _page(client, service):
    return client.get(f"/services/{service.id}").get_data(as_text=True)


def test_a_feed_imports_and_a_service_near_its_stops_shows_the_routes(town, runner, client):
    result = _import(runner, town.feed)
    assert result.exit_code == 0, result.output
    assert "Town Transit (town-transit): 5 stops, 3 routes" in result.output
    assert builders.count(m.TransitStopRoute) == 6
    page = _page(client, town.services["Oak Clinic"])
    assert "Bus 47 and 53 — stop Oak Ave &amp; 5th, 0.2 miles" in page
    assert "47: every 15 min on weekdays" in page
    assert "53: 8 trips on weekdays" in page
    harbor = _page(client, town.services["Harbor Counselling"])
    assert "Bus 60 — stop Harbor Station bay 2, 0.1" in harbor
    assert "Bus 53 — stop Harbor Station bay 1, 0.2 miles" in harbor
    assert "every 60 min" not in harbor and "8 trips on weekdays" in harbor
    nowhere = _page(client, town.services["Nowhere House"])  # among the stops, none near
    assert "No public transit stop within 0.5 miles." in nowhere
    far = _page(client, town.services["Far Walk Center"])  # past the feed's last stop
    assert "Bus 47" not in far and "No public transit stop" not in far


def test_a_re_import_replaces_the_feed(town, runner, client, tmp_path):
    assert _import(runner, town.feed).exit_code == 0
    moved = [(rid, short, kind, ["A", "D"] if rid == "R47" else stops, n, every)
             for rid, short, kind, stops, n, every in ROUTES]
    newer = write_feed(tmp_path / "town-2027.zip", "Town Transit", STOPS, moved)
    result = _import(runner, newer)
    assert result.exit_code == 0, result.output
    assert builders.count(m.TransitFeed) == 1
    oak = _page(client, town.services["Oak Clinic"])
    assert "Bus 53 — stop Oak Ave &amp; 5th" in oak and "Bus 47" not in oak
    pier = _page(client, town.services["Pier Recovery"])
    assert "Bus 47 and 60 — stop Pier Rd" in pier


def test_two_agencies_feeds_import_at_once(town, runner, client, tmp_path):
    ferry = write_feed(tmp_path / "ferry.zip", "Harbor Ferry",
                       [("F1", "Harbor Landing", at(5, 5.1), ""),
                        ("F2", "Island Dock", at(9, 9), "")],
                       [("BLUE", "Blue", FERRY, ["F1", "F2"], 6, 120)])
    result = _import(runner, town.feed, ferry)
    assert result.exit_code == 0, result.output
    assert "Imported 2 feed(s)" in result.output
    assert {f.id for f in m.TransitFeed.query} == {"town-transit", "harbor-ferry"}
    harbor = _page(client, town.services["Harbor Counselling"])
    assert "Ferry Blue — stop Harbor Landing" in harbor and "Bus 53" in harbor
    assert "Blue: 6 trips on weekdays" not in harbor  # one route at the stop: no name
    assert "6 trips on weekdays" in harbor


def test_a_broken_feed_is_refused_and_changes_nothing(town, runner, tmp_path):
    assert _import(runner, town.feed).exit_code == 0
    stops_before = builders.count(m.TransitStop)
    broken = write_feed(tmp_path / "broken.zip", "Other Transit", STOPS, ROUTES,
                        leave_out=("stops.txt",))
    newer = write_feed(tmp_path / "newer.zip", "Town Transit", STOPS[:2], ROUTES[:1])
    result = _import(runner, newer, broken)
    assert result.exit_code == 1
    assert "Nothing was imported: broken.zip lacks stops.txt" in result.output
    assert builders.count(m.TransitStop) == stops_before  # the newer feed was not applied
    assert builders.count(m.TransitFeed) == 1
    not_zip = tmp_path / "feed.zip"
    not_zip.write_text("stop_id,stop_name\n")
    result = _import(runner, not_zip)
    assert result.exit_code == 1 and "feed.zip is not a zip file" in result.output


def test_a_bus_sentence_shows_once_and_the_guess_gives_way_to_the_feed(app, runner, client,
                                                                       tmp_path):
    sentence = "Bus 47 stops at Oak Ave and 5th, one block away."
    far_away = builders.service("Hillside Clinic", lat=34.2, lng=-118.4)
    covered = builders.service("Oak Clinic", lat=at(5.2)[0], lng=at(5.2)[1])
    for service in (far_away, covered):
        place = service.locations[0]
        place.transportation = sentence
        place.accessibility = [m.Accessibility(description="Near public transit",
                                               details=sentence)]
    db.session.commit()
    assert _import(runner, write_feed(tmp_path / "town.zip", "Town Transit", STOPS,
                                      ROUTES)).exit_code == 0
    page = _page(client, far_away)  # no feed covers it: the record's words stay
    assert page.count("Bus 47 stops at Oak Ave") == 1
    assert "Near public transit" in page
    page = _page(client, covered)
    assert page.count("Bus 47 stops at Oak Ave") == 1  # "Getting there"
    assert "Near public transit" not in page
    assert "Bus 47 and 53 — stop Oak Ave &amp; 5th, 0.2 miles" in page
