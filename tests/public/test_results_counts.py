"""The results page counts what was asked for: "residential treatment" counts the
residential services, says how many more are related, and marks each related card; a place
typed as the need is offered as a place; a place outside the area says that no phone or
online service here serves it."""

import re
from html import unescape

from directory import models as m


def _page(client, url):
    return client.get(url).get_data(as_text=True)


def _heading(page):
    found = re.search(r'<h1 id="results-heading"[^>]*>(.*?)</h1>', page, re.DOTALL)
    return " ".join(unescape(re.sub(r"<[^>]+>", "", found.group(1))).split())


def _residential_count():
    return sum(1 for service in m.Service.query if service.is_listed
               and "residential-treatment" in service.term_codes("category"))


def test_the_count_is_of_services_that_match_the_rest_are_related(seeded_client):
    page = _page(seeded_client, "/search?q=residential+treatment&per_page=100")
    heading = _heading(page)
    wanted = _residential_count()
    found = re.fullmatch(r"(\d+) services for “residential treatment” · (\d+) related", heading)
    assert found, heading
    assert int(found.group(1)) == wanted
    cards = page.count('<article class="card"')
    related = page.count('class="related-note"')
    assert cards == wanted + int(found.group(2)) and related == int(found.group(2))
    # The title, which a screen reader reads first, says it in words without markup.
    title = unescape(re.search(r"<title>(.*?)</title>", page, re.DOTALL).group(1))
    assert title.startswith(f"{wanted} services for “residential treatment” · ")
    assert "<span" not in title


def test_a_count_is_the_same_in_each_language(seeded_client):
    spanish = _heading(_page(seeded_client, "/search?q=tratamiento+residencial&lang=es"))
    assert spanish.startswith(f"{_residential_count()} servicios")


def test_a_search_whose_words_all_match_has_no_related(seeded_client):
    page = _page(seeded_client, "/search?q=Farsi")  # a word: each service found holds it
    assert "for “Farsi”" in _heading(page)
    assert "related" not in _heading(page) and 'class="related-note"' not in page


def test_a_place_typed_as_the_need_is_offered_as_a_place(seeded_client):
    page = unescape(_page(seeded_client, "/search?q=Boston"))
    assert 'href="/search?near=Boston%2C+MA"' in page or "near=Boston%2C%20MA" in page
    assert "Search for services near Boston, MA" in page


def test_outside_the_area_says_no_remote_service_serves_it(seeded_client):
    page = unescape(_page(seeded_client, "/search?near=Boston"))
    assert "Boston, MA is outside the area this directory covers" in page
    assert "No phone or online service listed here serves Boston, MA." in page
    # Sacramento is in California: the state-wide online services serve it.
    sacramento = unescape(_page(seeded_client, "/search?near=Sacramento"))
    assert "No phone or online service listed here serves" not in sacramento
