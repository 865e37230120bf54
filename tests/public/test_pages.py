"""The public pages of the catalogue, against the sample directory (and records built here)."""

import re

import pytest
from sqlalchemy import select

from directory import catalogue, labels
from directory import models as m
from directory.extensions import db
from tests.helpers import builders


def _services():
    return db.session.scalars(select(m.Service)).all()


def test_every_page_has_the_crisis_banner_and_a_skip_link(seeded_client):
    for path in ("/", "/categories", "/categories/telehealth", "/no-such-page"):
        html = seeded_client.get(path).get_data(as_text=True)
        assert "In crisis?" in html and 'href="tel:988"' in html and 'href="tel:911"' in html
        assert 'class="skip-link" href="#main"' in html
        assert '<main id="main"' in html


def test_home_lists_each_category_once_and_links_to_all(seeded_client):
    response = seeded_client.get("/")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    tiles = re.findall(r'name="category" value="([a-z-]+)"', html)
    assert tiles == list(labels.HOME_TILES)  # each once: no second list of the same tiles
    assert html.count("/categories/") == 0 and 'href="/categories"' in html
    assert "Sample data" in html
    every = seeded_client.get("/categories").get_data(as_text=True)
    counts = catalogue.category_counts()
    for term, count in counts:  # a category no listed service is in is left out
        assert every.count(f'href="/categories/{term.code}"') == (1 if count else 0)
        assert not count or f"({count} services)" in every or f"({count} service)" in every
    assert any(not count for _, count in counts)  # the sample has none of, say, legal help
    assert "(0 services)" not in every


def test_every_category_is_under_its_open_eligibility_group_at_a_few_queries(
        seeded_app, seeded_client):
    from sqlalchemy import event

    seeded_client.get("/categories")  # the groups are read once per index version
    statements = []
    with seeded_app.app_context():
        engine = db.engine
    listen = lambda *args: statements.append(args[2])
    event.listen(engine, "before_cursor_execute", listen)
    try:
        html = seeded_client.get("/categories").get_data(as_text=True)
    finally:
        event.remove(engine, "before_cursor_execute", listen)
    assert len(statements) <= 5, statements  # not one per category and ancestor
    health = html.split(">Health and recovery</h2>", 1)[1].split("</section>", 1)[0]
    assert 'href="/categories/residential-treatment"' in health
    assert 'href="/categories/transportation"' not in health
    transit = html.split(">Getting around</h2>", 1)[1].split("</section>", 1)[0]
    assert 'href="/categories/transportation"' in transit
    assert ">Food</h2>" not in html  # the sample has no food service: no empty heading


def test_category_page_lists_only_that_category(seeded_client):
    html = seeded_client.get("/categories/transportation").get_data(as_text=True)
    transport = [s for s in _services() if "transportation" in s.term_codes("category")
                 and s.is_listed]
    others = [s for s in _services() if "transportation" not in s.term_codes("category")]
    assert transport
    for svc in transport:
        assert f"/services/{svc.id}" in html
    for svc in others:
        assert f"/services/{svc.id}" not in html
    assert seeded_client.get("/categories/nonsense").status_code == 404
    assert seeded_client.get("/categories/payment").status_code == 404  # a group, not a category


def test_service_page_shows_everything_the_record_holds(seeded_client):
    svc = next(s for s in _services() if s.status == "active" and s.phones and s.schedules
               and s.physical_locations and s.application_process and s.languages
               and s.fees_description and s.eligibility_description)
    response = seeded_client.get(f"/services/{svc.id}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert svc.name.replace("&", "&amp;").replace("'", "&#39;") in html
    assert svc.organization.name.replace("&", "&amp;").replace("'", "&#39;") in html
    assert svc.phones[0].tel_uri in html
    loc = svc.physical_locations[0]
    assert loc.address.postal_code in html
    assert "openstreetmap.org/?mlat=" in html
    assert "<table class=\"hours\"" in html and "Monday" in html
    assert "How to apply" in html and "Cost and payment" in html and "Languages" in html
    assert "Verified" in html
    for lang in svc.languages:
        assert lang.name in html


def test_stale_service_shows_a_caution(seeded_client):
    from datetime import date

    stale = next(s for s in _services() if s.is_listed and s.assured_date
                 and (date.today() - s.assured_date).days > 365)
    html = seeded_client.get(f"/services/{stale.id}").get_data(as_text=True)
    assert "not verified in over a year" in html


def test_closed_and_unlisted_services(seeded_client):
    closed = next(s for s in _services() if s.status == "temporarily closed")
    html = seeded_client.get(f"/services/{closed.id}").get_data(as_text=True)
    assert "Temporarily closed" in html
    inactive = next(s for s in _services() if s.status in ("inactive", "defunct"))
    assert seeded_client.get(f"/services/{inactive.id}").status_code == 404
    assert seeded_client.get("/services/not-an-id").status_code == 404


def test_organization_page_lists_its_listed_services(seeded_client):
    org = next(o for o in db.session.scalars(select(m.Organization)) if len(o.services) > 1)
    html = seeded_client.get(f"/organizations/{org.id}").get_data(as_text=True)
    assert org.name.replace("&", "&amp;").replace("'", "&#39;") in html
    for svc in org.services:
        assert (f"/services/{svc.id}" in html) == svc.is_listed
    assert seeded_client.get("/organizations/unknown").status_code == 404


def test_pages_render_in_spanish_when_the_browser_asks(seeded_client):
    html = seeded_client.get("/", headers={"Accept-Language": "es-MX,es;q=0.9"}).get_data(
        as_text=True)
    assert '<html lang="es">' in html


@pytest.mark.parametrize(("minimum", "maximum", "words"), [
    (18, None, "18 and over"), (None, 17, "Up to 17"), (12, 17, "12 to 17"), (0, 0, "0 to 0")])
def test_the_service_page_says_the_ages_as_the_staff_page_does(client, minimum, maximum, words):
    """One wording for an age range (labels.age_range) on the public and the staff pages."""
    service = builders.service("Ages Clinic", minimum_age=minimum, maximum_age=maximum)
    html = client.get(f"/services/{service.id}").get_data(as_text=True)
    assert f"<p>Ages: {words}</p>" in html
    assert words == labels.age_range(minimum, maximum)


def test_the_service_page_says_nothing_of_ages_it_does_not_know(client):
    service = builders.service("Any Age Clinic")
    html = client.get(f"/services/{service.id}").get_data(as_text=True)
    assert "Ages" not in html and "Any age" not in html
