"""Matching for a client with no car: a service public transit reaches from the client's
place is a fit that names the route (or the two, with one change) and is no walk too far;
one the feeds cover but no route reaches is a misfit; where no feed covers the place, the
record's own "near public transit" decides, as before."""

from directory import locate, matching
from directory.extensions import db
from tests.helpers.results import reasons


def _match(town):
    place = locate.resolve(None, str(town.place[0]), str(town.place[1]))
    return matching.match(matching.ClientNeeds(categories=["outpatient-counselling"],
                                               place=place, barriers={"no-car"}))


def test_a_client_with_no_car_is_matched_by_the_routes_that_reach_each_service(town, runner):
    far = town.services["Far Walk Center"]  # past the feed's last stop: no feed covers it
    far.tag(town.terms["near-transit"])
    db.session.commit()
    assert runner.invoke(args=["import-gtfs", str(town.feed)]).exit_code == 0
    result = _match(town)
    fits, misfits = reasons(result, "Oak Clinic")
    assert "Bus 47 from near the client; walks of 0.1 and 0.2 miles" in fits
    assert not any("too far to walk" in text for text in misfits)
    fits, misfits = reasons(result, "Harbor Counselling")
    assert "Bus 47, then Bus 53 (one change); walks of 0.1 and 0.2 miles" in fits
    assert not any("too far to walk" in text for text in misfits)
    fits, misfits = reasons(result, "Pier Recovery")
    assert "Not reachable by public transit with one change or fewer" in misfits
    assert any("too far to walk" in text for text in misfits)
    fits, misfits = reasons(result, "Far Walk Center")
    assert "Near public transit" in fits
    fits, misfits = reasons(result, "Nowhere House")
    assert "Not reachable by public transit with one change or fewer" in misfits
    order = [item.service.name for item in result.matches]
    assert order.index("Oak Clinic") < order.index("Pier Recovery")


def test_without_a_feed_the_record_s_words_decide_as_before(town):
    result = _match(town)
    fits, misfits = reasons(result, "Oak Clinic")
    assert "Not listed as near public transit" in misfits
    assert not any("Bus" in text for text in fits)
