"""Fuzzing every route's parameters (Hypothesis, bounded and seeded): paths with real and
made-up ids, query strings and posted forms of known and unknown names with hostile
values, anonymously on the public routes, and as a signed-in editor and as a program's
provider on the staff, referral and provider ones. Nothing answers 5xx, and every answer, error pages included, carries the
security headers."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from directory import models as m
from directory.extensions import db
from tests.helpers import builders

EXAMPLES = 300  # per audience: enough to reach every route, small enough for `make test`

HOSTILE = ["", "0", "-1", "1e309", "nan", "inf", "99999999999999999999", "\x00", "%00", "9\x00",
           "../../etc/passwd", "<script>alert(1)</script>", "’", "ñandú", " ", "true", "off",
           "2026-13-45", "x" * 600, "🙂", "\u202e", "\r\n", "92630", "Irvine, CA", "1,2,3",
           "-117.7", "33.6", "telehealth", "category:telehealth", "OR 1=1 --", "'", '"',
           "*", "?", "%", "\\", "[]", "{}", "null", "up", "down", "es", "en", "1"]
PARAMETERS = ["q", "search", "near", "lat", "lng", "radius", "page", "per_page", "sort",
              "category", "delivery", "payment", "population", "accessibility", "language",
              "age", "open_now", "accepting", "wheelchair", "verified_within_months", "lang",
              "all", "next", "format", "modified_after", "taxonomy_id", "taxonomy_term_id",
              "parent_id", "top_only", "postcode", "proximity", "unit", "print", "suggestion",
              "service_id", "organization_id", "code", "token", "endpoint", "_anchor",
              "_method", "_scheme", "_external", "view", "status"]
FIELDS = ["name", "alternate_name", "description", "status", "email", "url", "website",
          "organization_id", "minimum_age", "maximum_age", "languages", "categories",
          "delivery", "payment", "phones-0-number", "phones-0-type", "phones-0-extension",
          "phones-0-id", "phones-0-remove", "phones-31-number", "areas-0-kind",
          "areas-0-value", "areas-0-id", "areas-0-name", "MO-mode", "MO-opens_1",
          "MO-closes_1", "TU-opens_2", "notes", "unit", "accepting", "available", "maximum",
          "waitlist_weeks", "note", "title", "reference", "contact", "near", "radius", "age",
          "barriers", "add", "direction", "body", "homepage", "reason", "latitude",
          "longitude", "set_coordinates", "location_type", "address_1", "city",
          "state_province", "postal_code", "services", "stamp", "suggestion_id", "next",
          "follow_up_on", "text", "answer", "reason_text", "share_first_name", "first_name",
          "share_phone", "phone", "contact_time", "eligibility_description"]
# Signing out would end the fuzzing editor's session (the tests of sessions cover it).
NOT_FUZZED = {"static", "staff.logout"}
PRIVATE = ("staff.", "referrals.", "providers.")

values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40),
                   st.integers(-10 ** 12, 10 ** 12).map(str))


@pytest.fixture
def world(app, staff_users):
    """A small directory with one of everything a route can name: {argument: [ids]}."""
    terms = builders.load_taxonomy()
    service = builders.service("Fuzz Target Counselling", terms=[terms["telehealth"]])
    service.phones = [m.Phone(number="(714) 555-0100", type="voice")]
    service.schedules = [m.Schedule(freq="WEEKLY", byday="MO", opens_at="09:00",
                                    closes_at="17:00", description="Walk-ins")]
    suggestion = m.Suggestion(service=service, body="The phone changed.")
    referral_list = m.ReferralList(title="Fuzz list", reference="FZ-1",
                                   created_by=staff_users["editor"])
    db.session.add_all([suggestion, referral_list])
    referral_list.add_service(service, "editor@clinic.example.org")
    db.session.commit()
    _link, token = referral_list.share(30, "editor@clinic.example.org")
    referral = m.ProgramReferral(item=referral_list.items[0], service_id=service.id,
                                 organization_id=service.organization_id, first_name="Fuzz")
    staff_users["provider"].organization_id = service.organization_id
    db.session.add(referral)
    db.session.commit()
    return {
        "service_id": [service.id], "organization_id": [service.organization_id],
        "location_id": [service.locations[0].id], "owner_id": [service.id,
                                                               service.organization_id],
        "kind": ["services", "organizations", "locations"], "code": ["telehealth"],
        "list_id": [referral_list.id], "item_id": [referral_list.items[0].id],
        "link_id": [referral_list.share_links[0].id], "suggestion_id": [suggestion.id],
        "user_id": [staff_users["coordinator"].id], "token": [token],
        "term_id": [terms["telehealth"].id], "taxonomy_id": [terms["telehealth"].taxonomy_id],
        "sal_id": [service.service_at_locations[0].id], "referral_id": [referral.id],
    }


def _routes(app, private):
    routes = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in NOT_FUZZED or rule.endpoint.startswith(PRIVATE) != private:
            continue
        for method in sorted((rule.methods or set()) & {"GET", "POST"}):
            routes.append((rule, method))
    return sorted(routes, key=lambda route: (route[0].rule, route[1]))


def _path(data, rule, world):
    """Build the rule's path with each argument a real id or something made up."""
    path = rule.rule
    for argument in rule.arguments:
        real = world.get(argument, [])
        chosen = data.draw(st.one_of(st.sampled_from(real), values) if real else values)
        path = path.replace(f"<{argument}>", quote(chosen, safe="") or "x")
        for converter in ("any(services, locations, organizations):", "path:",
                          "any(services, locations):"):
            path = path.replace(f"<{converter}{argument}>", quote(chosen, safe="") or "x")
    return path


def _pairs(data, names):
    keys = st.one_of(st.sampled_from(names), st.text(min_size=1, max_size=8))
    return data.draw(st.lists(st.tuples(keys, values), max_size=6))


def _assert_calm(response, method, path):
    assert response.status_code < 500, (method, path, response.status_code)
    headers = response.headers
    assert "frame-ancestors 'none'" in headers.get("Content-Security-Policy", ""), (method, path)
    assert headers.get("X-Content-Type-Options") == "nosniff", (method, path)


@pytest.mark.parametrize("audience", ["public", "editor", "provider"])
def test_no_route_answers_5xx_to_any_parameters(app, client, staff_client, world, audience):
    asker = client if audience == "public" else staff_client(audience)
    routes = _routes(app, private=audience != "public")
    assert routes

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def request_anything(data):
        rule, method = data.draw(st.sampled_from(routes))
        path = _path(data, rule, world)
        query = _pairs(data, PARAMETERS)
        if method == "GET":
            response = asker.get(path, query_string=MultiDict(query))
        else:
            response = asker.post(path, query_string=MultiDict(query[:2]),
                                  data=MultiDict(_pairs(data, FIELDS)))
        _assert_calm(response, method, path)

    request_anything()


def test_every_route_is_fuzzed(app):
    """The route lists are built from the app itself, so a new route is fuzzed too."""
    fuzzed = {rule.endpoint for private in (True, False) for rule, _ in _routes(app, private)}
    every = {rule.endpoint for rule in app.url_map.iter_rules()} - NOT_FUZZED
    assert fuzzed == every
