"""The results page's kept cards (public/cards.py): a page drawn from kept cards is the page
drawn from the database, card for card, for a sample of searches in every language; what
depends on the search (the link, the distance, open now, "related", rides) is each
search's own; an edit shows on the next page; the cache keeps no more than it is allowed."""

import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from directory import catalogue
from directory import models as m
from directory.extensions import db
from directory.public import cards
from directory.template_helpers import hours_phrase
from tests.helpers import builders

SEARCHES = [
    "/search?q=counseling&near=92630",
    "/search?near=92630&category=group-therapy-peer-support&payment=medi-cal",
    "/search?near=92701",
    "/search?q=detox",
    "/search?q=group+therapy&near=Irvine&open_now=true",
    "/search?q=grop+therapy&near=92630&radius=50&page=2",
    "/search?q=residential+treatment&near=92805&sort=distance",
    "/search?q=terapia+de+grupo&near=92703&lang=es",
    "/search?q=tr%E1%BB%8B+li%E1%BB%87u+nh%C3%B3m&near=92683&lang=vi",
    "/search?q=rides&near=92630&category=transportation",
    "/search?q=snorkelling&near=92630&radius=5&category=housing&language=ko",  # remote only
    "/search?near=Boston",  # outside the area
]


def _page(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)


@pytest.mark.parametrize("url", SEARCHES)
def test_a_page_of_kept_cards_is_the_page_the_database_draws(seeded_client, uncached, url):
    uncached(0)
    from_database = _page(seeded_client, url)
    uncached(1000)
    _page(seeded_client, url)  # every card kept
    kept = _page(seeded_client, url)
    assert kept == from_database
    assert kept.count('class="card"') == from_database.count('class="card"')


def _listing_pages(app):
    with app.app_context():
        organization = db.session.scalars(
            select(m.Organization).join(m.Service).order_by(m.Organization.name)).first()
    return ["/categories/group-therapy-peer-support", "/categories/housing?page=1",
            "/categories/group-therapy-peer-support?lang=vi",
            f"/organizations/{organization.id}", f"/organizations/{organization.id}?lang=es"]


def test_a_listing_of_kept_cards_is_the_listing_the_database_draws(seeded_app, uncached):
    visitor = seeded_app.test_client()
    for url in _listing_pages(seeded_app):
        uncached(0)
        from_database = _page(visitor, url)
        uncached(1000)
        _page(visitor, url)
        assert _page(visitor, url) == from_database, url
        assert from_database.count('class="card"') >= 1, url
        links = re.findall(r'<h2 class="card-title" id="svc-[^"]+"><a href="([^"]+)"',
                           from_database)
        lang = re.search(r"lang=(\w+)", url)
        assert links and all(link.endswith(f"?lang={lang.group(1)}") if lang
                             else "?" not in link for link in links), url


def test_each_search_fills_its_own_link_distance_and_notes_into_a_kept_card(seeded_client):
    first = _page(seeded_client, "/search?q=counseling&near=92630")
    name = re.search(r'<h3 class="card-title" id="svc-([^"]+)"><a href="([^"]+)">', first)
    service_id = name.group(1)
    assert name.group(2) == f"/services/{service_id}?q=counseling&amp;near=92630"
    # The same card, kept, found by another search from another place: its own link and
    # distance, and no trace of the first search.
    other = _page(seeded_client, "/search?q=counseling&near=92805&lang=es")
    card = re.search(rf'<article class="card" aria-labelledby="svc-{service_id}">(.*?)'
                     r"</article>", other, re.DOTALL)
    assert card, "the service is on the second page too"
    assert f'href="/services/{service_id}?q=counseling&amp;near=92805&amp;lang=es"' in \
        card.group(1)
    assert "near=92630" not in card.group(1)
    assert "near=92805" in card.group(1)  # the rides link carries the new place


