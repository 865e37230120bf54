"""Locations and service areas: a saved address is placed on the map (offline, from its
ZIP code when no street geocoder is set), the pin can be set by hand, coordinates are
checked, and the areas a service covers are states, counties or ZIP codes that exist."""


import pytest
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from directory import locate, search
from directory import models as m
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.pages import form_values, text_of


def _near(place):
    """Return the ids of the services a search near `place` finds."""
    params, errors = search.parse(MultiDict({"near": place, "radius": "5"}))
    assert not errors, errors
    params.place = locate.resolve(near=place)
    return {hit.service_id for hit in search.search(params).hits}


FAR_AWAY = "96001"  # Redding, far from Orange County


def _address(**changes):
    data = {"name": "Main office", "location_type": "physical", "address_1": "500 Main Street",
            "city": "Santa Ana", "state_province": "ca", "postal_code": "92701"}
    data.update(changes)
    return data


def test_a_new_address_is_placed_at_its_zip_code_and_found_nearby(editor_client):
    service = builders.service("Placing Check Therapy", virtual=True)
    service.service_areas = []
    db.session.commit()
    response = editor_client.post(f"/staff/locations/new?service_id={service.id}",
                                  data=_address(services=service.id))
    assert response.status_code == 302
    location = db.session.scalar(select(m.Location))
    expected = locate.resolve(near="92701")
    assert (location.latitude, location.longitude) == pytest.approx(
        (expected.latitude, expected.longitude))
    assert location.address.state_province == "CA"
    page = text_of(editor_client.get(response.headers["Location"]))
    assert "centre of its ZIP code (approximate)" in page
    assert "500 Main Street, Santa Ana, CA 92701" in text_of(
        editor_client.get(f"/services/{service.id}"))
    assert service.id in _near("92701") and service.id not in _near(FAR_AWAY)


def test_a_pin_set_by_hand_is_kept_until_the_address_changes(editor_client):
    service = builders.service("Pin Check House")
    location = service.locations[0]
    url = f"/staff/locations/{location.id}/edit"
    data = form_values(text_of(editor_client.get(url)))
    data.update(set_coordinates="y", latitude="33.7455", longitude="-117.8677")
    assert editor_client.post(url, data=data).status_code == 302
    db.session.refresh(location)
    assert (location.latitude, location.longitude) == (33.7455, -117.8677)
    data = form_values(text_of(editor_client.get(url)))
    data.update(description="Ring the bell at the side door.")
    data.pop("set_coordinates", None)
    editor_client.post(url, data=data)
    db.session.refresh(location)
    assert (location.latitude, location.longitude) == (33.7455, -117.8677)
    data = form_values(text_of(editor_client.get(url)))  # the form as it is after that save
    data.pop("set_coordinates", None)
    data.update(address_1="1 Civic Center Plaza", city="Irvine", postal_code="92606")
    editor_client.post(url, data=data)
    db.session.refresh(location)
    irvine = locate.resolve(near="92606")
    assert (location.latitude, location.longitude) == pytest.approx(
        (irvine.latitude, irvine.longitude))
    changes = db.session.scalars(select(m.ChangeRecord).where(
        m.ChangeRecord.resource_id == location.id,
        m.ChangeRecord.field_name == "latitude")).all()
    assert "33.7455" in {c.replacement_value for c in changes if c.last_action_type == "update"}


