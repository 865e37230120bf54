"""Every staff route against every role: anonymous visitors are sent to sign in, roles
without the permission get the 403 page, and the roles with it get the page. Providers
(people at a program) are the least: of the staff pages only their own password; the
provider pages are theirs alone, scoped to their organization."""

import pytest

from directory import models as m
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.pages import staff_password_hash

ROLES = ("provider", "coordinator", "editor", "admin")
ANY, STAFF, EDIT, ADMIN = "provider", "coordinator", "editor", "admin"

# (method, path, least role allowed); {service}, {organization}, {location}, {suggestion},
# {user} are filled with records built for each request.
ROUTES = [
    ("GET", "/staff/", STAFF),
    ("GET", "/staff/services", STAFF),
    ("GET", "/staff/services/{service}", STAFF),
    ("GET", "/staff/organizations", STAFF),
    ("GET", "/staff/organizations/{organization}", STAFF),
    ("GET", "/staff/locations/{location}", STAFF),
    ("GET", "/staff/password", ANY),
    ("POST", "/staff/password", ANY),
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


# Pages of the providers blueprint: who may open them ("refer": coordinators, editors and
# admins). {list}, {item} and {referral} are a referral to the provider's own program.
PROVIDER_ROUTES = [
    ("GET", "/provider/", "provider"),
    ("GET", "/provider/services/{service}/availability", "provider"),
    ("POST", "/provider/services/{service}/availability", "provider"),
    ("GET", "/provider/services/{service}/hours", "provider"),
    ("POST", "/provider/services/{service}/hours", "provider"),
    ("GET", "/provider/services/{service}/text", "provider"),
    ("POST", "/provider/services/{service}/text", "provider"),
    ("GET", "/provider/services/{service}/phones", "provider"),
    ("POST", "/provider/services/{service}/phones", "provider"),
    ("GET", "/provider/locations/{location}/phones", "provider"),
    ("POST", "/provider/locations/{location}/phones", "provider"),
    ("POST", "/provider/services/{service}/verify", "provider"),
    ("GET", "/provider/referrals", "provider"),
    ("GET", "/provider/referrals/{referral}", "provider"),
    ("POST", "/provider/referrals/{referral}", "provider"),
    ("GET", "/provider/contact-requests", "provider"),
    ("POST", "/provider/contact-requests/{request}/answered", "provider"),
    ("GET", "/provider/contact-requests/{request}/reply", "provider"),
    ("POST", "/provider/contact-requests/{request}/reply", "provider"),
    ("GET", "/staff/providers/invite", "admin"),
    ("POST", "/staff/providers/invite", "admin"),
    ("GET", "/referrals/lists/{list}/items/{item}/program", "refer"),
    ("POST", "/referrals/lists/{list}/items/{item}/program", "refer"),
    ("GET", "/referrals/lists/{list}/items/{item}/fhir.json", "refer"),
]
PUBLIC_LINKS = {"/provider/invitation/<token>", "/provider/confirm/<token>"}


def _provider_outcome(client, method, path, provider):
    """Build a service of the provider's organization referred to it; open `path`."""
    records = _records(path)
    service = db.session.get(m.Service, records["service"])
    provider.organization_id = service.organization_id
    made = m.ReferralList(title="Access check", created_by=provider)
    item = made.add_service(service, "coordinator@clinic.example.org")
    referral = m.ProgramReferral(item=item, service_id=service.id,
                                 organization_id=service.organization_id)
    asked = m.ContactRequest(service_id=service.id, channel="email",
                             address="someone@example.org", best_time="any", language="en")
    db.session.add_all([made, referral, asked])
    db.session.commit()
    return _outcome(client, method, path.format(**records, list=made.id, item=item.id,
                                                 referral=referral.id, request=asked.id))


@pytest.mark.parametrize("role", (None, *ROLES))
def test_provider_pages_against_every_role(client, staff_client, staff_users, role):
    visitor = staff_client(role) if role else client
    wrong = []
    for method, path, who in PROVIDER_ROUTES:
        allowed = role == who or (who == "refer" and role in ("coordinator", "editor",
                                                               "admin"))
        expected = "allowed" if allowed else "refused" if role else "sign in"
        outcome = _provider_outcome(visitor, method, path, staff_users["provider"])
        if outcome != expected:
            wrong.append((method, path, expected, outcome))
    assert wrong == []


def test_every_provider_route_is_in_the_matrix(app):
    rules = {rule.rule for rule in app.url_map.iter_rules()
             if rule.endpoint.startswith("providers.")}
    checked = {path.replace("{", "<").replace("}", ">") for _, path, _ in PROVIDER_ROUTES}
    rules.discard("/provider/<any(services, locations):kind>/<owner_id>/phones")
    checked -= {"/provider/services/<service>/phones", "/provider/locations/<location>/phones"}
    normalised = {rule.replace("<service_id>", "<service>").replace("<list_id>", "<list>")
                  .replace("<item_id>", "<item>").replace("<referral_id>", "<referral>")
                  .replace("<request_id>", "<request>")
                  for rule in rules}
    assert normalised - PUBLIC_LINKS == checked
