"""Security headers on every response, and pages that need no inline script or style
(so the Content-Security-Policy can forbid them)."""

import re

from tests.helpers import builders
from tests.helpers.pages import assert_safe_headers

PAGES_FOR_EVERYONE = ("/", "/categories", "/no-such-page", "/static/css/site.css",
                      "/staff/login")


def _assert_no_inline_code(html, path):
    assert not re.search(r"<script(?![^>]*\bsrc=)", html, re.IGNORECASE), path
    assert not re.search(r"\sstyle\s*=", html, re.IGNORECASE), path
    assert "<style" not in html.lower(), path
    assert not re.search(r"\son[a-z]+\s*=", html, re.IGNORECASE), path  # onclick= and friends


def test_every_response_carries_the_security_headers(client, staff_users, editor_client):
    service = builders.service("Headers Check Counselling")
    responses = [client.get(path) for path in PAGES_FOR_EVERYONE]
    responses += [client.get(f"/services/{service.id}"),
                  client.post(f"/services/{service.id}/suggest", data={}),
                  editor_client.get("/staff/"),
                  editor_client.get(f"/staff/services/{service.id}/edit"),
                  editor_client.post(f"/staff/services/{service.id}/edit", data={})]
    for response in responses:
        assert_safe_headers(response)


def test_https_responses_ask_browsers_to_stay_on_https(client):
    response = client.get("/", base_url="https://directory.example.org")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    assert "Strict-Transport-Security" not in client.get("/").headers


def test_staff_and_public_pages_have_no_inline_script_or_style(app, staff_client):
    service = builders.service("Inline Check Recovery House")
    admin = staff_client("admin")
    location = service.locations[0].id
    paths = ["/staff/", "/staff/services", f"/staff/services/{service.id}",
             f"/staff/services/{service.id}/edit", f"/staff/services/{service.id}/phones",
             f"/staff/services/{service.id}/hours", f"/staff/services/{service.id}/areas",
             f"/staff/services/{service.id}/availability",
             f"/staff/services/{service.id}/retire", "/staff/organizations",
             f"/staff/organizations/{service.organization_id}", "/staff/organizations/new",
             f"/staff/locations/{location}", f"/staff/locations/{location}/edit",
             "/staff/suggestions", "/staff/users", "/staff/users/new", "/staff/password",
             f"/services/{service.id}", f"/services/{service.id}/suggest"]
    for path in paths:
        response = admin.get(path)
        assert response.status_code == 200, path
        _assert_no_inline_code(response.get_data(as_text=True), path)
    login = app.test_client().get("/staff/login").get_data(as_text=True)
    _assert_no_inline_code(login, "/staff/login")


def test_invisible_control_characters_are_refused_with_the_field_named(editor_client):
    from tests.helpers import builders

    service = builders.service("Clean Name Line")
    response = editor_client.post(f"/staff/services/{service.id}/edit",
                                  data={"name": "Clean\x00Name", "status": "active"})
    assert response.status_code == 400
    assert "“name” contains invisible control characters" in response.get_data(as_text=True)
    response = editor_client.post(f"/staff/services/{service.id}/edit",
                                  data={"name": "Right\u202eto left", "status": "active"})
    assert response.status_code == 400


def _private_page_values(app, referral_directory, referral_list, staff_users):
    """Build one of everything the private pages name; return (URL values, provider)."""
    from directory import models as m
    from directory.extensions import db
    from directory.providers import program_referrals, tokens
    from directory.referrals import sharing
    from tests.helpers.pages import staff_password_hash

    peer = referral_directory["peer"]
    item = next(each for each in referral_list.items if each.service_id == peer.id)
    provider = m.User(email="maria@casa.example.org", role="provider", name="Maria",
                      organization_id=peer.organization_id, password_hash=staff_password_hash())
    suggestion = m.Suggestion(service_id=peer.id, body="The phone number changed.")
    asked = m.ContactRequest(service_id=peer.id, channel="text", address="+17145550123",
                             best_time="evening", language="en")
    db.session.add_all([provider, suggestion, asked])
    referral = program_referrals.send(item, staff_users["coordinator"].email, "Ana", {})
    _, invitation = tokens.issue("invite", "new@casa.example.org", peer.organization, 7)
    _, confirmation = tokens.issue("confirm", provider.email, peer.organization, 7,
                                   user=provider)
    link, shared = referral_list.share(7, staff_users["coordinator"].email,
                                       token_for=sharing.link_token)
    db.session.commit()
    values = {"service_id": peer.id, "owner_id": peer.id, "kind": "services",
              "location_id": peer.locations[0].id, "organization_id": peer.organization_id,
              "suggestion_id": suggestion.id, "user_id": staff_users["editor"].id,
              "list_id": referral_list.id, "item_id": item.id, "referral_id": referral.id,
              "link_id": link.id, "request_id": asked.id}
    tokens_by_endpoint = {"providers.confirm": confirmation,
                          "providers.accept_invitation": invitation,
                          "shared.shared_list": shared}
    return values, tokens_by_endpoint, provider


def test_every_staff_provider_and_referral_page_is_kept_out_of_caches(
        app, staff_client, staff_users, referral_directory, referral_list):
    from flask import url_for

    from tests.helpers.pages import sign_in

    values, tokens_by_endpoint, provider = _private_page_values(
        app, referral_directory, referral_list, staff_users)
    provider_client = app.test_client()
    sign_in(provider_client, provider.email)
    clients = {"visitor": app.test_client(), "admin": staff_client("admin"),
               "coordinator": staff_client("coordinator"), "provider": provider_client}
    walked = []
    for rule in app.url_map.iter_rules():
        blueprint = rule.endpoint.partition(".")[0]
        if blueprint not in ("staff", "corrections", "providers", "referrals", "shared") or \
                "GET" not in rule.methods:
            continue
        arguments = {name: tokens_by_endpoint.get(rule.endpoint) if name == "token"
                     else values[name] for name in rule.arguments}
        if rule.endpoint == "staff.new_location":  # opened from a service or organization
            arguments["service_id"] = values["service_id"]
        with app.test_request_context():
            path = url_for(rule.endpoint, **arguments)
        statuses = {}
        for who, client in clients.items():
            response = client.get(path)
            statuses[who] = response.status_code
            assert response.status_code < 500, (path, who)
            assert response.headers.get("Cache-Control") == "no-store", (path, who,
                                                                          response.status_code)
        assert 200 in statuses.values(), (path, statuses)  # a real page, not only refusals
        walked.append(path)
    assert len(walked) >= 50  # every GET page of the five blueprints (51 today)
    # Public pages stay cacheable by the browser: the rule is for private pages only.
    assert "no-store" not in (clients["visitor"].get("/").headers.get("Cache-Control") or "")