def test_coordinates_and_addresses_are_checked(editor_client):
    service = builders.service("Coordinates Check Clinic")
    url = f"/staff/locations/{service.locations[0].id}/edit"
    cases = [
        ({"set_coordinates": "y", "latitude": "95", "longitude": "-117"}, "latitude",
         "Enter a number from -90 to 90"),
        ({"set_coordinates": "y", "latitude": "33", "longitude": "-200"}, "longitude",
         "Enter a number from -180 to 180"),
        ({"set_coordinates": "y", "latitude": "north", "longitude": "-117"}, "latitude",
         "Enter a number, like 33.6469"),
        ({"set_coordinates": "y", "latitude": "", "longitude": "-117"}, "latitude",
         "Enter the latitude"),
        ({"postal_code": "9263"}, "postal_code", "Enter a 5-digit ZIP code"),
        ({"postal_code": "00000", "city": "Nowhere Town"}, "postal_code",
         "We could not find this ZIP code or city"),
        ({"state_province": "California"}, "state_province", "two-letter state code"),
        ({"address_1": ""}, "address_1", "Enter the street address"),
    ]
    for changes, field, message in cases:
        data = form_values(text_of(editor_client.get(url)))
        data.update(changes)
        html = text_of(editor_client.post(url, data=data))
        assert message in html.split(f'id="{field}-error"')[1].split("</p>")[0], changes
    assert service.locations[0].latitude == 33.6469


def test_an_online_location_needs_no_address(editor_client):
    service = builders.service("Online Check Group", virtual=True)
    response = editor_client.post(f"/staff/locations/new?service_id={service.id}", data={
        "name": "Video sessions", "location_type": "virtual", "services": service.id})
    assert response.status_code == 302
    location = db.session.scalar(select(m.Location))
    assert location.addresses == [] and location.latitude is None
    assert service in [link.service for link in location.service_at_locations]


def test_retiring_a_location_removes_it_from_its_services(editor_client):
    service = builders.service("Moving Out Clinic", zip_code="92630")
    location = service.locations[0]
    assert service.id in _near("92630")
    response = editor_client.post(f"/staff/locations/{location.id}/retire", data={})
    assert response.status_code == 302
    assert db.session.get(m.Location, location.id) is None
    assert service.id not in _near("92630")  # the index followed at once
    assert "1 Test Way" not in text_of(editor_client.get(f"/services/{service.id}"))
    history = text_of(editor_client.get(f"/staff/services/{service.id}"))
    assert "removed link to a location" in " ".join(history.split())


def test_service_areas_are_states_counties_or_zip_codes(editor_client):
    service = builders.service("Area Check Telehealth", virtual=True)
    service.service_areas = []
    db.session.commit()
    url = f"/staff/services/{service.id}/areas"
    response = editor_client.post(url, data={
        "areas-0-kind": "county", "areas-0-value": "orange county, ca",
        "areas-1-kind": "postal_code", "areas-1-value": "92630, 92610",
        "areas-1-name": "South county"})
    assert response.status_code == 302
    db.session.refresh(service)
    assert sorted((a.extent, a.name) for a in service.service_areas) == [
        ("county:CA:Orange", "Orange County, CA"),
        ("postal_code:92630 92610", "South county")]
    for kind, value, message in (("state", "ZZ", "two-letter US state code"),
                                 ("county", "Atlantis, CA", "the county and state"),
                                 ("postal_code", "99999 1234", "5-digit ZIP codes")):
        data = form_values(text_of(editor_client.get(url)))
        data.update({"areas-2-kind": kind, "areas-2-value": value})
        html = text_of(editor_client.post(url, data=data))
        assert message in html.split('id="areas-2-value-error"')[1].split("</p>")[0]
    data = form_values(text_of(editor_client.get(url)))
    index = next(k.split("-")[1] for k, v in data.items() if v == "county")
    data[f"areas-{index}-remove"] = "y"
    data.update({"areas-2-kind": "state", "areas-2-value": "ca"})
    editor_client.post(url, data=data)
    db.session.refresh(service)
    assert sorted(a.extent for a in service.service_areas) == [
        "postal_code:92630 92610", "state:CA"]


def test_a_new_address_starts_in_the_state_of_the_directory_s_services(editor_client):
    # a 2-1-1 of Oregon loaded: its editors are not asked to correct "CA" on every address
    service = builders.service("Salem Pantry", zip_code="97301", city="Salem", lat=44.94,
                               lng=-123.03)
    service.service_at_locations[0].location.addresses[0].state_province = "OR"
    db.session.commit()
    page = editor_client.get(f"/staff/locations/new?service_id={service.id}")
    assert form_values(page.get_data(as_text=True))["state_province"] == "OR"