def test_the_distance_is_each_search_s(seeded_client):
    def distance(url, service_id):
        card = re.search(rf'aria-labelledby="svc-{service_id}">(.*?)</article>',
                         _page(seeded_client, url), re.DOTALL).group(1)
        return re.search(r"<dt>Distance</dt><dd>([^<]+)</dd>", card).group(1)

    page = _page(seeded_client, "/search?q=counseling&near=92630")
    service_id = re.search(r'id="svc-([^"]+)"', page).group(1)
    near, far = distance("/search?q=counseling&near=92630", service_id), \
        distance("/search?q=counseling&near=92630&radius=100&lat=33.0&lng=-117.2", service_id)
    assert near != far


def test_an_edit_shows_on_the_next_page(app, client):
    terms = builders.load_taxonomy()
    svc = builders.service("Harbor Counselling", terms=[terms["outpatient-counselling"]],
                           description="Counselling for adults.")
    assert "Harbor Counselling" in _page(client, "/search?near=92630")
    svc.organization.name = "Renamed Harbor Agency"
    db.session.commit()
    page = _page(client, "/search?near=92630")
    assert "Renamed Harbor Agency" in page and "Harbor Counselling Organization" not in page
    listing = _page(client, "/categories/outpatient-counselling")
    assert "Renamed Harbor Agency" in listing
    svc.organization.name = "Harbor Agency Again"
    db.session.commit()
    assert "Harbor Agency Again" in _page(client, "/categories/outpatient-counselling")
    assert "Harbor Agency Again" in _page(client, f"/organizations/{svc.organization.id}")


def test_a_card_is_kept_per_language(seeded_app):
    visitor = seeded_app.test_client()  # no app context held: each request its language
    url = "/search?q=counseling&near=92630"
    english = _page(visitor, url)
    spanish = _page(visitor, url, **{"Accept-Language": "es"})
    vietnamese = _page(visitor, url + "&lang=vi")
    assert "<dt>Verified</dt>" in english and "<dt>Verificado</dt>" in spanish
    assert "<dt>Verified</dt>" not in spanish + vietnamese
    assert "Grupo de Apoyo Entre Pares" in spanish and "Grupo de Apoyo" not in english
    assert _page(visitor, url) == english


def test_the_cache_keeps_no_more_cards_than_allowed(app_with):
    small = app_with(RESULT_CARDS_KEPT=3)
    terms = builders.load_taxonomy()
    for number in range(6):
        builders.service(f"Counselling {number}", terms=[terms["outpatient-counselling"]])
    with small.test_request_context("/search"):
        found = cards.cache().cards(
            db.session.scalars(select(m.Service.id)).all())
        assert len(found) == 6  # this page's cards, all of them
        assert len(cards.cache()._cards) == 3


def test_kept_hours_say_what_the_service_s_hours_say_at_every_moment(seeded_app):
    moments = [datetime(2026, 12, 1, 18, 0, tzinfo=UTC), datetime(2026, 12, 2, 3, 30, tzinfo=UTC),
               datetime(2026, 12, 5, 20, 15, tzinfo=UTC), datetime(2026, 12, 7, 1, 0, tzinfo=UTC)]
    with seeded_app.test_request_context("/search"):
        services = db.session.scalars(select(m.Service)).all()
        kept = cards.cache().cards([s.id for s in services])
        phrases = set()
        for service in services:
            for moment in moments:
                said = hours_phrase(service, moment)
                assert cards.cache().hours(kept[service.id], moment) == said, service.name
                phrases.add(said[0])
        assert {"open", "closed"} <= phrases


def test_a_service_the_directory_no_longer_holds_has_no_card(app):
    terms = builders.load_taxonomy()
    svc = builders.service("Harbor Counselling", terms=[terms["outpatient-counselling"]])
    with app.test_request_context("/search"):
        kept = cards.cache().cards([svc.id, "no-such-service"])
        assert set(kept) == {svc.id}
        # no hours listed: nothing said, as on its page
        assert cards.cache().hours(kept[svc.id]) == hours_phrase(svc) == (None, None)
        assert catalogue.get_services(["no-such-service"]) == []
