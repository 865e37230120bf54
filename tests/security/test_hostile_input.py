"""Hostile one-request input: query parameters named like view or url_for arguments, NUL
characters in paths and parameters, and methods an address does not take. None of them
answers 5xx, every error page carries the security headers, and a 405 says what is allowed."""

import logging

import pytest

from tests.helpers import builders
from tests.helpers.pages import assert_safe_headers


@pytest.fixture
def records(app):
    service = builders.service("Hostile Input Counselling")
    return {"service": service.id, "organization": service.organization_id}


CLASHING = ["/?endpoint=x", "/services/{service}?service_id=1",
            "/organizations/{organization}?organization_id=1",
            "/categories/telehealth?code=x", "/shared/abc?token=x", "/?_anchor=x",
            "/search?q=therapy&_method=x", "/categories?_scheme=x", "/?_external=1",
            "/search?near=92630&endpoint=x&page=1", "/no-such-page?_anchor=x"]


@pytest.mark.parametrize("path", CLASHING)
def test_parameters_named_like_url_arguments_are_kept_and_harmless(client, records, path):
    response = client.get(path.format(**records))
    assert response.status_code < 500, response.status_code
    assert_safe_headers(response)
    html = response.get_data(as_text=True)
    # The language switch keeps the visitor's parameters, as given.
    name = path.split("?", 1)[1].split("=", 1)[0]
    assert f"{name}=" in html


NUL_PATHS = [("anonymous", "/services/%00"), ("anonymous", "/search?near=9%00"),
             ("anonymous", "/search?q=%00therapy"), ("anonymous", "/api/services?search=%00"),
             ("anonymous", "/categories/%00"), ("editor", "/staff/services?q=%00"),
             ("editor", "/staff/services/%00/edit"), ("coordinator", "/referrals/lists/%00"),
             ("anonymous", "/shared/%00")]


@pytest.mark.parametrize("who, path", NUL_PATHS)
def test_a_nul_character_is_refused_calmly_and_never_logged_raw(
        client, staff_client, caplog, who, path):
    caplog.set_level(logging.INFO)
    asker = client if who == "anonymous" else staff_client(who)
    response = asker.get(path)
    assert response.status_code in (400, 404), response.status_code
    assert_safe_headers(response)
    assert "\x00" not in caplog.text


def test_a_method_an_address_does_not_take_is_a_405_naming_the_allowed_ones(client):
    response = client.delete("/search")
    assert response.status_code == 405
    assert set(response.headers["Allow"].replace(" ", "").split(",")) >= {"GET", "HEAD"}
    assert_safe_headers(response)
    api = client.put("/api/services")  # POST is its form of search (HSDS 3.1)
    assert api.status_code == 405 and "GET" in api.headers["Allow"]
    assert api.get_json()["status"] == 405
