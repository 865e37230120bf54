"""A service page's "Rides to get here": the ride programs that reach it, those open to
everyone first, and whom each of the others is for (a veterans' shuttle, a ride home from
the hospital, seniors), so nobody calls a ride they cannot take."""

from tests.helpers import builders


def test_rides_say_whom_they_are_for_and_open_rides_come_first(client):
    terms = builders.load_taxonomy()
    clinic = builders.service("Harbor Clinic", terms=[terms["outpatient-counselling"]])
    builders.service("Vets Shuttle", terms=[terms["transportation"]],
                     eligibility_description="Veterans of any era and their caregivers.")
    builders.service("Discharge Rides", terms=[terms["transportation"]],
                     eligibility_description="People leaving a hospital or crisis unit.")
    builders.service("Senior Wheels", terms=[terms["transportation"]], minimum_age=60)
    builders.service("Zeta Rides", terms=[terms["transportation"]],
                     eligibility_description="Anyone who needs a ride to care.")

    page = client.get(f"/services/{clinic.id}").get_data(as_text=True)
    rides = page[page.index("Rides to get here"):]
    limited = ("Vets Shuttle", "Discharge Rides", "Senior Wheels")
    assert rides.index("Zeta Rides") < min(rides.index(name) for name in limited)
    vets = rides[rides.index("Vets Shuttle"):rides.index("</li>", rides.index("Vets Shuttle"))]
    assert "Veterans only" in vets
    discharge = rides[rides.index("Discharge Rides"):]
    assert "Only for people leaving a hospital, crisis or detox care" in discharge[
        :discharge.index("</li>")]
    seniors = rides[rides.index("Senior Wheels"):]
    assert "Ages 60 and over" in seniors[:seniors.index("</li>")]
    zeta = rides[rides.index("Zeta Rides"):]
    assert "ride-for" not in zeta[:zeta.index("</li>")]


def test_a_ride_shows_only_where_its_area_takes_people(client):
    terms = builders.load_taxonomy()
    clinic = builders.service("Harbor Clinic", terms=[terms["outpatient-counselling"]],
                              zip_code="92630")
    builders.service("Lake Forest Rides", terms=[terms["transportation"]], virtual=True,
                     areas=[("Lake Forest", "postal_code:92630")])
    builders.service("Santa Ana Rides", terms=[terms["transportation"]], virtual=True,
                     areas=[("Santa Ana", "postal_code:92701 92703")])
    page = client.get(f"/services/{clinic.id}", query_string={"near": "92630"}).get_data(
        as_text=True)
    assert "Lake Forest Rides" in page
    # Santa Ana's rides do not serve the clinic's ZIP code (nor, here, the searcher's).
    assert "Santa Ana Rides" not in page
    page = client.get(f"/services/{clinic.id}", query_string={"near": "92701"}).get_data(
        as_text=True)
    # From Santa Ana: its rides reach the searcher, not the clinic; Lake Forest's reach
    # the clinic, not the searcher. Neither covers the trip.
    assert "Santa Ana Rides" not in page and "Lake Forest Rides" not in page
