""""Reachable by public transit": from the person's place, the services a route near them
also stops near (direct), or a route they can change to at a shared stop or station (one
change) — exactly those; two changes, or a walk past TRANSIT_WALK_MILES, are not."""

from directory.extensions import db
from tests.helpers.gtfs import at
from tests.helpers.results import run


def _found(place, **args):
    return run(lat=place[0], lng=place[1], **args)


def test_the_filter_keeps_exactly_the_services_the_rule_allows(town, runner):
    assert runner.invoke(args=["import-gtfs", str(town.feed)]).exit_code == 0
    ids = {service.id: name for name, service in town.services.items()}
    everything = _found(town.place)
    assert {ids[h.service_id] for h in everything.hits} == set(town.services)
    assert everything.facets["transit"] == 2
    reachable = _found(town.place, transit="true")
    assert {ids[h.service_id] for h in reachable.hits} == {"Oak Clinic", "Harbor Counselling"}
    assert reachable.total == 2


def test_a_longer_walk_setting_reaches_further(town, runner, app):
    app.config["TRANSIT_WALK_MILES"] = 1.0
    assert runner.invoke(args=["import-gtfs", str(town.feed)]).exit_code == 0
    ids = {service.id: name for name, service in town.services.items()}
    reachable = _found(town.place, transit="true")
    assert {ids[h.service_id] for h in reachable.hits} == {
        "Oak Clinic", "Harbor Counselling", "Far Walk Center"}


def test_the_results_page_offers_the_filter_and_narrows_to_it(town, runner, client):
    assert runner.invoke(args=["import-gtfs", str(town.feed)]).exit_code == 0
    lat, lng = town.place
    page = client.get("/search", query_string={"lat": lat, "lng": lng}).get_data(as_text=True)
    assert "Reachable by public transit" in page
    response = client.get("/search", query_string={"lat": lat, "lng": lng, "transit": "true"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    for name in ("Oak Clinic", "Harbor Counselling"):
        assert name in page
    for name in ("Pier Recovery", "Far Walk Center", "Nowhere House"):
        assert name not in page


def test_without_a_place_or_a_feed_the_page_says_why(town, runner, client):
    response = client.get("/search", query_string={"q": "counselling", "transit": "true"})
    assert response.status_code == 400  # a search option to fix, said on the page
    assert "To see what public transit reaches, enter where you are" in response.get_data(
        as_text=True)
    lat, lng = town.place  # no feed imported yet: nothing covers the place
    page = client.get("/search", query_string={"lat": lat, "lng": lng, "transit": "true"}
                      ).get_data(as_text=True)
    assert "No transit timetable covers" in page
    assert "Pier Recovery" in page  # not narrowed


def test_a_place_moved_near_a_stop_is_linked_and_found_at_once(town, runner, client):
    assert runner.invoke(args=["import-gtfs", str(town.feed)]).exit_code == 0
    moved = town.services["Nowhere House"]
    place = moved.locations[0]
    place.latitude, place.longitude = at(0.4)  # 0.3 mile from stop A (route 47)
    db.session.commit()
    page = client.get(f"/services/{moved.id}").get_data(as_text=True)
    assert "Bus 47 — stop Main St &amp; 1st, 0.3 miles" in page
    found = {h.service_id for h in _found(town.place, transit="true").hits}
    assert moved.id in found


def test_the_api_says_why_it_cannot_narrow_to_transit(town, runner, client):
    response = client.get("/api/services", query_string={"transit": "true"})
    assert response.status_code == 400
    assert "enter where you are" in response.get_json()["errors"]["transit"]
    lat, lng = town.place  # no feed imported yet: an answer not narrowed would mislead
    response = client.get("/api/services", query_string={"lat": lat, "lng": lng,
                                                         "transit": "true"})
    assert response.status_code == 400
    assert "No transit timetable covers" in response.get_json()["errors"]["transit"]
    assert runner.invoke(args=["import-gtfs", str(town.feed)]).exit_code == 0
    response = client.get("/api/services", query_string={"lat": lat, "lng": lng,
                                                         "transit": "true"})
    names = {item["name"] for item in response.get_json()["contents"]}
    assert response.status_code == 200 and names == {"Oak Clinic", "Harbor Counselling"}


def test_pages_read_the_feeds_once_a_data_stamp_and_the_next_page_sees_a_new_import(town, runner, client):
    from sqlalchemy import event

    clinic = town.services["Oak Clinic"]
    read = []

    def count(_conn, _cursor, statement, *_args):
        read.extend([statement] if "transit_feed.imported_at" in statement else [])

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        before = client.get(f"/services/{clinic.id}")
        assert before.status_code == 200 and "Bus 47" not in before.get_data(as_text=True)
        assert len(read) == 1
        assert runner.invoke(args=["import-gtfs", str(town.feed)]).exit_code == 0
        read.clear()
        after = client.get(f"/services/{clinic.id}")
        assert "Bus 47 and 53" in after.get_data(as_text=True) and len(read) == 1
        again = client.get(f"/services/{clinic.id}")  # the same data: read once per stamp
        assert "Bus 47 and 53" in again.get_data(as_text=True) and len(read) == 1
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
