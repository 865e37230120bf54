"""Safety on the public pages: the "Leave this site" link on every public page (a plain
link to the configured neutral site, for browsers without JavaScript), the "Browse safely"
page in every interface language, and SAMHSA's National Helpline beside 988 where people
look for treatment, and not where they look for a ride."""

import re

import pytest

from directory.i18n import LANGUAGES
from tests.helpers.pages import text_of

PUBLIC_PAGES = ["/", "/categories", "/categories/residential-treatment", "/browse-safely",
                "/search?near=92630", "/search?q=zzzzqqq&near=92630"]


@pytest.fixture
def visitor(seeded_app):
    return seeded_app.test_client()


def test_every_public_page_has_a_plain_link_to_leave(visitor, seeded_app):
    seeded_app.config["EXIT_URL"] = "https://neutral.example.org/"
    try:
        for path in PUBLIC_PAGES:
            page = text_of(visitor.get(path))
            assert re.search(r'<a class="exit-page-button" href="https://neutral.example.org/"'
                             r' rel="noreferrer">Leave this site', page), path
            assert 'href="/browse-safely"' in page and "js/exit.js" in page, path
    finally:
        seeded_app.config["EXIT_URL"] = "https://www.weather.gov/"


def test_browse_safely_is_in_every_interface_language(visitor):
    english = text_of(visitor.get("/browse-safely?lang=en"))
    assert "Use a private window" in english and "Clear your history" in english
    for code in LANGUAGES:
        if code == "en":
            continue
        page = text_of(visitor.get(f"/browse-safely?lang={code}"))
        assert f'<html lang="{code}">' in page
        for sentence in ("Use a private window", "Clear your history", "Leave quickly",
                         "This site sets no cookies"):
            assert sentence not in page, (code, sentence)


def test_the_samhsa_helpline_is_beside_988_on_treatment_searches(visitor):
    for path in ("/search?near=92630&category=residential-treatment",
                 "/search?q=detox&near=92630", "/search?q=tratamiento&near=92630"):
        page = text_of(visitor.get(path))
        assert "SAMHSA National Helpline" in page and 'href="tel:+18006624357"' in page, path
        assert "1-800-662-4357" in page and 'href="tel:988"' in page
    rides = text_of(visitor.get("/search?near=92630&category=transportation"))
    assert "SAMHSA" not in rides


def test_treatment_service_pages_show_the_helpline(visitor):
    results = text_of(visitor.get("/search?near=92630&category=residential-treatment"))
    treatment = re.search(r'href="(/services/[^"?]+)', results).group(1)
    assert "1-800-662-4357" in text_of(visitor.get(treatment))
    rides = text_of(visitor.get("/search?near=92630&category=transportation"))
    ride = re.search(r'href="(/services/[^"?]+)', rides).group(1)
    assert "1-800-662-4357" not in text_of(visitor.get(ride))


def test_the_map_is_served_from_this_site_and_tiles_are_allowed_only_from_the_tile_server(
        visitor, seeded_app):
    response = visitor.get("/search?near=92630&category=residential-treatment")
    page = text_of(response)
    assert 'data-leaflet-js="/vendor/leaflet/leaflet.js"' in page and "Show map" in page
    assert "img-src 'self' data: https://tile.openstreetmap.org;" in \
        response.headers["Content-Security-Policy"]
    assert "script-src 'self';" in response.headers["Content-Security-Policy"]
    assert "leaflet.js" not in page.split("data-leaflet-js=")[0]  # not loaded up front
    leaflet = visitor.get("/vendor/leaflet/leaflet.js")
    assert leaflet.status_code == 200 and b"Leaflet" in leaflet.data[:400]
    assert visitor.get("/vendor/leaflet/images/marker-icon.png").status_code == 200
    assert visitor.get("/vendor/leaflet/../../../etc/passwd").status_code == 404
    seeded_app.config["MAP_TILE_URL"] = ""
    try:
        response = visitor.get("/search?near=92630&category=residential-treatment")
        assert "data-map" not in text_of(response)
        assert "img-src 'self' data:;" in response.headers["Content-Security-Policy"]
    finally:
        seeded_app.config["MAP_TILE_URL"] = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
