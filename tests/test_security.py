"""Security headers on every response, and pages that need no inline script or style
(so the Content-Security-Policy can forbid them)."""

import re

from tests import builders

PAGES_FOR_EVERYONE = ("/", "/categories", "/no-such-page", "/static/css/site.css",
                      "/staff/login")


def _assert_safe_headers(response):
    headers = response.headers
    policy = headers["Content-Security-Policy"]
    for directive in ("default-src 'self'", "img-src 'self' data:", "frame-ancestors 'none'",
                      "form-action 'self'", "script-src 'self'", "style-src 'self'",
                      "object-src 'none'"):
        assert directive in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] in ("same-origin", "strict-origin-when-cross-origin",
                                          "no-referrer")


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
        _assert_safe_headers(response)


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
    from tests import builders

    service = builders.service("Clean Name Line")
    response = editor_client.post(f"/staff/services/{service.id}/edit",
                                  data={"name": "Clean\x00Name", "status": "active"})
    assert response.status_code == 400
    assert "“name” contains invisible control characters" in response.get_data(as_text=True)
    response = editor_client.post(f"/staff/services/{service.id}/edit",
                                  data={"name": "Right\u202eto left", "status": "active"})
    assert response.status_code == 400
