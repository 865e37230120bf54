"""The kept service page (public/service_page.py): a page drawn from the kept body is the
page drawn from the database, for a sample of the sample's services, from a searched place
or none, in every language, to print; what depends on the request (distance, directions,
rides from the place searched, the form's token, the staff link) is each request's own;
an edit shows on the next page."""

import re

import pytest
from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.pages import sign_in, staff_account

VARIANTS = ["", "?near=92630", "?q=counseling&near=92630", "?lang=es", "?lang=vi&near=Irvine",
            "?print=1&near=92805"]
TOKEN = re.compile(r'name="form_token" value="[^"]+"')


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return TOKEN.sub('name="form_token" value=""', response.get_data(as_text=True))


def _pages_kept(app):
    return [key for key in app.extensions["result_cards"]._cards if key[1] == "page"]


@pytest.fixture
def sample_services(seeded_app):
    with seeded_app.app_context():
        services = db.session.scalars(select(m.Service).order_by(m.Service.name)).all()
        return [s.id for s in services if s.is_listed][::9]


def test_a_kept_page_is_the_page_the_database_draws(seeded_app, sample_services, uncached):
    visitor = seeded_app.test_client()
    assert len(sample_services) >= 12
    for service_id in sample_services:
        for variant in VARIANTS:
            url = f"/services/{service_id}{variant}"
            uncached(0)
            from_database = _page(visitor, url)
            uncached(100)
            _page(visitor, url)
            assert _page(visitor, url) == from_database, url
            assert len(_pages_kept(seeded_app)) == 1


def test_one_kept_page_serves_every_place_and_search_with_their_own_parts(app, client):
    builders.load_taxonomy()
    service = builders.service("Harbor Counseling", zip_code="92630", city="Lake Forest",
                               lat=33.6469, lng=-117.6861)
    db.session.commit()
    plain = _page(client, f"/services/{service.id}")
    near = _page(client, f"/services/{service.id}?q=counseling&near=92805")
    assert len(_pages_kept(app)) == 1  # one body for both
    assert 'class="distance"' not in plain and "Back to the results" not in plain
    assert re.search(r'<p class="distance">[^<]+ from [^<]*92805', near)
    assert "Back to the results" in near and "/search?q=counseling&amp;near=92805" in near
    assert "route=%3B33.64690%2C-117.68610" in plain  # from wherever the person is
    assert re.search(r"route=33\.[0-9]+%2C-117\.[0-9]+%3B33.64690%2C-117.68610", near)
    assert f'href="/services/{service.id}?q=counseling&amp;near=92805&amp;print=1"' in near
    # the map marks the place searched from, and only then
    assert re.search(r'data-place="{&#34;lat&#34;: 33\.[0-9]+', near)
    assert 'data-place="null"' in plain and "Harbor Counseling" in re.search(
        r'data-markers="([^"]+)"', plain).group(1)
    assert "Open in the staff workspace" not in near
    staff_account("editor@example.org", "editor")
    db.session.commit()
    staff = app.test_client()
    sign_in(staff, "editor@example.org")
    assert "Open in the staff workspace" in _page(staff, f"/services/{service.id}")
    assert "Open in the staff workspace" not in _page(client, f"/services/{service.id}")


def test_an_edit_shows_on_the_next_page_and_an_unlisted_service_is_gone(app, client):
    builders.load_taxonomy()
    service = builders.service("Harbor Counseling", description="Weekly groups.")
    url = f"/services/{service.id}"
    assert "Weekly groups." in _page(client, url)
    service.description = "Groups on Tuesday evenings."
    db.session.commit()
    page = _page(client, url)
    assert "Groups on Tuesday evenings." in page and "Weekly groups." not in page
    service.status = "inactive"
    db.session.commit()
    gone = client.get(url)
    assert gone.status_code == 404
    assert "no longer listed" in gone.get_data(as_text=True)
