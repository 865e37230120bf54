"""The kept organization page (public/organization_page.py): drawn from the kept body, it
is the page drawn from the database, for the sample's organizations in every language; an
edit and a service unlisted show on the next page; an unknown organization is a 404 and
nothing is kept of it."""

import pytest
from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from tests.helpers import builders

LANGUAGES = ["", "?lang=es", "?lang=vi"]


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)


def _kept(app):
    return [key for key in app.extensions["result_cards"]._cards if key[1] == "organization"]


@pytest.fixture
def sample_organizations(seeded_app):
    with seeded_app.app_context():
        ids = db.session.scalars(select(m.Organization.id).order_by(m.Organization.name)).all()
        return ids[::5]


def test_a_kept_page_is_the_page_the_database_draws(seeded_app, sample_organizations,
                                                    uncached):
    visitor = seeded_app.test_client()
    assert len(sample_organizations) >= 8
    for organization_id in sample_organizations:
        for language in LANGUAGES:
            url = f"/organizations/{organization_id}{language}"
            uncached(0)
            from_database = _page(visitor, url)
            uncached(100)
            _page(visitor, url)
            assert _page(visitor, url) == from_database, url
            assert len(_kept(seeded_app)) == 1


def test_an_edit_and_an_unlisting_show_on_the_next_page(app, client):
    builders.load_taxonomy()
    first = builders.service("Harbor Counseling")
    second = builders.service("Harbor Peer Group", org=first.organization)
    db.session.commit()
    url = f"/organizations/{first.organization.id}"
    page = _page(client, url)
    assert "Harbor Counseling" in page and "Harbor Peer Group" in page
    first.organization.description = "Counseling and groups by the harbor."
    second.status = "inactive"
    db.session.commit()
    page = _page(client, url)
    assert "Counseling and groups by the harbor." in page and "Harbor Peer Group" not in page
    assert client.get("/organizations/no-such-organization").status_code == 404
    assert {key[0] for key in _kept(app)} == {first.organization.id}  # one per data stamp
