"""Every staff route against every role: anonymous visitors are sent to sign in, roles
without the permission get the 403 page, and the roles with it get the page."""

import pytest

from directory import models as m
from directory.extensions import db
from tests import builders
from tests.conftest import staff_password_hash

ROLES = ("coordinator", "editor", "admin")
STAFF, EDIT, ADMIN = "coordinator", "editor", "admin"

# (method, path, least role allowed); {service}, {organization}, {location}, {suggestion},
# {user} are filled with records built for each request.
ROUTES = [
    ("GET", "/staff/", STAFF),
    ("GET", "/staff/services", STAFF),
    ("GET", "/staff/services/{service}", STAFF),
    ("GET", "/staff/organizations", STAFF),
    ("GET", "/staff/organizations/{organization}", STAFF),
    ("GET", "/staff/locations/{location}", STAFF),
    ("GET", "/staff/password", STAFF),
    ("POST", "/staff/password", STAFF),
    ("GET", "/staff/services/new", EDIT),
    ("POST", "/staff/services/new", EDIT),
    ("GET", "/staff/services/{service}/edit", EDIT),
    ("POST", "/staff/services/{service}/edit", EDIT),
    ("POST", "/staff/services/{service}/verify", EDIT),
    ("GET", "/staff/services/{service}/retire", EDIT),
    ("POST", "/staff/services/{service}/retire", EDIT),
    ("GET", "/staff/services/{service}/phones", EDIT),
    ("POST", "/staff/services/{service}/phones", EDIT),
    ("GET", "/staff/services/{service}/hours", EDIT),
    ("POST", "/staff/services/{service}/hours", EDIT),
    ("GET", "/staff/services/{service}/areas", EDIT),
    ("POST", "/staff/services/{service}/areas", EDIT),
    ("GET", "/staff/services/{service}/availability", EDIT),
    ("POST", "/staff/services/{service}/availability", EDIT),
    ("GET", "/staff/locations/new?service_id={service}", EDIT),
    ("POST", "/staff/locations/new?service_id={service}", EDIT),
    ("GET", "/staff/locations/{location}/edit", EDIT),
    ("POST", "/staff/locations/{location}/edit", EDIT),
    ("GET", "/staff/locations/{location}/phones", EDIT),
    ("POST", "/staff/locations/{location}/phones", EDIT),
    ("GET", "/staff/locations/{location}/retire", EDIT),
    ("POST", "/staff/locations/{location}/retire", EDIT),
    ("GET", "/staff/organizations/new", EDIT),
    ("POST", "/staff/organizations/new", EDIT),
    ("GET", "/staff/organizations/{organization}/edit", EDIT),
    ("POST", "/staff/organizations/{organization}/edit", EDIT),
    ("GET", "/staff/organizations/{organization}/phones", EDIT),
    ("POST", "/staff/organizations/{organization}/phones", EDIT),
    ("GET", "/staff/organizations/{organization}/retire", EDIT),
    ("POST", "/staff/organizations/{organization}/retire", EDIT),
    ("GET", "/staff/suggestions", EDIT),
    ("POST", "/staff/suggestions/{suggestion}/apply", EDIT),
    ("GET", "/staff/suggestions/{suggestion}/dismiss", EDIT),
    ("POST", "/staff/suggestions/{suggestion}/dismiss", EDIT),
    ("GET", "/staff/users", ADMIN),
    ("GET", "/staff/users/new", ADMIN),
    ("POST", "/staff/users/new", ADMIN),
    ("GET", "/staff/users/{user}/edit", ADMIN),
    ("POST", "/staff/users/{user}/edit", ADMIN),
    ("GET", "/staff/settings", ADMIN),
    ("POST", "/staff/settings", ADMIN),
]


def _records(label):
    """Build a fresh service (with organization, location, suggestion) and a user."""
    service = builders.service(f"Route check {label}")
    suggestion = m.Suggestion(service=service, body="The phone number changed.")
    user = m.User(email=f"someone-{m.new_id()}@clinic.example.org", role="coordinator",
                  password_hash=staff_password_hash())
    db.session.add_all([suggestion, user])
    db.session.commit()
    return {"service": service.id, "organization": service.organization_id,
            "location": service.locations[0].id, "suggestion": suggestion.id, "user": user.id}


def _outcome(client, method, path):
    """Return "sign in", "refused" (the 403 page) or "allowed" for one request."""
    response = client.open(path.format(**_records(path)), method=method, data={})
    if response.status_code == 302 and "/staff/login" in response.headers["Location"]:
        return "sign in"
    if response.status_code == 403:
        assert "You do not have permission" in response.get_data(as_text=True)
        return "refused"
    # 409: let in, the save refused because the empty post was not made from an opened form
    assert response.status_code in (200, 302, 409), (method, path, response.status_code)
    return "allowed"


def test_anonymous_visitors_are_sent_to_sign_in_everywhere(client):
    outcomes = {(method, path): _outcome(client, method, path) for method, path, _ in ROUTES}
    assert set(outcomes.values()) == {"sign in"}, outcomes


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_only_what_it_may(staff_client, role):
    client = staff_client(role)
    wrong = []
    for method, path, least in ROUTES:
        expected = "allowed" if ROLES.index(role) >= ROLES.index(least) else "refused"
        outcome = _outcome(client, method, path)
        if outcome != expected:
            wrong.append((method, path, expected, outcome))
    assert wrong == []


def test_the_sign_in_page_is_open_to_everyone(client):
    response = client.get("/staff/login")
    assert response.status_code == 200
    assert "Staff sign-in" in response.get_data(as_text=True)


def test_every_staff_route_is_in_the_matrix(app):
    checked = {path.split("?")[0].replace("{", "<").replace("}", ">") for _, path, _ in ROUTES}
    rules = {rule.rule for rule in app.url_map.iter_rules() if rule.endpoint.startswith("staff.")}
    public = {"/staff/login", "/staff/logout"}
    normalised = set()
    for rule in rules - public:
        normalised.add(rule.replace("<service_id>", "<service>")
                       .replace("<organization_id>", "<organization>")
                       .replace("<location_id>", "<location>")
                       .replace("<suggestion_id>", "<suggestion>")
                       .replace("<user_id>", "<user>"))
    phones = "/staff/<any(services, locations, organizations):kind>/<owner_id>/phones"
    assert phones in normalised
    normalised.discard(phones)
    checked -= {"/staff/services/<service>/phones", "/staff/locations/<location>/phones",
                "/staff/organizations/<organization>/phones"}
    assert normalised == checked
